import Foundation
import Synchronization

/// Shares the work of one key, but never removes the task once it has ended: every later caller
/// of that key gets its old result.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let inFlight = Mutex<[Key: Task<Value, any Error>]>([:])

    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = inFlight.withLock { running in
            if let shared = running[key] { return shared }
            let started = Task { try await work() }
            running[key] = started
            return started
        }
        return try await task.value
    }
}
