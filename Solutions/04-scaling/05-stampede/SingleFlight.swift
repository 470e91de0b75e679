import Foundation
import Synchronization

/// Lets callers that need the same key at the same time share one piece of work: the first caller
/// starts it, and everyone who asks for that key while it runs waits for the same result, or the
/// same error. Once the work has ended the key is free again, so the next caller starts afresh.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    // One task per key whose work is running. The lock is held only to look up or change the
    // table, never while the work runs: other keys go on meanwhile.
    private let inFlight = Mutex<[Key: Task<Value, any Error>]>([:])

    init() {}

    /// The result of `work` for `key`, run once for all the callers that overlap.
    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = inFlight.withLock { running in
            if let shared = running[key] { return shared }
            let started = Task {
                // Whether it returns or throws, the key is free afterwards: a failure is not
                // remembered, so the next caller tries again. (This lock waits until the table
                // holds this task: it is held while the task is created.)
                defer { _ = inFlight.withLock { $0.removeValue(forKey: key) } }
                return try await work()
            }
            running[key] = started
            return started
        }
        return try await task.value
    }
}
