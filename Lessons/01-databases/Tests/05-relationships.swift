import BackendKit
import Foundation
import GraderKit

/// A book for `author` (an author id), with an ISBN made unique by `n`.
func relatedBook(_ n: Int, title: String, author: Int, year: Int? = 2005, copies: Int? = nil) -> JSONValue {
    Bookshelf.book(n, title: title, year: year, copies: copies).with("author", nil).with(
        "author_id", .number(Double(author)))
}

/// Creates an author through the API and returns their id.
func createAuthor(_ t: TestContext, _ name: String) throws -> Int {
    let author = try Bookshelf.create(t, ["name": .string(name)], at: "/authors")
    return author["id"]?.int ?? 0
}

private let joinHint = Words(
    "BookStore.select must read the author from the authors table: FROM books JOIN authors ON authors.id = books.author_id, with authors.id AS author_id and authors.name AS author_name.",
    id:
        "BookStore.select harus membaca penulisnya dari tabel authors: FROM books JOIN authors ON authors.id = books.author_id, dengan authors.id AS author_id dan authors.name AS author_name."
)
private let foreignKeyHint = Words(
    "Write author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT in the books table. Then SQLite itself refuses a book whose author does not exist. (If serve already created the table without it, delete the database file in workspace/data so it is created again.)",
    id:
        "Tulis author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT di tabel books. Dengan begitu SQLite sendiri yang menolak buku yang penulisnya tidak ada. (Kalau serve sudah telanjur membuat tabelnya tanpa aturan itu, hapus file database di workspace/data supaya tabelnya dibuat ulang.)"
)
private let boundHint = Words(
    "Write ? in the SQL for every value and pass the values after it, ids too: database.queryOne(\"\\(Self.select) WHERE books.id = ?\", id).",
    id:
        "Tulis ? di SQL untuk setiap nilai dan kirim nilai-nilainya sesudahnya, id juga: database.queryOne(\"\\(Self.select) WHERE books.id = ?\", id)."
)

/// The checks most others need.
private let isAForeignKey = Words(
    "books.author_id is a foreign key to authors (id)",
    id: "books.author_id adalah foreign key ke authors (id)")
private let createsWithAuthor = Words(
    "POST /books with an author_id answers 201 with the book and its author",
    id: "POST /books dengan author_id menjawab 201 dengan buku beserta penulisnya")
private let joinsTheAuthor = Words(
    "GET /books/:id returns the book with its author's id and name (a JOIN)",
    id: "GET /books/:id mengembalikan buku beserta id dan nama penulisnya (sebuah JOIN)")
private let listsAnAuthorsBooks = Words(
    "GET /authors/:id/books lists only that author's books",
    id: "GET /authors/:id/books hanya menampilkan buku-buku penulis itu")

/// Requires `book` (JSON) to carry the author `{"id": id, "name": name}`.
private func requireAuthor(_ book: JSONValue, id: Int, name: String, response: ClientResponse) throws {
    let author = book["author"]
    let got = author?.description
    try require(
        author?.object != nil,
        Words(
            "expected the book to have an \"author\" object, got \(got ?? "nothing")",
            id: "seharusnya bukunya punya objek \"author\", tapi isinya \(got ?? "tidak ada")"),
        hint: joinHint, response: response)
    let title = book["title"]?.string ?? "?"
    try requireEqual(
        author?["id"]?.int, id, Words("the author id of \"\(title)\"", id: "id penulis buku \"\(title)\""),
        hint: joinHint, response: response)
    try requireEqual(
        author?["name"]?.string, name,
        Words("the author name of \"\(title)\"", id: "nama penulis buku \"\(title)\""),
        hint: joinHint, response: response)
}

/// Author ids created by the checks, in the order they ran.
private final class Created: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Int] = [:]
    subscript(key: String) -> Int {
        get { lock.withLock { values[key] ?? 0 } }
        set { lock.withLock { values[key] = newValue } }
    }
}

private let created = Created()

