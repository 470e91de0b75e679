import BackendKit

/// Reads and writes the library's members.
struct MemberStore: Sendable {
    let database: Database

    func create(_ member: NewMember) throws -> Member {
        let row = try database.queryOne(
            "INSERT INTO members (name, email) VALUES (?, ?) RETURNING id, name, email", member.name,
            member.email)
        guard let row else {
            throw HTTPError(.internalServerError, detail: "The database did not return the new member.")
        }
        return try Member(row: row)
    }

    func find(id: Int) throws -> Member? {
        try database.queryOne("SELECT id, name, email FROM members WHERE id = ?", id).map(Member.init)
    }

    /// The loans of this member that are not returned yet, oldest first.
    func activeLoans(ofMember memberID: Int) throws -> [Loan] {
        try database.query(
            """
            SELECT \(LoanStore.columns) FROM loans
            WHERE member_id = ? AND returned_at IS NULL
            ORDER BY id
            """,
            memberID
        ).map(Loan.init)
    }
}

extension Member {
    init(row: Row) throws {
        self.init(id: try row.int("id"), name: try row.string("name"), email: try row.string("email"))
    }
}

extension Loan {
    init(row: Row) throws {
        self.init(
            id: try row.int("id"),
            bookID: try row.int("book_id"),
            memberID: try row.int("member_id"),
            borrowedAt: try row.string("borrowed_at"),
            returnedAt: try row.get("returned_at")
        )
    }
}
