import BackendKit
import Foundation
import GraderKit

/// Fills the learner's (empty) tables with a big library in one transaction, fast: each table is
/// one INSERT … SELECT over a counter. Book i has id i and ISBN 978 + i in ten digits; its author is
/// (i % 2000) + 1. Authors 1 and 2 are "Andrea Hirata" and "ANDREA HIRATA".
private func seedBigLibrary(_ db: Database) throws {
    try db.transaction { tx in
        try tx.execute("INSERT INTO authors (id, name) VALUES (1, 'Andrea Hirata'), (2, 'ANDREA HIRATA')")
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
            INSERT INTO authors (id, name) SELECT i, 'Author ' || i FROM n
            """)
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
            INSERT INTO books (id, title, author_id, isbn, year, copies)
            SELECT i, 'Book ' || i, (i % 2000) + 1, printf('978%010d', i), 1950 + i % 70, 1 + i % 3 FROM n
            """)
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
            INSERT INTO members (id, name, email) SELECT i, 'Member ' || i, 'member' || i || '@example.com' FROM n
            """)
        // 20,000 loans: every book i * 7 % 50000 + 1 is borrowed by member i % 1000 + 1; one in
        // four is still away.
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
            INSERT INTO loans (book_id, member_id, borrowed_at, returned_at)
            SELECT (i * 7) % 50000 + 1, i % 1000 + 1, '2025-01-01T00:00:00.000Z',
                   CASE WHEN i % 4 = 0 THEN NULL ELSE '2025-01-15T00:00:00.000Z' END
            FROM n
            """)
    }
}

/// The plans GET /debug/query-plans reports, by lookup name.
private func plans(_ t: TestContext) throws -> (
    plans: [String: (sql: String, plan: [String])], response: ClientResponse
) {
    let response = try t.http.get("/debug/query-plans").expectStatus(200)
    var plans: [String: (sql: String, plan: [String])] = [:]
    for lookup in try response.json()["lookups"]?.array ?? [] {
        guard let name = lookup["name"]?.string else { continue }
        plans[name] = (lookup["sql"]?.string ?? "", (lookup["plan"]?.array ?? []).compactMap(\.string))
    }
    return (plans, response)
}

/// Requires the lookup's plan to find its rows with an index: no step may SCAN a table, and when
/// `column` is given, a SEARCH step must use an index whose first column is `column`: any index
/// that SQLite can search is not enough.
private func requireIndexed(
    _ t: TestContext, _ name: String, startingWith column: String? = nil, hint: Words?
) throws {
    let (all, response) = try plans(t)
    guard let lookup = all[name] else {
        throw response.failure(
            Words(
                "expected a plan for the lookup \"\(name)\", but GET /debug/query-plans has none",
                id:
                    "seharusnya ada query plan untuk pencarian \"\(name)\", tapi GET /debug/query-plans tidak menampilkannya"
            ))
    }
    let plan = lookup.plan.joined(separator: " | ")
    if let scan = lookup.plan.first(where: { $0.hasPrefix("SCAN") }) {
        throw response.failure(
            Words(
                "the lookup \"\(name)\" reads every row: its plan says \"\(scan)\" (whole plan: \(plan)). Its SQL is: \(lookup.sql)",
                id:
                    "pencarian \"\(name)\" membaca setiap baris: query plan-nya bilang \"\(scan)\" (query plan lengkapnya: \(plan)). SQL-nya: \(lookup.sql)"
            ),
            hint: hint)
    }
    try require(
        lookup.plan.contains {
            $0.hasPrefix("SEARCH") && ($0.contains("INDEX") || $0.contains("PRIMARY KEY"))
        },
        Words(
            "expected the plan of \"\(name)\" to SEARCH with an index, got: \(plan)",
            id: "seharusnya query plan \"\(name)\" melakukan SEARCH dengan index, tapi isinya: \(plan)"),
        hint: hint, response: response)
    guard let column else { return }
    let searches = lookup.plan.filter { $0.hasPrefix("SEARCH") && $0.contains("INDEX ") }
    guard
        !searches.contains(where: {
            $0.contains("(\(column)=") || $0.contains("(\(column)>") || $0.contains("(\(column)<")
        })
    else { return }
    let used = searches.map { step in
        let index = step.components(separatedBy: "INDEX ").last ?? step
        return index.components(separatedBy: " (").first ?? index
    }
    let searchedID =
        used.isEmpty
        ? "mencari tanpa index yang kolom pertamanya \(column)"
        : "mencari dengan index \(used.joined(separator: ", ")), yang kolom pertamanya bukan \(column)"
    throw response.failure(
        Words(
            "the lookup \"\(name)\" searches with \(used.isEmpty ? "no index" : "the index " + used.joined(separator: ", ")), whose first column is not \(column): its plan says \(plan). It needs an index that starts with \(column). Its SQL is: \(lookup.sql)",
            id:
                "pencarian \"\(name)\" \(searchedID): query plan-nya bilang \(plan). Pencarian ini butuh index yang diawali \(column). SQL-nya: \(lookup.sql)"
        ),
        hint: hint)
}

