import Foundation

/// What `backendlings dev mutants` found for one exercise: each mutant's verdict and the score.
public struct DevMutantsResult: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// A check failed: the hidden tests notice this change.
        case killed
        /// Every check passed: the hidden tests are blind to this change (or it changes nothing
        /// a client can see: an equivalent mutant).
        case survived
        /// It does not compile; not counted in the score.
        case doesNotCompile = "does-not-compile"
        /// Listed, not built (`--list`).
        case notRun = "not-run"
    }

    public struct Mutant: Codable, Sendable {
        /// From 1, in file and line order.
        public var number: Int
        /// `Solutions/…/Schema.swift`, as an author finds it.
        public var file: String
        public var line: Int
        /// The operator, e.g. "swap a status code".
        public var kind: String
        /// `- old` and `+ new` lines.
        public var diff: [String]
        public var outcome: Outcome
        /// The first check that failed, for a killed mutant.
        public var killedBy: String?
    }

    public var exercise: String
    public var seed: UInt64
    public var maximum: Int
    /// How many distinct mutations the operators found before sampling.
    public var candidates: Int
    public var mutants: [Mutant]
    public var buildSeconds: Double
    public var gradeSeconds: Double

    public var killed: Int { mutants.filter { $0.outcome == .killed }.count }
    public var survived: Int { mutants.filter { $0.outcome == .survived }.count }
    public var notCompiling: Int { mutants.filter { $0.outcome == .doesNotCompile }.count }
    /// Killed among the mutants that compile, from 0 to 1 (1 when none compiles).
    public var score: Double {
        killed + survived == 0 ? 1 : Double(killed) / Double(killed + survived)
    }
}
