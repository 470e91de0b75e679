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
            author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER CHECK (year BETWEEN 1450 AND 2100),
            copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
            created_at TEXT    NOT NULL DEFAULT (\(now)),
            updated_at TEXT    NOT NULL DEFAULT (\(now))
        )
        """

    /// The people who borrow books. An email address belongs to one member only.
    static let members = """
        CREATE TABLE IF NOT EXISTS members (
            id    INTEGER PRIMARY KEY,
            name  TEXT    NOT NULL,
            email TEXT    NOT NULL UNIQUE
        )
        """

    /// One row each time a member borrows a copy of a book. While `returned_at` is NULL, the copy is
    /// away: a book has `copies - (its loans with returned_at IS NULL)` copies left to lend.
    static let loans = """
        CREATE TABLE IF NOT EXISTS loans (
            id          INTEGER PRIMARY KEY,
            book_id     INTEGER NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
            member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
            borrowed_at TEXT    NOT NULL DEFAULT (\(now)),
            returned_at TEXT
        )
        """

    /// Indexes: sorted copies of a column that let SQLite find rows without reading the whole table.
    /// Each one serves a lookup in Lookups.swift:
    /// - `authors_name_nocase` is sorted ignoring the case of A–Z, like `name = ? COLLATE NOCASE`.
    /// - `books_author` serves "the books of an author". SQLite indexes a PRIMARY KEY and UNIQUE
    ///   columns by itself, but not a foreign key column such as author_id.
    /// - `loans_book_away` starts with book_id, so "the loans of a book" can use it; returned_at
    ///   second lets SQLite count the loans still away from the index alone.
    /// - `loans_member_book` starts with member_id: it serves "the loans of a member", and it
    ///   cannot serve a lookup by book_id alone.
    static let indexes = """
        CREATE INDEX IF NOT EXISTS authors_name_nocase ON authors (name);
        CREATE INDEX IF NOT EXISTS books_author ON books (author_id);
        CREATE INDEX IF NOT EXISTS loans_book_away ON loans (book_id, returned_at);
        CREATE INDEX IF NOT EXISTS loans_member_book ON loans (member_id, book_id);
        """

    /// A table comes after the tables it refers to; the indexes come last.
    static func create(in database: Database) throws {
        for table in [authors, books, members, loans] {
            try database.executeScript(table)
        }
        try database.executeScript(indexes)
    }
}
