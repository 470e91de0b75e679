import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Bookshelf's hidden tests.
enum Bookshelf {
    /// A valid book, with an ISBN made unique by `n`.
    static func book(
        _ n: Int, title: String = "Laskar Pelangi", author: String = "Andrea Hirata", year: Int? = 2005,
        copies: Int? = nil
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "title": .string(title), "author": .string(author), "isbn": .string(isbn(n)),
        ]
        if let year { fields["year"] = .number(Double(year)) }
        if let copies { fields["copies"] = .number(Double(copies)) }
        return .object(fields)
    }

    /// A 13-digit ISBN-like string, different for every `n`.
    static func isbn(_ n: Int) -> String {
        let digits = String(n)
        return "978" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Percent-encodes text for one path segment or one query value: only letters, digits and
    /// `-._~` stay as they are, so quotes, spaces, `%`, `&` and unicode travel safely.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `path?name=value&…` with every value percent-encoded.
    static func target(_ path: String, _ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&")
    }

    /// POSTs `json` to `path`, requires 201 and returns the JSON answer. When that fails after an
    /// earlier check has failed, the check is "not checked (needs POST /books to answer 201)"
    /// rather than one more ✗.
    @discardableResult
    static func create(_ t: TestContext, _ json: JSONValue, at path: String = "/books", hint: String? = nil)
        throws -> JSONValue
    {
        try given("POST \(path) to answer 201 with what it created") {
            let response = try t.http.post(path, json: json).expectStatus(201, hint: hint)
            let created = try response.json()
            try require(
                created["id"]?.int != nil,
                "expected the created object to have a whole-number \"id\", got \(created)",
                response: response)
            return created
        }
    }

    /// The `id` of every object in a JSON array answer, in order; fails when the answer is not an array.
    static func ids(_ response: ClientResponse) throws -> [Int] {
        guard let items = try response.json().array else {
            throw response.failure("expected a JSON array, got \(response.text.prefix(120))")
        }
        return items.map { $0["id"]?.int ?? -1 }
    }

    /// How many rows `table` holds in the learner's database file.
    static func count(
        _ t: TestContext, _ table: String, where condition: String = "1", _ values: any SQLBindable...
    ) throws -> Int {
        try t.database().queryOne(
            "SELECT COUNT(*) AS n FROM \(table) WHERE \(condition)", parameters: values)?.int("n") ?? 0
    }

    /// A list of numbers for messages: "3, 1, 2" (or "nothing").
    static func list(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "nothing" : numbers.map(String.init).joined(separator: ", ")
    }
}

extension JSONValue {
    /// A copy with one member changed (or removed with `nil`).
    func with(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}

extension Bookshelf {
    /// Fails when a statement the request behind `response` ran carries one of `values` in its SQL
    /// text instead of a `?`: that is SQL built from a client's values, however well it escapes
    /// quotes. Needs `t.enableStatementLog()` before the request. Pick values no SQL of the
    /// solution contains; `pasted(_:)` gives the forms a number takes when it is pasted.
    static func requireBoundValues(
        _ t: TestContext, _ response: ClientResponse, _ values: [String], hint: String
    ) throws {
        for statement in try t.statements(for: response) {
            guard let value = values.first(where: { statement.sql.contains($0) }) else { continue }
            throw response.failure(
                "ran SQL with the client's value \"\(value)\" written into it instead of a ?: \(statement.sql.prefix(200))",
                hint: hint)
        }
    }

    /// The forms a number takes in SQL built from it: `= 12`, `=12`, `'12'`, `(12`, `> 12`.
    static func pasted(_ number: Int) -> [String] {
        ["= \(number)", "=\(number)", "'\(number)'", "(\(number)", "> \(number)", "< \(number)"]
    }
}

extension Bookshelf {
    /// The check that every books table from exercise 5 on keeps the rules exercise 1 taught.
    static let keepsItsRules =
        "the books and authors tables keep every rule: NOT NULL, UNIQUE, CHECK, DEFAULT and the foreign key"

