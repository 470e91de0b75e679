import BackendKit
import Foundation
import GraderKit

/// The ids the loan checks share: an author, twenty members, and the books they create.
private final class LoanFixture: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: Int] = [:]
    private var storedMembers: [Int] = []
    subscript(key: String) -> Int {
        get { lock.withLock { stored[key] ?? -1 } }
        set { lock.withLock { stored[key] = newValue } }
    }
    var members: [Int] {
        get { lock.withLock { storedMembers } }
        set { lock.withLock { storedMembers = newValue } }
    }
}

private let fixture = LoanFixture()
private let nextISBN = Atomic(700)

/// A counter safe to use from several threads.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}

/// Creates a book with `copies` copies by the fixture's author; returns its id.
private func createBook(_ t: TestContext, copies: Int, title: String = "Laskar Pelangi") throws -> Int {
    let book = try Bookshelf.create(
        t, relatedBook(nextISBN.next(), title: title, author: fixture["author"], copies: copies))
    return book["id"]?.int ?? -1
}

private func borrow(_ t: TestContext, book: Int, member: Int) throws -> ClientResponse {
    try t.http.post("/books/\(book)/loans", json: ["member_id": .number(Double(member))])
}

/// How many loans of `book` are not returned yet, in the database file.
private func away(_ t: TestContext, book: Int) throws -> Int {
    try Bookshelf.count(t, "loans", where: "book_id = ? AND returned_at IS NULL", book)
}

/// "201 ×1, 409 ×19": the statuses of a burst of responses, for messages.
private func tally(_ results: [Result<ClientResponse, any Error>]) -> String {
    var counts: [String: Int] = [:]
    for result in results {
        switch result {
        case .success(let response): counts["\(response.status)", default: 0] += 1
        case .failure: counts["no answer", default: 0] += 1
        }
    }
    return counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
}

private let raceHint: Words =
    "Reading \"how many copies are left?\" and then inserting the loan as two separate steps is a race: twenty requests can all read \"1 left\" before any of them inserts. Put the check and the insert in one database.transaction { tx in … } and use tx for both: BEGIN IMMEDIATE makes the other requests wait until yours has committed."

/// Twenty members ask for `copies` copies of a fresh book at the same moment, `rounds` times; exactly
/// `copies` must succeed each time, the rest must be refused with 409, and each loan must have been
/// counted and inserted in one transaction.
///
/// Whether a race shows in a burst depends on how the threads are scheduled, so the burst does not
/// leave it to chance: the check holds the database's write lock while the requests start, so that
/// each can read how many copies are left and none can write yet. A count made outside the writing
/// transaction then reads "1 left" in every request, every time. A count made in a transaction of
/// its own waits for the lock like the insert, and may or may not be overtaken between the two; the
/// statement log shows the two transactions of each winner whatever the order was.
private func race(_ t: TestContext, copies: Int, rounds: Int) throws {
    try t.enableStatementLog()
    let members = fixture.members
    for round in 1...rounds {
        let book = try createBook(t, copies: copies, title: "Race \(copies)-\(round)")
        let results = try t.concurrently(members.count, holdingWriteLockFor: .milliseconds(300)) { index in
            try borrow(t, book: book, member: members[index])
        }
        let statuses = results.compactMap { try? $0.get().status }
        let created = statuses.filter { $0 == 201 }.count
        let refused = statuses.filter { $0 == 409 }.count
        let what =
            "\(members.count) members asked at the same moment for a book with \(copies) cop\(copies == 1 ? "y" : "ies") (round \(round) of \(rounds))"
        if created != copies || refused != members.count - copies {
            let others = statuses.filter { $0 != 201 && $0 != 409 }
            let extra =
                others.isEmpty
                ? ""
                : " Some requests got neither 201 nor 409; a 500 often means \"database is locked\": read the log below."
            try fail(
                "\(what): expected exactly \(copies) answer\(copies == 1 ? "" : "s") 201 and \(members.count - copies) answers 409, got \(tally(results)).\(extra)",
                hint: raceHint)
        }
        try requireEqual(
            try away(t, book: book), copies, "the number of loans of that book in the loans table (\(what))",
            hint: raceHint)
        for case .success(let response) in results where response.status == 201 {
            try t.expectOneTransaction(for: response, hint: raceHint)
        }
    }
}

private let boundHint: Words =
    "Pass every id as a ? parameter (tx.queryOne(sql, bookID)), even a number: SQL is written by the code, values travel beside it."

/// The check that sees the transactions in the statement log.
private let oneTransaction: Words =
    "borrowing and returning each run in one transaction, with every id bound as a ?"

/// The first loan; the checks after it work with its book and loan.
private let lends = "POST /books/:id/loans lends a copy: 201 with the loan, stored in the loans table"

