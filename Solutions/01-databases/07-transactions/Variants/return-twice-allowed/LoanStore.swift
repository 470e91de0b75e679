import BackendKit

/// Lending books: who has which copy. A book has `copies` copies; each loan that is not returned yet
/// keeps one of them away.
///
/// Both changes read first and then write based on what they read. Each runs in one transaction:
/// `database.transaction` starts with BEGIN IMMEDIATE, which takes the write lock before the first
/// read. A second request waits at its own BEGIN until the first one has committed, and then reads
/// the new state, so two members can never both get the last copy.
struct LoanStore: Sendable {
    let database: Database

    /// The columns of a loan, in the order `Loan(row:)` reads them.
    static let columns = "id, book_id, member_id, borrowed_at, returned_at"

    /// How many loans of a book are still away (the `?` is the book's id).
    static let countAway = "SELECT COUNT(*) AS n FROM loans WHERE book_id = ? AND returned_at IS NULL"

    /// Lends one copy of the book to the member and returns the new loan. Throws 404 when the book
    /// does not exist and 409 when every copy is away. A member who does not exist breaks the loans
    /// table's foreign key; the route answers 422.
    func borrow(bookID: Int, memberID: Int) throws -> Loan {
        try database.transaction { tx in
            guard let book = try tx.queryOne("SELECT copies FROM books WHERE id = ?", bookID) else {
                throw HTTPError.notFound("There is no book with id \(bookID).")
            }
            let away = try tx.queryOne(Self.countAway, bookID)?.int("n") ?? 0
            guard away < (try book.int("copies")) else {
                throw HTTPError.conflict(
                    "Every copy of this book is on loan. Try again when one is returned.")
            }
            let row = try tx.queryOne(
                "INSERT INTO loans (book_id, member_id) VALUES (?, ?) RETURNING \(Self.columns)",
                bookID, memberID)
            guard let row else {
                throw HTTPError(.internalServerError, detail: "The database did not return the new loan.")
            }
            return try Loan(row: row)
        }
    }

    /// Marks the loan as returned and returns it. Throws 404 when there is no such loan and 409 when
    /// it was returned already.
    func giveBack(loanID: Int) throws -> Loan {
        try database.transaction { tx in
            let found = try tx.queryOne("SELECT \(Self.columns) FROM loans WHERE id = ?", loanID)
            guard let loan = try found.map(Loan.init) else {
                throw HTTPError.notFound("There is no loan with id \(loanID).")
            }
            _ = loan
            let row = try tx.queryOne(
                "UPDATE loans SET returned_at = \(Schema.now) WHERE id = ? RETURNING \(Self.columns)", loanID)
            guard let row else {
                throw HTTPError(.internalServerError, detail: "The database did not return the loan.")
            }
            return try Loan(row: row)
        }
    }

    /// The loan with this id, or nil when there is none.
    func find(id: Int) throws -> Loan? {
        try database.queryOne("SELECT \(Self.columns) FROM loans WHERE id = ?", id).map(Loan.init)
    }
}
