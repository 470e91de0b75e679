import BackendKit

/// The tables of the Bookshelf. `create(in:)` runs once when the server starts, so every statement
/// must be safe to run again on an existing database (that is what `IF NOT EXISTS` is for).
enum Schema {
    /// The current time as SQL, in UTC with milliseconds: `2026-01-31T09:30:00.123Z`. Text in this
    /// form sorts in time order. It is our own SQL (not a value from a client), so it may be written
    /// into a statement: `"updated_at = \(Schema.now)"`.
    static let now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    static let authors = """
        CREATE TABLE IF NOT EXISTS authors (
            id   INTEGER PRIMARY KEY,
            name TEXT    NOT NULL
        )
        """

    /// `author_id` is a foreign key: SQLite refuses a book whose author does not exist, and
    /// `ON DELETE RESTRICT` refuses to delete an author while books still point to them.
    static let books = """
        CREATE TABLE IF NOT EXISTS books (
            id         INTEGER PRIMARY KEY,
            title      TEXT    NOT NULL,
            author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE SET NULL,
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER CHECK (year BETWEEN 1450 AND 2100),
            copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
            created_at TEXT    NOT NULL DEFAULT (\(now)),
            updated_at TEXT    NOT NULL DEFAULT (\(now))
        )
        """

    /// authors comes first: books refers to it.
    static func create(in database: Database) throws {
        try database.executeScript(authors)
        try database.executeScript(books)
    }
}