let transactions = ExerciseTests("db07-transactions") {
    Check("POST /members adds members (201)") { t in
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        fixture["author"] = try createAuthor(t, "Andrea Hirata")
        var members: [Int] = []
        for index in 1...20 {
            let member = try Bookshelf.create(
                t, ["name": .string("Member \(index)"), "email": .string("member\(index)@example.com")],
                at: "/members")
            members.append(member["id"]?.int ?? -1)
        }
        fixture.members = members
    }

    Check(
        lends,
        needs: "POST /members adds members (201)"
    ) { t in
        let book = try createBook(t, copies: 2)
        fixture["book"] = book
        let response = try borrow(t, book: book, member: fixture.members[0]).expectStatus(201)
        let loan = try response.json()
        try requireEqual(loan["book_id"]?.int, book, "the book_id of the new loan", response: response)
        try requireEqual(
            loan["member_id"]?.int, fixture.members[0], "the member_id of the new loan", response: response)
        try require(
            loan["returned_at"] == nil || loan["returned_at"] == .null,
            "expected returned_at to be null for a new loan, got \(loan["returned_at"]?.description ?? "nothing")",
            response: response)
        fixture["loan"] = loan["id"]?.int ?? -1
        try requireEqual(try away(t, book: book), 1, "the number of loans of the book in the loans table")
    }

    Check(
        "borrowing a book that does not exist answers 404, for a member who does not exist 422; nothing is stored",
        hint:
            "Throw HTTPError.notFound when the book is missing. A member who does not exist breaks the foreign key of loans.member_id; let that error out of the transaction, and the route answers 422.",
        needs: lends
    ) { t in
        let before = try Bookshelf.count(t, "loans")
        try borrow(t, book: 987654, member: fixture.members[0]).expectProblem(status: 404)
        try borrow(t, book: fixture["book"], member: 987654).expectProblem(status: 422)
        try requireEqual(
            try Bookshelf.count(t, "loans"), before, "the number of loans after the refused requests")
    }

    Check(
        "when every copy is on loan, borrowing answers 409 Conflict",
        needs: lends
    ) { t in
        try borrow(t, book: fixture["book"], member: fixture.members[1]).expectStatus(201)
        try borrow(t, book: fixture["book"], member: fixture.members[2]).expectProblem(
            status: 409,
            hint:
                "A book has copies minus (its loans with returned_at IS NULL) copies left. When none is left, throw HTTPError.conflict."
        )
        try requireEqual(try away(t, book: fixture["book"]), 2, "the number of loans of a book with 2 copies")
    }

    Check(
        "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404",
        hint:
            "In one transaction: read the loan (404 when there is none), throw HTTPError.conflict when returned_at is not NULL, then UPDATE loans SET returned_at = \\(Schema.now) WHERE id = ? and return the loan.",
        needs: lends
    ) { t in
        let response = try t.http.post("/loans/\(fixture["loan"])/return", json: [:]).expectStatus(200)
        let loan = try response.json()
        try require(
            loan["returned_at"]?.string?.isEmpty == false,
            "expected the returned loan to have a returned_at time, got \(loan["returned_at"]?.description ?? "nothing")",
            response: response)
        try requireEqual(
            try Bookshelf.count(t, "loans", where: "id = ? AND returned_at IS NOT NULL", fixture["loan"]), 1,
            "the number of rows for this loan with a returned_at in the loans table")
        try t.http.post("/loans/\(fixture["loan"])/return", json: [:]).expectProblem(status: 409)
        try t.http.post("/loans/987654/return", json: [:]).expectProblem(status: 404)
    }

    Check(
        "a returned copy can be borrowed again",
        needs: "when every copy is on loan, borrowing answers 409 Conflict",
        "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404"
    ) { t in
        try borrow(t, book: fixture["book"], member: fixture.members[3]).expectStatus(
            201, hint: "Count only the loans that are not returned yet: returned_at IS NULL.")
        try borrow(t, book: fixture["book"], member: fixture.members[4]).expectProblem(status: 409)
    }

    Check(
        oneTransaction, hint: raceHint,
        needs: lends,
        "POST /loans/:id/return sets returned_at; a second return answers 409, an unknown loan 404"
    ) { t in
        // The statement log shows the transaction every statement ran in, so this check does not
        // depend on how the threads happen to be scheduled, as a race does.
        try t.enableStatementLog()
        let book = try createBook(t, copies: 1, title: "One Transaction")
        let member = fixture.members[5]
        let borrowed = try borrow(t, book: book, member: member).expectStatus(201)
        try t.expectOneTransaction(for: borrowed, hint: raceHint)
        try Bookshelf.requireBoundValues(
            t, borrowed, Bookshelf.pasted(book) + Bookshelf.pasted(member), hint: boundHint)
        let loan = try borrowed.json()["id"]?.int ?? -1
        let returned = try t.http.post("/loans/\(loan)/return", json: [:]).expectStatus(200)
        try t.expectOneTransaction(
            for: returned,
            hint:
                "Returning reads the loan and then changes it: do both in one database.transaction { tx in … }, so two returns at the same moment cannot both pass the returned_at check."
        )
        try Bookshelf.requireBoundValues(t, returned, Bookshelf.pasted(loan), hint: boundHint)
        let fetched = try t.http.get("/loans/\(loan)").expectStatus(200)
        try Bookshelf.requireBoundValues(t, fetched, Bookshelf.pasted(loan), hint: boundHint)
    }

    Check(
        "20 members borrowing the last copy at the same moment: exactly one gets it (5 rounds, with 30,000 old loans in the table)",
        hint: raceHint, needs: "when every copy is on loan, borrowing answers 409 Conflict",
        timeout: .seconds(60)
    ) { t in
        // A busy library has many returned loans. Counting the loans of a book then takes a moment,
        // which is exactly the moment in which a race happens.
        let oldBook = try createBook(t, copies: 1, title: "Much Loved")
        let member = fixture.members[0]
        try t.prepareDatabase { db in
            try db.execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
                INSERT INTO loans (book_id, member_id, borrowed_at, returned_at)
                SELECT ?, ?, '2020-01-01T00:00:00.000Z', '2020-01-15T00:00:00.000Z' FROM n
                """,
                oldBook, member)
        }
        try race(t, copies: 1, rounds: 5)
    }

    Check(
        "20 members borrowing a book with 3 copies at the same moment: exactly three get one (3 rounds)",
        hint: raceHint,
        needs:
            "20 members borrowing the last copy at the same moment: exactly one gets it (5 rounds, with 30,000 old loans in the table)",
        timeout: .seconds(60)
    ) { t in
        try race(t, copies: 3, rounds: 3)
    }
}
