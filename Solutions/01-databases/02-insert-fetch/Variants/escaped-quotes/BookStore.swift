import BackendKit

/// Reads and writes books in the database. The routes call it; it knows SQL, they do not.
///
/// Every value travels as a bound parameter (a `?` in the SQL, the value after the SQL text). SQLite
/// receives the SQL and the values separately, so a value is always stored exactly as it was sent:
/// `O'Reilly` stays `O'Reilly`, and `x'); DROP TABLE books;--` is only a strange title.
struct BookStore: Sendable {
    let database: Database

    /// Inserts a book and returns it with its new id. A missing `copies` becomes 1.
    func create(_ book: NewBook) throws -> Book {
        let year = book.year.map(String.init) ?? "NULL"
        let copies = book.copies.map(String.init) ?? "NULL"
        let row = try database.queryOne(
            """
            INSERT INTO books (title, author, isbn, year, copies)
            VALUES (\(quoted(book.title)), \(quoted(book.author)), \(quoted(book.isbn)), \(year), COALESCE(\(copies), 1))
            RETURNING id, title, author, isbn, year, copies
            """
        )
        guard let row else {
            throw HTTPError(.internalServerError, detail: "The database did not return the new book.")
        }
        return try Book(row: row)
    }

    /// The book with this id, or nil when there is none.
    func find(id: Int) throws -> Book? {
        try database.queryOne("SELECT id, title, author, isbn, year, copies FROM books WHERE id = ?", id)
            .map(Book.init)
    }

    /// The book with this ISBN, or nil when there is none.
    func find(isbn: String) throws -> Book? {
        try database.queryOne("SELECT id, title, author, isbn, year, copies FROM books WHERE isbn = ?", isbn)
            .map(Book.init)
    }

    /// Every book, oldest first.
    func all() throws -> [Book] {
        try database.query("SELECT id, title, author, isbn, year, copies FROM books ORDER BY id").map(
            Book.init)
    }
}

extension Book {
    init(row: Row) throws {
        self.init(
            id: try row.int("id"),
            title: try row.string("title"),
            author: try row.string("author"),
            isbn: try row.string("isbn"),
            year: try row.get("year"),
            copies: try row.int("copies")
        )
    }
}

/// The value as an SQL string literal, with each ' doubled (NULL for nil).
private func quoted(_ value: String?) -> String {
    value.map {
        "'" + $0.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
        ?? "NULL"
}
