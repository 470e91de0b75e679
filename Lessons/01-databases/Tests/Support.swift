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
    static func create(_ t: TestContext, _ json: JSONValue, at path: String = "/books", hint: Words? = nil)
        throws -> JSONValue
    {
        try given(
            Words(
                "POST \(path) to answer 201 with what it created",
                id: "POST \(path) menjawab 201 dengan data yang dibuatnya")
        ) {
            let response = try t.http.post(path, json: json).expectStatus(201, hint: hint)
            let created = try response.json()
            try require(
                created["id"]?.int != nil,
                Words(
                    "expected the created object to have a whole-number \"id\", got \(created)",
                    id:
                        "seharusnya objek yang dibuat punya \"id\" berupa bilangan bulat, tapi yang datang \(created)"
                ),
                response: response)
            return created
        }
    }

    /// The `id` of every object in a JSON array answer, in order; fails when the answer is not an array.
    static func ids(_ response: ClientResponse) throws -> [Int] {
        guard let items = try response.json().array else {
            throw response.failure(
                Words(
                    "expected a JSON array, got \(response.text.prefix(120))",
                    id: "seharusnya sebuah array JSON, tapi yang datang \(response.text.prefix(120))"))
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

    /// A list of numbers for messages: "3, 1, 2" (or "nothing"), in the run's language.
    static func list(_ numbers: [Int]) -> String {
        numbers.isEmpty
            ? Words("nothing", id: "tidak ada").text : numbers.map(String.init).joined(separator: ", ")
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
        _ t: TestContext, _ response: ClientResponse, _ values: [String], hint: Words
    ) throws {
        for statement in try t.statements(for: response) {
            guard let value = values.first(where: { statement.sql.contains($0) }) else { continue }
            let sql = statement.sql.prefix(200)
            throw response.failure(
                Words(
                    "ran SQL with the client's value \"\(value)\" written into it instead of a ?: \(sql)",
                    id:
                        "menjalankan SQL yang berisi nilai dari client \"\(value)\" langsung, bukan lewat ?: \(sql)"
                ),
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
    static let keepsItsRules = Words(
        "the books and authors tables keep every rule: NOT NULL, UNIQUE, CHECK, DEFAULT and the foreign key",
        id:
            "tabel books dan authors tetap menjaga semua aturannya: NOT NULL, UNIQUE, CHECK, DEFAULT dan foreign key"
    )

    private static let rulesHint = Words(
        "When you change a table, keep every rule it had: title, author_id and isbn NOT NULL, isbn UNIQUE, CHECK (year BETWEEN 1450 AND 2100), copies NOT NULL DEFAULT 1 CHECK (copies >= 0), created_at and updated_at NOT NULL with their DEFAULT, and authors.name NOT NULL.",
        id:
            "Saat kamu mengubah tabel, pertahankan semua aturan yang sudah ada: title, author_id dan isbn NOT NULL, isbn UNIQUE, CHECK (year BETWEEN 1450 AND 2100), copies NOT NULL DEFAULT 1 CHECK (copies >= 0), created_at dan updated_at NOT NULL dengan DEFAULT-nya, serta authors.name NOT NULL."
    )

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
            let probes: [(sql: String, stored: Bool, what: Words)] = [
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-1', 2000, 1)", true,
                    Words("a complete book", id: "buku yang lengkap")
                ),
                (
                    "\(insert) VALUES (NULL, \(author), 'rules-2', 2000, 1)", false,
                    Words("a book whose title is NULL", id: "buku yang title-nya NULL")
                ),
                (
                    "\(insert) VALUES ('Probe', NULL, 'rules-3', 2000, 1)", false,
                    Words("a book whose author_id is NULL", id: "buku yang author_id-nya NULL")
                ),
                (
                    "\(insert) VALUES ('Probe', 987654, 'rules-4', 2000, 1)", false,
                    Words("a book whose author does not exist", id: "buku yang penulisnya tidak ada")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), NULL, 2000, 1)", false,
                    Words("a book whose isbn is NULL", id: "buku yang isbn-nya NULL")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-1', 2000, 1)", false,
                    Words("a second book with the same isbn", id: "buku kedua dengan isbn yang sama")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-5', 1449, 1)", false,
                    Words("a book from the year 1449", id: "buku dari tahun 1449")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-6', 2101, 1)", false,
                    Words("a book from the year 2101", id: "buku dari tahun 2101")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-7', 1450, 1)", true,
                    Words("a book from the year 1450", id: "buku dari tahun 1450")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-8', 2100, 1)", true,
                    Words("a book from the year 2100", id: "buku dari tahun 2100")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-9', NULL, 1)", true,
                    Words("a book without a year", id: "buku tanpa tahun")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-10', 2000, -1)", false,
                    Words("a book with -1 copies", id: "buku dengan -1 eksemplar")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-11', 2000, 0)", true,
                    Words("a book with 0 copies", id: "buku dengan 0 eksemplar")
                ),
                (
                    "\(insert) VALUES ('Probe', \(author), 'rules-12', 2000, NULL)", false,
                    Words("a book whose copies is NULL", id: "buku yang copies-nya NULL")
                ),
                (
                    "INSERT INTO books (title, author_id, isbn, created_at) VALUES ('Probe', \(author), 'rules-13', NULL)",
                    false, Words("a book whose created_at is NULL", id: "buku yang created_at-nya NULL")
                ),
                (
                    "INSERT INTO books (title, author_id, isbn, updated_at) VALUES ('Probe', \(author), 'rules-14', NULL)",
                    false, Words("a book whose updated_at is NULL", id: "buku yang updated_at-nya NULL")
                ),
                (
                    "INSERT INTO authors (name) VALUES (NULL)", false,
                    Words("an author whose name is NULL", id: "penulis yang name-nya NULL")
                ),
            ]
            for probe in probes {
                let stored = (try? db.execute(probe.sql)) != nil
                guard stored != probe.stored else { continue }
                let english =
                    "expected the table to \(probe.stored ? "store" : "refuse") \(probe.what.en), but it "
                    + "\(stored ? "stored" : "refused") it. The grader ran: \(probe.sql)"
                let indonesian =
                    "seharusnya tabel \(probe.stored ? "menyimpan" : "menolak") \(probe.what[.id]), tapi tabel "
                    + "\(stored ? "menyimpannya" : "menolaknya"). Yang dijalankan grader: \(probe.sql)"
                try fail(Words(english, id: indonesian), hint: rulesHint)
            }
            try db.execute(
                "INSERT INTO books (title, author_id, isbn) VALUES ('Probe', ?, 'rules-15')", author)
            let row = try db.queryOne(
                "SELECT copies, created_at, updated_at FROM books WHERE isbn = 'rules-15'")
            try requireEqual(
                try row?.get("copies", as: Int?.self), 1,
                Words(
                    "the copies of a book inserted without copies (DEFAULT 1)",
                    id: "copies dari buku yang dimasukkan tanpa copies (DEFAULT 1)"),
                hint: rulesHint)
            for column in ["created_at", "updated_at"] {
                let stamp = (try row?.get(column, as: String?.self)).flatMap { $0 } ?? ""
                try require(
                    stamp.count == 24 && stamp.hasSuffix("Z"),
                    Words(
                        "expected \(column) of a book inserted without it to be the current time like 2026-01-31T09:30:00.123Z (its DEFAULT), got \"\(stamp)\"",
                        id:
                            "seharusnya \(column) dari buku yang dimasukkan tanpa kolom itu berisi waktu saat ini seperti 2026-01-31T09:30:00.123Z (DEFAULT-nya), tapi isinya \"\(stamp)\""
                    ),
                    hint: rulesHint)
            }
        }
    }
}

