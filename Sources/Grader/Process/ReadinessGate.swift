import Foundation
import Synchronization

/// The race a server start is: the listening line, the process exiting, or the deadline, whichever
/// comes first. Each source calls `resolve`; the first outcome wins and the others are ignored.
final class ReadinessGate: Sendable {
    enum Outcome: Sendable, Equatable {
        case listening(port: Int)
        /// A line that starts like the listening line but is not one the grader can use.
        case attempt(line: String)
        case exited(ExitStatus)
        case timedOut
    }

    private let outcome = Mutex<Outcome?>(nil)
    private let resolved = DispatchSemaphore(value: 0)

    func resolve(_ newOutcome: Outcome) {
        let first = outcome.withLock { outcome in
            guard outcome == nil else { return false }
            outcome = newOutcome
            return true
        }
        if first { resolved.signal() }
    }

    /// Blocks the calling thread until the first outcome, or resolves itself with `.timedOut` after
    /// `timeout`. Blocking on purpose: graders call it from check threads, never from Swift's
    /// cooperative pool.
    func waitBlocking(timeout: Duration) -> Outcome {
        if resolved.wait(timeout: .now() + timeout.timeInterval) == .timedOut {
            resolve(.timedOut)
        }
        return outcome.withLock { $0 ?? .timedOut }
    }
}
