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

    /// Sets the value outright (a queue length read from the database).
    public func set(_ value: Double, labels: [String] = []) {
        values.update(labels) { $0 = value }
    }

    /// Adds `amount` (default 1), for things that start: a request, a connection.
    public func increment(by amount: Double = 1, labels: [String] = []) {
        values.update(labels) { $0 += amount }
    }

    /// Subtracts `amount` (default 1), for things that end.
    public func decrement(by amount: Double = 1, labels: [String] = []) {
        values.update(labels) { $0 -= amount }
    }

    /// The current value for these label values (0 if never set).
    public func value(labels: [String] = []) -> Double { values.value(labels) }

    var sampleNames: [String] { [name] }

    func render(into text: inout String) {
        text += LabelSchema.header(name: name, help: help, type: "gauge")
        values.render(into: &text)
    }
}
