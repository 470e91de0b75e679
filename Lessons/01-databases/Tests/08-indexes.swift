import BackendKit
import Foundation
import GraderKit

/// Fills the learner's (empty) tables with a big library in one transaction, fast: each table is
/// one INSERT … SELECT over a counter. Book i has id i and ISBN 978 + i in ten digits; its author is
/// (i % 2000) + 1. Authors 1 and 2 are "Andrea Hirata" and "ANDREA HIRATA".
private func seedBigLibrary(_ db: Database) throws {
    try db.transaction { tx in
        try tx.execute("INSERT INTO authors (id, name) VALUES (1, 'Andrea Hirata'), (2, 'ANDREA HIRATA')")
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO authors (id, name) SELECT i, 'Author ' || i FROM n
            """)
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO books (id, title, author_id, isbn, year, copies)
            SELECT i, 'Book ' || i, (i % 2000) + 1, printf('978%010d', i), 1950 + i % 70, 1 + i % 3 FROM n
            """)
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO members (id, name, email) SELECT i, 'Member ' || i, 'member' || i || '@example.com' FROM n
            """)
        // 20,000 loans: every book i * 7 % 50000 + 1 is borrowed by member i % 1000 + 1; one in
        // four is still away.
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO loans (book_id, member_id, borrowed_at, returned_at)
            SELECT (i * 7) % 50000 + 1, i % 1000 + 1, '2025-01-01T00:00:00.000Z',
                   CASE WHEN i % 4 = 0 THEN NULL ELSE '2025-01-15T00:00:00.000Z' END
            FROM n
            """)
    }
}

/// The plans GET /debug/query-plans reports, by lookup name.
private func plans(_ t: TestContext) throws -> (
    plans: [String: (sql: String, plan: [String])], response: ClientResponse
) {
    let response = try t.http.get("/debug/query-plans").expectStatus(200)
    var plans: [String: (sql: String, plan: [String])] = [:]
    for lookup in try response.json()["lookups"]?.array ?? [] {
        guard let name = lookup["name"]?.string else { continue }
        plans[name] = (lookup["sql"]?.string ?? "", (lookup["plan"]?.array ?? []).compactMap(\.string))
    }
    return (plans, response)
}

/// Requires the lookup's plan to find its rows with an index: no step may SCAN a table, and when
/// `column` is given, a SEARCH step must use an index whose first column is `column`: any index
/// that SQLite can search is not enough.
private func requireIndexed(
    _ t: TestContext, _ name: String, startingWith column: String? = nil, hint: Words?
) throws {
    let (all, response) = try plans(t)
    guard let lookup = all[name] else {
        throw response.failure(
            "expected a plan for the lookup \"\(name)\", but GET /debug/query-plans has none")
    }
    let plan = lookup.plan.joined(separator: " | ")
    if let scan = lookup.plan.first(where: { $0.hasPrefix("SCAN") }) {
        throw response.failure(
            "the lookup \"\(name)\" reads every row: its plan says \"\(scan)\" (whole plan: \(plan)). Its SQL is: \(lookup.sql)",
            hint: hint)
    }
    try require(
        lookup.plan.contains {
            $0.hasPrefix("SEARCH") && ($0.contains("INDEX") || $0.contains("PRIMARY KEY"))
        }, "expected the plan of \"\(name)\" to SEARCH with an index, got: \(plan)", hint: hint,
        response: response)
    guard let column else { return }
    let searches = lookup.plan.filter { $0.hasPrefix("SEARCH") && $0.contains("INDEX ") }
    guard
        !searches.contains(where: {
            $0.contains("(\(column)=") || $0.contains("(\(column)>") || $0.contains("(\(column)<")
        })
    else { return }
    let used = searches.map { step in
        let index = step.components(separatedBy: "INDEX ").last ?? step
        return index.components(separatedBy: " (").first ?? index
    }
    throw response.failure(
        "the lookup \"\(name)\" searches with \(used.isEmpty ? "no index" : "the index " + used.joined(separator: ", ")), whose first column is not \(column): its plan says \(plan). It needs an index that starts with \(column). Its SQL is: \(lookup.sql)",
        hint: hint)
}

private let authorIndexHint: Words =
    "SQLite makes an index for a PRIMARY KEY and for UNIQUE columns, but not for a foreign key column. Add CREATE INDEX IF NOT EXISTS books_author ON books (author_id) to Schema.indexes."
private let nameIndexHint: Words =
    "An index holds the column's values, sorted. lower(name) is a different value, so SQLite cannot use the index and reads every author. Write WHERE name = ? COLLATE NOCASE, and index the column the same way: CREATE INDEX … ON authors (name COLLATE NOCASE)."
private let bookLoansHint: Words =
    "The index loans_member_book is sorted by member_id first, like a phone book sorted by family name: it cannot find a book_id quickly. Add an index whose first column is book_id: CREATE INDEX IF NOT EXISTS loans_book_away ON loans (book_id, returned_at). An index that starts with returned_at is searched by returned_at first: book_id must come first."
private let memberLoansHint: Words =
    "Keep loans_member_book (member_id, book_id): the loans of a member need an index that starts with member_id."

