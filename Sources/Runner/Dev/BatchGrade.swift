import Foundation
import Grader

/// `backendlings dev grade`: grades many learners' workspaces (copies an instructor collected) and
/// writes what a gradebook or CI needs, without touching anyone's progress.
///
/// Each workspace's generated `Package.swift` is rewritten for this machine first (a copy from a
/// learner's machine points at their checkout), and exercises the learner never started are
/// graded as their starters, so every workspace gets a score for every exercise.
public struct BatchGrade: Sendable {
    public let pack: Pack
    public let home: URL
    public var only: Set<String> = []

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    /// One learner's results.
    public struct WorkspaceResult: Codable, Sendable {
        public var workspace: String
        public var exercises: [ExerciseResult]
        public var score: Int
        public var maxScore: Int
        public var passed: Int
        /// Why the workspace could not be graded at all, when it could not.
        public var problem: String?
    }

    public struct ExerciseResult: Codable, Sendable {
        public var exercise: String
        public var status: String
        public var score: Int
        public var maxScore: Int
    }

    /// Grades each workspace in turn (each one's checks run in parallel). `onGraded` receives every
    /// exercise's report as it is known, for writing files.
    public func run(
        _ workspaces: [URL],
        onGraded: @escaping @Sendable (URL, CheckOutcome) -> Void = { _, _ in }
    ) -> [WorkspaceResult] {
        workspaces.map { root in
            let name = root.lastPathComponent
            do {
                let workspace = Workspace(root: root, pack: pack, home: home)
                _ = try workspace.sync()
                let locations = Locations(home: home, packRoot: pack.root, workspace: workspace.root)
                let context = RunnerContext(locations: locations, pack: pack, workspace: workspace)
                var all = CheckAll(context: context)
                all.record = false
                all.only = only
                let outcomes = try all.run { onGraded(root, $0) }
                return WorkspaceResult(
                    workspace: name,
                    exercises: outcomes.map {
                        ExerciseResult(
                            exercise: $0.exercise.id, status: $0.report.status.rawValue,
                            score: $0.report.score, maxScore: $0.report.maxScore)
                    },
                    score: outcomes.reduce(0) { $0 + $1.report.score },
                    maxScore: outcomes.reduce(0) { $0 + $1.report.maxScore },
                    passed: outcomes.filter(\.passed).count,
                    problem: nil
                )
            } catch {
                return WorkspaceResult(
                    workspace: name, exercises: [], score: 0, maxScore: 0, passed: 0,
                    problem: String(describing: error))
            }
        }
    }
}
