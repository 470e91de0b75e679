import BackendKit
import Foundation
import GraderKit

/// The authors of the statistics checks, in the order they are created, with their books
/// (title, year, copies), and what the statistics must say about them.
private struct StatsAuthor: Sendable {
    let key: String
    let name: String
    let books: [(title: String, year: Int?, copies: Int)]
    var bookCount: Int { books.count }
    var copies: Int { books.reduce(0) { $0 + $1.copies } }
    var averageYear: Double? {
        let years = books.compactMap(\.year)
        return years.isEmpty ? nil : Double(years.reduce(0, +)) / Double(years.count)
    }
}

private let statsAuthors: [StatsAuthor] = [
    StatsAuthor(
        key: "pram", name: "Pramoedya Ananta Toer",
        books: [("Bumi Manusia", 1980, 2), ("Anak Semua Bangsa", 1980, 1)]),
    StatsAuthor(
        key: "hirata", name: "Andrea Hirata",
        books: [("Laskar Pelangi", 2005, 3), ("Sang Pemimpi", 2006, 2), ("Edensor", 2007, 1)]),
    StatsAuthor(
        key: "eka", name: "Eka Kurniawan", books: [("Cantik Itu Luka", 2002, 1), ("Lelaki Harimau", nil, 4)]),
    StatsAuthor(key: "dee", name: "Dee Lestari", books: []),
    StatsAuthor(key: "ayu", name: "Ayu Utami", books: [("Saman", 1998, 0), ("Larung", 2001, 0)]),
    StatsAuthor(key: "sapardi1", name: "Sapardi Djoko Damono", books: [("Hujan Bulan Juni", nil, 1)]),
    StatsAuthor(key: "sapardi2", name: "Sapardi Djoko Damono", books: [("Trilogi Soekram", 2015, 2)]),
]

private let serverErrorHint = Words(
    "Read your server's log lines below: they name the SQL error. A common one: \"column copy_count is NULL but Int was requested\". The SUM of no values is NULL; COALESCE(SUM(books.copies), 0) gives 0.",
    id:
        "Baca baris-baris log server kamu di bawah: di situ tertulis error SQL-nya. Yang sering muncul: \"column copy_count is NULL but Int was requested\". SUM dari nol nilai hasilnya NULL; COALESCE(SUM(books.copies), 0) memberi 0."
)

/// Most books first, then name, then creation order (= id).
private let expectedOrder = ["hirata", "ayu", "eka", "pram", "sapardi1", "sapardi2", "dee"]

private final class StatsIDs: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int] = [:]
    subscript(key: String) -> Int {
        get { lock.withLock { ids[key] ?? -1 } }
        set { lock.withLock { ids[key] = newValue } }
    }
}

private let statsIDs = StatsIDs()

/// The answer of GET /stats/authors…, as a dictionary from author id to line, plus the ids in order.
private func stats(_ t: TestContext, _ target: String = "/stats/authors") throws -> (
    lines: [Int: JSONValue], order: [Int], response: ClientResponse
) {
    let response = try t.http.get(target).expectStatus(200, hint: serverErrorHint)
    guard let items = try response.json().array else {
        throw response.failure(
            Words(
                "expected a JSON array, got \(response.text.prefix(120))",
                id: "seharusnya sebuah array JSON, tapi yang datang \(response.text.prefix(120))"))
    }
    var lines: [Int: JSONValue] = [:]
    var order: [Int] = []
    for item in items {
        let id = item["author"]?["id"]?.int ?? -1
        lines[id] = item
        order.append(id)
    }
    return (lines, order, response)
}

private func line(
    _ stats: (lines: [Int: JSONValue], order: [Int], response: ClientResponse), _ author: StatsAuthor
) throws -> JSONValue {
    guard let line = stats.lines[statsIDs[author.key]] else {
        throw stats.response.failure(
            Words(
                "expected a line for \(author.name) (author id \(statsIDs[author.key])), but there is none",
                id:
                    "seharusnya ada baris untuk \(author.name) (id penulis \(statsIDs[author.key])), tapi tidak ada"
            ),
            hint: author.books.isEmpty
                ? Words(
                    "JOIN keeps only authors that have books; LEFT JOIN keeps every author (the book columns are then NULL).",
                    id:
                        "JOIN hanya menyimpan penulis yang punya buku; LEFT JOIN menyimpan semua penulis (kolom-kolom bukunya berisi NULL)."
                )
                : nil)
    }
    return line
}