let relationships = ExerciseTests("db05-relationships") {
    Check(isAForeignKey, hint: foreignKeyHint) { t in
        _ = try t.http.get("/authors")
        let keys = try t.database().foreignKeys(of: "books")
        let key = keys.first { $0.columns == ["author_id"] }
        let found =
            keys.isEmpty
            ? Words("none", id: "tidak ada")
            : Words(
                verbatim: keys.map { $0.columns.joined(separator: ",") + " → " + $0.referencedTable }
                    .joined(separator: "; "))
        try require(
            key != nil,
            Words(
                "expected the books table to have a foreign key on author_id (REFERENCES authors (id)), it has \(found.en)",
                id:
                    "seharusnya tabel books punya foreign key di author_id (REFERENCES authors (id)), tapi foreign key yang ada: \(found[.id])"
            ))
        try requireEqual(
            key?.referencedTable, "authors",
            Words("the table author_id refers to", id: "tabel yang dirujuk author_id"))
        try requireEqual(
            key?.referencedColumns, ["id"],
            Words("the column author_id refers to", id: "kolom yang dirujuk author_id"))
    }

    Check(createsWithAuthor, hint: joinHint) { t in
        // Authors without books come first, so that no author has the same id as a book: a JOIN
        // on the wrong column then finds the wrong author, or none, instead of the right one by luck.
        for name in ["Ayu Utami", "Seno Gumira Ajidarma", "Leila S. Chudori"] {
            _ = try createAuthor(t, name)
        }
        created["hirata"] = try createAuthor(t, "Andrea Hirata")
        created["oreilly"] = try createAuthor(t, "Tim O'Reilly")
        let response = try t.http.post(
            "/books", json: relatedBook(501, title: "Laskar Pelangi", author: created["hirata"])
        ).expectStatus(201)
        try requireAuthor(
            try response.json(), id: created["hirata"], name: "Andrea Hirata", response: response)
        try requireEqual(
            try response.json()["copies"]?.int, 1,
            Words(
                "the copies of a book sent without copies", id: "copies dari buku yang dikirim tanpa copies"),
            hint: Words(
                "A book sent without copies gets 1: keep COALESCE(?, 1) in the INSERT.",
                id: "Buku yang dikirim tanpa copies mendapat 1: pertahankan COALESCE(?, 1) di INSERT."),
            response: response)
        created["laskar"] = try response.json()["id"]?.int ?? 0
    }

    Check(
        joinsTheAuthor, hint: joinHint, needs: createsWithAuthor.en
    ) { t in
        let book = try Bookshelf.create(
            t, relatedBook(502, title: "WTF?", author: created["oreilly"]))
        let id = book["id"]?.int ?? 0
        let response = try t.http.get("/books/\(id)").expectStatus(200)
        try requireAuthor(
            try response.json(), id: created["oreilly"], name: "Tim O'Reilly", response: response)
        let byISBN = try t.http.get("/books/isbn/\(Bookshelf.isbn(502))").expectStatus(200)
        try requireAuthor(try byISBN.json(), id: created["oreilly"], name: "Tim O'Reilly", response: byISBN)
    }

    Check(
        Words(
            "GET /books lists every book with its own author, and ?author= filters by the author's name",
            id:
                "GET /books menampilkan setiap buku dengan penulisnya masing-masing, dan ?author= menyaring berdasarkan nama penulis"
        ),
        hint: joinHint, needs: joinsTheAuthor.en
    ) { t in
        try Bookshelf.create(
            t, relatedBook(503, title: "Sang Pemimpi", author: created["hirata"], year: 2006))
        let response = try t.http.get("/books").expectStatus(200)
        let books = try response.json().array ?? []
        try requireEqual(
            books.count, 3,
            Words("the number of books GET /books lists", id: "jumlah buku yang ditampilkan GET /books"),
            response: response)
        for book in books {
            let isOReilly = book["title"]?.string == "WTF?"
            try requireAuthor(
                book, id: created[isOReilly ? "oreilly" : "hirata"],
                name: isOReilly ? "Tim O'Reilly" : "Andrea Hirata", response: response)
        }
        let filtered = try t.http.get(Bookshelf.target("/books", [("author", "Andrea Hirata")])).expectStatus(
            200)
        try requireEqual(
            try filtered.json().array?.compactMap { $0["title"]?.string },
            ["Laskar Pelangi", "Sang Pemimpi"],
            Words("the titles of the books by Andrea Hirata", id: "judul buku-buku karya Andrea Hirata"),
            response: filtered)
    }

    Check(
        listsAnAuthorsBooks, hint: joinHint, needs: joinsTheAuthor.en
    ) { t in
        let response = try t.http.get("/authors/\(created["oreilly"])/books").expectStatus(200)
        let books = try response.json().array ?? []
        try requireEqual(
            books.compactMap { $0["title"]?.string }, ["WTF?"],
            Words("the titles of Tim O'Reilly's books", id: "judul buku-buku Tim O'Reilly"),
            response: response)
        try requireAuthor(books[0], id: created["oreilly"], name: "Tim O'Reilly", response: response)
    }

    Check(
        Words(
            "a book for an author that does not exist is refused with 422, and nothing is stored",
            id: "buku untuk penulis yang tidak ada ditolak dengan 422, dan tidak ada yang tersimpan"),
        hint: foreignKeyHint, needs: isAForeignKey.en
    ) { t in
        let before = try Bookshelf.count(t, "books")
        try t.http.post("/books", json: relatedBook(504, title: "Orphan", author: 987654)).expectProblem(
            status: 422, hint: foreignKeyHint)
        try requireEqual(
            try Bookshelf.count(t, "books"), before,
            Words("the number of books after the refused POST", id: "jumlah buku setelah POST yang ditolak"))
        try requireEqual(
            try Bookshelf.count(t, "books", where: "author_id NOT IN (SELECT id FROM authors)"), 0,
            Words(
                "the number of books whose author does not exist", id: "jumlah buku yang penulisnya tidak ada"
            ))
    }

    Check(
        Words(
            "a PATCH that moves a book to an author that does not exist is refused with 422",
            id: "PATCH yang memindahkan buku ke penulis yang tidak ada ditolak dengan 422"),
        hint: foreignKeyHint, needs: isAForeignKey.en, createsWithAuthor.en
    ) { t in
        try t.http.patch("/books/\(created["laskar"])", json: ["author_id": 987654]).expectProblem(
            status: 422, hint: foreignKeyHint)
        let authorID = try t.database().queryOne(
            "SELECT author_id FROM books WHERE id = ?", created["laskar"])?.int("author_id")
        try requireEqual(
            authorID, created["hirata"],
            Words(
                "the stored author_id of Laskar Pelangi after the refused PATCH",
                id: "author_id Laskar Pelangi yang tersimpan setelah PATCH yang ditolak"))
    }

    Check(
        Words(
            "deleting an author who still has books is refused with 409, and nothing is deleted",
            id: "menghapus penulis yang masih punya buku ditolak dengan 409, dan tidak ada yang terhapus"),
        hint: Words(
            "ON DELETE RESTRICT makes SQLite refuse to delete an author while books point to them. Without a foreign key the author is deleted and the books point to nobody; with ON DELETE CASCADE their books are deleted too.",
            id:
                "ON DELETE RESTRICT membuat SQLite menolak menghapus penulis selama masih ada buku yang menunjuk ke penulis itu. Tanpa foreign key, penulisnya terhapus dan buku-bukunya menunjuk ke penulis yang tidak ada; dengan ON DELETE CASCADE, buku-bukunya ikut terhapus."
        ),
        needs: isAForeignKey.en, createsWithAuthor.en
    ) { t in
        let booksBefore = try Bookshelf.count(t, "books")
        try t.http.delete("/authors/\(created["hirata"])").expectProblem(status: 409)
        try requireEqual(
            try Bookshelf.count(t, "authors", where: "id = ?", created["hirata"]), 1,
            Words(
                "the number of authors with Andrea Hirata's id after the refused DELETE",
                id: "jumlah penulis dengan id Andrea Hirata setelah DELETE yang ditolak"))
        try requireEqual(
            try Bookshelf.count(t, "books"), booksBefore,
            Words(
                "the number of books after the refused DELETE", id: "jumlah buku setelah DELETE yang ditolak")
        )
    }

    Check(
        Words(
            "an author without books can be deleted (204); an unknown author answers 404",
            id: "penulis tanpa buku bisa dihapus (204); penulis yang tidak dikenal dijawab 404")
    ) { t in
        let lonely = try createAuthor(t, "Dee Lestari")
        try t.http.delete("/authors/\(lonely)").expectStatus(204)
        try t.http.get("/authors/\(lonely)").expectStatus(404)
        try t.http.delete("/authors/\(lonely)").expectStatus(404)
    }

    Check(
        Words(
            "after their last book is deleted, an author can be deleted",
            id: "setelah buku terakhirnya dihapus, penulis bisa dihapus"),
        needs: listsAnAuthorsBooks.en
    ) { t in
        let books = try t.http.get("/authors/\(created["oreilly"])/books").expectStatus(200)
        for id in try Bookshelf.ids(books) {
            try t.http.delete("/books/\(id)").expectStatus(204)
        }
        try t.http.delete("/authors/\(created["oreilly"])").expectStatus(204)
        try requireEqual(
            try Bookshelf.count(t, "authors", where: "id = ?", created["oreilly"]), 0,
            Words(
                "the number of authors with Tim O'Reilly's id after the DELETE",
                id: "jumlah penulis dengan id Tim O'Reilly setelah DELETE"))
    }

    Check(
        Words(
            "the books' SQL carries a ? for every value, also the ids",
            id: "SQL untuk buku memakai ? untuk setiap nilai, termasuk id-nya"),
        hint: boundHint, needs: joinsTheAuthor.en
    ) { t in
        try t.enableStatementLog()
        let author = try createAuthor(t, "Leila S. Chudori")
        let title = "Bound Title 4751"
        let isbn = "bound-isbn-4752"
        let created = try t.http.post(
            "/books",
            json: relatedBook(0, title: title, author: author, year: 1991, copies: 4753).with(
                "isbn", .string(isbn))
        ).expectStatus(201)
        try Bookshelf.requireBoundValues(
            t, created,
            [title, isbn] + Bookshelf.pasted(author) + Bookshelf.pasted(1991) + Bookshelf.pasted(4753),
            hint: boundHint)
        let id = try created.json()["id"]?.int ?? -1
        for target in ["/books/\(id)", "/books/isbn/\(isbn)", "/authors/\(author)/books"] {
            let response = try t.http.get(target).expectStatus(200)
            try Bookshelf.requireBoundValues(
                t, response, [isbn] + Bookshelf.pasted(id) + Bookshelf.pasted(author), hint: boundHint)
        }
    }

    Check(Bookshelf.keepsItsRules, needs: isAForeignKey.en) { t in
        try Bookshelf.requireBookRules(t)
    }
}
