import BackendKit
import Foundation

/// What a fake upstream does with one request: the ways real services answer, and the ways
/// they fail. Scripted per route with `FakeUpstream.on(_:_:_:)`.
public indirect enum UpstreamBehaviour: Sendable {
    /// Answers at once.
    case respond(status: Int, headers: HTTPHeaders, body: Data)
    /// Waits `delay` before sending anything (the status line included), then behaves as `then`.
    case delay(Duration, then: UpstreamBehaviour)
    /// Sends the status line and headers (with the full `Content-Length`) at once, then the body
    /// `chunkBytes` at a time with `interval` between chunks: a slow body, for read timeouts.
    case trickle(status: Int, body: Data, chunkBytes: Int, interval: Duration)
    /// Reads the request, then closes the connection without a word (an orderly FIN).
    case drop
    /// Reads the request, then resets the connection (TCP RST), as a crashed service does.
    case reset
    /// Reads the request and never answers, until the client gives up or the check ends.
    case neverAnswer
    /// Decides per request, for logic a list cannot express (a fake that stores what it gets).
    case custom(@Sendable (UpstreamRequest) -> UpstreamBehaviour)

    /// Answers with `text` as `text/plain`.
    public static func text(_ text: String, status: Int = 200, headers: HTTPHeaders = [:])
        -> UpstreamBehaviour
    {
        var all = headers
        if all["Content-Type"] == nil { all["Content-Type"] = "text/plain; charset=utf-8" }
        return .respond(status: status, headers: all, body: Data(text.utf8))
    }

    /// Answers with `json` as `application/json`.
    public static func json(_ json: JSONValue, status: Int = 200, headers: HTTPHeaders = [:])
        -> UpstreamBehaviour
    {
        var all = headers
        if all["Content-Type"] == nil { all["Content-Type"] = "application/json" }
        return .respond(status: status, headers: all, body: Data(json.description.utf8))
    }

    /// Answers with `status` and an empty body.
    public static func status(_ status: Int, headers: HTTPHeaders = [:]) -> UpstreamBehaviour {
        .respond(status: status, headers: headers, body: Data())
    }

    /// The mistake in this behaviour, in words for the test author; `nil` when it is usable.
    var problem: String? {
        switch self {
        case .respond(let status, _, _):
            return (100...599).contains(status)
                ? nil : "the status \(status) is not an HTTP status (100 to 599)"
        case .delay(let delay, let then):
            if delay < .zero { return "the delay \(delay) is negative" }
            if delay > FakeUpstream.maxDelay {
                return
                    "the delay \(delay) is longer than \(FakeUpstream.maxDelay), longer than a check may run; use .neverAnswer"
            }
            return then.problem
        case .trickle(let status, _, let chunkBytes, let interval):
            if !(100...599).contains(status) {
                return "the status \(status) is not an HTTP status (100 to 599)"
            }
            if chunkBytes < 1 { return "a trickle needs chunkBytes of 1 or more, not \(chunkBytes)" }
            if interval < .zero { return "the trickle interval \(interval) is negative" }
            return nil
        case .drop, .reset, .neverAnswer, .custom:
            return nil
        }
    }

    /// One word for logs and messages.
    var summary: String {
        switch self {
        case .respond(let status, _, _): "answer \(status)"
        case .delay(let delay, let then): "wait \(delay), then \(then.summary)"
        case .trickle(let status, let body, _, _): "answer \(status) with a slow body of \(body.count) bytes"
        case .drop: "close without answering"
        case .reset: "reset the connection"
        case .neverAnswer: "never answer"
        case .custom: "custom"
        }
    }
}
