import BackendKit
import Foundation

/// Limits on failed log-ins (ASVS 6.3.1): at most 10 per account and 30 per client in any
/// 15 minutes. Over a limit the answer is 429 with Retry-After, before any password is checked,
/// so a guess made then says nothing, right or wrong. The limits forget each failure after
/// 15 minutes: a stranger can slow a victim's account down, never lock it for good.
///
/// The failures are rows in SQLite, not a dictionary in memory: every instance of the server
/// sees the same counts, a restart does not forgive them, and the table stays small because
/// each row is deleted when its 15 minutes are over.
struct LoginLimits: Sendable {
    static let window: TimeInterval = 15 * 60
    static let failuresPerAccount = 10
    static let failuresPerClient = 30

    let database: Database
    /// The addresses of the proxies in front of the app (`TRUSTED_PROXIES`): only their
    /// X-Forwarded-For lines are believed.
    let trustedProxies: Set<String>

    init(database: Database, trustedProxies: Set<String>) throws {
        self.database = database
        self.trustedProxies = trustedProxies
        try database.executeScript(Self.schema)
    }

    /// One row per log-in that has not succeeded: it is written before the password is checked,
    /// and deleted again when the password was right.
    static let schema = """
        CREATE TABLE IF NOT EXISTS login_failures (
            id        INTEGER PRIMARY KEY,
            account   TEXT NOT NULL,
            client    TEXT NOT NULL,
            failed_at REAL NOT NULL
        );
        CREATE INDEX IF NOT EXISTS login_failures_account ON login_failures (account, failed_at);
        CREATE INDEX IF NOT EXISTS login_failures_client ON login_failures (client, failed_at);
        CREATE INDEX IF NOT EXISTS login_failures_time ON login_failures (failed_at);
        """

    /// Who is logging in: the address that opened the connection. Behind a proxy of ours that
    /// address is the proxy's, and the client is the right-most X-Forwarded-For address that is
    /// not one of our proxies: everything left of it was written by the client and proves nothing.
    func client(of request: Request) -> String {
        let peer = request.peer?.host ?? "unknown"
        guard trustedProxies.contains(peer) else { return peer }
        let forwarded = request.headers.elements(for: "X-Forwarded-For")
        return forwarded.last { !trustedProxies.contains($0) } ?? forwarded.first ?? peer
    }

    /// Counts this log-in as a failure until it succeeds, or refuses it with 429 when the account
    /// or the client has had too many failures in the last 15 minutes. The count and the new
    /// row are one transaction, so twenty log-ins at once cannot all read "nine so far".
    func begin(email: String, client: String, at now: Date) throws -> LoginAttempt {
        let account = email.lowercased()
        let since = now.timeIntervalSince1970 - Self.window
        return try database.transaction { tx in
            try tx.execute("DELETE FROM login_failures WHERE failed_at <= ?", since)
            for (column, key, limit) in [
                ("account", account, Self.failuresPerAccount), ("client", client, Self.failuresPerClient),
            ] {
                let times = try tx.query(
                    "SELECT failed_at FROM login_failures WHERE \(column) = ? ORDER BY failed_at DESC LIMIT ?",
                    key, limit
                ).map { try $0.double("failed_at") }
                if times.count >= limit, let oldest = times.last {
                    // A place frees when the oldest of the last `limit` failures is 15 minutes old.
                    let wait = Int((oldest + Self.window - now.timeIntervalSince1970).rounded(.up))
                    throw tooManyFailures(retryAfter: max(1, wait))
                }
            }
            let id = try tx.execute(
                "INSERT INTO login_failures (account, client, failed_at) VALUES (?, ?, ?)",
                account, client, now.timeIntervalSince1970
            ).lastInsertedRowID
            return LoginAttempt(id: id)
        }
    }

    /// The password was right: this log-in is not a failure. Other failures stay counted, so
    /// logging in to one's own account does not buy an attacker more guesses at another's.
    func succeeded(_ attempt: LoginAttempt) throws {
        try database.execute("DELETE FROM login_failures WHERE id = ?", attempt.id)
    }
}

/// A log-in counted by `LoginLimits.begin`, until it succeeds.
struct LoginAttempt: Sendable {
    let id: Int
}

/// The one answer over a limit, whichever limit it is and whether the account exists or not.
func tooManyFailures(retryAfter seconds: Int) -> HTTPError {
    HTTPError(
        .tooManyRequests, detail: "Too many failed log-ins. Try again in \(seconds) seconds.",
        headers: ["Retry-After": String(seconds)])
}
