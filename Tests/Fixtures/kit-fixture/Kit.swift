import BackendKit
import Foundation

/// Everything the fixture's routes share.
struct Kit: Sendable {
    let db: Database
    let configuration: KitConfiguration
    let variant: Variant
    let memory = MemoryState()

    /// The time for sessions and rate limits: the request's clock, or Date() in the variant that
    /// ignores it.
    func now(_ request: Request) -> Date {
        variant == .ignoresClock ? Date() : request.now
    }

    /// The address the rate limit counts per client.
    func clientAddress(_ request: Request) -> String {
        if variant == .trustsForwardedFor,
            let claimed = request.headers.elements(for: "X-Forwarded-For").first
        {
            return claimed
        }
        return request.peer?.host ?? "unknown"
    }
}

/// State the per-process variant keeps in memory instead of the database.
final class MemoryState: @unchecked Sendable {
    // @unchecked Sendable: `sessions` and `hits` are guarded by `lock`.
    private let lock = NSLock()  // guards both dictionaries
    private var sessions: [String: (user: String, lastSeen: Date)] = [:]
    private var hits: [String: Int] = [:]

    func store(_ token: String, user: String, at time: Date) {
        lock.withLock { sessions[token] = (user, time) }
    }

    func session(_ token: String) -> (user: String, lastSeen: Date)? { lock.withLock { sessions[token] } }

    func touch(_ token: String, at time: Date) { lock.withLock { sessions[token]?.lastSeen = time } }

    func hit(_ key: String) -> Int {
        lock.withLock {
            hits[key, default: 0] += 1
            return hits[key]!
        }
    }
}
