import BackendKit

/// Lending books: who has which copy. A book has `copies` copies; each loan that is not returned yet
/// keeps one of them away.
struct LoanStore: Sendable {
    let database: Database

    /// The columns of a loan, in the order `Loan(row:)` reads them.
    static let columns = "id, book_id, member_id, borrowed_at, returned_at"

    /// How many loans of a book are still away (the `?` is the book's id).
    static let countAway = "SELECT COUNT(*) AS n FROM loans WHERE book_id = ? AND returned_at IS NULL"

    /// Lends one copy of the book to the member and returns the new loan. Throws 404 when the book
    /// does not exist and 409 when every copy is away.
    func borrow(bookID: Int, memberID: Int) throws -> Loan {
        // TODO(learner): this reads ("is a copy left?") and then writes (the loan) as separate steps.
        //   When two requests for the last copy come at the same moment, both can see one copy left,
        //   and both borrow it. Run the check and the insert in one database.transaction { tx in … },
        //   and use tx (not database) inside.
        guard let book = try database.queryOne("SELECT copies FROM books WHERE id = ?", bookID) else {
            throw HTTPError.notFound("There is no book with id \(bookID).")
        }
        let away = try database.queryOne(Self.countAway, bookID)?.int("n") ?? 0
        guard away < (try book.int("copies")) else {
            throw HTTPError.conflict("Every copy of this book is on loan. Try again when one is returned.")
        }
        let row = try database.queryOne(
            "INSERT INTO loans (book_id, member_id) VALUES (?, ?) RETURNING \(Self.columns)",
            bookID, memberID)
        guard let row else {
            throw HTTPError(.internalServerError, detail: "The database did not return the new loan.")
        }
        return try Loan(row: row)
    }

    /// Marks the loan as returned and returns it. Throws 404 when there is no such loan and 409 when
    /// it was returned already.
    func giveBack(loanID: Int) throws -> Loan {
        // TODO(learner): in one transaction: find the loan (404 when there is none), refuse a loan that is
        //   returned already (409), then set returned_at to the current time (Schema.now) and return
        //   the loan.
        throw HTTPError(.notImplemented, detail: "TODO: return a loan (LoanStore.swift).")
    }

    /// The loan with this id, or nil when there is none.
    func find(id: Int) throws -> Loan? {
        try database.queryOne("SELECT \(Self.columns) FROM loans WHERE id = ?", id).map(Loan.init)
    }
}
