import Foundation

/// Runs `body(0)` … `body(count - 1)`, each on a new thread, and returns once all have finished,
/// blocking no thread meanwhile. For blocking work (sockets, waits) in an async test: the
/// cooperative pool has one thread per core, and blocking them stalls every other test's awaits.
func onOwnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        let group = DispatchGroup()
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread {
                body(index)
                group.leave()
            }
        }
        group.notify(queue: .global()) { continuation.resume() }
    }
}
