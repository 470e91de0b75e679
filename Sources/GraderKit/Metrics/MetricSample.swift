/// One sample line of a Prometheus exposition.
public struct MetricSample: Sendable, Equatable {
    public let name: String
    public let labels: [String: String]
    public let value: Double
    /// The line it came from, for messages.
    public let line: Int
}
