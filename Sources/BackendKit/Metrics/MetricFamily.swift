/// What the registry needs from every kind of metric: its names and its lines of exposition.
protocol MetricFamily: AnyObject, Sendable {
    var name: String { get }
    /// Every sample name this family writes (a histogram writes three).
    var sampleNames: [String] { get }
    /// Appends `# HELP`, `# TYPE` and the sample lines.
    func render(into text: inout String)
}

/// The label names of one metric, and the mistakes made when recording values for it.
///
/// A wrong number of label values cannot be caught at compile time; instead of crashing the
/// handler, the value is dropped and the exposition shows a comment naming the mistake, which a
/// learner sees the first time they open /metrics.
struct LabelSchema: Sendable {
    let metric: String
    let names: [String]

    init(metric: String, names: [String], forbidden: Set<String> = []) throws(MetricsError) {
        guard PrometheusText.isMetricName(metric) else { throw .invalidName(metric) }
        var seen = Set<String>()
        for label in names {
            guard PrometheusText.isLabelName(label), !forbidden.contains(label) else {
                throw .invalidLabelName(metric: metric, label: label)
            }
            guard seen.insert(label).inserted else { throw .duplicateLabelName(metric: metric, label: label) }
        }
        self.metric = metric
        self.names = names
    }

    /// `nil` (and a problem sentence) when `values` does not give one value per label.
    func problem(with values: [String]) -> String? {
        guard values.count != names.count else { return nil }
        let expected = names.isEmpty ? "no labels" : "\(names.count) (\(names.joined(separator: ", ")))"
        return
            "\(metric) was given \(values.count) label value(s) but has \(expected); those values were dropped."
    }

    static func header(name: String, help: String, type: String) -> String {
        "# HELP \(name) \(PrometheusText.escapeHelp(help))\n# TYPE \(name) \(type)\n"
    }
}
