import Foundation
import Synchronization

extension ChildProcess {
    /// Waits, without blocking a thread, until the child exits or `timeout` passes (`nil` on timeout).
    public func wait(timeout: Duration? = nil) async -> ExitStatus? {
        if let status = exitStatus {
            waitForPendingOutput(timeout: ChildState.drainAfterExit)
            return status
        }
        return await withCheckedContinuation { continuation in
            let once = ResumeOnce(continuation)
            whenExited { status in
                // Off the reaper thread: let the output reader catch up first, as `wait` does.
                DispatchQueue.global().async {
                    self.waitForPendingOutput(timeout: ChildState.drainAfterExit)
                    once.resume(status)
                }
            }
            if let timeout {
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval) {
                    once.resume(nil)
                }
            }
        }
    }

    /// `terminate(grace:)` for async code: the blocking work runs on a thread of its own, so the
    /// caller's executor stays free.
    @discardableResult
    public func terminate(grace: Duration = .seconds(2)) async -> ExitStatus {
        await Self.onOwnThread { self.terminate(grace: grace) }
    }

    /// Runs blocking `work` on a new thread and resumes the caller with its result.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
    }
}

/// A continuation that several racing callbacks may try to resume; only the first one does.
final class ResumeOnce<Value: Sendable>: Sendable {
    private let continuation: Mutex<CheckedContinuation<Value, Never>?>

    init(_ continuation: CheckedContinuation<Value, Never>) {
        self.continuation = Mutex(continuation)
    }

    func resume(_ value: Value) {
        let pending = continuation.withLock { pending in
            defer { pending = nil }
            return pending
        }
        pending?.resume(returning: value)
    }
}
