import BackendKit
import GraderKit

/// The fields of a book that a PATCH may leave alone, for "nothing else changed" comparisons.
private let bookFields = ["title", "author", "isbn", "year", "copies", "created_at"]

/// Requires every field in `fields` of `after` to equal the same field of `before`.
private func requireUnchanged(
    _ after: JSONValue, _ before: JSONValue, _ fields: [String], response: ClientResponse, hint: Words
) throws {
    for field in fields where (after[field] ?? .null) != (before[field] ?? .null) {
        throw response.failure(
            "expected \(field) to stay \((before[field] ?? .null).description) because the PATCH did not send it, got \((after[field] ?? .null).description)",
            hint: hint)
    }
}

/// "2026-01-31T09:30:00.123Z": the form Schema.now writes.
private func isTimestamp(_ text: String?) -> Bool {
    guard let text, text.count == 24 else { return false }
    let shape = Array("dddd-dd-ddTdd:dd:dd.dddZ")
    return zip(text, shape).allSatisfy { char, want in
        want == "d" ? char.isASCII && char.isNumber : char == want
    }
}

private let onlySentHint: Words =
    "Add \"column = ?\" to the SET list only for the fields the client sent (if let title = patch.title { … }). An UPDATE that sets every column overwrites the ones the client did not send."
private let changesHint: Words =
    "execute returns an ExecutionResult: when result.changes is 0, the WHERE id = ? matched no row, so there is no such book. Return nil (the route answers 404)."

private let boundHint: Words =
    "Each field adds \"column = ?\" to the SET list and its value to the list of values; the id goes last, for WHERE id = ?. Never paste a value into the SQL text, not even a number."

