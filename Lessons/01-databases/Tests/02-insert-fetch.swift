import BackendKit
import GraderKit

/// Values that break SQL built by pasting text together, each stored with the ISBN of its number.
private let trickyBooks: [(n: Int, title: String, author: String)] = [
    (201, "O'Reilly's Guide to SQL", "Tim O'Reilly"),
    (202, "Robert'); DROP TABLE books;--", "Little Bobby Tables"),
    (203, "100% Halal", "Chef_Juna"),
    (204, "The \"Quoted\" Book", "Jane \"JJ\" Doe"),
    (205, "Cantik Itu Luka", "Eka Kurniawan"),
    (206, "Laskar Pelangi — Andrea Hirata", "Andrea Hirata"),
]

private let quoteHint = Words(
    "A quote (') inside a value ends the SQL string early when the value is pasted into the SQL text. Write ? in the SQL and pass the values after it: database.queryOne(sql, book.title, book.author, …).",
    id:
        "Tanda kutip (') di dalam sebuah nilai mengakhiri string SQL terlalu cepat kalau nilainya ditempel ke teks SQL. Tulis ? di SQL dan kirim nilai-nilainya sesudahnya: database.queryOne(sql, book.title, book.author, …)."
)

/// Creates tricky book `index` through the API and checks it comes back exactly as sent, from the
/// API and from the database file.
private func roundTrip(_ t: TestContext, _ index: Int, hint: Words = quoteHint) throws {
    let book = trickyBooks[index]
    let response = try t.http.post(
        "/books", json: Bookshelf.book(book.n, title: book.title, author: book.author)
    )
    .expectStatus(201, hint: hint)
    let created = try response.json()
    try requireEqual(
        created["title"]?.string, book.title,
        Words("the title of the created book", id: "judul buku yang dibuat"),
        response: response)
    try requireEqual(
        created["author"]?.string, book.author,
        Words("the author of the created book", id: "penulis buku yang dibuat"), response: response)
    let id = try requireValue(
        created["id"]?.int,
        Words(
            "expected the created book to have a whole-number \"id\"",
            id: "seharusnya buku yang dibuat punya \"id\" berupa bilangan bulat"))
    let fetched = try t.http.get("/books/\(id)").expectStatus(200)
    try requireEqual(
        try fetched.json()["title"]?.string, book.title,
        Words("the title GET /books/\(id) returns", id: "judul yang dikembalikan GET /books/\(id)"),
        response: fetched)
    let row = try t.database().queryOne("SELECT title, author FROM books WHERE id = ?", id)
    try requireEqual(
        try row?.string("title"), book.title,
        Words("the title stored in the books table", id: "judul yang tersimpan di tabel books"))
    try requireEqual(
        try row?.string("author"), book.author,
        Words("the author stored in the books table", id: "penulis yang tersimpan di tabel books"))
}

private let ordinaryHint = Words(
    "Write one ? for each value and pass the values after the SQL in the same order as the columns: (title, author, isbn, year, copies) takes book.title, book.author, book.isbn, book.year, book.copies. Keep COALESCE(?, 1) for copies, so a book sent without copies gets 1.",
    id:
        "Tulis satu ? untuk setiap nilai, lalu kirim nilai-nilainya setelah SQL dengan urutan yang sama seperti kolomnya: (title, author, isbn, year, copies) diisi book.title, book.author, book.isbn, book.year, book.copies. Pertahankan COALESCE(?, 1) untuk copies, supaya buku yang dikirim tanpa copies mendapat 1."
)

private let boundHint = Words(
    "Doubling the quotes by hand (' becomes '') still builds SQL from values: one forgotten place, a backslash or an unusual character, and a value becomes SQL. Write ? in the SQL for every value and pass the value after the SQL text; SQLite never reads a bound value as SQL.",
    id:
        "Menggandakan tanda kutip sendiri (' menjadi '') tetap saja menyusun SQL dari nilai: satu tempat yang terlupa, sebuah backslash, atau karakter yang tidak biasa, dan sebuah nilai berubah menjadi SQL. Tulis ? di SQL untuk setiap nilai dan kirim nilainya setelah teks SQL; SQLite tidak pernah membaca parameter terikat sebagai SQL."
)

