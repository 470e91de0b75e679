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

private let keepBooksHint = Words(
    "DROP TABLE books deletes every row. Rebuild the table instead: CREATE TABLE books_v2 (…), INSERT INTO books_v2 (…) SELECT … FROM books JOIN authors ON authors.name = books.author, then DROP TABLE books and ALTER TABLE books_v2 RENAME TO books.",
    id:
        "DROP TABLE books menghapus semua baris. Bangun ulang tabelnya saja: CREATE TABLE books_v2 (…), INSERT INTO books_v2 (…) SELECT … FROM books JOIN authors ON authors.name = books.author, lalu DROP TABLE books dan ALTER TABLE books_v2 RENAME TO books."
)

private let lostSomeHint = Words(
    "Some books were lost on the way: INSERT INTO books_v2 … SELECT … FROM books JOIN authors keeps only the books for which the JOIN finds an author. Join on the author's name: JOIN authors ON authors.name = books.author.",
    id:
        "Sebagian buku hilang di tengah jalan: INSERT INTO books_v2 … SELECT … FROM books JOIN authors hanya menyimpan buku yang penulisnya ditemukan oleh JOIN. Lakukan JOIN berdasarkan nama penulis: JOIN authors ON authors.name = books.author."
)

private let copyStampsHint = Words(
    "Copy created_at and updated_at too; otherwise they get the time of the upgrade.",
    id: "Salin juga created_at dan updated_at; kalau tidak, keduanya berisi waktu saat upgrade.")

