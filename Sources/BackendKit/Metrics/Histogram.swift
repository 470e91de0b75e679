import Foundation

/// How values are spread, in fixed buckets: request durations, response sizes. Prometheus
/// estimates percentiles from it (`histogram_quantile(0.99, ...)`), and, unlike a percentile
/// computed in the server, buckets from several instances can be added up.
///
/// Each bucket counts the observations less than or equal to its upper bound (`le`), so the
/// counts grow from bucket to bucket, and the last, `+Inf`, always equals `_count`.
///
/// ```swift
/// let duration = try metrics.histogram("http_request_duration_seconds", help: "Time to answer.",
///                                      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1])
/// duration.observe(0.042)
/// ```
public final class Histogram: MetricFamily, @unchecked Sendable {
    // @unchecked Sendable: `series` and `problems` are guarded by `lock`.
    /// Prometheus's usual buckets for durations in seconds.
    public static let defaultBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    public let name: String
    public let help: String
    /// The finite upper bounds, increasing; `+Inf` is implied.
    public let buckets: [Double]
    private let schema: LabelSchema
    private let lock = NSLock()  // guards `series` and `problems`
    private var series: [[String]: Series] = [:]
    private var problems: [String] = []

    private struct Series {
        var counts: [UInt64]  // per bucket, not cumulative; the last is the +Inf bucket
        var sum: Double = 0
        var count: UInt64 = 0
    }

    init(name: String, help: String, labels: [String], buckets: [Double]) throws(MetricsError) {
        let finite = buckets.filter { $0 != .infinity }
        guard !finite.isEmpty else {
            throw .invalidBuckets(metric: name, reason: "give at least one upper bound")
        }
        guard finite.allSatisfy(\.isFinite) else {
            throw .invalidBuckets(metric: name, reason: "bounds must be numbers (NaN and -Inf are not)")
        }
        guard zip(finite, finite.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidBuckets(metric: name, reason: "bounds must increase strictly, each different")
        }
        self.name = name
        self.help = help
        self.buckets = finite
        self.schema = try LabelSchema(metric: name, names: labels, forbidden: ["le"])
        if labels.isEmpty { series[[]] = Series(counts: Array(repeating: 0, count: finite.count + 1)) }
    }

    /// Records one value for the given label values.
    public func observe(_ value: Double, labels: [String] = []) {
        if let problem = schema.problem(with: labels) {
            lock.withLock { if !problems.contains(problem) { problems.append(problem) } }
            return
        }
        let bucket = buckets.firstIndex { value <= $0 } ?? buckets.count
        lock.withLock {
            var entry = series[labels] ?? Series(counts: Array(repeating: 0, count: buckets.count + 1))
            entry.counts[bucket] += 1
            entry.sum += value
            entry.count += 1
            series[labels] = entry
        }
    }

    /// Records a duration in seconds, the unit Prometheus expects.
    public func observe(_ duration: Duration, labels: [String] = []) {
        observe(duration.timeInterval, labels: labels)
    }

    /// How many values were observed for these label values.
    public func count(labels: [String] = []) -> Int { lock.withLock { Int(series[labels]?.count ?? 0) } }

    var sampleNames: [String] { [name + "_bucket", name + "_sum", name + "_count"] }

    func render(into text: inout String) {
        text += LabelSchema.header(name: name, help: help, type: "histogram")
        // One snapshot under the lock: the +Inf bucket and _count always agree.
        let (snapshot, found) = lock.withLock { (series, problems) }
        for problem in found { text += "# backendkit: \(problem)\n" }
        for labels in snapshot.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let entry = snapshot[labels]!
            var cumulative: UInt64 = 0
            for (index, count) in entry.counts.enumerated() {
                cumulative += count
                let bound = index < buckets.count ? PrometheusText.number(buckets[index]) : "+Inf"
                text += PrometheusText.series(
                    name + "_bucket", labels: schema.names, values: labels, extra: ("le", bound))
                text += " \(cumulative)\n"
            }
            text += PrometheusText.series(name + "_sum", labels: schema.names, values: labels)
            text += " \(PrometheusText.number(entry.sum))\n"
            text += PrometheusText.series(name + "_count", labels: schema.names, values: labels)
            text += " \(entry.count)\n"
        }
    }
}