    private static let rulesHint =
        "When you change a table, keep every rule it had: title, author_id and isbn NOT NULL, isbn UNIQUE, CHECK (year BETWEEN 1450 AND 2100), copies NOT NULL DEFAULT 1 CHECK (copies >= 0), created_at and updated_at NOT NULL with their DEFAULT, and authors.name NOT NULL."

    /// Tries the rules of the books and authors tables on the database file itself, with rows the
    /// grader writes and removes again: whatever code writes a row, the table must refuse what
    /// breaks a rule and fill in its defaults.
    static func requireBookRules(_ t: TestContext) throws {
        try t.prepareDatabase { db in
            let author = try db.execute("INSERT INTO authors (name) VALUES ('Rule Probe')").lastInsertedRowID
            defer {
                _ = try? db.execute("DELETE FROM books WHERE isbn LIKE 'rules-%'")
                _ = try? db.execute("DELETE FROM authors WHERE id = ?", author)
            }
            let insert = "INSERT INTO books (title, author_id, isbn, year, copies)"
            let probes: [(sql: String, stored: Bool, what: String)] = [
                ("\(insert) VALUES ('Probe', \(author), 'rules-1', 2000, 1)", true, "a complete book"),
                (
                    "\(insert) VALUES (NULL, \(author), 'rules-2', 2000, 1)", false,
                    "a book whose title is NULL"
                ),
                (
                    "\(insert) VALUES ('Probe', NULL, 'rules-3', 2000, 1)", false,
                    "a book whose author_id is NULL"
                ),
                (
                    "\(insert) VALUES ('Probe', 987654, 'rules-4', 2000, 1)", false,
                    "a book whose author does not exist"
                ),
                ("\(insert) VALUES ('Probe', \(author), NULL, 2000, 1)", false, "a book whose isbn is NULL"),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-1', 2000, 1)", false,
                    "a second book with the same isbn"
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-5', 1449, 1)", false,
                    "a book from the year 1449"
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-6', 2101, 1)", false,
                    "a book from the year 2101"
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-7', 1450, 1)", true,
                    "a book from the year 1450"
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-8', 2100, 1)", true,
                    "a book from the year 2100"
                ),
                ("\(insert) VALUES ('Probe', \(author), 'rules-9', NULL, 1)", true, "a book without a year"),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-10', 2000, -1)", false,
                    "a book with -1 copies"
                ),
                ("\(insert) VALUES ('Probe', \(author), 'rules-11', 2000, 0)", true, "a book with 0 copies"),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-12', 2000, NULL)", false,
                    "a book whose copies is NULL"
                ),
                (
                    "INSERT INTO books (title, author_id, isbn, created_at) VALUES ('Probe', \(author), 'rules-13', NULL)",
                    false, "a book whose created_at is NULL"
                ),
                (
                    "INSERT INTO books (title, author_id, isbn, updated_at) VALUES ('Probe', \(author), 'rules-14', NULL)",
                    false, "a book whose updated_at is NULL"
                ),
                ("INSERT INTO authors (name) VALUES (NULL)", false, "an author whose name is NULL"),
            ]
            for probe in probes {
                let stored = (try? db.execute(probe.sql)) != nil
                guard stored != probe.stored else { continue }
                try fail(
                    "expected the table to \(probe.stored ? "store" : "refuse") \(probe.what), but it \(stored ? "stored" : "refused") it. The grader ran: \(probe.sql)",
                    hint: rulesHint)
            }
            try db.execute(
                "INSERT INTO books (title, author_id, isbn) VALUES ('Probe', ?, 'rules-15')", author)
            let row = try db.queryOne(
                "SELECT copies, created_at, updated_at FROM books WHERE isbn = 'rules-15'")
            try requireEqual(
                try row?.get("copies", as: Int?.self), 1,
                "the copies of a book inserted without copies (DEFAULT 1)",
                hint: rulesHint)
            for column in ["created_at", "updated_at"] {
                let stamp = (try row?.get(column, as: String?.self)).flatMap { $0 } ?? ""
                try require(
                    stamp.count == 24 && stamp.hasSuffix("Z"),
                    "expected \(column) of a book inserted without it to be the current time like 2026-01-31T09:30:00.123Z (its DEFAULT), got \"\(stamp)\"",
                    hint: rulesHint)
            }
        }
    }
}

