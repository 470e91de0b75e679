import BackendKit
import Foundation
import Synchronization

/// Backpressure: at most `maxInFlight` requests are answered at once. One more is refused at
/// once with `503 Service Unavailable` and `Retry-After`, instead of waiting in a queue that grows
/// until every request times out. `/health` is never refused: a load balancer that sees it fail
/// would take a server that is merely busy out of service.
final class LoadShedder: Sendable {
    let maxInFlight: Int
    /// What a refused client is told to wait, in seconds.
    static let retryAfterSeconds = 1

    // Every event loop enters and leaves: the Mutex makes "is there room? then take it" one step.
    private let inFlight = Mutex(0)

    init(maxInFlight: Int) {
        self.maxInFlight = maxInFlight
    }

    /// Takes a place when there is one.
    private func enter() -> Bool {
        inFlight.withLock { count in
            guard count < maxInFlight else { return false }
            count += 1
            return true
        }
    }

    private func leave() {
        inFlight.withLock { $0 -= 1 }
    }

    /// The middleware main.swift installs, just inside Server-Timing.
    var middleware: Middleware {
        { [self] request, next in
            guard request.path != "/health" else { return try await next(request) }
            guard enter() else {
                throw HTTPError(
                    .serviceUnavailable,
                    detail: "The server is busy: try again in \(Self.retryAfterSeconds) second.",
                    headers: ["Retry-After": String(Self.retryAfterSeconds)])
            }
            // `defer`: a handler that throws gives its place back too.
            defer { leave() }
            return try await next(request)
        }
    }
}