private let authorIndexHint = Words(
    "SQLite makes an index for a PRIMARY KEY and for UNIQUE columns, but not for a foreign key column. Add CREATE INDEX IF NOT EXISTS books_author ON books (author_id) to Schema.indexes.",
    id:
        "SQLite membuat index untuk PRIMARY KEY dan untuk kolom UNIQUE, tapi tidak untuk kolom foreign key. Tambahkan CREATE INDEX IF NOT EXISTS books_author ON books (author_id) ke Schema.indexes."
)
private let nameIndexHint = Words(
    "An index holds the column's values, sorted. lower(name) is a different value, so SQLite cannot use the index and reads every author. Write WHERE name = ? COLLATE NOCASE, and index the column the same way: CREATE INDEX … ON authors (name COLLATE NOCASE).",
    id:
        "Index menyimpan nilai-nilai kolomnya dalam keadaan terurut. lower(name) adalah nilai yang berbeda, jadi SQLite tidak bisa memakai index itu dan membaca semua penulis. Tulis WHERE name = ? COLLATE NOCASE, dan buat index kolomnya dengan cara yang sama: CREATE INDEX … ON authors (name COLLATE NOCASE)."
)
private let bookLoansHint = Words(
    "The index loans_member_book is sorted by member_id first, like a phone book sorted by family name: it cannot find a book_id quickly. Add an index whose first column is book_id: CREATE INDEX IF NOT EXISTS loans_book_away ON loans (book_id, returned_at). An index that starts with returned_at is searched by returned_at first: book_id must come first.",
    id:
        "Index loans_member_book diurutkan berdasarkan member_id dulu, seperti buku telepon yang diurutkan berdasarkan nama keluarga: index itu tidak bisa menemukan book_id dengan cepat. Tambahkan index yang kolom pertamanya book_id: CREATE INDEX IF NOT EXISTS loans_book_away ON loans (book_id, returned_at). Index yang diawali returned_at dicari berdasarkan returned_at dulu: book_id harus di depan."
)
private let memberLoansHint = Words(
    "Keep loans_member_book (member_id, book_id): the loans of a member need an index that starts with member_id.",
    id:
        "Pertahankan loans_member_book (member_id, book_id): peminjaman seorang anggota butuh index yang diawali member_id."
)

/// The check that seeds 50,000 books; every other check reads them.
private let seeded = Words(
    "with 50,000 books in the database, GET /debug/query-plans shows a plan for each lookup",
    id: "dengan 50.000 buku di database, GET /debug/query-plans menampilkan query plan untuk setiap pencarian"
)

