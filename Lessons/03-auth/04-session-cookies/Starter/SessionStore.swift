import BackendKit
import Foundation

/// One row of the sessions table. The token itself is never stored: `idHash` is its SHA-256, so a
/// copy of the database (a backup, a leak) holds no cookie anyone could send.
struct StoredSession: Sendable {
    let idHash: String
    let accountID: Int
    let createdAt: Date
    let lastSeenAt: Date

    init(row: Row) throws {
        idHash = try row.string("id_hash")
        accountID = try row.int("account_id")
        createdAt = try SessionStore.date(row.string("created_at"))
        lastSeenAt = try SessionStore.date(row.string("last_seen_at"))
    }
}

/// Reads and writes sessions in SQLite. It stores and finds whatever hash it is given: making the
/// token and hashing it is the job of Sessions.swift.
struct SessionStore: Sendable {
    let database: Database

    /// Opens the store and creates its table when it does not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS sessions (
            id_hash      TEXT PRIMARY KEY,
            account_id   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            created_at   TEXT NOT NULL,
            last_seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account_id);
        """

    static let columns = "id_hash, account_id, created_at, last_seen_at"

    /// Saves a new session for `accountID`, started and last seen at `now`.
    func create(idHash: String, accountID: Int, at now: Date) throws {
        let time = Self.timestamp(now)
        try database.execute(
            "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)",
            idHash, accountID, time, time)
    }

    /// The session stored under `idHash`, or `nil`.
    func find(idHash: String) throws -> StoredSession? {
        try database.queryOne("SELECT \(Self.columns) FROM sessions WHERE id_hash = ?", idHash).map(
            StoredSession.init(row:))
    }

    /// Records activity on a session.
    func touch(idHash: String, at now: Date) throws {
        try database.execute(
            "UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?", Self.timestamp(now), idHash)
    }

    /// Ends one session.
    func delete(idHash: String) throws {
        try database.execute("DELETE FROM sessions WHERE id_hash = ?", idHash)
    }

    /// Ends every session of an account but the one stored under `keeping` (none when `nil`).
    func deleteAll(accountID: Int, keeping idHash: String? = nil) throws {
        try database.execute(
            "DELETE FROM sessions WHERE account_id = ? AND id_hash IS NOT ?", accountID, idHash)
    }

    /// Times are stored as ISO 8601 text in UTC with milliseconds, which sorts as text.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) throws -> Date {
        try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
