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
        // TODO(learner): in one inFlight.withLock { count in … }: when count is below maxInFlight,
        // add one and return true; otherwise return false. (A read now and an add later lets two
        // event loops take the last place together.)
        true
    }

    /// Gives a place back.
    private func leave() {
        // TODO(learner): take one off the count.
    }

    /// The middleware main.swift installs, just inside Server-Timing.
    var middleware: Middleware {
        { [self] request, next in
            // TODO(learner):
            // 1. Let /health straight through: it is never counted.
            // 2. Take a place with enter(); when there is none, throw at once
            //    HTTPError(.serviceUnavailable, …) with a Retry-After header of
            //    Self.retryAfterSeconds. Never wait for a place.
            // 3. Give the place back with leave() when next(request) returns *or throws*.
            try await next(request)
        }
    }
}