let indexes = ExerciseTests("db08-indexes") {
    Check(seeded) { t in
        _ = try t.http.get("/books/1")  // the server creates its tables and indexes
        try t.prepareDatabase(seedBigLibrary)
        let (all, response) = try plans(t)
        for name in [
            "book_by_id", "book_by_isbn", "books_by_author", "authors_by_name", "loans_away_of_book",
            "loans_away_of_member",
        ] {
            try require(
                all[name]?.plan.isEmpty == false,
                Words(
                    "expected a plan for the lookup \"\(name)\"",
                    id: "seharusnya ada query plan untuk pencarian \"\(name)\""),
                response: response)
        }
    }

    Check(
        Words(
            "a book by id and a book by ISBN use an index (these two are done for you)",
            id:
                "buku berdasarkan id dan buku berdasarkan ISBN memakai index (dua ini sudah dibuatkan untukmu)"
        ),
        hint: Words(
            "These lookups were fine in the starter: the id is the INTEGER PRIMARY KEY, and UNIQUE on isbn made an index. Did a change in BookStore.select or Schema.swift break them?",
            id:
                "Pencarian ini sudah benar di kode awal: id adalah INTEGER PRIMARY KEY, dan UNIQUE pada isbn sudah membuat index. Apakah ada perubahan di BookStore.select atau Schema.swift yang merusaknya?"
        ),
        needs: seeded.en
    ) { t in
        try requireIndexed(t, "book_by_id", hint: nil)
        try requireIndexed(t, "book_by_isbn", hint: nil)
    }

    Check(
        Words(
            "the books of an author are found with an index on books.author_id",
            id: "buku-buku seorang penulis ditemukan dengan index pada books.author_id"),
        hint: authorIndexHint,
        needs: seeded.en
    ) { t in
        try requireIndexed(t, "books_by_author", startingWith: "author_id", hint: authorIndexHint)
        let response = try t.http.get("/authors/1/books").expectStatus(200)
        let ids = try Bookshelf.ids(response)
        try requireEqual(
            ids, Array(stride(from: 2000, through: 50000, by: 2000)),
            Words("the ids of the books of author 1", id: "id buku-buku penulis 1"),
            response: response)
    }

    Check(
        Words(
            "authors are found by name with an index, and still in any case",
            id:
                "penulis ditemukan berdasarkan nama dengan index, dan tetap tanpa membedakan huruf besar-kecil"
        ),
        hint: nameIndexHint,
        needs: seeded.en
    ) { t in
        try requireIndexed(t, "authors_by_name", startingWith: "name", hint: nameIndexHint)
        for name in ["andrea hirata", "Andrea Hirata", "ANDREA HIRATA"] {
            let response = try t.http.get(Bookshelf.target("/authors", [("name", name)])).expectStatus(200)
            try requireEqual(
                try Bookshelf.ids(response), [1, 2],
                Words(
                    "the ids of the authors named \"\(name)\" in any case",
                    id: "id penulis yang bernama \"\(name)\" tanpa membedakan huruf besar-kecil"),
                hint: Words(
                    "The lookup must still ignore the case of A–Z: COLLATE NOCASE does that.",
                    id:
                        "Pencariannya tetap harus mengabaikan huruf besar-kecil A–Z: COLLATE NOCASE yang melakukannya."
                ),
                response: response)
        }
        let none = try t.http.get(Bookshelf.target("/authors", [("name", "Andrea")])).expectStatus(200)
        try requireEqual(
            try Bookshelf.ids(none), [],
            Words(
                "the ids of the authors named exactly \"Andrea\"",
                id: "id penulis yang namanya persis \"Andrea\""),
            response: none)
    }

    Check(
        Words(
            "the loans of a book are counted with an index that starts with book_id",
            id: "peminjaman sebuah buku dihitung dengan index yang diawali book_id"),
        hint: bookLoansHint,
        needs: seeded.en
    ) {
        t in
        try requireIndexed(t, "loans_away_of_book", startingWith: "book_id", hint: bookLoansHint)
    }

    Check(
        Words(
            "the loans of a member still use an index that starts with member_id",
            id: "peminjaman seorang anggota tetap memakai index yang diawali member_id"),
        hint: memberLoansHint,
        needs: seeded.en
    ) { t in
        try requireIndexed(t, "loans_away_of_member", startingWith: "member_id", hint: memberLoansHint)
        let response = try t.http.get("/members/5/loans").expectStatus(200)
        let loans = try response.json().array ?? []
        try requireEqual(
            loans.count, 20,
            Words(
                "the number of loans member 5 still has away",
                id: "jumlah peminjaman anggota 5 yang belum dikembalikan"),
            response: response)
    }

    Check(
        Words(
            "borrowing still counts the copies on loan correctly",
            id: "peminjaman tetap menghitung eksemplar yang sedang dipinjam dengan benar"),
        needs: seeded.en
    ) { t in
        // Book 29 (1 + 29 % 3 = 3 copies) has one loan still away (loan 4 of the seed: 4 * 7 % 50000 + 1).
        try t.http.post("/books/29/loans", json: ["member_id": 1]).expectStatus(201)
        try t.http.post("/books/29/loans", json: ["member_id": 2]).expectStatus(201)
        try t.http.post("/books/29/loans", json: ["member_id": 3]).expectProblem(status: 409)
    }

    Check(
        Words(
            "with 50,000 books, 150 lookups answer correctly within a generous time",
            id: "dengan 50.000 buku, 150 pencarian menjawab dengan benar dalam waktu yang longgar"),
        needs: seeded.en,
        timeout: .seconds(60)
    ) {
        t in
        let started = ContinuousClock.now
        for i in 1...50 {
            let id = i * 997 % 50000 + 1
            let byISBN = try t.http.get("/books/isbn/\(String(format: "978%010d", id))").expectStatus(200)
            try requireEqual(
                try byISBN.json()["id"]?.int, id,
                Words(
                    "the id of the book with ISBN 978\(String(format: "%010d", id))",
                    id: "id buku dengan ISBN 978\(String(format: "%010d", id))"),
                response: byISBN)
            let author = i % 2000 + 1
            let books = try t.http.get("/authors/\(author)/books").expectStatus(200)
            try requireEqual(
                try Bookshelf.ids(books).count, 25,
                Words("the number of books of author \(author)", id: "jumlah buku penulis \(author)"),
                response: books)
            try t.http.get(Bookshelf.target("/authors", [("name", "author \(i + 2)")])).expectStatus(200)
        }
        let seconds = (ContinuousClock.now - started) / .seconds(1)
        try require(
            seconds < 20,
            Words(
                "expected 150 lookups to take well under 20 seconds, they took \(Int(seconds)) seconds",
                id:
                    "seharusnya 150 pencarian selesai jauh di bawah 20 detik, tapi butuh \(Int(seconds)) detik"
            ),
            hint: Words(
                "Look at the plans in GET /debug/query-plans: every SCAN reads the whole table.",
                id: "Lihat query plan di GET /debug/query-plans: setiap SCAN membaca seluruh tabel."),
            response: nil)
    }

    Check(Bookshelf.keepsItsRules, needs: seeded.en) { t in
        try Bookshelf.requireBookRules(t)
    }

    Check(Bookshelf.loansKeepTheirRules, needs: seeded.en) { t in
        try Bookshelf.requireLoanRules(t)
    }
}
