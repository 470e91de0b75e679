import Foundation
import Grader

/// What a load run measured.
///
/// `latency` counts from each request's *intended* send time, so time a request spent waiting
/// for a free connection behind a slow server is part of it (no coordinated omission, as in wrk2);
/// `serviceTime` counts from the moment it was written, which is what closed-loop tools such as
/// wrk report and what hides a stalled server.
public struct LoadResult: Sendable {
    public let plan: LoadPlan
    /// The requests the schedule asked for.
    public let scheduled: Int
    /// Requests answered with a complete response (any status).
    public let completed: Int
    /// Responses by status code.
    public let statuses: [Int: Int]
    /// Failures by kind: "timeout", "connection refused", "connection reset", "closed without an
    /// answer", "not HTTP", and "status 5xx" for server errors.
    public let errors: [String: Int]
    /// Requests still waiting for a connection half a second after the schedule ended (or the plan's
    /// timeout, when shorter): they never started.
    public let couldNotStart: Int
    /// From intended send time to complete response, over the completed requests.
    public let latency: LatencySummary
    /// From actual send time to complete response.
    public let serviceTime: LatencySummary
    /// How late the generator wrote requests that found a connection free: its own scheduling
    /// jitter on this machine.
    public let sendLateness: LatencySummary
    /// Completed requests per second over the scheduled duration.
    public let achievedRate: Double
    /// Every request's timestamps, when the run kept them.
    public let samples: [LoadSample]?
    /// The p99 latency of each slice the result was measured in, in order (one for a plain run,
    /// one per alternating slice of a comparison).
    public internal(set) var sliceP99s: [Duration] = []

    /// How many requests failed, of every kind.
    public var errorCount: Int { errors.values.reduce(0, +) }

    /// One line: "1000 req/s for 3 s: 3000 sent, 3000 answered, 0 errors; latency p50 0.21 ms,
    /// p90 0.35 ms, p99 0.90 ms, max 2.10 ms".
    public var summary: String {
        let failures =
            errors.isEmpty
            ? Words("0 errors", id: "0 error").text
            : errors.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let unstarted =
            couldNotStart > 0
            ? Words(", \(couldNotStart) could not start", id: ", \(couldNotStart) tidak bisa dimulai").text
            : ""
        return
            Words(
                "\(Self.format(plan.rate)) req/s for \(plan.duration.spokenSeconds): \(scheduled) scheduled, "
                    + "\(completed) answered, \(failures)\(unstarted); latency p50 \(Self.milliseconds(latency.p50)), "
                    + "p90 \(Self.milliseconds(latency.p90)), p99 \(Self.milliseconds(latency.p99)), "
                    + "max \(Self.milliseconds(latency.max))",
                id:
                    "\(Self.format(plan.rate)) req/s selama \(plan.duration.spokenSeconds): \(scheduled) dijadwalkan, "
                    + "\(completed) dijawab, \(failures)\(unstarted); latency p50 \(Self.milliseconds(latency.p50)), "
                    + "p90 \(Self.milliseconds(latency.p90)), p99 \(Self.milliseconds(latency.p99)), "
                    + "max \(Self.milliseconds(latency.max))"
            ).text
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.2f ms", duration.timeInterval * 1000)
    }

    static func format(_ rate: Double) -> String {
        rate == rate.rounded() && abs(rate) < 1e12 ? String(Int(rate)) : String(format: "%.1f", rate)
    }
}
