import Foundation

/// What `backendlings dev check` found: every problem, by exercise, in words a pack author can act on.
public struct DevCheckResult: Codable, Sendable {
    public struct ExerciseResult: Codable, Sendable {
        public var id: String
        /// `fail` is what a starter should give; `pass` is what a solution should give.
        public var starter: String?
        public var solution: String?
        public var problems: [String]
        /// Every variant checked, in name order; a variant that is not caught at its check is a
        /// problem too, told by its line rather than in `problems`.
        public var variants: [VariantResult] = []
    }

    public var pack: String
    /// Problems that belong to no single exercise (the manifest, orphaned files, a grader that does
    /// not compile).
    public var problems: [String]
    public var exercises: [ExerciseResult]
    /// How long the build of the dev check's package and the grading runs took, in seconds.
    public var buildSeconds: Double = 0
    public var gradeSeconds: Double = 0

    public var ok: Bool { problemCount == 0 }
    public var problemCount: Int {
        problems.count
            + exercises.reduce(0) { $0 + $1.problems.count + $1.variants.filter(\.isProblem).count }
    }
    public var variantCount: Int { exercises.reduce(0) { $0 + $1.variants.count } }
}

/// How one known-wrong variant fared: caught at the check it names, or what happened instead.
public struct VariantResult: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        /// Its first failing check is the one it names: the hidden tests catch this mistake.
        case caught
        /// Every check passed: the hidden tests do not see this mistake at all.
        case passed
        /// Another check failed first.
        case caughtByAnotherCheck = "caught-by-another-check"
        /// `caughtBy` is not the name of a check of the exercise.
        case unknownCheck = "unknown-check"
        /// The variant does not compile, so it tests no check.
        case doesNotCompile = "does-not-compile"
        /// Its server does not start, so it tests no check.
        case serverDidNotRun = "server-did-not-run"
        /// Not graded: the reference solution must build and pass first.
        case notChecked = "not-checked"
    }

    /// `db01-schema/no-unique`.
    public var name: String
    public var description: String
    public var caughtBy: String
    public var outcome: Outcome
    /// The first check that did not pass, when one did not.
    public var failedFirst: String?
    /// The line the dev check shows, without its mark.
    public var line: String
    /// How long grading it took, in seconds.
    public var gradeSeconds: Double?

    /// A variant that is not caught where it says is a problem of the pack; one that could not be
    /// checked because the solution fails is not counted again.
    public var isProblem: Bool { outcome != .caught && outcome != .notChecked }
}
