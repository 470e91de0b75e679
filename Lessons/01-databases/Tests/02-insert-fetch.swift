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

private let quoteHint =
    "A quote (') inside a value ends the SQL string early when the value is pasted into the SQL text. Write ? in the SQL and pass the values after it: database.queryOne(sql, book.title, book.author, …)."

/// Creates tricky book `index` through the API and checks it comes back exactly as sent, from the
/// API and from the database file.
private func roundTrip(_ t: TestContext, _ index: Int, hint: String = quoteHint) throws {
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

let insertAndFetch = ExerciseTests("db02-insert-fetch") {
    Check("POST /books stores an ordinary book, and GET /books/:id returns the same book") { t in
        let created = try Bookshelf.create(t, Bookshelf.book(200, copies: 2))
        let id = try requireValue(created["id"]?.int, "expected the created book to have an id")
        let fetched = try t.http.get("/books/\(id)").expectStatus(200)
        try requireEqual(try fetched.json(), created, "the book GET /books/\(id) returns", response: fetched)
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
            try Bookshelf.count(t, "books"), trickyBooks.count + 2, "the number of rows in the books table")
    }
}
