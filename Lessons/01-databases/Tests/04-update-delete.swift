import BackendKit
import GraderKit

/// The fields of a book that a PATCH may leave alone, for "nothing else changed" comparisons.
private let bookFields = ["title", "author", "isbn", "year", "copies", "created_at"]

/// Requires every field in `fields` of `after` to equal the same field of `before`.
private func requireUnchanged(
    _ after: JSONValue, _ before: JSONValue, _ fields: [String], response: ClientResponse, hint: Words
) throws {
    for field in fields where (after[field] ?? .null) != (before[field] ?? .null) {
        let (kept, got) = ((before[field] ?? .null).description, (after[field] ?? .null).description)
        throw response.failure(
            Words(
                "expected \(field) to stay \(kept) because the PATCH did not send it, got \(got)",
                id: "seharusnya \(field) tetap \(kept) karena PATCH tidak mengirimnya, tapi isinya \(got)"),
            hint: hint)
    }
}

/// A value for a message, or "nothing" when there is none.
private func shown(_ value: (any CustomStringConvertible)?) -> Words {
    value.map { Words(verbatim: $0.description) } ?? Words("nothing", id: "tidak ada")
}

/// "2026-01-31T09:30:00.123Z": the form Schema.now writes.
private func isTimestamp(_ text: String?) -> Bool {
    guard let text, text.count == 24 else { return false }
    let shape = Array("dddd-dd-ddTdd:dd:dd.dddZ")
    return zip(text, shape).allSatisfy { char, want in
        want == "d" ? char.isASCII && char.isNumber : char == want
    }
}

private let onlySentHint = Words(
    "Add \"column = ?\" to the SET list only for the fields the client sent (if let title = patch.title { … }). An UPDATE that sets every column overwrites the ones the client did not send.",
    id:
        "Tambahkan \"column = ?\" ke daftar SET hanya untuk field yang dikirim client (if let title = patch.title { … }). UPDATE yang men-SET semua kolom akan menimpa kolom yang tidak dikirim client."
)
private let changesHint = Words(
    "execute returns an ExecutionResult: when result.changes is 0, the WHERE id = ? matched no row, so there is no such book. Return nil (the route answers 404).",
    id:
        "execute mengembalikan ExecutionResult: kalau result.changes bernilai 0, WHERE id = ? tidak cocok dengan baris mana pun, jadi buku itu tidak ada. Kembalikan nil (route-nya menjawab 404)."
)

private let boundHint = Words(
    "Each field adds \"column = ?\" to the SET list and its value to the list of values; the id goes last, for WHERE id = ?. Never paste a value into the SQL text, not even a number.",
    id:
        "Setiap field menambahkan \"column = ?\" ke daftar SET dan nilainya ke daftar nilai; id-nya paling akhir, untuk WHERE id = ?. Jangan pernah menempel nilai ke teks SQL, angka sekalipun."
)

/// The check most others need: a PATCH changes only what it sends.
private let patchesOneField = Words(
    "PATCH with only a title changes the title and keeps every other field",
    id: "PATCH yang hanya berisi title mengubah judulnya dan mempertahankan semua field lain")

/// The check the other DELETE checks need.
private let deletesABook = Words(
    "DELETE /books/:id answers 204, and then the book is gone",
    id: "DELETE /books/:id menjawab 204, lalu bukunya hilang")

