import Foundation

/// What `backendlings dev check` found: every problem, by exercise, in words a pack author can act on.
public struct DevCheckResult: Codable, Sendable {
    public struct ExerciseResult: Codable, Sendable {
        public var id: String
        /// `fail` is what a starter should give; `pass` is what a solution should give.
        public var starter: String?
        public var solution: String?
        public var problems: [String]
    }

    public var pack: String
    /// Problems that belong to no single exercise (the manifest, orphaned files, a grader that does
    /// not compile).
    public var problems: [String]
    public var exercises: [ExerciseResult]

    public var ok: Bool { problems.isEmpty && exercises.allSatisfy { $0.problems.isEmpty } }
    public var problemCount: Int { problems.count + exercises.reduce(0) { $0 + $1.problems.count } }
}
