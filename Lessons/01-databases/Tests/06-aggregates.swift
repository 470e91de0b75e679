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

private let serverErrorHint: Words =
    "Read your server's log lines below: they name the SQL error. A common one: \"column copy_count is NULL but Int was requested\". The SUM of no values is NULL; COALESCE(SUM(books.copies), 0) gives 0."

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
        throw response.failure("expected a JSON array, got \(response.text.prefix(120))")
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
            "expected a line for \(author.name) (author id \(statsIDs[author.key])), but there is none",
            hint: author.books.isEmpty
                ? "JOIN keeps only authors that have books; LEFT JOIN keeps every author (the book columns are then NULL)."
                : nil)
    }
    return line
}

let aggregates = ExerciseTests("db06-aggregates") {
    Check(
        "GET /stats/authors has one line per author, also for authors without books",
        hint:
            "FROM authors LEFT JOIN books ON books.author_id = authors.id … GROUP BY authors.id gives one line per author; a plain JOIN leaves out authors without books, and GROUP BY authors.name makes one line of two authors with the same name."
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
            answer.order.count, statsAuthors.count, "the number of lines (one per author)",
            response: answer.response)
        for author in statsAuthors { _ = try line(answer, author) }
    }

    Check(
        "\"books\" counts each author's books, and is 0 for an author without books",
        hint:
            "COUNT(*) counts rows, and a LEFT JOIN gives an author without books one row (full of NULLs). COUNT(books.id) counts only real books.",
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            try requireEqual(
                try line(answer, author)["books"]?.int, author.bookCount,
                "\"books\" for \(author.name) (author id \(statsIDs[author.key]))", response: answer.response)
        }
    }

    Check(
        "\"copies\" adds up the copies of each author's books, and is 0 (not null) without books",
        hint:
            "SUM(books.copies) adds up the copies, but the SUM of no values is NULL. COALESCE(SUM(books.copies), 0) turns that NULL into 0.",
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            try requireEqual(
                try line(answer, author)["copies"]?.int, author.copies,
                "\"copies\" for \(author.name) (author id \(statsIDs[author.key]))", response: answer.response
            )
        }
    }

    Check(
        "\"average_year\" skips books without a year, and is null when no book has a year",
        hint:
            "AVG(books.year) skips NULL years by itself, and is NULL when there is nothing to average. Do not turn missing years into 0 first.",
        needs: "GET /stats/authors has one line per author, also for authors without books"
    ) { t in
        let answer = try stats(t)
        for author in statsAuthors {
            let value = try line(answer, author)["average_year"]
            let what = "\"average_year\" for \(author.name) (author id \(statsIDs[author.key]))"
            if let expected = author.averageYear {
                let got = value?.double
                try require(
                    got.map { abs($0 - expected) < 0.051 } ?? false,
                    "expected \(what) to be \(expected), got \(value?.description ?? "nothing")",
                    response: answer.response)
            } else {
                try require(
                    value == nil || value == .null,
                    "expected \(what) to be null (none of their books has a year), got \(value?.description ?? "nothing")",
                    response: answer.response)
            }
        }
    }

    Check(
        "the lines are ordered by books (most first), then by name, then by author id",
        hint:
            "ORDER BY book_count DESC, authors.name, authors.id: the name decides between authors with as many books, and the id between two authors with the same name.",
        needs: "\"books\" counts each author's books, and is 0 for an author without books"
    ) { t in
        let answer = try stats(t)
        let expected = expectedOrder.map { statsIDs[$0] }
        try require(
            answer.order == expected,
            "expected the author ids in the order \(Bookshelf.list(expected)), got \(Bookshelf.list(answer.order))",
            response: answer.response)
    }

    Check(
        "?min_books=2 keeps only authors with at least 2 books (HAVING with a bound parameter)",
        hint:
            "Groups are filtered after counting with HAVING, not WHERE: HAVING COUNT(books.id) >= ?, with minBooks as the value of the ?. Count books.id there too: COUNT(*) counts the empty row of an author without books as 1.",
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
                "expected the author ids \(Bookshelf.list(expected)) for min_books=\(minimum), got \(Bookshelf.list(answer.order))",
                response: answer.response)
        }
    }

    Check(
        "the numbers follow the data: a new book changes its author's line",
        needs: "\"books\" counts each author's books, and is 0 for an author without books",
        "\"copies\" adds up the copies of each author's books, and is 0 (not null) without books"
    ) { t in
        try Bookshelf.create(
            t, relatedBook(699, title: "Supernova", author: statsIDs["dee"], year: 2001, copies: 2))
        let answer = try stats(t, "/stats/authors?min_books=1")
        let dee = try requireValue(
            answer.lines[statsIDs["dee"]],
            "expected Dee Lestari in the statistics after her first book was added")
        try requireEqual(
            dee["books"]?.int, 1, "\"books\" for Dee Lestari after her first book", response: answer.response)
        try requireEqual(
            dee["copies"]?.int, 2, "\"copies\" for Dee Lestari after her first book",
            response: answer.response)
    }
}