extension Bookshelf {
    /// The check that the members and loans tables (from exercise 7 on) keep their rules.
    static let loansKeepTheirRules = Words(
        "the members and loans tables keep every rule: NOT NULL, UNIQUE, DEFAULT and the foreign keys",
        id:
            "tabel members dan loans tetap menjaga semua aturannya: NOT NULL, UNIQUE, DEFAULT dan foreign key-nya"
    )

    private static let loanRulesHint = Words(
        "Keep every rule of members and loans: name and email NOT NULL, email UNIQUE, book_id and member_id NOT NULL REFERENCES books (id) and members (id), borrowed_at NOT NULL with its DEFAULT.",
        id:
            "Pertahankan semua aturan members dan loans: name dan email NOT NULL, email UNIQUE, book_id dan member_id NOT NULL REFERENCES books (id) dan members (id), borrowed_at NOT NULL dengan DEFAULT-nya."
    )

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
            let probes: [(sql: String, what: Words)] = [
                (
                    "INSERT INTO members (name, email) VALUES (NULL, 'a@rules.example')",
                    Words("a member whose name is NULL", id: "anggota yang name-nya NULL")
                ),
                (
                    "INSERT INTO members (name, email) VALUES ('Probe', NULL)",
                    Words("a member whose email is NULL", id: "anggota yang email-nya NULL")
                ),
                (
                    "INSERT INTO members (name, email) VALUES ('Probe', 'probe@rules.example')",
                    Words("a second member with the same email", id: "anggota kedua dengan email yang sama")
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (NULL, \(member))",
                    Words("a loan whose book_id is NULL", id: "peminjaman yang book_id-nya NULL")
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (\(book), NULL)",
                    Words("a loan whose member_id is NULL", id: "peminjaman yang member_id-nya NULL")
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (987654, \(member))",
                    Words("a loan of a book that does not exist", id: "peminjaman buku yang tidak ada")
                ),
                (
                    "INSERT INTO loans (book_id, member_id) VALUES (\(book), 987654)",
                    Words(
                        "a loan for a member who does not exist",
                        id: "peminjaman untuk anggota yang tidak ada")
                ),
                (
                    "INSERT INTO loans (book_id, member_id, borrowed_at) VALUES (\(book), \(member), NULL)",
                    Words("a loan whose borrowed_at is NULL", id: "peminjaman yang borrowed_at-nya NULL")
                ),
            ]
            for probe in probes where (try? db.execute(probe.sql)) != nil {
                try fail(
                    Words(
                        "expected the table to refuse \(probe.what.en), but it stored it. The grader ran: \(probe.sql)",
                        id:
                            "seharusnya tabel menolak \(probe.what[.id]), tapi tabel menyimpannya. Yang dijalankan grader: \(probe.sql)"
                    ),
                    hint: loanRulesHint)
            }
            let loan = try db.execute("INSERT INTO loans (book_id, member_id) VALUES (?, ?)", book, member)
                .lastInsertedRowID
            let stamp =
                (try db.queryOne("SELECT borrowed_at FROM loans WHERE id = ?", loan)?.get(
                    "borrowed_at", as: String?.self)).flatMap { $0 } ?? ""
            try require(
                stamp.count == 24 && stamp.hasSuffix("Z"),
                Words(
                    "expected borrowed_at of a loan inserted without it to be the current time like 2026-01-31T09:30:00.123Z (its DEFAULT), got \"\(stamp)\"",
                    id:
                        "seharusnya borrowed_at dari peminjaman yang dimasukkan tanpa kolom itu berisi waktu saat ini seperti 2026-01-31T09:30:00.123Z (DEFAULT-nya), tapi isinya \"\(stamp)\""
                ),
                hint: loanRulesHint)
        }
    }
}
