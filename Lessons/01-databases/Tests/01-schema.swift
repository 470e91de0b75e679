import BackendKit
import GraderKit

/// The check most others need: a complete book can be stored at all.
private let storesABook = "POST /books stores a complete book and answers 201 with it"

let schema = ExerciseTests("db01-schema") {
    Check(
        "the books table has the columns title, author, isbn, year and copies",
        hint: "List every column inside CREATE TABLE books ( ... ), separated by commas."
    ) { t in
        _ = try t.http.get("/books")
        let columns = try t.database().columns(of: "books")
        let names = Set(columns.map(\.name))
        let missing = ["id", "title", "author", "isbn", "year", "copies"].filter { !names.contains($0) }
        try require(
            missing.isEmpty,
            "the books table is missing the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")); it has \(columns.map(\.name).joined(separator: ", "))"
        )
        let types = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type.uppercased()) })
        for (name, type) in [
            ("title", "TEXT"), ("author", "TEXT"), ("isbn", "TEXT"), ("year", "INTEGER"),
            ("copies", "INTEGER"),
        ] {
            try requireEqual(types[name], type, "the type of the \(name) column")
        }
    }

    Check(
        storesABook,
        needs: "the books table has the columns title, author, isbn, year and copies"
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(1, copies: 3)).expectStatus(201)
        let book = try response.json()
        try requireEqual(
            book["title"]?.string, "Laskar Pelangi", "the title of the new book", response: response)
        try requireEqual(book["copies"]?.int, 3, "the copies of the new book", response: response)
        let stored = try t.database().queryOne(
            "SELECT title, isbn FROM books WHERE isbn = ?", Bookshelf.isbn(1))
        try require(stored != nil, "the book is not in the books table after POST /books answered 201")
    }

    Check(
        "a book without a title is refused (NOT NULL)",
        hint: "Add NOT NULL after the type of the title column, so the database refuses a book without one.",
        needs: storesABook
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(2).with("title", nil))
        try response.expectStatus(
            422, hint: "title needs NOT NULL: without it the database stores a book with no title.")
        try requireEqual(
            try t.database().queryOne("SELECT COUNT(*) AS n FROM books WHERE isbn = ?", Bookshelf.isbn(2))?
                .int("n"), 0, "the number of stored books without a title")
    }

    Check(
        "a book without an author or an ISBN is refused (NOT NULL)",
        needs: storesABook
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(3).with("author", nil)).expectStatus(
            422, hint: "author needs NOT NULL too.")
        try t.http.post("/books", json: Bookshelf.book(4).with("isbn", nil)).expectStatus(
            422, hint: "isbn needs NOT NULL: a book without an ISBN cannot be told apart from others.")
    }

    Check(
        "two books with the same ISBN are refused (UNIQUE)",
        hint:
            "Add UNIQUE to the isbn column: then the database itself refuses a second book with the same ISBN.",
        needs: storesABook
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(5)).expectStatus(201)
        try t.http.post("/books", json: Bookshelf.book(5, title: "Another title")).expectStatus(409)
        let count = try t.database().queryOne(
            "SELECT COUNT(*) AS n FROM books WHERE isbn = ?", Bookshelf.isbn(5))?.int("n")
        try requireEqual(count, 1, "the number of stored books with ISBN \(Bookshelf.isbn(5))")
    }

    Check(
        "a year outside 1450–2100 is refused (CHECK), and no year is allowed",
        hint:
            "A CHECK rule on year, such as CHECK (year BETWEEN 1450 AND 2100), refuses impossible years. NULL passes a CHECK, so books without a year still work.",
        needs: storesABook
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(6, year: 3024)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(7, year: 1200)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(15, year: 1449)).expectStatus(
            422, hint: "1449 is just outside the range: BETWEEN 1450 AND 2100 refuses it.")
        try t.http.post("/books", json: Bookshelf.book(16, year: 2101)).expectStatus(
            422, hint: "2101 is just outside the range: BETWEEN 1450 AND 2100 refuses it.")
        try t.http.post("/books", json: Bookshelf.book(17, year: 2100)).expectStatus(
            201, hint: "2100 itself must be allowed: BETWEEN includes both ends.")
        try t.http.post("/books", json: Bookshelf.book(8, year: 1450)).expectStatus(
            201, hint: "1450 itself must be allowed: BETWEEN includes both ends.")
        try t.http.post("/books", json: Bookshelf.book(9, year: nil)).expectStatus(
            201, hint: "A book without a year (NULL) must be accepted: do not make year NOT NULL.")
    }

    Check(
        "copies is 1 when not given (DEFAULT) and can never be negative (CHECK)",
        hint: "Write copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0).",
        needs: storesABook
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(10)).expectStatus(201)
        try requireEqual(
            try response.json()["copies"]?.int, 1, "the copies of a book created without copies",
            response: response)
        try t.http.post("/books", json: Bookshelf.book(11, copies: -2)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(12, copies: 0)).expectStatus(
            201, hint: "0 copies is allowed (every copy is lent out); only negative numbers are impossible.")
        // BookStore sends 1 itself when copies is missing, so the table's own rules are tried on
        // the database file directly: other code that writes books relies on them.
        try t.prepareDatabase { db in
            do {
                try db.execute(
                    "INSERT INTO books (title, author, isbn) VALUES ('Default Copies', 'Grader', ?)",
                    Bookshelf.isbn(13))
            } catch {
                try fail(
                    "expected the books table to store a book inserted without copies, it refused it: \(error)",
                    hint:
                        "Give copies DEFAULT 1: then a row inserted without copies gets 1 instead of breaking NOT NULL."
                )
            }
            let stored = try db.queryOne("SELECT copies FROM books WHERE isbn = ?", Bookshelf.isbn(13))
            try requireEqual(
                try stored?.get("copies", as: Int?.self), 1,
                "the copies of a row inserted without copies (the column's DEFAULT)",
                hint:
                    "Write DEFAULT 1 after copies INTEGER NOT NULL: the default belongs to the table, not only to BookStore."
            )
            let storedNull =
                (try? db.execute(
                    "INSERT INTO books (title, author, isbn, copies) VALUES ('No Copies', 'Grader', ?, NULL)",
                    Bookshelf.isbn(14))) != nil
            try require(
                !storedNull,
                "expected the books table to refuse a row whose copies is NULL, it stored it",
                hint:
                    "copies needs NOT NULL as well as DEFAULT 1: a DEFAULT only fills a missing value, it does not refuse NULL."
            )
        }
    }

    Check(
        "the books survive a restart of the server",
        needs: storesABook
    ) { t in
        try t.restartServer()
        let response = try t.http.get("/books").expectStatus(200)
        let count = try response.json().array?.count ?? 0
        try require(
            count >= 5,
            "expected the books created earlier after a restart, got \(count); the table must be created with IF NOT EXISTS and the data kept in the DATABASE_PATH file",
            response: response)
    }
}
