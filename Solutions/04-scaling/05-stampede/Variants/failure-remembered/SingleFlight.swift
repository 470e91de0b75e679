import Foundation
import Synchronization

/// Frees the key only when the work returns: a failure stays in the table, and every later
/// caller of that key gets the same error.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let inFlight = Mutex<[Key: Task<Value, any Error>]>([:])

    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = inFlight.withLock { running in
            if let shared = running[key] { return shared }
            let started = Task {
                let value = try await work()
                _ = inFlight.withLock { $0.removeValue(forKey: key) }
                return value
            }
            running[key] = started
            return started
        }
        return try await task.value
    }
}
