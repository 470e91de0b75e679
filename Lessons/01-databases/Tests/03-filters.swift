import BackendKit
import Foundation
import GraderKit

/// The books every filter check works with: (number, title, author, year). The number picks the ISBN
/// and names the book in this file; its id comes from the server.
private let shelf: [(n: Int, title: String, author: String, year: Int?)] = [
    (301, "Laskar Pelangi", "Andrea Hirata", 2005),
    (302, "Sang Pemimpi", "Andrea Hirata", 2006),
    (303, "Edensor", "Andrea Hirata", 2007),
    (304, "Cantik Itu Luka", "Eka Kurniawan", 2002),
    (305, "Lelaki Harimau", "Eka Kurniawan", 2004),
    (306, "Bumi Manusia", "Pramoedya Ananta Toer", 1980),
    (307, "Anak Semua Bangsa", "Pramoedya Ananta Toer", 1980),
    (308, "SQL: 100% Practical", "Tim O'Reilly", 2021),
    (309, "snake_case for Beginners", "Tim O'Reilly", 2021),
    (310, "Laskar Pelangi", "Andrea Hirata", nil),
]

/// The ids the server gave the shelf's books, by number; filled by the first check.
private final class ShelfIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int: Int] = [:]
    subscript(n: Int) -> Int {
        get { lock.withLock { ids[n] ?? -n } }
        set { lock.withLock { ids[n] = newValue } }
    }
}

private let shelfIDs = ShelfIDs()

/// Asks GET /books with `query` and requires exactly the books numbered `expected`, in that order.
private func expectBooks(
    _ t: TestContext, _ query: [(String, String)], _ expected: [Int], what: Words, hint: Words? = nil
) throws {
    let response = try t.http.get(Bookshelf.target("/books", query)).expectStatus(200, hint: hint)
    let got = try Bookshelf.ids(response)
    let wanted = expected.map { shelfIDs[$0] }
    if got != wanted {
        let detail =
            Set(got) == Set(wanted)
            ? Words(
                "the right books in the wrong order: \(Bookshelf.list(got))",
                id: "buku yang benar dengan urutan yang salah: \(Bookshelf.list(got))")
            : describeIDs(got)
        let order =
            wanted.count > 1 ? Words(", in this order", id: ", dengan urutan ini") : Words(verbatim: "")
        let expected = describeIDs(wanted)
        throw response.failure(
            Words(
                "expected \(what.en): \(expected.en)\(order.en); got \(detail.en)",
                id: "seharusnya \(what[.id]): \(expected[.id])\(order[.id]); tapi yang datang \(detail[.id])"),
            hint: hint)
    }
}

/// "no books", "the book with id 8", "books with ids 1, 2, 3".
private func describeIDs(_ ids: [Int]) -> Words {
    switch ids.count {
    case 0: Words("no books", id: "tidak ada buku")
    case 1: Words("the book with id \(ids[0])", id: "buku dengan id \(ids[0])")
    default: Words("books with ids \(Bookshelf.list(ids))", id: "buku dengan id \(Bookshelf.list(ids))")
    }
}

private let filterHint = Words(
    "Each filter that was given adds one condition with a ? to the WHERE clause, and its value to the list of values. Join the conditions with AND.",
    id:
        "Setiap filter yang dikirim menambahkan satu kondisi dengan ? ke klausa WHERE, dan nilainya ke daftar nilai. Gabungkan kondisi-kondisinya dengan AND."
)

private let boundHint = Words(
    "Doubling the quotes by hand (' becomes '') still builds SQL from values. Each filter adds a condition with a ? to the SQL and its value to the list of values: conditions.append(\"author = ?\"); values.append(author).",
    id:
        "Menggandakan tanda kutip sendiri (' menjadi '') tetap saja menyusun SQL dari nilai. Setiap filter menambahkan kondisi dengan ? ke SQL dan nilainya ke daftar nilai: conditions.append(\"author = ?\"); values.append(author)."
)

