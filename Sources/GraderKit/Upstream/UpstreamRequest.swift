import BackendKit
import Foundation

/// One request a fake upstream received, for assertions such as "retried 3 times with growing
/// delays and the same Idempotency-Key".
public struct UpstreamRequest: Sendable {
    public let method: String
    /// The target as sent: `/charges?currency=idr`.
    public let target: String
    /// The path without the query.
    public let path: String
    public let headers: HTTPHeaders
    public let body: Data
    /// When it arrived, by the wall clock.
    public let receivedAt: Date
    /// When it arrived, on the monotonic clock, for gaps between retries.
    public let arrival: ContinuousClock.Instant

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON, or `nil` when it is not JSON.
    public var json: JSONValue? { try? JSONValue(parsing: body) }

    /// "POST /charges", for messages.
    public var requestLine: String { "\(method) \(target)" }
}

extension Array where Element == UpstreamRequest {
    /// The time between each request and the next: the pauses a retry loop made.
    public var gaps: [Duration] { zip(self, dropFirst()).map { $1.arrival - $0.arrival } }
}
