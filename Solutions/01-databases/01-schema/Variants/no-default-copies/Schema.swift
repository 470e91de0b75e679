import BackendKit

/// The tables of the Bookshelf. `create(in:)` runs once when the server starts, so every statement
/// must be safe to run again on an existing database (that is what `IF NOT EXISTS` is for).
enum Schema {
    /// Every rule the data must follow lives here, in the database: whatever code writes a row,
    /// a book without a title or with a duplicate ISBN can never be stored.
    static let books = """
        CREATE TABLE IF NOT EXISTS books (
            id     INTEGER PRIMARY KEY,
            title  TEXT    NOT NULL,
            author TEXT    NOT NULL,
            isbn   TEXT    NOT NULL UNIQUE,
            year   INTEGER CHECK (year BETWEEN 1450 AND 2100),
            copies INTEGER NOT NULL CHECK (copies >= 0)
        )
        """

    static func create(in database: Database) throws {
        try database.executeScript(books)
    }
}
