import Foundation

/// Where everything is for one command: the checkout, the pack, the learner's workspace.
///
/// Every command builds one of these first, so a bad `--pack`, a broken manifest or a missing
/// checkout is reported the same way everywhere.
public struct RunnerContext: Sendable {
    public let locations: Locations
    public let pack: Pack
    public let workspace: Workspace

    public init(
        packOption: String?, workspaceOption: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let locations = try Locations.resolve(
            packOption: packOption, workspaceOption: workspaceOption, environment: environment)
        self.locations = locations
        self.pack = try Pack.load(from: locations.packRoot)
        self.workspace = Workspace(root: locations.workspace, pack: pack, home: locations.home)
    }

    /// A context from parts already found, for tools that work on several workspaces.
    public init(locations: Locations, pack: Pack, workspace: Workspace) {
        self.locations = locations
        self.pack = pack
        self.workspace = workspace
    }

    public var exerciseBuilder: ExerciseBuilder { ExerciseBuilder(workspace: workspace) }
    public var graderBuilder: GraderBuilder { GraderBuilder(pack: pack, home: locations.home) }
    public var progressStore: ProgressStore { workspace.progressStore }

    public func module(of exercise: Exercise) -> Module {
        pack.modules.first { $0.id == exercise.moduleID }!
    }
}
