import Grader

/// The raw measurements of one stretch of load, in nanoseconds; `LoadResult` summarizes one or
/// several (a comparison interleaves slices of both servers).
struct LoadRun {
    var scheduled: Int
    var couldNotStart: Int
    var duration: Duration
    var errors: [String: Int] = [:]
    var statuses: [Int: Int] = [:]
    var latencies: [UInt64] = []
    var services: [UInt64] = []
    var lateness: [UInt64] = []
    var samples: [LoadSample] = []
}

extension LoadResult {
    /// The summary of `runs` made with `plan` (their durations add up).
    init(plan: LoadPlan, runs: [LoadRun], keepSamples: Bool = false) {
        var merged = LoadRun(scheduled: 0, couldNotStart: 0, duration: .zero)
        for run in runs {
            merged.scheduled += run.scheduled
            merged.couldNotStart += run.couldNotStart
            merged.duration += run.duration
            merged.errors.merge(run.errors, uniquingKeysWith: +)
            merged.statuses.merge(run.statuses, uniquingKeysWith: +)
            merged.latencies += run.latencies
            merged.services += run.services
            merged.lateness += run.lateness
            merged.samples += run.samples
        }
        var measured = plan
        measured.duration = merged.duration
        self.init(
            plan: measured, scheduled: merged.scheduled, completed: merged.latencies.count,
            statuses: merged.statuses,
            errors: merged.errors, couldNotStart: merged.couldNotStart,
            latency: LatencySummary(nanoseconds: merged.latencies),
            serviceTime: LatencySummary(nanoseconds: merged.services),
            sendLateness: LatencySummary(nanoseconds: merged.lateness),
            achievedRate: Double(merged.latencies.count) / max(merged.duration.timeInterval, 1e-9),
            samples: keepSamples ? merged.samples : nil)
        sliceP99s = runs.map { LatencySummary(nanoseconds: $0.latencies).p99 }
    }
}
