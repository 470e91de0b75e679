import Foundation
import Grader

/// Starts `count` threads that wait at a barrier and then run `body` together, as close to the same
/// instant as the machine allows, so races in the learner's code show up.
enum Concurrently {
    static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) -> [Result<
        T, any Error
    >] {
        start(count, body).wait()
    }

    /// Releases `count` threads at once and returns without waiting for them, so the caller can do
    /// something while they run (hold the database's write lock, for example).
    static func start<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) -> Running<T>
    {
        let results = Results<T>(count: count)
        let ready = DispatchGroup()
        let start = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        let language = Language.current  // a thread does not inherit the task's binding
        for index in 0..<count {
            ready.enter()
            finished.enter()
            let thread = Thread {
                ready.leave()
                start.wait()
                let result = Language.$bound.withValue(language) { Result { try body(index) } }
                results.set(index, result)
                finished.leave()
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
        ready.wait()
        for _ in 0..<count { start.signal() }
        return Running(results: results, finished: finished)
    }

    /// Threads started by `start`.
    struct Running<T: Sendable> {
        fileprivate let results: Results<T>
        fileprivate let finished: DispatchGroup

        /// Waits for every thread and returns their results in order.
        func wait() -> [Result<T, any Error>] {
            finished.wait()
            return results.all
        }
    }

    fileprivate final class Results<T>: @unchecked Sendable {
        // @unchecked Sendable: `values` is guarded by `lock` (errors are not Sendable, so no Mutex).
        private let lock = NSLock()
        private var values: [Result<T, any Error>?]

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Result<T, any Error>) { lock.withLock { values[index] = value } }

        var all: [Result<T, any Error>] { lock.withLock { values.map { $0! } } }
    }
}
