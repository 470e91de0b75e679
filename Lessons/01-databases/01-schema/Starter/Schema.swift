import BackendKit

/// The tables of the Bookshelf. `create(in:)` runs once when the server starts, so every statement
/// must be safe to run again on an existing database (that is what `IF NOT EXISTS` is for).
enum Schema {
    // TODO(learner): give the books table its columns and rules:
    //   title  TEXT, required (NOT NULL)
    //   author TEXT, required
    //   isbn   TEXT, required and UNIQUE (no two books share an ISBN)
    //   year   INTEGER, may be empty, but when given it must be from 1450 to 2100 (a CHECK)
    //   copies INTEGER, required, 1 when not given (DEFAULT), never below 0 (a CHECK)
    static let books = """
        CREATE TABLE IF NOT EXISTS books (
            id INTEGER PRIMARY KEY
        )
        """

    static func create(in database: Database) throws {
        try database.executeScript(books)
    }
}