/// The check that creates the shelf every other check filters.
private let listsTheShelf = Words(
    "GET /books without filters lists every book by id",
    id: "GET /books tanpa filter menampilkan semua buku, urut menurut id")

let filters = ExerciseTests("db03-filters") {
    Check(listsTheShelf) { t in
        for book in shelf {
            var json = Bookshelf.book(book.n, title: book.title, author: book.author, year: book.year)
            if book.year == nil { json = json.with("year", nil) }
            shelfIDs[book.n] = try requireValue(
                try Bookshelf.create(t, json)["id"]?.int,
                Words("expected the new book to have an id", id: "seharusnya buku baru punya id"))
        }
        // Indexes a real library may well have. With them, SQLite reads books with the same year or
        // the same title in another order than by id, so an ORDER BY without its id at the end shows.
        try t.prepareDatabase { db in
            try db.executeScript(
                """
                CREATE INDEX IF NOT EXISTS grader_year_title ON books (year, title);
                CREATE INDEX IF NOT EXISTS grader_title_isbn ON books (title, isbn DESC);
                """)
        }
        try expectBooks(
            t, [], shelf.map(\.n), what: Words("every book, by id", id: "semua buku, urut menurut id"))
    }

    Check(
        Words(
            "?author= lists only that author's books, also an author with a quote in the name",
            id:
                "?author= hanya menampilkan buku-buku penulis itu, juga penulis yang namanya mengandung tanda kutip"
        ),
        hint: filterHint,
        needs: listsTheShelf.en
    ) { t in
        try expectBooks(
            t, [("author", "Andrea Hirata")], [301, 302, 303, 310],
            what: Words("the books by Andrea Hirata", id: "buku-buku karya Andrea Hirata"))
        try expectBooks(
            t, [("author", "Tim O'Reilly")], [308, 309],
            what: Words("the books by Tim O'Reilly", id: "buku-buku karya Tim O'Reilly"))
        try expectBooks(
            t, [("author", "Nobody")], [],
            what: Words(
                "no books for an author with no books",
                id: "tidak ada buku untuk penulis yang tidak punya buku"))
    }

    Check(
        Words(
            "?year_from= and ?year_to= include both years, and leave out books without a year",
            id: "?year_from= dan ?year_to= mencakup kedua tahun itu, dan tidak menyertakan buku tanpa tahun"),
        hint: Words(
            "year_from is year >= ?, year_to is year <= ?. A comparison with NULL is never true, so books without a year drop out by themselves.",
            id:
                "year_from berarti year >= ?, year_to berarti year <= ?. Perbandingan dengan NULL tidak pernah bernilai true, jadi buku tanpa tahun tersaring keluar dengan sendirinya."
        ),
        needs: listsTheShelf.en
    ) { t in
        try expectBooks(
            t, [("year_from", "2005")], [301, 302, 303, 308, 309],
            what: Words("the books from 2005 or later", id: "buku-buku dari tahun 2005 atau sesudahnya"))
        try expectBooks(
            t, [("year_to", "1980")], [306, 307],
            what: Words("the books from 1980 or earlier", id: "buku-buku dari tahun 1980 atau sebelumnya"))
    }

    Check(
        Words(
            "?q= finds the text anywhere in the title, in any case",
            id: "?q= menemukan teksnya di bagian mana pun dari judul, huruf besar maupun kecil"),
        hint: Words(
            "title LIKE ? with the value \"%\" + text + \"%\" finds the text anywhere; LIKE ignores the case of A–Z.",
            id:
                "title LIKE ? dengan nilai \"%\" + text + \"%\" menemukan teksnya di mana saja; untuk A–Z, LIKE tidak membedakan huruf besar dan kecil."
        ),
        needs: listsTheShelf.en
    ) { t in
        try expectBooks(
            t, [("q", "pelangi")], [301, 310],
            what: Words(
                "the books with \"pelangi\" in the title",
                id: "buku-buku yang judulnya mengandung \"pelangi\""))
        try expectBooks(
            t, [("q", "MANUSIA")], [306],
            what: Words(
                "the books with \"MANUSIA\" in the title",
                id: "buku-buku yang judulnya mengandung \"MANUSIA\""))
    }

    Check(
        Words(
            "filters combine: ?author=Andrea Hirata&year_from=2006 lists the books that match both",
            id:
                "filter bisa digabung: ?author=Andrea Hirata&year_from=2006 menampilkan buku yang cocok dengan keduanya"
        ),
        hint: filterHint,
        needs: "?author= lists only that author's books, also an author with a quote in the name",
        "?year_from= and ?year_to= include both years, and leave out books without a year"
    ) { t in
        try expectBooks(
            t, [("author", "Andrea Hirata"), ("year_from", "2006")], [302, 303],
            what: Words(
                "the books by Andrea Hirata from 2006 or later",
                id: "buku-buku karya Andrea Hirata dari tahun 2006 atau sesudahnya"))
        try expectBooks(
            t, [("year_from", "2004"), ("year_to", "2006")], [301, 302, 305],
            what: Words("the books from 2004 to 2006", id: "buku-buku dari tahun 2004 sampai 2006"))
        try expectBooks(
            t, [("author", "Eka Kurniawan"), ("year_to", "2003"), ("q", "luka")], [304],
            what: Words(
                "the books by Eka Kurniawan up to 2003 with \"luka\" in the title",
                id: "buku-buku karya Eka Kurniawan sampai tahun 2003 yang judulnya mengandung \"luka\""))
    }

    Check(
        Words(
            "?q=% and ?q=_ find only titles that contain that character",
            id: "?q=% dan ?q=_ hanya menemukan judul yang mengandung karakter itu"),
        hint: Words(
            "In LIKE, % means \"any text\" and _ means \"any one character\", so \"%\" + \"%\" + \"%\" matches every title. Put a \\ before each % and _ (and \\) in the text, and add ESCAPE '\\' after the LIKE pattern.",
            id:
                "Di LIKE, % berarti \"teks apa saja\" dan _ berarti \"satu karakter apa saja\", jadi \"%\" + \"%\" + \"%\" cocok dengan semua judul. Taruh \\ sebelum setiap % dan _ (dan \\) di teksnya, lalu tambahkan ESCAPE '\\' setelah pola LIKE."
        ),
        needs: "?q= finds the text anywhere in the title, in any case"
    ) { t in
        try expectBooks(
            t, [("q", "%")], [308],
            what: Words("only the book with % in its title", id: "hanya buku yang judulnya mengandung %"))
        try expectBooks(
            t, [("q", "_")], [309],
            what: Words("only the book with _ in its title", id: "hanya buku yang judulnya mengandung _"))
        // A title with a backslash, for this check only: the escape character must be escaped too.
        let windows = try Bookshelf.create(t, Bookshelf.book(311, title: "C:\\Users\\Budi", year: 2020))
        shelfIDs[311] = windows["id"]?.int ?? -1
        try expectBooks(
            t, [("q", "\\")], [311],
            what: Words("only the book with \\ in its title", id: "hanya buku yang judulnya mengandung \\"),
            hint: Words(
                "The escape character itself must be escaped too: put a \\ before each \\ in the text as well, or a \\ at the end of the text swallows the last %.",
                id:
                    "Karakter escape-nya sendiri juga harus di-escape: taruh juga \\ sebelum setiap \\ di teksnya, kalau tidak, \\ di akhir teks akan menelan % terakhir."
            )
        )
        try t.prepareDatabase { db in
            try db.execute("DELETE FROM books WHERE isbn = ?", Bookshelf.isbn(311))
        }
    }

    Check(
        Words(
            "a filter value with SQL in it finds nothing and changes nothing",
            id: "nilai filter yang berisi SQL tidak menemukan apa pun dan tidak mengubah apa pun"),
        hint: Words(
            "Values from the query string must travel as ? parameters, like in the previous exercise.",
            id: "Nilai dari query string harus dikirim sebagai parameter ?, seperti di latihan sebelumnya."),
        needs: "?author= lists only that author's books, also an author with a quote in the name",
        "?q= finds the text anywhere in the title, in any case"
    ) { t in
        try expectBooks(
            t, [("author", "x' OR '1'='1")], [],
            what: Words(
                "no books for the author x' OR '1'='1", id: "tidak ada buku untuk penulis x' OR '1'='1"))
        try expectBooks(
            t, [("q", "' OR 1=1 --")], [],
            what: Words("no books for the text ' OR 1=1 --", id: "tidak ada buku untuk teks ' OR 1=1 --"))
        try requireEqual(
            try Bookshelf.count(t, "books"), shelf.count,
            Words("the number of rows in the books table", id: "jumlah baris di tabel books"))
    }

    Check(
        Words(
            "the filter values reach the SQL as ? parameters, never as text in the SQL",
            id: "nilai filter sampai ke SQL sebagai parameter ?, tidak pernah sebagai teks di dalam SQL"),
        hint: boundHint,
        needs: "filters combine: ?author=Andrea Hirata&year_from=2006 lists the books that match both"
    ) { t in
        try t.enableStatementLog()
        let (author, text) = ("Bound Author 4721", "Bound Text 4722")
        let response = try t.http.get(
            Bookshelf.target(
                "/books", [("author", author), ("year_from", "1999"), ("year_to", "2098"), ("q", text)])
        ).expectStatus(200)
        try Bookshelf.requireBoundValues(
            t, response, [author, text] + Bookshelf.pasted(1999) + Bookshelf.pasted(2098),
            hint: boundHint)
    }

    Check(
        Words(
            "?sort=year&order=desc lists the newest books first; books from the same year by id",
            id:
                "?sort=year&order=desc menampilkan buku terbaru lebih dulu; buku dari tahun yang sama urut menurut id"
        ),
        hint: Words(
            "End the ORDER BY with id: ORDER BY year DESC, id. Without it, SQLite may return books from the same year in any order.",
            id:
                "Akhiri ORDER BY dengan id: ORDER BY year DESC, id. Tanpa itu, SQLite boleh mengembalikan buku dari tahun yang sama dengan urutan sembarang."
        ),
        needs: listsTheShelf.en
    ) { t in
        try expectBooks(
            t, [("sort", "year"), ("order", "desc")], [308, 309, 303, 302, 301, 305, 304, 306, 307, 310],
            what: Words(
                "the books by year, newest first, books from the same year by id, no year last",
                id:
                    "buku-buku urut menurut tahun, yang terbaru dulu, buku dari tahun yang sama urut menurut id, yang tanpa tahun paling akhir"
            ))
        try expectBooks(
            t, [("sort", "year")], [310, 306, 307, 304, 305, 301, 302, 303, 308, 309],
            what: Words(
                "the books by year, oldest first (no year first), books from the same year by id",
                id:
                    "buku-buku urut menurut tahun, yang terlama dulu (yang tanpa tahun paling awal), buku dari tahun yang sama urut menurut id"
            ))
    }

    Check(
        Words(
            "?sort=title lists books by title; two books with the same title come by id",
            id:
                "?sort=title menampilkan buku urut menurut judul; dua buku dengan judul yang sama urut menurut id"
        ),
        hint: Words(
            "End the ORDER BY with id: ORDER BY title, id (and ORDER BY title DESC, id for order=desc).",
            id:
                "Akhiri ORDER BY dengan id: ORDER BY title, id (dan ORDER BY title DESC, id untuk order=desc)."
        ),
        needs: listsTheShelf.en
    ) { t in
        try expectBooks(
            t, [("sort", "title")], [307, 306, 304, 303, 301, 310, 305, 308, 302, 309],
            what: Words(
                "the books by title (SQLite compares bytes, so capital letters come first), the same title by id",
                id:
                    "buku-buku urut menurut judul (SQLite membandingkan byte, jadi huruf kapital lebih dulu), judul yang sama urut menurut id"
            )
        )
        try expectBooks(
            t, [("sort", "title"), ("order", "desc")], [309, 302, 308, 305, 301, 310, 303, 304, 306, 307],
            what: Words(
                "the books by title, Z to A, the same title by id",
                id: "buku-buku urut menurut judul, dari Z ke A, judul yang sama urut menurut id"))
        try expectBooks(
            t, [("sort", "id"), ("order", "desc")], shelf.map(\.n).reversed(),
            what: Words("the books by id, highest first", id: "buku-buku urut menurut id, yang terbesar dulu")
        )
    }

    Check(
        Words(
            "?sort= with anything but id, title or year answers 400 naming the allowed values, and the table survives",
            id:
                "?sort= dengan nilai selain id, title, atau year dijawab 400 yang menyebut nilai-nilai yang diizinkan, dan tabelnya tetap ada"
        ),
        hint: Words(
            "A column name cannot be a ? parameter, so it ends up in the SQL text. Never paste the client's text there: compare it with your list of allowed columns and throw HTTPError.badRequest(\"sort must be one of id, title, year…\") when it is not in the list.",
            id:
                "Nama kolom tidak bisa menjadi parameter ?, jadi nama kolom pasti masuk ke teks SQL. Jangan pernah menempel teks dari client di situ: bandingkan dengan daftar kolom yang kamu izinkan, lalu throw HTTPError.badRequest(\"sort must be one of id, title, year…\") kalau nilainya tidak ada di daftar."
        ),
        needs: listsTheShelf.en
    ) { t in
        for sort in ["year;DROP TABLE books", "(SELECT title FROM books LIMIT 1)", "author", "copies"] {
            let response = try t.http.get(Bookshelf.target("/books", [("sort", sort)]))
            let problem = try response.expectProblem(status: 400)
            let detail = problem["detail"]?.string ?? ""
            let missing = ["id", "title", "year"].filter { !detail.contains($0) }
            try require(
                missing.isEmpty,
                Words(
                    "expected the problem's detail to list the allowed sort values id, title and year, got \"\(detail)\"",
                    id:
                        "seharusnya detail di dokumen problem menyebut nilai sort yang diizinkan, yaitu id, title, dan year, tapi isinya \"\(detail)\""
                ),
                response: response)
        }
        try require(
            try t.database().tableNames().contains("books"),
            Words(
                "the books table is gone from the database file", id: "tabel books hilang dari file database")
        )
        try requireEqual(
            try Bookshelf.count(t, "books"), shelf.count,
            Words("the number of rows in the books table", id: "jumlah baris di tabel books"))
    }

    Check(
        Words(
            "?order= with anything but asc or desc answers 400 naming asc and desc",
            id: "?order= dengan nilai selain asc atau desc dijawab 400 yang menyebut asc dan desc"),
        hint: Words(
            "Check order against its own list (asc, desc) the same way as sort.",
            id: "Periksa order dengan daftarnya sendiri (asc, desc), dengan cara yang sama seperti sort."),
        needs:
            "?sort= with anything but id, title or year answers 400 naming the allowed values, and the table survives"
    ) { t in
        for order in ["sideways", "desc; DROP TABLE books", "DESC NULLS FIRST"] {
            let response = try t.http.get(Bookshelf.target("/books", [("sort", "year"), ("order", order)]))
            let problem = try response.expectProblem(status: 400)
            let detail = problem["detail"]?.string ?? ""
            try require(
                detail.contains("asc") && detail.contains("desc"),
                Words(
                    "expected the problem's detail to list the allowed values asc and desc, got \"\(detail)\"",
                    id:
                        "seharusnya detail di dokumen problem menyebut nilai yang diizinkan, yaitu asc dan desc, tapi isinya \"\(detail)\""
                ),
                response: response)
        }
    }
}