/// The check that seeds 50,000 books; every other check reads them.
private let seeded = "with 50,000 books in the database, GET /debug/query-plans shows a plan for each lookup"

let indexes = ExerciseTests("db08-indexes") {
    Check(seeded) { t in
        _ = try t.http.get("/books/1")  // the server creates its tables and indexes
        try t.prepareDatabase(seedBigLibrary)
        let (all, response) = try plans(t)
        for name in [
            "book_by_id", "book_by_isbn", "books_by_author", "authors_by_name", "loans_away_of_book",
            "loans_away_of_member",
        ] {
            try require(
                all[name]?.plan.isEmpty == false, "expected a plan for the lookup \"\(name)\"",
                response: response)
        }
    }

    Check(
        "a book by id and a book by ISBN use an index (these two are done for you)",
        hint:
            "These lookups were fine in the starter: the id is the INTEGER PRIMARY KEY, and UNIQUE on isbn made an index. Did a change in BookStore.select or Schema.swift break them?",
        needs: seeded
    ) { t in
        try requireIndexed(t, "book_by_id", hint: nil)
        try requireIndexed(t, "book_by_isbn", hint: nil)
    }

    Check(
        "the books of an author are found with an index on books.author_id", hint: authorIndexHint,
        needs: seeded
    ) { t in
        try requireIndexed(t, "books_by_author", startingWith: "author_id", hint: authorIndexHint)
        let response = try t.http.get("/authors/1/books").expectStatus(200)
        let ids = try Bookshelf.ids(response)
        try requireEqual(
            ids, Array(stride(from: 2000, through: 50000, by: 2000)), "the ids of the books of author 1",
            response: response)
    }

    Check(
        "authors are found by name with an index, and still in any case", hint: nameIndexHint,
        needs: seeded
    ) { t in
        try requireIndexed(t, "authors_by_name", startingWith: "name", hint: nameIndexHint)
        for name in ["andrea hirata", "Andrea Hirata", "ANDREA HIRATA"] {
            let response = try t.http.get(Bookshelf.target("/authors", [("name", name)])).expectStatus(200)
            try requireEqual(
                try Bookshelf.ids(response), [1, 2], "the ids of the authors named \"\(name)\" in any case",
                hint: "The lookup must still ignore the case of A–Z: COLLATE NOCASE does that.",
                response: response)
        }
        let none = try t.http.get(Bookshelf.target("/authors", [("name", "Andrea")])).expectStatus(200)
        try requireEqual(
            try Bookshelf.ids(none), [], "the ids of the authors named exactly \"Andrea\"", response: none)
    }

    Check(
        "the loans of a book are counted with an index that starts with book_id", hint: bookLoansHint,
        needs: seeded
    ) {
        t in
        try requireIndexed(t, "loans_away_of_book", startingWith: "book_id", hint: bookLoansHint)
    }

    Check(
        "the loans of a member still use an index that starts with member_id", hint: memberLoansHint,
        needs: seeded
    ) { t in
        try requireIndexed(t, "loans_away_of_member", startingWith: "member_id", hint: memberLoansHint)
        let response = try t.http.get("/members/5/loans").expectStatus(200)
        let loans = try response.json().array ?? []
        try requireEqual(loans.count, 20, "the number of loans member 5 still has away", response: response)
    }

    Check(
        "borrowing still counts the copies on loan correctly",
        needs: seeded
    ) { t in
        // Book 29 (1 + 29 % 3 = 3 copies) has one loan still away (loan 4 of the seed: 4 * 7 % 50000 + 1).
        try t.http.post("/books/29/loans", json: ["member_id": 1]).expectStatus(201)
        try t.http.post("/books/29/loans", json: ["member_id": 2]).expectStatus(201)
        try t.http.post("/books/29/loans", json: ["member_id": 3]).expectProblem(status: 409)
    }

    Check(
        "with 50,000 books, 150 lookups answer correctly within a generous time",
        needs: seeded,
        timeout: .seconds(60)
    ) {
        t in
        let started = ContinuousClock.now
        for i in 1...50 {
            let id = i * 997 % 50000 + 1
            let byISBN = try t.http.get("/books/isbn/\(String(format: "978%010d", id))").expectStatus(200)
            try requireEqual(
                try byISBN.json()["id"]?.int, id,
                "the id of the book with ISBN 978\(String(format: "%010d", id))", response: byISBN)
            let author = i % 2000 + 1
            let books = try t.http.get("/authors/\(author)/books").expectStatus(200)
            try requireEqual(
                try Bookshelf.ids(books).count, 25, "the number of books of author \(author)", response: books
            )
            try t.http.get(Bookshelf.target("/authors", [("name", "author \(i + 2)")])).expectStatus(200)
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        try require(
            seconds < 20,
            "expected 150 lookups to take well under 20 seconds, they took \(Int(seconds)) seconds",
            hint: "Look at the plans in GET /debug/query-plans: every SCAN reads the whole table.",
            response: nil)
    }

    Check(Bookshelf.keepsItsRules, needs: seeded) { t in
        try Bookshelf.requireBookRules(t)
    }

    Check(Bookshelf.loansKeepTheirRules, needs: seeded) { t in
        try Bookshelf.requireLoanRules(t)
    }
}
