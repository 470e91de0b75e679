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

    /// Who is logging in: the address that opened the connection (`request.peer`). Behind a
    /// proxy of ours that address is the proxy's, and the client is the right-most
    /// X-Forwarded-For address that is not one of `trustedProxies`.
    func client(of request: Request) -> String {
        // TODO(learner): believe X-Forwarded-For (request.headers.elements(for:)) only when the
        // peer is one of trustedProxies, and then take its right-most address that is not one.
        request.peer?.host ?? "unknown"
    }

    /// Counts this log-in as a failure until it succeeds, or refuses it with
    /// `tooManyFailures(retryAfter:)` when the account or the client has had too many failures in
    /// the last 15 minutes (`Self.window`).
    func begin(email: String, client: String, at now: Date) throws -> LoginAttempt {
        // TODO(learner): in one database.transaction, delete the rows older than
        // now - Self.window, then count the rows of this account (lowercased) and of this client;
        // at a limit, throw tooManyFailures with the whole seconds until the oldest counted
        // failure is 15 minutes old; otherwise insert a row for this attempt and return its id.
        LoginAttempt(id: 0)
    }

    /// The password was right: this log-in is not a failure.
    func succeeded(_ attempt: LoginAttempt) throws {
        // TODO(learner): delete this attempt's row, and only this one.
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
