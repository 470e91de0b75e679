/// One numbered step in building up the database's schema, applied by ``Database/migrate(_:)``.
///
/// A database grows with the app: version 1 creates the books table, version 2 adds a column,
/// and so on. The database remembers the last version applied, so each step runs exactly once,
/// on every machine, in order. Never edit a migration that has already run somewhere; add a new
/// one with the next number instead.
///
/// ```swift
/// let migrations = [
///     Migration(version: 1, sql: """
///         CREATE TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL);
///         CREATE INDEX books_title ON books (title);
///         """),
///     Migration(version: 2) { tx in
///         try tx.execute("ALTER TABLE books ADD COLUMN year INTEGER")
///         try tx.execute("UPDATE books SET year = 1965 WHERE title = ?", "Dune")
///     },
/// ]
/// try db.migrate(migrations)
/// ```
public struct Migration: Sendable {
    /// The step's number: whole numbers above 0, increasing through the list (gaps are allowed).
    public let version: Int
    let apply: @Sendable (Transaction) throws -> Void

    /// A step written as SQL: one or more statements separated by `;`, without parameters.
    /// Do not write `BEGIN` or `COMMIT`: each step already runs in its own transaction.
    public init(version: Int, sql: String) {
        self.version = version
        self.apply = { transaction in try transaction.executeScript(sql) }
    }

    /// A step written as Swift, for changes that need parameters or computed values.
    public init(version: Int, _ body: @escaping @Sendable (Transaction) throws -> Void) {
        self.version = version
        self.apply = body
    }
}
