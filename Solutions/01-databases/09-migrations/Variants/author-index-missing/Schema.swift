import BackendKit

/// The Bookshelf's schema as a list of numbered steps (migrations). `database.migrate` runs, in order,
/// each step the database file has not had yet, and records the last one in `PRAGMA user_version`.
/// A new file gets every step; a file from an older release gets only the newer steps.
///
/// Never change a step after it was released: database files out there already have it. Add a new
/// step instead.
enum Schema {
    /// The current time as SQL, in UTC with milliseconds: `2026-01-31T09:30:00.123Z`.
    static let now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

    static let migrations = [
        Migration(version: 1, sql: version1),
        Migration(version: 2, sql: version2),
    ]

    /// Version 1, the first release: one table, with each book's author as text. Libraries have used
    /// it for a year, and their database files are full of books.
    static let version1 = """
        CREATE TABLE books (
            id         INTEGER PRIMARY KEY,
            title      TEXT    NOT NULL,
            author     TEXT    NOT NULL,
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER CHECK (year BETWEEN 1450 AND 2100),
            copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
            created_at TEXT    NOT NULL DEFAULT (\(now)),
            updated_at TEXT    NOT NULL DEFAULT (\(now))
        );
        """

    /// Version 2: authors get their own table, books point to them with author_id, and members,
    /// loans and the indexes arrive.
    ///
    /// SQLite cannot add a foreign key column to a full table with ALTER TABLE, so the books table is
    /// rebuilt: create the new table under another name, copy every row, drop the old table, rename
    /// the new one. `migrate` runs the whole step in one transaction, so a failure halfway leaves the
    /// file exactly as it was.
    static let version2 = """
        CREATE TABLE authors (
            id   INTEGER PRIMARY KEY,
            name TEXT    NOT NULL
        );

        -- One author for each different author text, numbered in the order they first appear.
        INSERT INTO authors (name)
        SELECT author FROM books GROUP BY author ORDER BY MIN(id);

        CREATE TABLE books_v2 (
            id         INTEGER PRIMARY KEY,
            title      TEXT    NOT NULL,
            author_id  INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
            isbn       TEXT    NOT NULL UNIQUE,
            year       INTEGER CHECK (year BETWEEN 1450 AND 2100),
            copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
            created_at TEXT    NOT NULL DEFAULT (\(now)),
            updated_at TEXT    NOT NULL DEFAULT (\(now))
        );

        -- Every book keeps its id (links to /books/7 keep working) and its timestamps.
        INSERT INTO books_v2 (id, title, author_id, isbn, year, copies, created_at, updated_at)
        SELECT books.id, books.title, authors.id, books.isbn, books.year, books.copies,
               books.created_at, books.updated_at
        FROM books
        JOIN authors ON authors.name = books.author;

        DROP TABLE books;
        ALTER TABLE books_v2 RENAME TO books;

        \(version2Rest)
        """

    /// The part of version 2 that has no old data to keep: new tables and the indexes.
    static let version2Rest = """
        CREATE TABLE members (
            id    INTEGER PRIMARY KEY,
            name  TEXT    NOT NULL,
            email TEXT    NOT NULL UNIQUE
        );

        CREATE TABLE loans (
            id          INTEGER PRIMARY KEY,
            book_id     INTEGER NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
            member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE RESTRICT,
            borrowed_at TEXT    NOT NULL DEFAULT (\(now)),
            returned_at TEXT
        );

        CREATE INDEX authors_name_nocase ON authors (name COLLATE NOCASE);
        CREATE INDEX loans_book_away ON loans (book_id, returned_at);
        CREATE INDEX loans_member_book ON loans (member_id, book_id);
        """
}