let aggregates = ExerciseTests("db06-aggregates") {
    Check(
        Words(
            "GET /stats/authors has one line per author, also for authors without books",
            id: "GET /stats/authors punya satu baris per penulis, juga untuk penulis tanpa buku"),
        hint: Words(
            "FROM authors LEFT JOIN books ON books.author_id = authors.id … GROUP BY authors.id gives one line per author; a plain JOIN leaves out authors without books, and GROUP BY authors.name makes one line of two authors with the same name.",
            id:
                "FROM authors LEFT JOIN books ON books.author_id = authors.id … GROUP BY authors.id memberi satu baris per penulis; JOIN biasa membuang penulis tanpa buku, dan GROUP BY authors.name menggabungkan dua penulis yang namanya sama menjadi satu baris."
        )
    ) { t in
        for author in statsAuthors {
            let id = try createAuthor(t, author.name)
            statsIDs[author.key] = id
            for (index, book) in author.books.enumerated() {
                var json = relatedBook(
                    600 + id * 10 + index, title: book.title, author: id, year: book.year, copies: book.copies
                )
                if book.year == nil { json = json.with("year", nil) }
                try Bookshelf.create(t, json)
            }
        }
        let answer = try stats(t)
        try requireEqual(
            answer.order.count, statsAuthors.count,
            Words("the number of lines (one per author)", id: "jumlah baris (satu per penulis)"),
            response: answer.response)
        for author in statsAuthors { _ = try line(answer, author) }
    }

    Check(
        Words(
            "\"books\" counts each author's books, and is 0 for an author without books",
            id: "\"books\" menghitung buku setiap penulis, dan bernilai 0 untuk penulis tanpa buku"),
        hint: Words(
            "COUNT(*) counts rows, and a LEFT JOIN gives an author without books one row (full of NULLs). COUNT(books.id) counts only real books.",
            id:
                "COUNT(*) menghitung baris, dan LEFT JOIN memberi penulis tanpa buku satu baris (isinya NULL semua). COUNT(books.id) hanya menghitung buku yang benar-benar ada."
        ),
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            try requireEqual(
                try line(answer, author)["books"]?.int, author.bookCount,
                Words(
                    "\"books\" for \(author.name) (author id \(statsIDs[author.key]))",
                    id: "\"books\" untuk \(author.name) (id penulis \(statsIDs[author.key]))"),
                response: answer.response)
        }
    }

    Check(
        Words(
            "\"copies\" adds up the copies of each author's books, and is 0 (not null) without books",
            id:
                "\"copies\" menjumlahkan eksemplar dari buku-buku setiap penulis, dan bernilai 0 (bukan null) kalau tidak ada buku"
        ),
        hint: Words(
            "SUM(books.copies) adds up the copies, but the SUM of no values is NULL. COALESCE(SUM(books.copies), 0) turns that NULL into 0.",
            id:
                "SUM(books.copies) menjumlahkan eksemplarnya, tapi SUM dari nol nilai hasilnya NULL. COALESCE(SUM(books.copies), 0) mengubah NULL itu menjadi 0."
        ),
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            try requireEqual(
                try line(answer, author)["copies"]?.int, author.copies,
                Words(
                    "\"copies\" for \(author.name) (author id \(statsIDs[author.key]))",
                    id: "\"copies\" untuk \(author.name) (id penulis \(statsIDs[author.key]))"),
                response: answer.response)
        }
    }

    Check(
        Words(
            "\"average_year\" skips books without a year, and is null when no book has a year",
            id:
                "\"average_year\" melewatkan buku tanpa tahun, dan bernilai null kalau tidak ada buku yang punya tahun"
        ),
        hint: Words(
            "AVG(books.year) skips NULL years by itself, and is NULL when there is nothing to average. Do not turn missing years into 0 first.",
            id:
                "AVG(books.year) melewatkan tahun yang NULL dengan sendirinya, dan bernilai NULL kalau tidak ada yang bisa dirata-rata. Jangan ubah tahun yang kosong menjadi 0 dulu."
        ),
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            let value = try line(answer, author)["average_year"]
            let what = Words(
                "\"average_year\" for \(author.name) (author id \(statsIDs[author.key]))",
                id: "\"average_year\" untuk \(author.name) (id penulis \(statsIDs[author.key]))")
            let (shown, shownID) = (value?.description ?? "nothing", value?.description ?? "tidak ada")
            if let expected = author.averageYear {
                let got = value?.double
                try require(
                    got.map { abs($0 - expected) < 0.051 } ?? false,
                    Words(
                        "expected \(what.en) to be \(expected), got \(shown)",
                        id: "\(what[.id]) seharusnya \(expected), tapi isinya \(shownID)"),
                    response: answer.response)
            } else {
                try require(
                    value == nil || value == .null,
                    Words(
                        "expected \(what.en) to be null (none of their books has a year), got \(shown)",
                        id:
                            "\(what[.id]) seharusnya null (tidak ada bukunya yang punya tahun), tapi isinya \(shownID)"
                    ),
                    response: answer.response)
            }
        }
    }

    Check(
        Words(
            "the lines are ordered by books (most first), then by name, then by author id",
            id: "baris-barisnya diurutkan berdasarkan books (terbanyak dulu), lalu nama, lalu id penulis"),
        hint: Words(
            "ORDER BY book_count DESC, authors.name, authors.id: the name decides between authors with as many books, and the id between two authors with the same name.",
            id:
                "ORDER BY book_count DESC, authors.name, authors.id: nama menentukan urutan penulis yang jumlah bukunya sama, dan id menentukan urutan dua penulis yang namanya sama."
        ),
        needs: "\"books\" counts each author's books, and is 0 for an author without books"
    ) { t in
        let answer = try stats(t)
        let expected = expectedOrder.map { statsIDs[$0] }
        try require(
            answer.order == expected,
            Words(
                "expected the author ids in the order \(Bookshelf.list(expected)), got \(Bookshelf.list(answer.order))",
                id:
                    "seharusnya urutan id penulisnya \(Bookshelf.list(expected)), tapi yang datang \(Bookshelf.list(answer.order))"
            ),
            response: answer.response)
    }

    Check(
        Words(
            "?min_books=2 keeps only authors with at least 2 books (HAVING with a bound parameter)",
            id:
                "?min_books=2 hanya menyisakan penulis yang punya paling sedikit 2 buku (HAVING dengan parameter terikat)"
        ),
        hint: Words(
            "Groups are filtered after counting with HAVING, not WHERE: HAVING COUNT(books.id) >= ?, with minBooks as the value of the ?. Count books.id there too: COUNT(*) counts the empty row of an author without books as 1.",
            id:
                "Kelompok disaring setelah penghitungan dengan HAVING, bukan WHERE: HAVING COUNT(books.id) >= ?, dengan minBooks sebagai nilai untuk ?. Di situ juga hitung books.id: COUNT(*) menghitung baris kosong milik penulis tanpa buku sebagai 1."
        ),
        needs: "\"books\" counts each author's books, and is 0 for an author without books"
    ) { t in
        for (minimum, keys) in [
            (1, ["hirata", "ayu", "eka", "pram", "sapardi1", "sapardi2"]),
            (2, ["hirata", "ayu", "eka", "pram"]),
            (3, ["hirata"]), (4, []),
        ] {
            let answer = try stats(t, "/stats/authors?min_books=\(minimum)")
            let expected = keys.map { statsIDs[$0] }
            try require(
                answer.order == expected,
                Words(
                    "expected the author ids \(Bookshelf.list(expected)) for min_books=\(minimum), got \(Bookshelf.list(answer.order))",
                    id:
                        "seharusnya id penulisnya \(Bookshelf.list(expected)) untuk min_books=\(minimum), tapi yang datang \(Bookshelf.list(answer.order))"
                ),
                response: answer.response)
        }
    }

    Check(
        Words(
            "the numbers follow the data: a new book changes its author's line",
            id: "angkanya mengikuti datanya: buku baru mengubah baris penulisnya"),
        needs: "\"books\" counts each author's books, and is 0 for an author without books",
        "\"copies\" adds up the copies of each author's books, and is 0 (not null) without books"
    ) { t in
        try Bookshelf.create(
            t, relatedBook(699, title: "Supernova", author: statsIDs["dee"], year: 2001, copies: 2))
        let answer = try stats(t, "/stats/authors?min_books=1")
        let dee = try requireValue(
            answer.lines[statsIDs["dee"]],
            Words(
                "expected Dee Lestari in the statistics after her first book was added",
                id: "seharusnya Dee Lestari muncul di statistik setelah buku pertamanya ditambahkan"))
        try requireEqual(
            dee["books"]?.int, 1,
            Words(
                "\"books\" for Dee Lestari after her first book",
                id: "\"books\" untuk Dee Lestari setelah buku pertamanya"),
            response: answer.response)
        try requireEqual(
            dee["copies"]?.int, 2,
            Words(
                "\"copies\" for Dee Lestari after her first book",
                id: "\"copies\" untuk Dee Lestari setelah buku pertamanya"),
            response: answer.response)
    }
}
