import Foundation
import Synchronization

/// Shares the work of one key, but to be safe lets only one piece of work run at a time: each
/// new task first waits for the one started before it, whatever its key.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Flights {
        var running: [Key: Task<Value, any Error>] = [:]
        var last: Task<Value, any Error>?
    }

    private let inFlight = Mutex(Flights())

    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let task = inFlight.withLock { flights in
            if let shared = flights.running[key] { return shared }
            let previous = flights.last
            let started = Task {
                defer { _ = inFlight.withLock { $0.running.removeValue(forKey: key) } }
                _ = try? await previous?.value
                return try await work()
            }
            flights.running[key] = started
            flights.last = started
            return started
        }
        return try await task.value
    }
}