let migrations = ExerciseTests("db09-migrations") {
    Check(
        Words(
            "the server upgrades a version-1 database file: user_version becomes 2",
            id: "server meng-upgrade file database versi 1: user_version menjadi 2"),
        hint: Words(
            "Keep migration 1 exactly as it is (old files already have it) and do the changes in migration 2. database.migrate runs only the steps above the file's user_version.",
            id:
                "Biarkan migration 1 persis seperti apa adanya (file lama sudah menjalankannya) dan lakukan perubahannya di migration 2. database.migrate hanya menjalankan langkah yang nomornya di atas user_version file itu."
        )
    ) { t in
        try t.prepareDatabase(writeVersion1)
        let response = try t.http.get("/authors")
        try response.expectStatus(
            200,
            hint: Words(
                "The server did not start cleanly on a version-1 file: read its log below. A migration that fails stops the server.",
                id:
                    "Server tidak bisa berjalan dengan mulus pada file versi 1: baca log-nya di bawah. Migration yang gagal menghentikan server."
            ))
        try requireEqual(
            try t.database().userVersion, 2,
            Words("PRAGMA user_version after the upgrade", id: "PRAGMA user_version setelah upgrade"))
    }

    Check(
        Words(
            "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps",
            id:
                "setiap buku dari versi 1 masih ada, dengan id, judul, ISBN, tahun, jumlah eksemplar, dan timestamp yang sama"
        ),
        hint: keepBooksHint, needs: "the server upgrades a version-1 database file: user_version becomes 2"
    ) { t in
        let books = try upgradedBooks(t)
        try require(
            books.count == oldLibrary.count,
            Words(
                "expected \(oldLibrary.count) books after the upgrade, got \(books.count)\(books.isEmpty ? ": the upgrade lost every book" : "")",
                id:
                    "seharusnya ada \(oldLibrary.count) buku setelah upgrade, tapi yang ada \(books.count)\(books.isEmpty ? ": upgrade-nya menghilangkan semua buku" : "")"
            ),
            hint: books.isEmpty || books.count > oldLibrary.count ? keepBooksHint : lostSomeHint,
            response: nil)
        for (old, new) in zip(oldLibrary, books) {
            let what = Words("book \(old.id) (\"\(old.title)\")", id: "buku \(old.id) (\"\(old.title)\")")
            try requireEqual(
                new.id, old.id,
                Words(
                    "the id of \(what.en); ids must stay the same so links keep working",
                    id: "id dari \(what[.id]) (id harus tetap sama supaya link yang ada tetap berfungsi)"))
            try requireEqual(new.title, old.title, Words("the title of \(what.en)", id: "judul \(what[.id])"))
            try requireEqual(new.isbn, old.isbn, Words("the ISBN of \(what.en)", id: "ISBN \(what[.id])"))
            try requireEqual(new.year, old.year, Words("the year of \(what.en)", id: "tahun \(what[.id])"))
            try requireEqual(
                new.copies, old.copies, Words("the copies of \(what.en)", id: "jumlah eksemplar \(what[.id])")
            )
            try requireEqual(
                new.createdAt, old.createdAt,
                Words("created_at of \(what.en)", id: "created_at dari \(what[.id])"),
                hint: copyStampsHint)
            try requireEqual(
                new.updatedAt, old.updatedAt,
                Words("updated_at of \(what.en)", id: "updated_at dari \(what[.id])"),
                hint: copyStampsHint)
        }
    }

    Check(
        Words(
            "every book points to the author whose name was its author text",
            id: "setiap buku menunjuk ke penulis yang namanya sama dengan teks author buku itu"),
        hint: Words(
            "Fill authors first (INSERT INTO authors (name) SELECT …), then find each book's author_id by name: JOIN authors ON authors.name = books.author.",
            id:
                "Isi authors dulu (INSERT INTO authors (name) SELECT …), lalu cari author_id setiap buku berdasarkan nama: JOIN authors ON authors.name = books.author."
        ),
        needs:
            "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps"
    ) { t in
        let books = try upgradedBooks(t)
        try require(
            books.count == oldLibrary.count,
            Words(
                "expected \(oldLibrary.count) books to check, got \(books.count): the books must be kept first (see the check above)",
                id:
                    "seharusnya ada \(oldLibrary.count) buku untuk dicek, tapi yang ada \(books.count): buku-bukunya harus dipertahankan dulu (lihat pengecekan di atas)"
            ),
            response: nil)
        for (old, new) in zip(oldLibrary, books) where old.author != new.author {
            try fail(
                Words(
                    "expected book \(old.id) (\"\(old.title)\") to point to the author \"\(old.author)\", its author_id leads to \(new.author == "(no author)" ? "no author" : "\"\(new.author)\"")",
                    id:
                        "seharusnya buku \(old.id) (\"\(old.title)\") menunjuk ke penulis \"\(old.author)\", tapi author_id-nya mengarah ke \(new.author == "(no author)" ? "penulis yang tidak ada" : "\"\(new.author)\"")"
                ))
        }
    }

    Check(
        Words(
            "there is exactly one author for each different author name: none lost, none doubled",
            id:
                "ada tepat satu penulis untuk setiap nama penulis yang berbeda: tidak ada yang hilang, tidak ada yang dobel"
        ),
        hint: Words(
            "One row per different name: INSERT INTO authors (name) SELECT author FROM books GROUP BY author (or SELECT DISTINCT author). Run it once, before copying the books.",
            id:
                "Satu baris untuk setiap nama yang berbeda: INSERT INTO authors (name) SELECT author FROM books GROUP BY author (atau SELECT DISTINCT author). Jalankan sekali saja, sebelum menyalin buku-bukunya."
        ),
        needs:
            "every book of version 1 is still there, with the same id, title, ISBN, year, copies and timestamps"
    ) { t in
        let names = Set(oldLibrary.map(\.author))
        try requireEqual(
            try Bookshelf.count(t, "authors"), names.count,
            Words(
                "the number of authors (one for each of the \(names.count) different author names)",
                id: "jumlah penulis (satu untuk setiap \(names.count) nama penulis yang berbeda)"))
        let doubled = try t.database().query("SELECT name FROM authors GROUP BY name HAVING COUNT(*) > 1").map
        { try $0.string("name") }
        try require(
            doubled.isEmpty,
            Words(
                "expected every author name once, but these appear more than once: \(doubled.joined(separator: ", "))",
                id:
                    "seharusnya setiap nama penulis muncul sekali, tapi nama-nama ini muncul lebih dari sekali: \(doubled.joined(separator: ", "))"
            ))
        for name in names {
            try requireEqual(
                try Bookshelf.count(t, "authors", where: "name = ?", name), 1,
                Words(
                    "the number of authors named \"\(name)\"", id: "jumlah penulis yang bernama \"\(name)\""))
        }
    }

    Check(
        Words(
            "the upgraded file has the version-2 schema: the foreign key, members, loans and the indexes",
            id:
                "file yang sudah di-upgrade punya schema versi 2: foreign key, members, loans, dan index-indexnya"
        ),
        hint: Words(
            "After the copy, the books table must be the new one (renamed from books_v2), with author_id REFERENCES authors (id); members, loans and the indexes come after it.",
            id:
                "Setelah disalin, tabel books harus tabel yang baru (hasil rename dari books_v2), dengan author_id REFERENCES authors (id); members, loans, dan index-indexnya dibuat sesudahnya."
        ),
        needs: "the server upgrades a version-1 database file: user_version becomes 2"
    ) { t in
        let db = try t.database()
        let tables = try db.tableNames()
        for table in ["authors", "books", "loans", "members"] {
            try require(
                tables.contains(table),
                Words(
                    "expected a table named \(table) after the upgrade, the tables are \(tables.joined(separator: ", "))",
                    id:
                        "seharusnya ada tabel bernama \(table) setelah upgrade, tapi tabel yang ada: \(tables.joined(separator: ", "))"
                ))
        }
        try require(
            !tables.contains("books_v2"),
            Words(
                "expected no table books_v2 after the upgrade: rename it to books once the old table is dropped",
                id:
                    "seharusnya tidak ada tabel books_v2 setelah upgrade: rename tabel itu menjadi books setelah tabel lama di-drop"
            ))
        try require(
            try db.columns(of: "books").contains { $0.name == "author_id" },
            Words(
                "expected books to have an author_id column",
                id: "seharusnya tabel books punya kolom author_id"))
        let key = try db.foreignKeys(of: "books").first { $0.columns == ["author_id"] }
        try requireEqual(
            key?.referencedTable, "authors",
            Words("the table books.author_id refers to", id: "tabel yang dirujuk books.author_id"))
        let broken = try db.query("PRAGMA foreign_key_check")
        try requireEqual(
            broken.count, 0,
            Words(
                "the number of rows whose foreign key points to nothing (PRAGMA foreign_key_check)",
                id: "jumlah baris yang foreign key-nya tidak menunjuk ke apa pun (PRAGMA foreign_key_check)"))
        let bookIndexes = try db.indexes(of: "books").map(\.columns)
        try require(
            bookIndexes.contains(["author_id"]),
            Words(
                "expected an index on books (author_id) after the upgrade",
                id: "seharusnya ada index pada books (author_id) setelah upgrade"))
    }

    Check(
        Words(
            "the API works on the upgraded data, and new authors and books can be added",
            id:
                "API-nya berjalan dengan data yang sudah di-upgrade, dan penulis serta buku baru bisa ditambahkan"
        ),
        needs: "every book points to the author whose name was its author text"
    ) { t in
        let response = try t.http.get("/books/2").expectStatus(200)
        try requireEqual(
            try response.json()["author"]?["name"]?.string, oldLibrary[1].author,
            Words("the author name of book 2", id: "nama penulis buku 2"),
            response: response)
        let author = try createAuthor(t, "Leila S. Chudori")
        let book = try Bookshelf.create(t, relatedBook(901, title: "Pulang", author: author, year: 2012))
        try require(
            (book["id"]?.int ?? 0) > 400,
            Words(
                "expected a new book to get an id above the old ones (above 400), got \(book["id"]?.description ?? "nothing")",
                id:
                    "seharusnya buku baru mendapat id di atas id buku-buku lama (di atas 400), tapi isinya \(book["id"]?.description ?? "tidak ada")"
            ))
        beforeRestart.value = (try authorRows(t), try upgradedBooks(t))
    }

    Check(
        Words(
            "a restart changes nothing: user_version stays 2, no row is added or lost",
            id:
                "restart tidak mengubah apa pun: user_version tetap 2, tidak ada baris yang bertambah atau hilang"
        ),
        hint: Words(
            "migrate runs only the steps above the file's user_version, so a restart must run nothing. Do not put CREATE, INSERT or UPDATE statements outside the migrations.",
            id:
                "migrate hanya menjalankan langkah yang nomornya di atas user_version file itu, jadi restart tidak boleh menjalankan apa pun. Jangan taruh statement CREATE, INSERT, atau UPDATE di luar migration."
        ),
        needs: "the API works on the upgraded data, and new authors and books can be added"
    ) { t in
        try t.restartServer()
        _ = try t.http.get("/authors").expectStatus(200)
        try requireEqual(
            try t.database().userVersion, 2,
            Words("PRAGMA user_version after a restart", id: "PRAGMA user_version setelah restart"))
        let saved = try requireValue(
            beforeRestart.value,
            Words(
                "the previous check did not finish, so there is nothing to compare with",
                id: "pengecekan sebelumnya tidak selesai, jadi tidak ada yang bisa dibandingkan"))
        try requireEqual(
            try authorRows(t), saved.authors,
            Words("the authors (id:name) after a restart", id: "daftar penulis (id:name) setelah restart"))
        try require(
            try upgradedBooks(t) == saved.books,
            Words(
                "expected the books after a restart to be exactly the books before it",
                id: "seharusnya buku-buku setelah restart persis sama dengan buku-buku sebelumnya"))
    }

    Check(
        Words(
            "a brand-new database file gets version 2 and works",
            id: "file database yang benar-benar baru mendapat versi 2 dan berfungsi")
    ) { t in
        try t.stopServer()
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: t.databasePath + suffix)
        }
        let author = try createAuthor(t, "Andrea Hirata")
        try Bookshelf.create(t, relatedBook(902, title: "Laskar Pelangi", author: author))
        try requireEqual(
            try t.database().userVersion, 2,
            Words(
                "PRAGMA user_version of a new database file",
                id: "PRAGMA user_version dari file database baru"))
        try requireEqual(
            try Bookshelf.count(t, "books"), 1,
            Words(
                "the number of books in a new database after one was added",
                id: "jumlah buku di database baru setelah satu buku ditambahkan"))
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
