import Grader

/// What progress keeps of one grading run: how many checks passed, and the first failure.
public struct CheckTally: Sendable, Equatable {
    public var passed: Int
    public var total: Int
    public var failure: FailureNote?

    public init(passed: Int, total: Int, failure: FailureNote? = nil) {
        self.passed = passed
        self.total = total
        self.failure = failure
    }

    /// The tally of a report: its passed and total checks, and its first failure (or, when no check
    /// could run, the report's own message).
    public init(_ report: GradeReport) {
        passed = report.checks.filter { $0.status == .pass }.count
        total = report.checks.count
        if report.status == .pass {
            failure = nil
        } else if let first = report.firstFailure {
            failure = FailureNote(check: first.name, message: first.message ?? first.needs ?? "")
        } else {
            failure = FailureNote(check: nil, message: report.message ?? "")
        }
    }
}
