import BackendKit
import Foundation

/// One row of the password_resets table. The token itself is never stored: `tokenHash` is its
/// SHA-256, so a copy of the database holds no link anyone could follow.
struct StoredReset: Sendable {
    let tokenHash: String
    let accountID: Int
    let expiresAt: Date
    let usedAt: Date?

    init(row: Row) throws {
        tokenHash = try row.string("token_hash")
        accountID = try row.int("account_id")
        expiresAt = try ResetStore.date(row.string("expires_at"))
        let used: String? = try row.get("used_at")
        usedAt = try used.map(ResetStore.date)
    }
}

/// Password-reset tokens in SQLite, and the writes a reset makes to the other stores' tables.
/// Like every store of the app, it creates its own table. Values always travel as bound parameters.
struct ResetStore: Sendable {
    let database: Database

    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS password_resets (
            token_hash TEXT PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at    TEXT
        );
        CREATE INDEX IF NOT EXISTS password_resets_by_account ON password_resets (account_id);
        """

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`): no other request writes while it runs,
    /// so "check the token is unused, use it, change the password" is one step even when the same
    /// link is followed twice at once. Throwing rolls back everything `body` did.
    func transaction<T>(_ body: (Writer) throws -> T) throws -> T {
        try database.transaction { tx in try body(Writer(tx: tx)) }
    }

    /// The store's operations inside a transaction. Use it only inside `transaction`'s closure.
    struct Writer {
        let tx: Transaction

        /// The reset token with this hash, used or not, expired or not, or nil.
        func reset(hash: String) throws -> StoredReset? {
            try tx.queryOne(
                "SELECT token_hash, account_id, expires_at, used_at FROM password_resets WHERE token_hash = ?",
                hash
            ).map(StoredReset.init(row:))
        }

        /// Saves a new reset token (its hash) for `accountID`.
        func insertReset(hash: String, accountID: Int, now: Date, expiresAt: Date) throws {
            try tx.execute(
                """
                INSERT INTO password_resets (token_hash, account_id, created_at, expires_at)
                VALUES (?, ?, ?, ?)
                """, hash, accountID, ResetStore.timestamp(now), ResetStore.timestamp(expiresAt))
        }

        /// Marks every unused reset token of `accountID` used at `now`: none of its links works
        /// again.
        func useAllResets(accountID: Int, at now: Date) throws {
            try tx.execute(
                "UPDATE password_resets SET used_at = ? WHERE account_id = ? AND used_at IS NULL",
                ResetStore.timestamp(now), accountID)
        }

        /// Replaces the stored password hash of an account.
        func updatePasswordHash(_ passwordHash: String, accountID: Int) throws {
            try tx.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", passwordHash, accountID)
        }

        /// Ends every session (cookie) of an account (the sessions table of steps 4 and 5).
        func deleteSessions(accountID: Int) throws {
            try tx.execute("DELETE FROM sessions WHERE account_id = ?", accountID)
        }

        /// Revokes every refresh token of every family of an account (the refresh_tokens table of
        /// step 7). Its access tokens still live out their few minutes.
        func revokeRefreshTokens(accountID: Int, at now: Date) throws {
            try tx.execute(
                "UPDATE refresh_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL",
                ResetStore.timestamp(now), accountID)
        }
    }

    /// Times are stored as ISO 8601 text in UTC with milliseconds, which sorts as text.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func date(_ text: String) throws -> Date {
        try Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
