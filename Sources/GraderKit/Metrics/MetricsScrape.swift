import Foundation
import Grader

/// A Prometheus text exposition (format 0.0.4) parsed strictly, the way the Ops module grades
/// `/metrics`: every line must be valid, `# HELP` and `# TYPE` come at most once per metric and
/// before its samples, a metric's samples form one group, label values are quoted with only `\\`,
/// `\"` and `\n` escapes, counters are never negative, and a histogram's buckets grow with `le`
/// and end with `+Inf`, equal to its `_count`.
public struct MetricsScrape: Sendable {
    public let samples: [MetricSample]
    /// Metric family name → type (`counter`, `gauge`, `histogram`, `summary`, `untyped`).
    public let types: [String: String]
    public let help: [String: String]

    /// The value of the sample `name` with exactly these labels, or `nil`.
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        samples.first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample named `name`.
    public func samples(named name: String) -> [MetricSample] { samples.filter { $0.name == name } }

    /// Parses `text`; throws `MetricsScrape.Problem` naming the line and what is wrong.
    public init(parsing text: String) throws(Problem) {
        var parser = MetricsTextParser()
        try parser.parse(text)
        samples = parser.samples
        types = parser.types
        help = parser.help
        try HistogramRules.check(self)
    }

    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let line: Int
        public let message: String

        public var description: String {
            line > 0 ? Words("line \(line): \(message)", id: "baris \(line): \(message)").text : message
        }
    }
}
