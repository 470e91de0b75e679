import Foundation
import Synchronization

/// Lets callers that need the same key at the same time share one piece of work: the first caller
/// starts it, and everyone who asks for that key while it runs waits for the same result, or the
/// same error. Once the work has ended the key is free again, so the next caller starts afresh.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    // TODO(learner): keep the work that is running, by key: for example a
    // Mutex<[Key: Task<Value, any Error>]>. Hold the lock only to look up or change the table.

    init() {}

    /// The result of `work` for `key`, run once for all the callers that overlap.
    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        // TODO(learner):
        // 1. When work for this key is running, wait for its result (try await task.value).
        // 2. Otherwise start it in a Task, put the task in the table, and wait for it too.
        // 3. When the work ends, returning or throwing, remove the key, so the next caller runs
        //    the work again (a failure must not be remembered).
        try await work()
    }
}