let updateAndDelete = ExerciseTests("db04-update-delete") {
    Check("POST /books gets created_at and updated_at from the database") { t in
        let created = try Bookshelf.create(
            t, Bookshelf.book(401, title: "Sang Pemimpi", year: 2006, copies: 2))
        try require(
            isTimestamp(created["created_at"]?.string),
            "expected created_at to look like 2026-01-31T09:30:00.123Z, got \(created["created_at"]?.description ?? "nothing")"
        )
        try requireEqual(
            created["updated_at"], created["created_at"], "updated_at of a new book (the same as created_at)")
    }

    Check("PATCH with only a title changes the title and keeps every other field", hint: onlySentHint) { t in
        let bystander = try Bookshelf.create(t, Bookshelf.book(410, title: "Ayah", year: 2015))
        let before = try Bookshelf.create(t, Bookshelf.book(402, title: "Edensr", year: 2007, copies: 3))
        let id = before["id"]?.int ?? 0
        let response = try t.http.patch("/books/\(id)", json: ["title": "Edensor"]).expectStatus(
            200, hint: onlySentHint)
        let after = try response.json()
        try requireEqual(after["title"]?.string, "Edensor", "the title after the PATCH", response: response)
        try requireUnchanged(
            after, before, ["author", "isbn", "year", "copies", "created_at"], response: response,
            hint: onlySentHint)
        let row = try t.database().queryOne("SELECT title, year, copies FROM books WHERE id = ?", id)
        try requireEqual(try row?.string("title"), "Edensor", "the title stored in the books table")
        try requireEqual(try row?.get("year", as: Int?.self), 2007, "the year stored in the books table")
        let other = try t.database().queryOne(
            "SELECT title FROM books WHERE id = ?", bystander["id"]?.int ?? 0)
        try requireEqual(
            try other?.string("title"), "Ayah", "the title of another book, which the PATCH did not name",
            hint:
                "An UPDATE without WHERE changes every row of the table. End it with WHERE id = ?, and add the id to the values last."
        )
    }

    Check(
        "PATCH with \"year\": null clears the year, and several fields can change at once",
        hint:
            "A field sent as null is different from a field not sent: patch.year is .some(nil), and binding that nil stores NULL.",
        needs: "PATCH with only a title changes the title and keeps every other field"
    ) { t in
        let before = try Bookshelf.create(
            t, Bookshelf.book(403, title: "Maryamah Karpov", year: 2008, copies: 1))
        let id = before["id"]?.int ?? 0
        let response = try t.http.patch(
            "/books/\(id)", json: ["year": nil, "copies": 5, "author": "Andrea Hirata (ed.)"]
        ).expectStatus(200)
        let after = try response.json()
        try require(
            after["year"] == nil || after["year"] == .null,
            "expected the year to be cleared, got \(after["year"]?.description ?? "nothing")",
            response: response)
        try requireEqual(after["copies"]?.int, 5, "the copies after the PATCH", response: response)
        try requireEqual(
            after["author"]?.string, "Andrea Hirata (ed.)", "the author after the PATCH", response: response)
        try requireUnchanged(
            after, before, ["title", "isbn", "created_at"], response: response, hint: onlySentHint)
        let year = try t.database().queryOne("SELECT year FROM books WHERE id = ?", id)?.value("year")
        try requireEqual(year, SQLValue.null, "the year stored in the books table")
    }

    Check(
        "PATCH moves updated_at forward and keeps created_at (on a book written with old timestamps)",
        hint:
            "Add \"updated_at = \\(Schema.now)\" to the SET list, so SQLite writes the current time in the same form as created_at.",
        needs: "PATCH with only a title changes the title and keeps every other field"
    ) { t in
        let created = try Bookshelf.create(t, Bookshelf.book(404, title: "Padang Bulan", year: 2010))
        let id = created["id"]?.int ?? 0
        let old = "2020-01-01T00:00:00.000Z"
        try t.prepareDatabase { db in
            try db.execute("UPDATE books SET created_at = ?, updated_at = ? WHERE id = ?", old, old, id)
        }
        let response = try t.http.patch("/books/\(id)", json: ["copies": 2]).expectStatus(200)
        let after = try response.json()
        try requireEqual(
            after["created_at"]?.string, old, "created_at after the PATCH (it must never change)",
            response: response)
        let updated = after["updated_at"]?.string
        try require(
            isTimestamp(updated),
            "expected updated_at to look like 2026-01-31T09:30:00.123Z (like created_at), got \(after["updated_at"]?.description ?? "nothing")",
            response: response)
        try require(
            (updated ?? "") > old,
            "expected updated_at to move forward from \(old), got \(updated ?? "nothing")", response: response
        )
    }

    Check(
        "PATCH answers 404 for a book that does not exist", hint: changesHint,
        needs: "PATCH with only a title changes the title and keeps every other field"
    ) { t in
        try t.http.patch("/books/999999", json: ["title": "Ghost"]).expectProblem(
            status: 404, hint: changesHint)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "title = ?", "Ghost"), 0,
            "the number of books titled Ghost")
    }

    Check(
        "PATCH that breaks a rule of the table is refused, and the book stays as it was",
        hint:
            "The table's rules (UNIQUE, CHECK, NOT NULL) still apply to an UPDATE; Routes.swift turns a broken rule into 409 or 422. Make sure the values go to the right columns.",
        needs: "PATCH with only a title changes the title and keeps every other field"
    ) { t in
        let first = try Bookshelf.create(t, Bookshelf.book(405, title: "Ayah"))
        let id = first["id"]?.int ?? 0
        try t.http.patch("/books/\(id)", json: ["isbn": .string(Bookshelf.isbn(401))]).expectProblem(
            status: 409)
        try t.http.patch("/books/\(id)", json: ["copies": -1]).expectProblem(status: 422)
        try t.http.patch("/books/\(id)", json: ["title": nil]).expectProblem(status: 422)
        let row = try t.database().queryOne("SELECT title, isbn, copies FROM books WHERE id = ?", id)
        try requireEqual(try row?.string("title"), "Ayah", "the stored title after the refused PATCHes")
        try requireEqual(
            try row?.string("isbn"), Bookshelf.isbn(405), "the stored isbn after the refused PATCHes")
    }

    Check(
        "PATCH with {} answers 200 with the book as it is",
        hint:
            "With no field sent, there is nothing to SET: \"UPDATE books SET  WHERE …\" is broken SQL. Return the book unchanged (find(id:)), or nil when it does not exist.",
        needs: "PATCH with only a title changes the title and keeps every other field"
    ) { t in
        let before = try Bookshelf.create(t, Bookshelf.book(406, title: "Sebelas Patriot"))
        let id = before["id"]?.int ?? 0
        let response = try t.http.patch("/books/\(id)", json: [:]).expectStatus(200)
        try requireUnchanged(
            try response.json(), before, bookFields + ["updated_at"], response: response,
            hint:
                "An empty PATCH changes nothing, not even updated_at: return the book as it is, without an UPDATE."
        )
        try t.http.patch("/books/999998", json: [:]).expectStatus(404, hint: changesHint)
    }

    Check("DELETE /books/:id answers 204, and then the book is gone") { t in
        let book = try Bookshelf.create(t, Bookshelf.book(407, title: "To Be Removed"))
        let id = book["id"]?.int ?? 0
        try t.http.delete("/books/\(id)").expectStatus(204)
        try t.http.get("/books/\(id)").expectStatus(404)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "id = ?", id), 0,
            "the number of rows with id \(id) after DELETE")
        try requireEqual(
            try Bookshelf.count(t, "books", where: "isbn = ?", Bookshelf.isbn(401)), 1,
            "the number of rows of another book after DELETE /books/\(id)",
            hint:
                "A DELETE without WHERE removes every row of the table. Write DELETE FROM books WHERE id = ?."
        )
    }

    Check(
        "DELETE answers 404 for a book that does not exist, also one deleted a moment ago",
        hint:
            "Do not answer 204 blindly: execute(\"DELETE …\").changes is 0 when no row had that id; return false then.",
        needs: "DELETE /books/:id answers 204, and then the book is gone"
    ) { t in
        let book = try Bookshelf.create(t, Bookshelf.book(408, title: "Deleted Twice"))
        let id = book["id"]?.int ?? 0
        try t.http.delete("/books/\(id)").expectStatus(204)
        try t.http.delete("/books/\(id)").expectProblem(status: 404)
        try t.http.delete("/books/999997").expectProblem(status: 404)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "isbn = ?", Bookshelf.isbn(401)), 1,
            "the number of other books still stored (DELETE must remove only its own book)")
    }

    Check(
        "PATCH and DELETE send their values to SQL as ? parameters, never as text in the SQL",
        hint: boundHint,
        needs: "PATCH with only a title changes the title and keeps every other field",
        "DELETE /books/:id answers 204, and then the book is gone"
    ) { t in
        try t.enableStatementLog()
        let book = try Bookshelf.create(t, Bookshelf.book(409, title: "Before"))
        let id = book["id"]?.int ?? 0
        let patch: JSONValue = [
            "title": "Bound Title 4741", "author": "Bound Author 4742", "isbn": "bound-isbn-4743",
            "year": 1987,
            "copies": 4744,
        ]
        let changed = try t.http.patch("/books/\(id)", json: patch).expectStatus(200)
        try Bookshelf.requireBoundValues(
            t, changed,
            ["Bound Title 4741", "Bound Author 4742", "bound-isbn-4743"] + Bookshelf.pasted(1987)
                + Bookshelf.pasted(4744) + Bookshelf.pasted(id), hint: boundHint)
        let deleted = try t.http.delete("/books/\(id)").expectStatus(204)
        try Bookshelf.requireBoundValues(t, deleted, Bookshelf.pasted(id), hint: boundHint)
    }
}
