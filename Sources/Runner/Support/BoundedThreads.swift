import Foundation

/// Runs blocking work on threads, at most `limit` at a time (one per core by default), for
/// grading many exercises at once. Threads, not tasks: each job waits on child processes, which
/// must not hold Swift's few cooperative threads.
final class BoundedThreads: @unchecked Sendable {
    // @unchecked Sendable: it holds only a semaphore and a group, both safe from any thread.
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()

    init(limit: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        slots = DispatchSemaphore(value: max(1, limit))
    }

    /// Starts `work` as soon as a slot is free; blocks the caller until then.
    func submit(_ work: @escaping @Sendable () -> Void) {
        slots.wait()
        group.enter()
        Thread.detachNewThread { [self] in
            work()
            slots.signal()
            group.leave()
        }
    }

    /// Waits for everything submitted so far.
    func wait() { group.wait() }
}
