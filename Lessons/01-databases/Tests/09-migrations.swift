import BackendKit
import Foundation
import GraderKit

/// The books table of the first release (version 1), as old database files have it.
private let version1Books = """
    CREATE TABLE books (
        id         INTEGER PRIMARY KEY,
        title      TEXT    NOT NULL,
        author     TEXT    NOT NULL,
        isbn       TEXT    NOT NULL UNIQUE,
        year       INTEGER CHECK (year BETWEEN 1450 AND 2100),
        copies     INTEGER NOT NULL DEFAULT 1 CHECK (copies >= 0),
        created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )
    """

/// One book of the old library, as version 1 stored it.
private struct OldBook: Equatable {
    let id: Int
    let title: String
    let author: String
    let isbn: String
    let year: Int?
    let copies: Int
    let createdAt: String
    let updatedAt: String
}

private let trickyAuthors = [
    "Andrea Hirata", "Tim O'Reilly", "Robert'); DROP TABLE authors;--", "Pramoedya Ananta Toer",
    "Eka Kurniawan", "李白", "Dee \"Dee\" Lestari", "Chef_Juna 100%", "Ayu Utami", "Sapardi Djoko Damono",
]

private let trickyTitles = [
    "Laskar Pelangi — Andrea Hirata", "O'Reilly's Guide", "Robert'); DROP TABLE books;--", "100% Halal",
    "snake_case", "Cantik Itu Luka", "静夜思", "The \"Quoted\" Book",
]

/// About 340 books by 40 authors, with gaps in the ids, years that are NULL, 0 copies, and values
/// that break SQL built from text. Authors appear first in an order different from their names.
private let oldLibrary: [OldBook] = {
    let authors = trickyAuthors + (1...30).map { "Penulis \($0)" }
    var books: [OldBook] = []
    for id in 1...400 where id % 7 != 0 {
        let title = id <= trickyTitles.count ? trickyTitles[id - 1] : "Buku \(id)"
        let stamp = String(
            format: "2024-%02d-%02dT%02d:%02d:%02d.%03dZ", id % 12 + 1, id % 28 + 1, id % 24, id % 60,
            (id * 7) % 60, id)
        books.append(
            OldBook(
                id: id, title: title, author: authors[(id * 13) % authors.count], isbn: "isbn-v1-\(id)",
                year: id % 5 == 0 ? nil : 1900 + id % 120, copies: id % 4,
                createdAt: stamp,
                updatedAt: id % 3 == 0 ? stamp.replacingOccurrences(of: "2024-", with: "2025-") : stamp))
    }
    return books
}()

/// Writes a version-1 database file, full of books, with user_version 1.
private func writeVersion1(_ db: Database) throws {
    try db.transaction { tx in
        try tx.execute(version1Books)
        for book in oldLibrary {
            try tx.execute(
                "INSERT INTO books (id, title, author, isbn, year, copies, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                book.id, book.title, book.author, book.isbn, book.year, book.copies, book.createdAt,
                book.updatedAt)
        }
        try tx.execute("PRAGMA user_version = 1")
    }
}

/// The books as the upgraded file has them, with each author's name found through author_id.
private func upgradedBooks(_ t: TestContext) throws -> [OldBook] {
    try t.database().query(
        """
        SELECT books.id, books.title, authors.name AS author, books.isbn, books.year, books.copies,
               books.created_at, books.updated_at
        FROM books LEFT JOIN authors ON authors.id = books.author_id
        ORDER BY books.id
        """
    ).map { row in
        OldBook(
            id: try row.int("id"), title: try row.string("title"),
            author: try row.get("author", as: String?.self) ?? "(no author)",
            isbn: try row.string("isbn"), year: try row.get("year"), copies: try row.int("copies"),
            createdAt: try row.string("created_at"), updatedAt: try row.string("updated_at"))
    }
}

/// Every author as (id, name), by id.
private func authorRows(_ t: TestContext) throws -> [String] {
    try t.database().query("SELECT id, name FROM authors ORDER BY id").map {
        "\(try $0.int("id")):\(try $0.string("name"))"
    }
}

private final class Snapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (authors: [String], books: [OldBook])?
    var value: (authors: [String], books: [OldBook])? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

