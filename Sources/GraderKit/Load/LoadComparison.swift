import Foundation
import Grader

/// The learner's server and the reference solution under the same load in the same run, so a
/// slow laptop grades the same as a fast one: checks compare ratios, never milliseconds.
public struct LoadComparison: Sendable {
    public let learner: LoadResult
    public let reference: LoadResult

    /// The learner's p99 latency over the reference's (both at least 1 µs).
    public var p99Ratio: Double { Self.ratio(learner.latency.p99, reference.latency.p99) }

    /// The learner's median latency over the reference's.
    public var p50Ratio: Double { Self.ratio(learner.latency.p50, reference.latency.p50) }

    /// Fails unless the learner's p99 is at most `factor` times the reference's, with both
    /// measurements in the message.
    @discardableResult
    public func expectP99(atMost factor: Double, hint: String? = nil) throws -> LoadComparison {
        guard p99Ratio <= factor else {
            throw CheckFailure(
                "under \(LoadResult.format(learner.plan.rate)) requests per second for \(learner.plan.duration.spokenSeconds), your server's 99th-percentile latency was \(LoadResult.milliseconds(learner.latency.p99)), \(String(format: "%.1f", p99Ratio))× the reference solution's \(LoadResult.milliseconds(reference.latency.p99)) measured in this run; the check allows \(String(format: "%.1f", factor))×.\n  Yours:     \(learner.summary)\n  Reference: \(reference.summary)",
                hint: hint)
        }
        return self
    }

    /// Fails when the learner's server failed (errors, or requests that could not start) more
    /// than the reference did, beyond a noise allowance of 1% of the requests (at least one): a
    /// busy machine can leave a request without a connection at the end of a slice. Beyond that
    /// allowance, failures of the reference itself mean the check's load is too high.
    @discardableResult
    public func expectNoErrors(hint: String? = nil) throws -> LoadComparison {
        let allowance = max(1, reference.scheduled / Self.noiseDivisor)
        let referenceFailures = reference.errorCount + reference.couldNotStart
        let learnerFailures = learner.errorCount + learner.couldNotStart
        if referenceFailures > allowance {
            throw CheckFailure(
                "the reference solution itself failed under this load (\(reference.summary)); the check's rate is too high for this machine. This is a problem in the lesson pack, not in your code."
            )
        }
        guard learnerFailures <= referenceFailures + allowance else {
            throw CheckFailure(
                "under \(LoadResult.format(learner.plan.rate)) requests per second your server failed requests the reference solution answered: \(learner.summary)",
                hint: hint)
        }
        return self
    }

    /// Failures up to 1 in this many requests count as noise.
    static let noiseDivisor = 100

    static func ratio(_ a: Duration, _ b: Duration) -> Double {
        let floor = 1e-6
        return max(a.timeInterval, floor) / max(b.timeInterval, floor)
    }
}