let insertAndFetch = ExerciseTests("db02-insert-fetch") {
    Check(
        Words(
            "POST /books stores an ordinary book, and GET /books/:id returns the same book",
            id: "POST /books menyimpan buku biasa, dan GET /books/:id mengembalikan buku yang sama"),
        hint: ordinaryHint
    ) { t in
        let sent = Bookshelf.book(200, title: "Sang Pemimpi", author: "Andrea Hirata", year: 2006, copies: 2)
        let created = try Bookshelf.create(t, sent, hint: ordinaryHint)
        for field in ["title", "author", "isbn", "year", "copies"] {
            try requireEqual(
                created[field], sent[field],
                Words(
                    "the \(field) of the created book (as it was sent)",
                    id: "\(field) buku yang dibuat (seperti yang dikirim)"),
                hint: ordinaryHint)
        }
        let id = try requireValue(
            created["id"]?.int,
            Words("expected the created book to have an id", id: "seharusnya buku yang dibuat punya id"))
        let fetched = try t.http.get("/books/\(id)").expectStatus(200)
        try requireEqual(
            try fetched.json(), created,
            Words("the book GET /books/\(id) returns", id: "buku yang dikembalikan GET /books/\(id)"),
            response: fetched)
        let withoutCopies = try Bookshelf.create(t, Bookshelf.book(207, title: "Edensor"), hint: ordinaryHint)
        try requireEqual(
            withoutCopies["copies"]?.int, 1,
            Words(
                "the copies of a book sent without copies", id: "copies dari buku yang dikirim tanpa copies"),
            hint: ordinaryHint)
    }

    Check(
        Words(
            "a title and an author with a quote (O'Reilly) are stored exactly as sent",
            id:
                "judul dan penulis yang mengandung tanda kutip (O'Reilly) tersimpan persis seperti yang dikirim"
        ),
        hint: quoteHint,
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 0)
    }

    Check(
        Words(
            "a title that looks like SQL is stored as plain text, and the books table survives",
            id: "judul yang mirip SQL tersimpan sebagai teks biasa, dan tabel books tetap ada"),
        hint: Words(
            "Bound parameters make SQL injection impossible: the value never becomes part of the SQL, so Robert'); DROP TABLE books;-- is only a strange title.",
            id:
                "Parameter terikat membuat SQL injection mustahil: nilainya tidak pernah menjadi bagian dari SQL, jadi Robert'); DROP TABLE books;-- hanyalah judul yang aneh."
        ),
        needs: "a title and an author with a quote (O'Reilly) are stored exactly as sent"
    ) { t in
        let before = try Bookshelf.count(t, "books")
        try roundTrip(t, 1)
        try require(
            try t.database().tableNames().contains("books"),
            Words(
                "the books table is gone from the database file", id: "tabel books hilang dari file database")
        )
        try requireEqual(
            try Bookshelf.count(t, "books"), before + 1,
            Words(
                "the number of rows in the books table after one more book was created",
                id: "jumlah baris di tabel books setelah satu buku lagi dibuat"))
    }

    Check(
        Words(
            "%, _ and \" inside values are stored literally",
            id: "%, _ dan \" di dalam nilai tersimpan apa adanya"),
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 2)
        try roundTrip(t, 3)
    }

    Check(
        Words(
            "unicode titles come back unchanged (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)",
            id: "judul unicode kembali tanpa berubah (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)"),
        hint: Words(
            "Text goes in and out of SQLite as UTF-8. Pass it as a parameter and it is stored character for character.",
            id:
                "Teks masuk dan keluar SQLite sebagai UTF-8. Kirim teksnya sebagai parameter, maka teks itu tersimpan persis karakter demi karakter."
        ),
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 4)
        try roundTrip(t, 5)
        let row = try t.database().queryOne(
            "SELECT length(title) AS chars FROM books WHERE isbn = ?", Bookshelf.isbn(206))
        try requireEqual(
            try row?.int("chars"), 30,
            Words(
                "the length in characters of the stored title \"Laskar Pelangi — Andrea Hirata\"",
                id: "panjang judul tersimpan \"Laskar Pelangi — Andrea Hirata\" (dalam karakter)"))
    }

    Check(
        Words(
            "GET /books/isbn/:isbn finds a book by its ISBN, also an ISBN with a quote in it",
            id: "GET /books/isbn/:isbn menemukan buku lewat ISBN-nya, juga ISBN yang mengandung tanda kutip"),
        hint: Words(
            "Bind the ISBN with ? in find(isbn:): then a quote in it is only a character.",
            id:
                "Kirim ISBN-nya lewat ? di find(isbn:): dengan begitu tanda kutip di dalamnya hanyalah sebuah karakter."
        ),
        needs: "unicode titles come back unchanged (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)"
    ) { t in
        let plain = try t.http.get("/books/isbn/\(Bookshelf.isbn(205))").expectStatus(200)
        try requireEqual(
            try plain.json()["title"]?.string, "Cantik Itu Luka",
            Words(
                "the title of the book with ISBN \(Bookshelf.isbn(205))",
                id: "judul buku dengan ISBN \(Bookshelf.isbn(205))"),
            response: plain)
        let odd = "978-0'42"
        try t.http.post("/books", json: Bookshelf.book(0, title: "Odd ISBN").with("isbn", .string(odd)))
            .expectStatus(201, hint: quoteHint)
        let found = try t.http.get("/books/isbn/\(Bookshelf.encoded(odd))").expectStatus(200)
        try requireEqual(
            try found.json()["isbn"]?.string, odd,
            Words("the ISBN of the book found", id: "ISBN buku yang ditemukan"),
            response: found)
    }

    Check(
        Words(
            "GET /books/isbn/:isbn answers 404 for an \"ISBN\" with SQL in it, instead of finding another book",
            id:
                "GET /books/isbn/:isbn menjawab 404 untuk \"ISBN\" yang berisi SQL, bukan malah menemukan buku lain"
        ),
        hint: Words(
            "This is SQL injection: pasted into the SQL, x' OR '1'='1 turns the condition into \"isbn = 'x' OR '1'='1'\", which is true for every book. Bind the ISBN with ? and it is compared as plain text.",
            id:
                "Inilah SQL injection: kalau ditempel ke SQL, x' OR '1'='1 mengubah kondisinya menjadi \"isbn = 'x' OR '1'='1'\", yang bernilai true untuk setiap buku. Kirim ISBN-nya lewat ?, maka ISBN itu dibandingkan sebagai teks biasa."
        ),
        needs: "GET /books/isbn/:isbn finds a book by its ISBN, also an ISBN with a quote in it"
    ) { t in
        try t.http.get("/books/isbn/\(Bookshelf.encoded("x' OR '1'='1"))").expectStatus(404)
        try t.http.get("/books/isbn/\(Bookshelf.encoded("x'; DROP TABLE books;--"))").expectStatus(404)
    }

    Check(
        Words(
            "every book is still in the books table, exactly as it was sent",
            id: "setiap buku masih ada di tabel books, persis seperti yang dikirim"),
        needs: "a title and an author with a quote (O'Reilly) are stored exactly as sent",
        "a title that looks like SQL is stored as plain text, and the books table survives",
        "%, _ and \" inside values are stored literally",
        "unicode titles come back unchanged (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)",
        "GET /books/isbn/:isbn finds a book by its ISBN, also an ISBN with a quote in it"
    ) { t in
        for book in trickyBooks {
            let row = try t.database().queryOne(
                "SELECT title, author FROM books WHERE isbn = ?", Bookshelf.isbn(book.n))
            try requireEqual(
                try row?.string("title"), book.title,
                Words(
                    "the stored title of the book with ISBN \(Bookshelf.isbn(book.n))",
                    id: "judul tersimpan dari buku dengan ISBN \(Bookshelf.isbn(book.n))"))
        }
        try requireEqual(
            try Bookshelf.count(t, "books"), trickyBooks.count + 3,
            Words("the number of rows in the books table", id: "jumlah baris di tabel books"))
    }

    Check(
        Words(
            "the SQL of POST /books, GET /books/:id and GET /books/isbn/:isbn carries a ? for each value, never the value itself",
            id:
                "SQL dari POST /books, GET /books/:id dan GET /books/isbn/:isbn memakai ? untuk setiap nilai, tidak pernah nilainya sendiri"
        ),
        hint: boundHint,
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try t.enableStatementLog()
        let (title, author, isbn) = ("Bound Title 4711", "Bound Author 4712", "bound-isbn-4713")
        let created = try t.http.post(
            "/books", json: Bookshelf.book(0, title: title, author: author).with("isbn", .string(isbn))
        ).expectStatus(201)
        try Bookshelf.requireBoundValues(t, created, [title, author, isbn], hint: boundHint)
        let found = try t.http.get("/books/isbn/\(isbn)").expectStatus(200)
        try Bookshelf.requireBoundValues(t, found, [isbn], hint: boundHint)
        let id = try requireValue(
            try created.json()["id"]?.int,
            Words("expected the created book to have an id", id: "seharusnya buku yang dibuat punya id"))
        let byID = try t.http.get("/books/\(id)").expectStatus(200)
        try Bookshelf.requireBoundValues(t, byID, Bookshelf.pasted(id), hint: boundHint)
    }
}
