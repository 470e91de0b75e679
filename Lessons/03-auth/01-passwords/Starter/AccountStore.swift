import BackendKit
import Foundation

/// Reads and writes accounts in SQLite. Values always travel as bound parameters.
struct AccountStore: Sendable {
    let database: Database

    /// Opens the store and creates its table when it does not exist yet. Each store of the app
    /// creates its own tables this way, so a step that adds a store touches no other file's SQL.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS accounts (
            id            INTEGER PRIMARY KEY,
            email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
            password_hash TEXT NOT NULL,
            role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'admin')),
            created_at    TEXT NOT NULL
        );
        """

    static let columns = "id, email, password_hash, role, created_at"

    /// Adds an account; `nil` when the address is taken already.
    func create(email: String, passwordHash: String, at now: Date) throws -> Account? {
        do {
            return try database.queryOne(
                "INSERT INTO accounts (email, password_hash, created_at) VALUES (?, ?, ?) RETURNING \(Self.columns)",
                email, passwordHash, Self.timestamp(now)
            ).map(Account.init(row:))
        } catch let error as DatabaseError where error.isUniqueConstraintViolation {
            return nil
        }
    }

    /// The account with this address (any case), or `nil`.
    func find(email: String) throws -> Account? {
        try database.queryOne("SELECT \(Self.columns) FROM accounts WHERE email = ?", email).map(
            Account.init(row:))
    }

    /// The account with this id, or `nil`.
    func find(id: Int) throws -> Account? {
        try database.queryOne("SELECT \(Self.columns) FROM accounts WHERE id = ?", id).map(Account.init(row:))
    }

    /// Times are stored as ISO 8601 text in UTC, which sorts and compares correctly as text.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
