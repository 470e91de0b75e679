/// Percentiles of a set of latencies, computed exactly from every sample (no histogram buckets,
/// so nothing is rounded): the value at rank ceil(p × n) of the sorted samples.
public struct LatencySummary: Sendable, Equatable {
    public let count: Int
    public let p50: Duration
    public let p90: Duration
    public let p99: Duration
    public let max: Duration
    public let mean: Duration

    /// Summarizes samples in nanoseconds.
    init(nanoseconds samples: [UInt64]) {
        count = samples.count
        guard !samples.isEmpty else {
            (p50, p90, p99, max, mean) = (.zero, .zero, .zero, .zero, .zero)
            return
        }
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> Duration {
            let rank = Swift.max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
            return .nanoseconds(Int64(sorted[Swift.min(rank, sorted.count) - 1]))
        }
        p50 = at(0.50)
        p90 = at(0.90)
        p99 = at(0.99)
        max = .nanoseconds(Int64(sorted.last!))
        mean = .nanoseconds(Int64(sorted.reduce(0.0) { $0 + Double($1) } / Double(sorted.count)))
    }

    /// The value at `fraction` (0.5 for the median) of samples in nanoseconds; for verification.
    static func percentile(_ fraction: Double, of samples: [UInt64]) -> UInt64 {
        let sorted = samples.sorted()
        let rank = Swift.max(1, Int((fraction * Double(sorted.count)).rounded(.up)))
        return sorted[Swift.min(rank, sorted.count) - 1]
    }
}
