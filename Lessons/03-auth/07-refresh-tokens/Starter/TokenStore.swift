import BackendKit
import Foundation

/// One refresh token as the server keeps it: its SHA-256, never the token itself, so a copy of the
/// database gives nobody a working token.
struct StoredRefreshToken: Sendable {
    let tokenHash: String
    /// Every token made by refreshing the same login shares it.
    let familyID: String
    let accountID: Int
    let expiresAt: Date
    /// When it was exchanged for a new pair. A used token that comes back is a stolen copy.
    let usedAt: Date?
    /// When its family was ended (a replay, a logout).
    let revokedAt: Date?

    init(row: Row) throws {
        tokenHash = try row.string("token_hash")
        familyID = try row.string("family_id")
        accountID = try row.int("account_id")
        expiresAt = try TokenStore.date(row.string("expires_at"))
        let used: String? = try row.get("used_at")
        let revoked: String? = try row.get("revoked_at")
        usedAt = try used.map(TokenStore.date)
        revokedAt = try revoked.map(TokenStore.date)
    }
}

/// Refresh tokens and revoked access tokens, in SQLite. Like every store of the app, it creates its
/// own tables. Values always travel as bound parameters.
struct TokenStore: Sendable {
    let database: Database

    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS refresh_tokens (
            token_hash TEXT PRIMARY KEY,
            family_id  TEXT NOT NULL,
            account_id INTEGER NOT NULL REFERENCES accounts (id),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at    TEXT,
            revoked_at TEXT
        );
        CREATE INDEX IF NOT EXISTS refresh_tokens_family ON refresh_tokens (family_id);
        CREATE TABLE IF NOT EXISTS revoked_access_tokens (
            jti_hash   TEXT PRIMARY KEY,
            expires_at TEXT NOT NULL,
            revoked_at TEXT NOT NULL
        );
        """

    /// Whether an access token id's hash is on the denylist at `now`.
    func isDenylisted(jtiHash: String, now: Date) throws -> Bool {
        try database.queryOne(
            "SELECT 1 AS found FROM revoked_access_tokens WHERE jti_hash = ? AND expires_at > ?", jtiHash,
            Self.timestamp(now)) != nil
    }

    /// Runs `body` in one transaction (`BEGIN IMMEDIATE`): while it runs, no other request can write,
    /// so "find the token, check it is unused, mark it used" is one step even when two requests
    /// bring the same token at the same moment. Throwing rolls back everything `body` did.
    func transaction<T>(_ body: (Writer) throws -> T) throws -> T {
        try database.transaction { tx in try body(Writer(tx: tx)) }
    }

    /// The store's operations inside a transaction. Use it only inside `transaction`'s closure.
    struct Writer {
        let tx: Transaction

        /// The refresh token with this hash, used or not, or nil.
        func refreshToken(hash: String) throws -> StoredRefreshToken? {
            try tx.queryOne(
                """
                SELECT token_hash, family_id, account_id, expires_at, used_at, revoked_at
                FROM refresh_tokens WHERE token_hash = ?
                """, hash
            ).map(StoredRefreshToken.init(row:))
        }

        /// Saves a new refresh token (its hash) in `family`.
        func insertRefreshToken(hash: String, family: String, accountID: Int, now: Date, expiresAt: Date)
            throws
        {
            try tx.execute(
                """
                INSERT INTO refresh_tokens (token_hash, family_id, account_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """, hash, family, accountID, TokenStore.timestamp(now), TokenStore.timestamp(expiresAt))
        }

        /// Marks a refresh token as exchanged.
        func markUsed(hash: String, at now: Date) throws {
            try tx.execute(
                "UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?", TokenStore.timestamp(now), hash)
        }

        /// Ends every refresh token of `family`, used or not.
        func revokeFamily(_ family: String, at now: Date) throws {
            try tx.execute(
                "UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL",
                TokenStore.timestamp(now), family)
        }

        /// Puts an access token id's hash on the denylist until `expiresAt` (the token's exp), and
        /// forgets entries whose tokens have expired anyway.
        func denylist(jtiHash: String, until expiresAt: Date, at now: Date) throws {
            try tx.execute(
                "DELETE FROM revoked_access_tokens WHERE expires_at <= ?", TokenStore.timestamp(now))
            try tx.execute(
                """
                INSERT INTO revoked_access_tokens (jti_hash, expires_at, revoked_at) VALUES (?, ?, ?)
                ON CONFLICT (jti_hash) DO NOTHING
                """, jtiHash, TokenStore.timestamp(expiresAt), TokenStore.timestamp(now))
        }
    }

    /// Times are ISO 8601 text in UTC (as in the accounts table), which compares correctly as text.
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    static func date(_ text: String) throws -> Date {
        try Date(text, strategy: .iso8601)
    }
}
