/// A number that goes up and down: requests in progress, queue length, open connections.
///
/// ```swift
/// let inFlight = try metrics.gauge("http_requests_in_flight", help: "Requests being handled.")
/// inFlight.increment(); defer { inFlight.decrement() }
/// ```
public final class Gauge: MetricFamily, Sendable {
    public let name: String
    public let help: String
    let values: LabelledValues

    init(name: String, help: String, labels: [String]) throws(MetricsError) {
        self.name = name
        self.help = help
        self.values = LabelledValues(schema: try LabelSchema(metric: name, names: labels))
    }

    public func set(_ value: Double, labels: [String] = []) {
        values.update(labels) { $0 = value }
    }

    public func increment(by amount: Double = 1, labels: [String] = []) {
        values.update(labels) { $0 += amount }
    }

    public func decrement(by amount: Double = 1, labels: [String] = []) {
        values.update(labels) { $0 -= amount }
    }

    public func value(labels: [String] = []) -> Double { values.value(labels) }

    var sampleNames: [String] { [name] }

    func render(into text: inout String) {
        text += LabelSchema.header(name: name, help: help, type: "gauge")
        values.render(into: &text)
    }
}
