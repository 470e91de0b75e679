// Members, and lending books to them.
import BackendKit

func registerLoanRoutes(on router: Router, members: MemberStore, loans: LoanStore) {
    router.post("/members") { request in
        let newMember = try request.decode(NewMember.self)
        do {
            let member = try members.create(newMember)
            return try .created(member, location: "/members/\(member.id)")
        } catch let error as DatabaseError {
            throw httpError(for: error)
        }
    }

    router.get("/members/:id") { request in
        let id = try request.parameters.int("id")
        guard let member = try members.find(id: id) else {
            throw HTTPError.notFound("There is no member with id \(id).")
        }
        return try .json(member)
    }

    router.get("/members/:id/loans") { request in
        let id = try request.parameters.int("id")
        guard try members.find(id: id) != nil else {
            throw HTTPError.notFound("There is no member with id \(id).")
        }
        return try .json(try members.activeLoans(ofMember: id))
    }

    // POST /books/:id/loans  {"member_id": 2}: lend one copy of the book to the member.
    router.post("/books/:id/loans") { request in
        let bookID = try request.parameters.int("id")
        let newLoan = try request.decode(NewLoan.self)
        do {
            let loan = try loans.borrow(bookID: bookID, memberID: newLoan.memberID)
            return try .created(loan, location: "/loans/\(loan.id)")
        } catch let error as DatabaseError {
            throw httpError(for: error, reference: "member_id must be the id of an existing member.")
        }
    }

    router.get("/loans/:id") { request in
        let id = try request.parameters.int("id")
        guard let loan = try loans.find(id: id) else {
            throw HTTPError.notFound("There is no loan with id \(id).")
        }
        return try .json(loan)
    }

    // POST /loans/:id/return: the member brought the copy back.
    router.post("/loans/:id/return") { request in
        try .json(try loans.giveBack(loanID: try request.parameters.int("id")))
    }
}
