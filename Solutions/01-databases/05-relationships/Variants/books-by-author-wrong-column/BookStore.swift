import BackendKit

/// Reads and writes books in the database. The routes call it; it knows SQL, they do not.
///
/// Every value travels as a bound parameter (a `?` in the SQL, the value after the SQL text).
struct BookStore: Sendable {
    let database: Database

    /// The start of every query that reads books: each book together with its author, in the columns
    /// `Book(row:)` reads. Callers add a WHERE and an ORDER BY. It is our own SQL text, so it may be
    /// written into a statement.
    ///
    /// The JOIN pairs each book row with the one authors row whose id is the book's author_id.
    static let select = """
        SELECT books.id, books.title, books.isbn, books.year, books.copies,
               books.created_at, books.updated_at,
               authors.id AS author_id, authors.name AS author_name
        FROM books
        JOIN authors ON authors.id = books.author_id
        """

    /// Inserts a book and returns it, with its author, as GET /books/:id would.
    func create(_ book: NewBook) throws -> Book {
        let id = try database.execute(
            """
            INSERT INTO books (title, author_id, isbn, year, copies)
            VALUES (?, ?, ?, ?, COALESCE(?, 1))
            """,
            book.title, book.authorID, book.isbn, book.year, book.copies
        ).lastInsertedRowID
        guard let created = try find(id: id) else {
            throw HTTPError(.internalServerError, detail: "The new book could not be read back.")
        }
        return created
    }

    /// The book with this id, or nil when there is none.
    func find(id: Int) throws -> Book? {
        try database.queryOne("\(Self.select) WHERE books.id = ?", id).map(Book.init)
    }

    /// The book with this ISBN, or nil when there is none.
    func find(isbn: String) throws -> Book? {
        try database.queryOne("\(Self.select) WHERE books.isbn = ?", isbn).map(Book.init)
    }

    /// The books of one author, oldest first.
    func books(byAuthor authorID: Int) throws -> [Book] {
        try database.query("\(Self.select) WHERE books.id = ? ORDER BY books.id", authorID).map(
            Book.init)
    }
}

extension Book {
    init(row: Row) throws {
        self.init(
            id: try row.int("id"),
            title: try row.string("title"),
            author: Author(id: try row.int("author_id"), name: try row.string("author_name")),
            isbn: try row.string("isbn"),
            year: try row.get("year"),
            copies: try row.int("copies"),
            createdAt: try row.string("created_at"),
            updatedAt: try row.string("updated_at")
        )
    }
}
