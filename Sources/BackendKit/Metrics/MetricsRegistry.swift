import Foundation

/// The metrics of one server, and their Prometheus text exposition (format 0.0.4) for `/metrics`.
///
/// Register every metric once at startup (a mistake in a name throws there), keep the returned
/// value, and update it from handlers; every metric is safe to update from all event loops.
///
/// ```swift
/// let metrics = MetricsRegistry()
/// let requests = try metrics.counter("http_requests_total", help: "Requests answered.", labels: ["status"])
/// router.get("/metrics") { _ in metrics.response() }
/// ```
public final class MetricsRegistry: @unchecked Sendable {
    // @unchecked Sendable: `families` is guarded by `lock`.
    private let lock = NSLock()  // guards `families`
    private var families: [any MetricFamily] = []

    public init() {}

    /// A counter: a number that only goes up (requests, errors). Throws for a bad or taken name.
    public func counter(_ name: String, help: String, labels: [String] = []) throws(MetricsError) -> Counter {
        try register(try Counter(name: name, help: help, labels: labels))
    }

    /// A gauge: a number that goes up and down (in-flight requests). Throws for a bad or taken name.
    public func gauge(_ name: String, help: String, labels: [String] = []) throws(MetricsError) -> Gauge {
        try register(try Gauge(name: name, help: help, labels: labels))
    }

    /// A histogram with fixed `buckets` (upper bounds, increasing; `+Inf` is added for you).
    public func histogram(
        _ name: String, help: String, labels: [String] = [], buckets: [Double] = Histogram.defaultBuckets
    ) throws(MetricsError) -> Histogram {
        try register(try Histogram(name: name, help: help, labels: labels, buckets: buckets))
    }

    /// Every metric in registration order, as Prometheus text: `# HELP` and `# TYPE` lines, then
    /// the samples, the label values escaped.
    public func exposition() -> String {
        let all = lock.withLock { families }
        var text = ""
        for family in all { family.render(into: &text) }
        return text
    }

    /// `exposition()` as a 200 response with the `Content-Type` Prometheus expects.
    public func response() -> Response {
        Response(
            status: .ok, headers: ["Content-Type": PrometheusText.contentType], body: Data(exposition().utf8))
    }

    private func register<Family: MetricFamily>(_ family: Family) throws(MetricsError) -> Family {
        let duplicate: String? = lock.withLock {
            let taken = Set(families.flatMap(\.sampleNames))
            if let clash = family.sampleNames.first(where: taken.contains) { return clash }
            families.append(family)
            return nil
        }
        if let duplicate { throw .duplicateName(duplicate) }
        return family
    }
}
