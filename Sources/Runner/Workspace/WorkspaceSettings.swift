import Foundation
import Grader

/// What a learner chose once and the workspace remembers: `.backendlings/settings.json`. Today the
/// language; a missing or unreadable file means nothing was chosen.
public struct WorkspaceSettings: Codable, Sendable, Equatable {
    public var language: Language?

    public init(language: Language? = nil) { self.language = language }

    public static func file(in workspace: Workspace) -> URL {
        workspace.stateFolder.appendingPathComponent("settings.json")
    }

    public static func load(from workspace: Workspace) -> WorkspaceSettings {
        guard let data = try? Data(contentsOf: file(in: workspace)),
            let settings = try? JSONDecoder().decode(WorkspaceSettings.self, from: data)
        else { return WorkspaceSettings() }
        return settings
    }

    public func save(in workspace: Workspace) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.createDirectory(workspace.stateFolder)
        try FileSystem.writeAtomically(try encoder.encode(self), to: Self.file(in: workspace))
    }
}
