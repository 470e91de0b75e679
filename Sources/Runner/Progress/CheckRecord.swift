import Foundation

/// One recorded check of one exercise: when, and how many of its checks passed. The progress page
/// draws its chart from these.
public struct CheckRecord: Codable, Sendable, Equatable {
    public var exercise: String
    public var at: Date
    /// Checks that passed in this run.
    public var passed: Int
    /// Checks the run had (0 when the code did not build: nothing could run).
    public var total: Int

    public init(exercise: String, at: Date, passed: Int, total: Int) {
        self.exercise = exercise
        self.at = at
        self.passed = passed
        self.total = total
    }
}
