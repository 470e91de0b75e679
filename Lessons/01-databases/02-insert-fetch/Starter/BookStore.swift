import BackendKit

/// Reads and writes books in the database. The routes call it; it knows SQL, they do not.
struct BookStore: Sendable {
    let database: Database

    /// Inserts a book and returns it with its new id.
    func create(_ book: NewBook) throws -> Book {
        // TODO(learner): pass the five values as bound parameters (a ? in the SQL for each, the values
        //   after the SQL text), never by pasting them into the SQL text: a title like O'Reilly breaks it.
        let sql = """
            INSERT INTO books (title, author, isbn, year, copies)
            VALUES (\(sqlText(book.title)), \(sqlText(book.author)), \(sqlText(book.isbn)),
                    \(sqlNumber(book.year)), COALESCE(\(sqlNumber(book.copies)), 1))
            RETURNING id, title, author, isbn, year, copies
            """
        guard let row = try database.queryOne(sql) else {
            throw HTTPError(.internalServerError, detail: "The database did not return the new book.")
        }
        return try Book(row: row)
    }

    /// The book with this id, or nil when there is none.
    func find(id: Int) throws -> Book? {
        // TODO(learner): bind the id as a parameter too. It is a number here, but make ? your habit for
        //   every value.
        try database.queryOne("SELECT id, title, author, isbn, year, copies FROM books WHERE id = \(id)")
            .map(Book.init)
    }

    /// The book with this ISBN, or nil when there is none.
    func find(isbn: String) throws -> Book? {
        // TODO(learner): bind the ISBN as a parameter. Here an "ISBN" such as  x' OR '1'='1  finds a book.
        try database.queryOne(
            "SELECT id, title, author, isbn, year, copies FROM books WHERE isbn = '\(isbn)'"
        )
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

// These two helpers write a value straight into the SQL text, as many first attempts do. That is the
// bug of this exercise. Delete them once nothing uses them.
private func sqlText(_ value: String?) -> String { value.map { "'\($0)'" } ?? "NULL" }
private func sqlNumber(_ value: Int?) -> String { value.map(String.init) ?? "NULL" }
