import Foundation
import Synchronization

/// Every caller runs its own work: the cache alone is trusted to stop a stampede, but a cache
/// fills only after the first lookup has ended, and the misses that overlap it all run.
final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    init() {}

    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await work()
    }
}