extension Bookshelf {
    /// The check that the members and loans tables (from exercise 7 on) keep their rules.
    static let loansKeepTheirRules =
        "the members and loans tables keep every rule: NOT NULL, UNIQUE, DEFAULT and the foreign keys"

    private static let loanRulesHint =
        "Keep every rule of members and loans: name and email NOT NULL, email UNIQUE, book_id and member_id NOT NULL REFERENCES books (id) and members (id), borrowed_at NOT NULL with its DEFAULT."

    /// Tries the rules of the members and loans tables on the database file itself, with rows the
    /// grader writes and removes again.
    static func requireLoanRules(_ t: TestContext) throws {
        try t.prepareDatabase { db in
            let author = try db.execute("INSERT INTO authors (name) VALUES ('Rule Probe')").lastInsertedRowID
            let book = try db.execute(
                "INSERT INTO books (title, author_id, isbn) VALUES ('Probe', ?, 'loan-rules-book')", author
            ).lastInsertedRowID
            let member = try db.execute(
                "INSERT INTO members (name, email) VALUES ('Probe', 'probe@rules.example')"
            ).lastInsertedRowID
            defer {
                _ = try? db.execute("DELETE FROM loans WHERE book_id = ?", book)
                _ = try? db.execute("DELETE FROM members WHERE email LIKE '%@rules.example'")
                _ = try? db.execute("DELETE FROM books WHERE id = ?", book)
                _ = try? db.execute("DELETE FROM authors WHERE id = ?", author)
            }
            let probes: [(sql: String, what: String)] = [
                (
                    "INSERT INTO members (name, email) VALUES (NULL, 'a@rules.example')",
                    "a member whose name is NULL"
                ),
                ("INSERT INTO members (name, email) VALUES ('Probe', NULL)", "a member whose email is NULL"),
                (
                    "INSERT INTO members (name, email) VALUES ('Probe', 'probe@rules.example')",
                    "a second member with the same email"
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (NULL, \(member))",
                    "a loan whose book_id is NULL"
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (\(book), NULL)",
                    "a loan whose member_id is NULL"
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (987654, \(member))",
                    "a loan of a book that does not exist"
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (\(book), 987654)",
                    "a loan for a member who does not exist"
                ),
                (
                    "INSERT INTO loans (book_id, member_id, borrowed_at) VALUES (\(book), \(member), NULL)",
                    "a loan whose borrowed_at is NULL"
                ),
            ]
            for probe in probes where (try? db.execute(probe.sql)) != nil {
                try fail(
                    "expected the table to refuse \(probe.what), but it stored it. The grader ran: \(probe.sql)",
                    hint: loanRulesHint)
            }
            let loan = try db.execute("INSERT INTO loans (book_id, member_id) VALUES (?, ?)", book, member)
                .lastInsertedRowID
            let stamp =
                (try db.queryOne("SELECT borrowed_at FROM loans WHERE id = ?", loan)?.get(
                    "borrowed_at", as: String?.self)).flatMap { $0 } ?? ""
            try require(
                stamp.count == 24 && stamp.hasSuffix("Z"),
                "expected borrowed_at of a loan inserted without it to be the current time like 2026-01-31T09:30:00.123Z (its DEFAULT), got \"\(stamp)\"",
                hint: loanRulesHint)
        }
    }
}
