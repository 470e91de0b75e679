import BackendKit
import Foundation
import Synchronization

/// A token bucket per client for `POST /links`. Each client starts with `burst` tokens; a new
/// link costs one, and tokens come back at `perMinute` a minute, never above `burst`. Time is the
/// `now` the caller passes (request.now), so the grader can move it.
///
/// This is step 6's limiter, and on one instance it is right. Behind a load balancer with three
/// instances it is three limiters: each keeps its own map in its own memory, so one client gets
/// three bursts, and a fourth instance started later gives it a fourth.
final class RateLimiter: Sendable {
    /// One client's allowance: `tokens` as they were at `updated` (which is also when it was last seen).
    struct Bucket: Sendable {
        var tokens: Double
        var updated: Date
    }

    /// The database every instance shares: where the buckets have to live.
    let database: Database
    let burst: Int
    let perMinute: Int
    /// At most this many clients are remembered, so an attacker with many addresses cannot make
    /// the buckets grow without end.
    let maxClients: Int

    /// One row per client: its tokens as they were at `updated_at` (seconds since 1970 on the
    /// server's clock, `now.timeIntervalSince1970`), which is also when it was last seen.
    static let schema = """
        CREATE TABLE IF NOT EXISTS rate_limits (
            client     TEXT PRIMARY KEY,
            tokens     REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        """

    // TODO(learner): the buckets of this process only. Keep them in the rate_limits table instead,
    // and remove this map.
    private let buckets = Mutex<[String: Bucket]>([:])

    init(database: Database, burst: Int, perMinute: Int, maxClients: Int) throws {
        self.database = database
        self.burst = burst
        self.perMinute = perMinute
        self.maxClients = maxClients
        try database.executeScript(Self.schema)
    }

    private var tokensPerSecond: Double { Double(perMinute) / 60 }

    /// Takes one token from `client`'s bucket at `now`: `nil` when the request may go on, or the
    /// seconds until the next token when the bucket is empty.
    func take(client: String, at now: Date) throws -> TimeInterval? {
        // TODO(learner): read the client's row, refill it, spend a token (or compute the wait) and
        // write the row back, all in one `try database.transaction { tx in … }`, on `tx`.
        buckets.withLock { buckets in
            if buckets[client] == nil && buckets.count >= maxClients { makeRoom(in: &buckets, at: now) }
            var bucket = buckets[client] ?? Bucket(tokens: Double(burst), updated: now)
            bucket.tokens = tokens(of: bucket, at: now)
            bucket.updated = now
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / tokensPerSecond }
            bucket.tokens -= 1
            return nil
        }
    }

    /// What the bucket holds at `now`: what it had, plus what came back since, at most `burst`.
    /// A clock moved backwards refills nothing.
    private func tokens(of bucket: Bucket, at now: Date) -> Double {
        let elapsed = max(0, now.timeIntervalSince(bucket.updated))
        return min(Double(burst), bucket.tokens + elapsed * tokensPerSecond)
    }

    /// Frees a place: first every bucket that is full again (forgetting it changes nothing), and
    /// when none is, the client seen least recently.
    // TODO(learner): the same with two DELETEs on the table, when it holds maxClients rows.
    private func makeRoom(in buckets: inout [String: Bucket], at now: Date) {
        let full = buckets.filter { tokens(of: $0.value, at: now) >= Double(burst) }.map(\.key)
        for client in full { buckets[client] = nil }
        if full.isEmpty, let oldest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[oldest] = nil
        }
    }

    /// The middleware main.swift installs: it limits `POST /links` and lets every other request
    /// through, so redirects are never limited.
    var middleware: Middleware {
        { [self] request, next in
            guard request.method == .post, request.path == "/links" else { return try await next(request) }
            // The TCP peer, not X-Forwarded-For: a header is whatever the client wrote, and this app
            // has no proxy of its own in front of it.
            let client = request.peer?.host ?? "unknown"
            if let wait = try take(client: client, at: request.now) {
                // Whole seconds, rounded up (RFC 9110 §10.2.3).
                let seconds = max(1, Int(wait.rounded(.up)))
                throw HTTPError(
                    .tooManyRequests,
                    detail: "Too many new links from \(client): try again in \(seconds) seconds.",
                    headers: ["Retry-After": String(seconds)])
            }
            return try await next(request)
        }
    }
}
