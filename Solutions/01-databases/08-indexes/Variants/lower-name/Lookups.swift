import BackendKit

/// The SQL of every lookup the Bookshelf does by one value. The stores run these statements, and
/// `GET /debug/query-plans` shows how SQLite plans to run each one (EXPLAIN QUERY PLAN).
enum Lookups {
    /// A book by its id. The id is the INTEGER PRIMARY KEY: SQLite finds the row directly.
    static let bookByID = "\(BookStore.select) WHERE books.id = ?"

    /// A book by its ISBN. For the UNIQUE rule, SQLite keeps an index on isbn, and this uses it.
    static let bookByISBN = "\(BookStore.select) WHERE books.isbn = ?"

    /// The books of one author, oldest first. It needs an index on books.author_id (Schema.swift).
    static let booksByAuthor = "\(BookStore.select) WHERE books.author_id = ? ORDER BY books.id"

    /// The authors with this name, ignoring the case of A–Z, by id. The column is compared as it is
    /// (a function such as lower(name) would hide it from every index), and COLLATE NOCASE matches
    /// the index authors_name_nocase, which is sorted ignoring case too.
    static let authorsByName = "SELECT id, name FROM authors WHERE lower(name) = lower(?) ORDER BY id"

    /// How many loans of a book are still away. It needs an index that starts with book_id.
    static let loansAwayOfBook = "SELECT COUNT(*) AS n FROM loans WHERE book_id = ? AND returned_at IS NULL"

    /// The loans of a member that are still away, oldest first. The index loans_member_book serves it.
    static let loansAwayOfMember = """
        SELECT \(LoanStore.columns) FROM loans WHERE member_id = ? AND returned_at IS NULL ORDER BY id
        """
}
