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

private let quoteHint: Words =
    "A quote (') inside a value ends the SQL string early when the value is pasted into the SQL text. Write ? in the SQL and pass the values after it: database.queryOne(sql, book.title, book.author, …)."

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
        created["title"]?.string, book.title, "the title of the created book", response: response)
    try requireEqual(
        created["author"]?.string, book.author, "the author of the created book", response: response)
    let id = try requireValue(created["id"]?.int, "expected the created book to have a whole-number \"id\"")
    let fetched = try t.http.get("/books/\(id)").expectStatus(200)
    try requireEqual(
        try fetched.json()["title"]?.string, book.title, "the title GET /books/\(id) returns",
        response: fetched)
    let row = try t.database().queryOne("SELECT title, author FROM books WHERE id = ?", id)
    try requireEqual(try row?.string("title"), book.title, "the title stored in the books table")
    try requireEqual(try row?.string("author"), book.author, "the author stored in the books table")
}

private let ordinaryHint: Words =
    "Write one ? for each value and pass the values after the SQL in the same order as the columns: (title, author, isbn, year, copies) takes book.title, book.author, book.isbn, book.year, book.copies. Keep COALESCE(?, 1) for copies, so a book sent without copies gets 1."

private let boundHint: Words =
    "Doubling the quotes by hand (' becomes '') still builds SQL from values: one forgotten place, a backslash or an unusual character, and a value becomes SQL. Write ? in the SQL for every value and pass the value after the SQL text; SQLite never reads a bound value as SQL."

let insertAndFetch = ExerciseTests("db02-insert-fetch") {
    Check(
        "POST /books stores an ordinary book, and GET /books/:id returns the same book", hint: ordinaryHint
    ) { t in
        let sent = Bookshelf.book(200, title: "Sang Pemimpi", author: "Andrea Hirata", year: 2006, copies: 2)
        let created = try Bookshelf.create(t, sent, hint: ordinaryHint)
        for field in ["title", "author", "isbn", "year", "copies"] {
            try requireEqual(
                created[field], sent[field], "the \(field) of the created book (as it was sent)",
                hint: ordinaryHint)
        }
        let id = try requireValue(created["id"]?.int, "expected the created book to have an id")
        let fetched = try t.http.get("/books/\(id)").expectStatus(200)
        try requireEqual(try fetched.json(), created, "the book GET /books/\(id) returns", response: fetched)
        let withoutCopies = try Bookshelf.create(t, Bookshelf.book(207, title: "Edensor"), hint: ordinaryHint)
        try requireEqual(
            withoutCopies["copies"]?.int, 1, "the copies of a book sent without copies", hint: ordinaryHint)
    }

    Check(
        "a title and an author with a quote (O'Reilly) are stored exactly as sent", hint: quoteHint,
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 0)
    }

    Check(
        "a title that looks like SQL is stored as plain text, and the books table survives",
        hint:
            "Bound parameters make SQL injection impossible: the value never becomes part of the SQL, so Robert'); DROP TABLE books;-- is only a strange title.",
        needs: "a title and an author with a quote (O'Reilly) are stored exactly as sent"
    ) { t in
        let before = try Bookshelf.count(t, "books")
        try roundTrip(t, 1)
        try require(
            try t.database().tableNames().contains("books"), "the books table is gone from the database file")
        try requireEqual(
            try Bookshelf.count(t, "books"), before + 1,
            "the number of rows in the books table after one more book was created")
    }

    Check(
        "%, _ and \" inside values are stored literally",
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 2)
        try roundTrip(t, 3)
    }

    Check(
        "unicode titles come back unchanged (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)",
        hint:
            "Text goes in and out of SQLite as UTF-8. Pass it as a parameter and it is stored character for character.",
        needs: "POST /books stores an ordinary book, and GET /books/:id returns the same book"
    ) { t in
        try roundTrip(t, 4)
        try roundTrip(t, 5)
        let row = try t.database().queryOne(
            "SELECT length(title) AS chars FROM books WHERE isbn = ?", Bookshelf.isbn(206))
        try requireEqual(
            try row?.int("chars"), 30,
            "the length in characters of the stored title \"Laskar Pelangi — Andrea Hirata\"")
    }

    Check(
        "GET /books/isbn/:isbn finds a book by its ISBN, also an ISBN with a quote in it",
        hint: "Bind the ISBN with ? in find(isbn:): then a quote in it is only a character.",
        needs: "unicode titles come back unchanged (Cantik Itu Luka, Laskar Pelangi — Andrea Hirata)"
    ) { t in
        let plain = try t.http.get("/books/isbn/\(Bookshelf.isbn(205))").expectStatus(200)
        try requireEqual(
            try plain.json()["title"]?.string, "Cantik Itu Luka",
            "the title of the book with ISBN \(Bookshelf.isbn(205))", response: plain)
        let odd = "978-0'42"
        try t.http.post("/books", json: Bookshelf.book(0, title: "Odd ISBN").with("isbn", .string(odd)))
            .expectStatus(201, hint: quoteHint)
        let found = try t.http.get("/books/isbn/\(Bookshelf.encoded(odd))").expectStatus(200)
        try requireEqual(try found.json()["isbn"]?.string, odd, "the ISBN of the book found", response: found)
    }

    Check(
        "GET /books/isbn/:isbn answers 404 for an \"ISBN\" with SQL in it, instead of finding another book",
        hint:
            "This is SQL injection: pasted into the SQL, x' OR '1'='1 turns the condition into \"isbn = 'x' OR '1'='1'\", which is true for every book. Bind the ISBN with ? and it is compared as plain text.",
        needs: "GET /books/isbn/:isbn finds a book by its ISBN, also an ISBN with a quote in it"
    ) { t in
        try t.http.get("/books/isbn/\(Bookshelf.encoded("x' OR '1'='1"))").expectStatus(404)
        try t.http.get("/books/isbn/\(Bookshelf.encoded("x'; DROP TABLE books;--"))").expectStatus(404)
    }

    Check(
        "every book is still in the books table, exactly as it was sent",
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
                "the stored title of the book with ISBN \(Bookshelf.isbn(book.n))")
        }
        try requireEqual(
            try Bookshelf.count(t, "books"), trickyBooks.count + 3, "the number of rows in the books table")
    }

    Check(
        "the SQL of POST /books, GET /books/:id and GET /books/isbn/:isbn carries a ? for each value, never the value itself",
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
        let id = try requireValue(try created.json()["id"]?.int, "expected the created book to have an id")
        let byID = try t.http.get("/books/\(id)").expectStatus(200)
        try Bookshelf.requireBoundValues(t, byID, Bookshelf.pasted(id), hint: boundHint)
    }
}
