/// A number that only goes up: requests served, errors, bytes sent. Prometheus computes rates from
/// it (`rate(http_requests_total[5m])`), and treats a drop as a restart of the process.
///
/// ```swift
/// let requests = try metrics.counter("http_requests_total", help: "Requests answered.", labels: ["method", "status"])
/// requests.increment(labels: ["GET", "200"])
/// ```
public final class Counter: MetricFamily, Sendable {
    public let name: String
    public let help: String
    let values: LabelledValues

    init(name: String, help: String, labels: [String]) throws(MetricsError) {
        self.name = name
        self.help = help
        self.values = LabelledValues(schema: try LabelSchema(metric: name, names: labels))
    }

    /// Adds `amount` (default 1) for the given label values, one per label in declaration order.
    /// A negative amount is ignored: a counter never goes down.
    public func increment(by amount: Double = 1, labels: [String] = []) {
        guard amount >= 0 else { return }
        values.update(labels) { $0 += amount }
    }

    /// The current value for these label values (0 if never incremented).
    public func value(labels: [String] = []) -> Double { values.value(labels) }

    var sampleNames: [String] { [name] }

    func render(into text: inout String) {
        text += LabelSchema.header(name: name, help: help, type: "counter")
        values.render(into: &text)
    }
}
