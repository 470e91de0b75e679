import Foundation
import Synchronization

/// The first caller runs the work itself and wakes the callers waiting for it when it has a
/// value; when the work throws, it frees the key and throws, but the waiters are never resumed.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let waiting = Mutex<[Key: [CheckedContinuation<Value, any Error>]]>([:])

    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        let isFirst = waiting.withLock { waiting in
            guard waiting[key] == nil else { return false }
            waiting[key] = []
            return true
        }
        guard isFirst else {
            return try await withCheckedThrowingContinuation { continuation in
                let joined = waiting.withLock { waiting in
                    guard waiting[key] != nil else { return false }
                    waiting[key]?.append(continuation)
                    return true
                }
                // The work ended between the two looks: run it again for this caller.
                if !joined {
                    Task {
                        do { continuation.resume(returning: try await work()) } catch {
                            continuation.resume(throwing: error)
                        }
                    }
                }
            }
        }
        do {
            let value = try await work()
            let waiters = waiting.withLock { $0.removeValue(forKey: key) } ?? []
            for waiter in waiters { waiter.resume(returning: value) }
            return value
        } catch {
            _ = waiting.withLock { $0.removeValue(forKey: key) }
            throw error
        }
    }
}