private let beforeRestart = Snapshot()

private let keepBooksHint: Words =
    "DROP TABLE books deletes every row. Rebuild the table instead: CREATE TABLE books_v2 (…), INSERT INTO books_v2 (…) SELECT … FROM books JOIN authors ON authors.name = books.author, then DROP TABLE books and ALTER TABLE books_v2 RENAME TO books."

private let lostSomeHint: Words =
    "Some books were lost on the way: INSERT INTO books_v2 … SELECT … FROM books JOIN authors keeps only the books for which the JOIN finds an author. Join on the author's name: JOIN authors ON authors.name = books.author."

let migrations = ExerciseTests("db09-migrations") {
    Check(
        "the server upgrades a version-1 database file: user_version becomes 2",
        hint:
            "Keep migration 1 exactly as it is (old files already have it) and do the changes in migration 2. database.migrate runs only the steps above the file's user_version."
    ) { t in
        try t.prepareDatabase(writeVersion1)
        let response = try t.http.get("/authors")
        try response.expectStatus(
            200,
            hint:
                "The server did not start cleanly on a version-1 file: read its log below. A migration that fails stops the server."
        )
        try requireEqual(try t.database().userVersion, 2, "PRAGMA user_version after the upgrade")
    }

    Check(
        "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps",
        hint: keepBooksHint, needs: "the server upgrades a version-1 database file: user_version becomes 2"
    ) { t in
        let books = try upgradedBooks(t)
        try require(
            books.count == oldLibrary.count,
            "expected \(oldLibrary.count) books after the upgrade, got \(books.count)\(books.isEmpty ? ": the upgrade lost every book" : "")",
            hint: books.isEmpty || books.count > oldLibrary.count ? keepBooksHint : lostSomeHint,
            response: nil)
        for (old, new) in zip(oldLibrary, books) {
            let what = "book \(old.id) (\"\(old.title)\")"
            try requireEqual(
                new.id, old.id, "the id of \(what); ids must stay the same so links keep working")
            try requireEqual(new.title, old.title, "the title of \(what)")
            try requireEqual(new.isbn, old.isbn, "the ISBN of \(what)")
            try requireEqual(new.year, old.year, "the year of \(what)")
            try requireEqual(new.copies, old.copies, "the copies of \(what)")
            try requireEqual(
                new.createdAt, old.createdAt, "created_at of \(what)",
                hint: "Copy created_at and updated_at too; otherwise they get the time of the upgrade.")
            try requireEqual(
                new.updatedAt, old.updatedAt, "updated_at of \(what)",
                hint: "Copy created_at and updated_at too; otherwise they get the time of the upgrade.")
        }
    }

    Check(
        "every book points to the author whose name was its author text",
        hint:
            "Fill authors first (INSERT INTO authors (name) SELECT …), then find each book's author_id by name: JOIN authors ON authors.name = books.author.",
        needs:
            "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps"
    ) { t in
        let books = try upgradedBooks(t)
        try require(
            books.count == oldLibrary.count,
            "expected \(oldLibrary.count) books to check, got \(books.count): the books must be kept first (see the check above)",
            response: nil)
        for (old, new) in zip(oldLibrary, books) where old.author != new.author {
            try fail(
                "expected book \(old.id) (\"\(old.title)\") to point to the author \"\(old.author)\", its author_id leads to \(new.author == "(no author)" ? "no author" : "\"\(new.author)\"")"
            )
        }
    }

    Check(
        "there is exactly one author for each different author name: none lost, none doubled",
        hint:
            "One row per different name: INSERT INTO authors (name) SELECT author FROM books GROUP BY author (or SELECT DISTINCT author). Run it once, before copying the books.",
        needs:
            "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps"
    ) { t in
        let names = Set(oldLibrary.map(\.author))
        try requireEqual(
            try Bookshelf.count(t, "authors"), names.count,
            "the number of authors (one for each of the \(names.count) different author names)")
        let doubled = try t.database().query("SELECT name FROM authors GROUP BY name HAVING COUNT(*) > 1").map
        { try $0.string("name") }
        try require(
            doubled.isEmpty,
            "expected every author name once, but these appear more than once: \(doubled.joined(separator: ", "))"
        )
        for name in names {
            try requireEqual(
                try Bookshelf.count(t, "authors", where: "name = ?", name), 1,
                "the number of authors named \"\(name)\"")
        }
    }

    Check(
        "the upgraded file has the version-2 schema: the foreign key, members, loans and the indexes",
        hint:
            "After the copy, the books table must be the new one (renamed from books_v2), with author_id REFERENCES authors (id); members, loans and the indexes come after it.",
        needs: "the server upgrades a version-1 database file: user_version becomes 2"
    ) { t in
        let db = try t.database()
        let tables = try db.tableNames()
        for table in ["authors", "books", "loans", "members"] {
            try require(
                tables.contains(table),
                "expected a table named \(table) after the upgrade, the tables are \(tables.joined(separator: ", "))"
            )
        }
        try require(
            !tables.contains("books_v2"),
            "expected no table books_v2 after the upgrade: rename it to books once the old table is dropped")
        try require(
            try db.columns(of: "books").contains { $0.name == "author_id" },
            "expected books to have an author_id column")
        let key = try db.foreignKeys(of: "books").first { $0.columns == ["author_id"] }
        try requireEqual(key?.referencedTable, "authors", "the table books.author_id refers to")
        let broken = try db.query("PRAGMA foreign_key_check")
        try requireEqual(
            broken.count, 0,
            "the number of rows whose foreign key points to nothing (PRAGMA foreign_key_check)")
        let bookIndexes = try db.indexes(of: "books").map(\.columns)
        try require(
            bookIndexes.contains(["author_id"]), "expected an index on books (author_id) after the upgrade")
    }

    Check(
        "the API works on the upgraded data, and new authors and books can be added",
        needs: "every book points to the author whose name was its author text"
    ) { t in
        let response = try t.http.get("/books/2").expectStatus(200)
        try requireEqual(
            try response.json()["author"]?["name"]?.string, oldLibrary[1].author, "the author name of book 2",
            response: response)
        let author = try createAuthor(t, "Leila S. Chudori")
        let book = try Bookshelf.create(t, relatedBook(901, title: "Pulang", author: author, year: 2012))
        try require(
            (book["id"]?.int ?? 0) > 400,
            "expected a new book to get an id above the old ones (above 400), got \(book["id"]?.description ?? "nothing")"
        )
        beforeRestart.value = (try authorRows(t), try upgradedBooks(t))
    }

    Check(
        "a restart changes nothing: user_version stays 2, no row is added or lost",
        hint:
            "migrate runs only the steps above the file's user_version, so a restart must run nothing. Do not put CREATE, INSERT or UPDATE statements outside the migrations.",
        needs: "the API works on the upgraded data, and new authors and books can be added"
    ) { t in
        try t.restartServer()
        _ = try t.http.get("/authors").expectStatus(200)
        try requireEqual(try t.database().userVersion, 2, "PRAGMA user_version after a restart")
        let saved = try requireValue(
            beforeRestart.value, "the previous check did not finish, so there is nothing to compare with")
        try requireEqual(try authorRows(t), saved.authors, "the authors (id:name) after a restart")
        try require(
            try upgradedBooks(t) == saved.books,
            "expected the books after a restart to be exactly the books before it")
    }

    Check("a brand-new database file gets version 2 and works") { t in
        try t.stopServer()
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: t.databasePath + suffix)
        }
        let author = try createAuthor(t, "Andrea Hirata")
        try Bookshelf.create(t, relatedBook(902, title: "Laskar Pelangi", author: author))
        try requireEqual(try t.database().userVersion, 2, "PRAGMA user_version of a new database file")
        try requireEqual(
            try Bookshelf.count(t, "books"), 1, "the number of books in a new database after one was added")
    }

    Check(
        Bookshelf.keepsItsRules,
        needs: "the upgraded file has the version-2 schema: the foreign key, members, loans and the indexes"
    ) { t in
        try Bookshelf.requireBookRules(t)
    }

    Check(
        Bookshelf.loansKeepTheirRules,
        needs: "the upgraded file has the version-2 schema: the foreign key, members, loans and the indexes"
    ) { t in
        try Bookshelf.requireLoanRules(t)
    }
}
