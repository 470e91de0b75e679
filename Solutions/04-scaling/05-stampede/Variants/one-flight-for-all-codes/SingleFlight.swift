import Foundation
import Synchronization

/// One slot for the running work, whatever the key: a miss of another code joins it.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let inFlight = Mutex<Task<Value, any Error>?>(nil)

    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = inFlight.withLock { running in
            if let shared = running { return shared }
            let started = Task {
                defer { inFlight.withLock { $0 = nil } }
                return try await work()
            }
            running = started
            return started
        }
        return try await task.value
    }
}
