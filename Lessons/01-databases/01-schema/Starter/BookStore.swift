import BackendKit

/// Reads and writes books in the database. The routes call it; it knows SQL, they do not.
struct BookStore: Sendable {
    let database: Database

    /// Inserts a book and returns it with its new id. Values travel as bound parameters (the `?`s),
    /// never inside the SQL text.
    func create(_ book: NewBook) throws -> Book {
        let row = try database.queryOne(
            """
            INSERT INTO books (title, author, isbn, year, copies)
            VALUES (?, ?, ?, ?, COALESCE(?, 1))
            RETURNING id, title, author, isbn, year, copies
            """,
            book.title, book.author, book.isbn, book.year, book.copies
        )
        return try Book(row: row!)
    }

    func find(id: Int) throws -> Book? {
        try database.queryOne("SELECT id, title, author, isbn, year, copies FROM books WHERE id = ?", id).map(
            Book.init)
    }

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
