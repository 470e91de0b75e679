import BackendKit
import GraderKit

/// The check most others need: a complete book can be stored at all.
private let storesABook = Words(
    "POST /books stores a complete book and answers 201 with it",
    id: "POST /books menyimpan buku yang lengkap dan menjawab 201 dengan buku itu")

let schema = ExerciseTests("db01-schema") {
    Check(
        Words(
            "the books table has the columns title, author, isbn, year and copies",
            id: "tabel books punya kolom title, author, isbn, year, dan copies"),
        hint: Words(
            "List every column inside CREATE TABLE books ( ... ), separated by commas.",
            id: "Tulis setiap kolom di dalam CREATE TABLE books ( ... ), dipisahkan dengan koma.")
    ) { t in
        _ = try t.http.get("/books")
        let columns = try t.database().columns(of: "books")
        let names = Set(columns.map(\.name))
        let missing = ["id", "title", "author", "isbn", "year", "copies"].filter { !names.contains($0) }
        let missingList = missing.joined(separator: ", ")
        let present = columns.map(\.name).joined(separator: ", ")
        try require(
            missing.isEmpty,
            Words(
                "the books table is missing the column\(missing.count == 1 ? "" : "s") \(missingList); it has \(present)",
                id: "tabel books belum punya kolom \(missingList); kolom yang ada: \(present)"))
        let types = Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.type.uppercased()) })
        for (name, type) in [
            ("title", "TEXT"), ("author", "TEXT"), ("isbn", "TEXT"), ("year", "INTEGER"),
            ("copies", "INTEGER"),
        ] {
            try requireEqual(
                types[name], type, Words("the type of the \(name) column", id: "tipe kolom \(name)"))
        }
    }

    Check(
        storesABook,
        needs: "the books table has the columns title, author, isbn, year and copies"
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(1, copies: 3)).expectStatus(201)
        let book = try response.json()
        try requireEqual(
            book["title"]?.string, "Laskar Pelangi",
            Words("the title of the new book", id: "judul buku baru"),
            response: response)
        try requireEqual(
            book["copies"]?.int, 3, Words("the copies of the new book", id: "copies buku baru"),
            response: response)
        let stored = try t.database().queryOne(
            "SELECT title, isbn FROM books WHERE isbn = ?", Bookshelf.isbn(1))
        try require(
            stored != nil,
            Words(
                "the book is not in the books table after POST /books answered 201",
                id: "bukunya tidak ada di tabel books padahal POST /books sudah menjawab 201"))
    }

    Check(
        Words("a book without a title is refused (NOT NULL)", id: "buku tanpa judul ditolak (NOT NULL)"),
        hint: Words(
            "Add NOT NULL after the type of the title column, so the database refuses a book without one.",
            id: "Tambahkan NOT NULL setelah tipe kolom title, supaya database menolak buku tanpa judul."),
        needs: storesABook.en
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(2).with("title", nil))
        try response.expectStatus(
            422,
            hint: Words(
                "title needs NOT NULL: without it the database stores a book with no title.",
                id: "title butuh NOT NULL: tanpa itu, database tetap menyimpan buku yang tidak punya judul."))
        try requireEqual(
            try t.database().queryOne("SELECT COUNT(*) AS n FROM books WHERE isbn = ?", Bookshelf.isbn(2))?
                .int("n"), 0,
            Words("the number of stored books without a title", id: "jumlah buku tanpa judul yang tersimpan"))
    }

    Check(
        Words(
            "a book without an author or an ISBN is refused (NOT NULL)",
            id: "buku tanpa penulis atau tanpa ISBN ditolak (NOT NULL)"),
        needs: storesABook.en
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(3).with("author", nil)).expectStatus(
            422, hint: Words("author needs NOT NULL too.", id: "author juga butuh NOT NULL."))
        try t.http.post("/books", json: Bookshelf.book(4).with("isbn", nil)).expectStatus(
            422,
            hint: Words(
                "isbn needs NOT NULL: a book without an ISBN cannot be told apart from others.",
                id: "isbn butuh NOT NULL: buku tanpa ISBN tidak bisa dibedakan dari buku lain."))
    }

    Check(
        Words(
            "two books with the same ISBN are refused (UNIQUE)",
            id: "buku kedua dengan ISBN yang sama ditolak (UNIQUE)"),
        hint: Words(
            "Add UNIQUE to the isbn column: then the database itself refuses a second book with the same ISBN.",
            id:
                "Tambahkan UNIQUE ke kolom isbn: dengan begitu database sendiri yang menolak buku kedua dengan ISBN yang sama."
        ),
        needs: storesABook.en
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(5)).expectStatus(201)
        try t.http.post("/books", json: Bookshelf.book(5, title: "Another title")).expectStatus(409)
        let count = try t.database().queryOne(
            "SELECT COUNT(*) AS n FROM books WHERE isbn = ?", Bookshelf.isbn(5))?.int("n")
        try requireEqual(
            count, 1,
            Words(
                "the number of stored books with ISBN \(Bookshelf.isbn(5))",
                id: "jumlah buku dengan ISBN \(Bookshelf.isbn(5)) yang tersimpan"))
    }

    Check(
        Words(
            "a year outside 1450–2100 is refused (CHECK), and no year is allowed",
            id: "tahun di luar 1450–2100 ditolak (CHECK), sedangkan buku tanpa tahun diterima"),
        hint: Words(
            "A CHECK rule on year, such as CHECK (year BETWEEN 1450 AND 2100), refuses impossible years. NULL passes a CHECK, so books without a year still work.",
            id:
                "Aturan CHECK di kolom year, misalnya CHECK (year BETWEEN 1450 AND 2100), menolak tahun yang mustahil. NULL lolos dari CHECK, jadi buku tanpa tahun tetap bisa disimpan."
        ),
        needs: storesABook.en
    ) { t in
        try t.http.post("/books", json: Bookshelf.book(6, year: 3024)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(7, year: 1200)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(15, year: 1449)).expectStatus(
            422,
            hint: Words(
                "1449 is just outside the range: BETWEEN 1450 AND 2100 refuses it.",
                id: "1449 tepat di luar rentang: BETWEEN 1450 AND 2100 menolaknya."))
        try t.http.post("/books", json: Bookshelf.book(16, year: 2101)).expectStatus(
            422,
            hint: Words(
                "2101 is just outside the range: BETWEEN 1450 AND 2100 refuses it.",
                id: "2101 tepat di luar rentang: BETWEEN 1450 AND 2100 menolaknya."))
        try t.http.post("/books", json: Bookshelf.book(17, year: 2100)).expectStatus(
            201,
            hint: Words(
                "2100 itself must be allowed: BETWEEN includes both ends.",
                id: "2100 sendiri harus diterima: BETWEEN mencakup kedua ujungnya."))
        try t.http.post("/books", json: Bookshelf.book(8, year: 1450)).expectStatus(
            201,
            hint: Words(
                "1450 itself must be allowed: BETWEEN includes both ends.",
                id: "1450 sendiri harus diterima: BETWEEN mencakup kedua ujungnya."))
        try t.http.post("/books", json: Bookshelf.book(9, year: nil)).expectStatus(
            201,
            hint: Words(
                "A book without a year (NULL) must be accepted: do not make year NOT NULL.",
                id: "Buku tanpa tahun (NULL) harus diterima: jangan jadikan year NOT NULL."))
    }

    Check(
        Words(
            "copies is 1 when not given (DEFAULT) and can never be negative (CHECK)",
            id: "copies bernilai 1 kalau tidak dikirim (DEFAULT) dan tidak pernah boleh negatif (CHECK)"),
        hint: Words(
            "Write copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0).",
            id: "Tulis copies INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0)."),
        needs: storesABook.en
    ) { t in
        let response = try t.http.post("/books", json: Bookshelf.book(10)).expectStatus(201)
        try requireEqual(
            try response.json()["copies"]?.int, 1,
            Words(
                "the copies of a book created without copies", id: "copies dari buku yang dibuat tanpa copies"
            ),
            response: response)
        try t.http.post("/books", json: Bookshelf.book(11, copies: -2)).expectStatus(422)
        try t.http.post("/books", json: Bookshelf.book(12, copies: 0)).expectStatus(
            201,
            hint: Words(
                "0 copies is allowed (every copy is lent out); only negative numbers are impossible.",
                id:
                    "0 eksemplar itu boleh (semua eksemplarnya sedang dipinjam); yang mustahil hanya angka negatif."
            ))
        // BookStore sends 1 itself when copies is missing, so the table's own rules are tried on
        // the database file directly: other code that writes books relies on them.
        try t.prepareDatabase { db in
            do {
                try db.execute(
                    "INSERT INTO books (title, author, isbn) VALUES ('Default Copies', 'Grader', ?)",
                    Bookshelf.isbn(13))
            } catch {
                try fail(
                    Words(
                        "expected the books table to store a book inserted without copies, it refused it: \(error)",
                        id:
                            "seharusnya tabel books menyimpan buku yang dimasukkan tanpa copies, tapi tabel menolaknya: \(error)"
                    ),
                    hint: Words(
                        "Give copies DEFAULT 1: then a row inserted without copies gets 1 instead of breaking NOT NULL.",
                        id:
                            "Beri copies DEFAULT 1: dengan begitu baris yang dimasukkan tanpa copies mendapat 1, bukan melanggar NOT NULL."
                    ))
            }
            let stored = try db.queryOne("SELECT copies FROM books WHERE isbn = ?", Bookshelf.isbn(13))
            try requireEqual(
                try stored?.get("copies", as: Int?.self), 1,
                Words(
                    "the copies of a row inserted without copies (the column's DEFAULT)",
                    id: "copies dari baris yang dimasukkan tanpa copies (DEFAULT kolomnya)"),
                hint: Words(
                    "Write DEFAULT 1 after copies INTEGER NOT NULL: the default belongs to the table, not only to BookStore.",
                    id:
                        "Tulis DEFAULT 1 setelah copies INTEGER NOT NULL: nilai default itu milik tabel, bukan hanya milik BookStore."
                ))
            let storedNull =
                (try? db.execute(
                    "INSERT INTO books (title, author, isbn, copies) VALUES ('No Copies', 'Grader', ?, NULL)",
                    Bookshelf.isbn(14))) != nil
            try require(
                !storedNull,
                Words(
                    "expected the books table to refuse a row whose copies is NULL, it stored it",
                    id: "seharusnya tabel books menolak baris yang copies-nya NULL, tapi tabel menyimpannya"),
                hint: Words(
                    "copies needs NOT NULL as well as DEFAULT 1: a DEFAULT only fills a missing value, it does not refuse NULL.",
                    id:
                        "copies butuh NOT NULL selain DEFAULT 1: DEFAULT hanya mengisi nilai yang tidak dikirim, DEFAULT tidak menolak NULL."
                ))
        }
    }

    Check(
        Words(
            "the books survive a restart of the server",
            id: "buku-bukunya tetap ada setelah server di-restart"),
        needs: storesABook.en
    ) { t in
        try t.restartServer()
        let response = try t.http.get("/books").expectStatus(200)
        let count = try response.json().array?.count ?? 0
        try require(
            count >= 5,
            Words(
                "expected the books created earlier after a restart, got \(count); the table must be created with IF NOT EXISTS and the data kept in the DATABASE_PATH file",
                id:
                    "seharusnya buku-buku yang dibuat tadi masih ada setelah restart, tapi yang ada hanya \(count); tabelnya harus dibuat dengan IF NOT EXISTS dan datanya disimpan di file DATABASE_PATH"
            ),
            response: response)
    }
}