let updateAndDelete = ExerciseTests("db04-update-delete") {
    Check(
        Words(
            "POST /books gets created_at and updated_at from the database",
            id: "POST /books mendapat created_at dan updated_at dari database")
    ) { t in
        let created = try Bookshelf.create(
            t, Bookshelf.book(401, title: "Sang Pemimpi", year: 2006, copies: 2))
        let got = shown(created["created_at"])
        try require(
            isTimestamp(created["created_at"]?.string),
            Words(
                "expected created_at to look like 2026-01-31T09:30:00.123Z, got \(got.en)",
                id:
                    "seharusnya created_at berbentuk seperti 2026-01-31T09:30:00.123Z, tapi isinya \(got[.id])"
            ))
        try requireEqual(
            created["updated_at"], created["created_at"],
            Words(
                "updated_at of a new book (the same as created_at)",
                id: "updated_at dari buku baru (sama dengan created_at)"))
    }

    Check(patchesOneField, hint: onlySentHint) { t in
        let bystander = try Bookshelf.create(t, Bookshelf.book(410, title: "Ayah", year: 2015))
        let before = try Bookshelf.create(t, Bookshelf.book(402, title: "Edensr", year: 2007, copies: 3))
        let id = before["id"]?.int ?? 0
        let response = try t.http.patch("/books/\(id)", json: ["title": "Edensor"]).expectStatus(
            200, hint: onlySentHint)
        let after = try response.json()
        try requireEqual(
            after["title"]?.string, "Edensor", Words("the title after the PATCH", id: "judul setelah PATCH"),
            response: response)
        try requireUnchanged(
            after, before, ["author", "isbn", "year", "copies", "created_at"], response: response,
            hint: onlySentHint)
        let row = try t.database().queryOne("SELECT title, year, copies FROM books WHERE id = ?", id)
        try requireEqual(
            try row?.string("title"), "Edensor",
            Words("the title stored in the books table", id: "judul yang tersimpan di tabel books"))
        try requireEqual(
            try row?.get("year", as: Int?.self), 2007,
            Words("the year stored in the books table", id: "tahun yang tersimpan di tabel books"))
        let other = try t.database().queryOne(
            "SELECT title FROM books WHERE id = ?", bystander["id"]?.int ?? 0)
        try requireEqual(
            try other?.string("title"), "Ayah",
            Words(
                "the title of another book, which the PATCH did not name",
                id: "judul buku lain, yang tidak disebut oleh PATCH"),
            hint: Words(
                "An UPDATE without WHERE changes every row of the table. End it with WHERE id = ?, and add the id to the values last.",
                id:
                    "UPDATE tanpa WHERE mengubah semua baris di tabel. Akhiri dengan WHERE id = ?, dan tambahkan id-nya paling akhir ke daftar nilai."
            ))
    }

    Check(
        Words(
            "PATCH with \"year\": null clears the year, and several fields can change at once",
            id: "PATCH dengan \"year\": null mengosongkan tahunnya, dan beberapa field bisa berubah sekaligus"
        ),
        hint: Words(
            "A field sent as null is different from a field not sent: patch.year is .some(nil), and binding that nil stores NULL.",
            id:
                "Field yang dikirim sebagai null berbeda dengan field yang tidak dikirim: patch.year bernilai .some(nil), dan nil itu, kalau dikirim sebagai parameter, tersimpan sebagai NULL."
        ),
        needs: patchesOneField.en
    ) { t in
        let before = try Bookshelf.create(
            t, Bookshelf.book(403, title: "Maryamah Karpov", year: 2008, copies: 1))
        let id = before["id"]?.int ?? 0
        let response = try t.http.patch(
            "/books/\(id)", json: ["year": nil, "copies": 5, "author": "Andrea Hirata (ed.)"]
        ).expectStatus(200)
        let after = try response.json()
        let year = shown(after["year"])
        try require(
            after["year"] == nil || after["year"] == .null,
            Words(
                "expected the year to be cleared, got \(year.en)",
                id: "seharusnya tahunnya dikosongkan, tapi isinya \(year[.id])"),
            response: response)
        try requireEqual(
            after["copies"]?.int, 5, Words("the copies after the PATCH", id: "copies setelah PATCH"),
            response: response)
        try requireEqual(
            after["author"]?.string, "Andrea Hirata (ed.)",
            Words("the author after the PATCH", id: "penulis setelah PATCH"),
            response: response)
        try requireUnchanged(
            after, before, ["title", "isbn", "created_at"], response: response, hint: onlySentHint)
        let stored = try t.database().queryOne("SELECT year FROM books WHERE id = ?", id)?.value("year")
        try requireEqual(
            stored, SQLValue.null,
            Words("the year stored in the books table", id: "tahun yang tersimpan di tabel books"))
    }

    Check(
        Words(
            "PATCH moves updated_at forward and keeps created_at (on a book written with old timestamps)",
            id:
                "PATCH memajukan updated_at dan mempertahankan created_at (pada buku yang ditulis dengan timestamp lama)"
        ),
        hint: Words(
            "Add \"updated_at = \\(Schema.now)\" to the SET list, so SQLite writes the current time in the same form as created_at.",
            id:
                "Tambahkan \"updated_at = \\(Schema.now)\" ke daftar SET, supaya SQLite menulis waktu saat ini dalam bentuk yang sama seperti created_at."
        ),
        needs: patchesOneField.en
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
            after["created_at"]?.string, old,
            Words(
                "created_at after the PATCH (it must never change)",
                id: "created_at setelah PATCH (nilainya tidak boleh pernah berubah)"),
            response: response)
        let updated = after["updated_at"]?.string
        let got = shown(after["updated_at"])
        try require(
            isTimestamp(updated),
            Words(
                "expected updated_at to look like 2026-01-31T09:30:00.123Z (like created_at), got \(got.en)",
                id:
                    "seharusnya updated_at berbentuk seperti 2026-01-31T09:30:00.123Z (sama seperti created_at), tapi isinya \(got[.id])"
            ),
            response: response)
        let moved = shown(updated)
        try require(
            (updated ?? "") > old,
            Words(
                "expected updated_at to move forward from \(old), got \(moved.en)",
                id: "seharusnya updated_at maju dari \(old), tapi isinya \(moved[.id])"),
            response: response)
    }

    Check(
        Words(
            "PATCH answers 404 for a book that does not exist",
            id: "PATCH menjawab 404 untuk buku yang tidak ada"),
        hint: changesHint,
        needs: patchesOneField.en
    ) { t in
        try t.http.patch("/books/999999", json: ["title": "Ghost"]).expectProblem(
            status: 404, hint: changesHint)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "title = ?", "Ghost"), 0,
            Words("the number of books titled Ghost", id: "jumlah buku berjudul Ghost"))
    }

    Check(
        Words(
            "PATCH that breaks a rule of the table is refused, and the book stays as it was",
            id: "PATCH yang melanggar aturan tabel ditolak, dan bukunya tetap seperti semula"),
        hint: Words(
            "The table's rules (UNIQUE, CHECK, NOT NULL) still apply to an UPDATE; Routes.swift turns a broken rule into 409 or 422. Make sure the values go to the right columns.",
            id:
                "Aturan tabel (UNIQUE, CHECK, NOT NULL) tetap berlaku untuk UPDATE; Routes.swift mengubah aturan yang dilanggar menjadi 409 atau 422. Pastikan nilai-nilainya masuk ke kolom yang benar."
        ),
        needs: patchesOneField.en
    ) { t in
        let first = try Bookshelf.create(t, Bookshelf.book(405, title: "Ayah"))
        let id = first["id"]?.int ?? 0
        try t.http.patch("/books/\(id)", json: ["isbn": .string(Bookshelf.isbn(401))]).expectProblem(
            status: 409)
        try t.http.patch("/books/\(id)", json: ["copies": -1]).expectProblem(status: 422)
        try t.http.patch("/books/\(id)", json: ["title": nil]).expectProblem(status: 422)
        let row = try t.database().queryOne("SELECT title, isbn, copies FROM books WHERE id = ?", id)
        try requireEqual(
            try row?.string("title"), "Ayah",
            Words(
                "the stored title after the refused PATCHes",
                id: "judul yang tersimpan setelah semua PATCH yang ditolak"))
        try requireEqual(
            try row?.string("isbn"), Bookshelf.isbn(405),
            Words(
                "the stored isbn after the refused PATCHes",
                id: "isbn yang tersimpan setelah semua PATCH yang ditolak"))
    }

    Check(
        Words(
            "PATCH with {} answers 200 with the book as it is",
            id: "PATCH dengan {} menjawab 200 dengan bukunya apa adanya"),
        hint: Words(
            "With no field sent, there is nothing to SET: \"UPDATE books SET  WHERE …\" is broken SQL. Return the book unchanged (find(id:)), or nil when it does not exist.",
            id:
                "Kalau tidak ada field yang dikirim, tidak ada yang perlu di-SET: \"UPDATE books SET  WHERE …\" itu SQL yang rusak. Kembalikan bukunya tanpa perubahan (find(id:)), atau nil kalau bukunya tidak ada."
        ),
        needs: patchesOneField.en
    ) { t in
        let created = try Bookshelf.create(t, Bookshelf.book(406, title: "Sebelas Patriot"))
        let id = created["id"]?.int ?? 0
        // Old timestamps, so an UPDATE that runs anyway moves updated_at visibly, even when it
        // lands in the same millisecond as the POST.
        let old = "2020-01-01T00:00:00.000Z"
        try t.prepareDatabase { db in
            try db.execute("UPDATE books SET created_at = ?, updated_at = ? WHERE id = ?", old, old, id)
        }
        let before = try t.http.get("/books/\(id)").expectStatus(200).json()
        let response = try t.http.patch("/books/\(id)", json: [:]).expectStatus(200)
        try requireUnchanged(
            try response.json(), before, bookFields + ["updated_at"], response: response,
            hint: Words(
                "An empty PATCH changes nothing, not even updated_at: return the book as it is, without an UPDATE.",
                id:
                    "PATCH kosong tidak mengubah apa pun, updated_at juga tidak: kembalikan bukunya apa adanya, tanpa UPDATE."
            ))
        try t.http.patch("/books/999998", json: [:]).expectStatus(404, hint: changesHint)
    }

    Check(deletesABook) { t in
        let book = try Bookshelf.create(t, Bookshelf.book(407, title: "To Be Removed"))
        let id = book["id"]?.int ?? 0
        try t.http.delete("/books/\(id)").expectStatus(204)
        try t.http.get("/books/\(id)").expectStatus(404)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "id = ?", id), 0,
            Words(
                "the number of rows with id \(id) after DELETE",
                id: "jumlah baris dengan id \(id) setelah DELETE"))
        try requireEqual(
            try Bookshelf.count(t, "books", where: "isbn = ?", Bookshelf.isbn(401)), 1,
            Words(
                "the number of rows of another book after DELETE /books/\(id)",
                id: "jumlah baris buku lain setelah DELETE /books/\(id)"),
            hint: Words(
                "A DELETE without WHERE removes every row of the table. Write DELETE FROM books WHERE id = ?.",
                id: "DELETE tanpa WHERE menghapus semua baris di tabel. Tulis DELETE FROM books WHERE id = ?."
            ))
    }

    Check(
        Words(
            "DELETE answers 404 for a book that does not exist, also one deleted a moment ago",
            id: "DELETE menjawab 404 untuk buku yang tidak ada, juga buku yang baru saja dihapus"),
        hint: Words(
            "Do not answer 204 blindly: execute(\"DELETE …\").changes is 0 when no row had that id; return false then.",
            id:
                "Jangan asal menjawab 204: execute(\"DELETE …\").changes bernilai 0 kalau tidak ada baris dengan id itu; kembalikan false dalam kasus itu."
        ),
        needs: deletesABook.en
    ) { t in
        let book = try Bookshelf.create(t, Bookshelf.book(408, title: "Deleted Twice"))
        let id = book["id"]?.int ?? 0
        try t.http.delete("/books/\(id)").expectStatus(204)
        try t.http.delete("/books/\(id)").expectProblem(status: 404)
        try t.http.delete("/books/999997").expectProblem(status: 404)
        try requireEqual(
            try Bookshelf.count(t, "books", where: "isbn = ?", Bookshelf.isbn(401)), 1,
            Words(
                "the number of other books still stored (DELETE must remove only its own book)",
                id: "jumlah buku lain yang masih tersimpan (DELETE hanya boleh menghapus bukunya sendiri)"))
    }

    Check(
        Words(
            "PATCH and DELETE send their values to SQL as ? parameters, never as text in the SQL",
            id:
                "PATCH dan DELETE mengirim nilainya ke SQL sebagai parameter ?, tidak pernah sebagai teks di dalam SQL"
        ),
        hint: boundHint,
        needs: patchesOneField.en,
        deletesABook.en
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
