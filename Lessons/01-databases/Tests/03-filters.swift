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
            ? "the right books in the wrong order: \(Bookshelf.list(got))" : describeIDs(got)
        let order = wanted.count > 1 ? ", in this order" : ""
        throw response.failure("expected \(what): \(describeIDs(wanted))\(order); got \(detail)", hint: hint)
    }
}

/// "no books", "the book with id 8", "books with ids 1, 2, 3".
private func describeIDs(_ ids: [Int]) -> String {
    switch ids.count {
    case 0: "no books"
    case 1: "the book with id \(ids[0])"
    default: "books with ids \(Bookshelf.list(ids))"
    }
}

private let filterHint: Words =
    "Each filter that was given adds one condition with a ? to the WHERE clause, and its value to the list of values. Join the conditions with AND."

private let boundHint: Words =
    "Doubling the quotes by hand (' becomes '') still builds SQL from values. Each filter adds a condition with a ? to the SQL and its value to the list of values: conditions.append(\"author = ?\"); values.append(author)."

/// The check that creates the shelf every other check filters.
private let listsTheShelf = "GET /books without filters lists every book by id"

let filters = ExerciseTests("db03-filters") {
    Check(listsTheShelf) { t in
        for book in shelf {
            var json = Bookshelf.book(book.n, title: book.title, author: book.author, year: book.year)
            if book.year == nil { json = json.with("year", nil) }
            shelfIDs[book.n] = try requireValue(
                try Bookshelf.create(t, json)["id"]?.int, "expected the new book to have an id")
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
        try expectBooks(t, [], shelf.map(\.n), what: "every book, by id")
    }

    Check(
        "?author= lists only that author's books, also an author with a quote in the name", hint: filterHint,
        needs: listsTheShelf
    ) { t in
        try expectBooks(
            t, [("author", "Andrea Hirata")], [301, 302, 303, 310], what: "the books by Andrea Hirata")
        try expectBooks(t, [("author", "Tim O'Reilly")], [308, 309], what: "the books by Tim O'Reilly")
        try expectBooks(t, [("author", "Nobody")], [], what: "no books for an author with no books")
    }

    Check(
        "?year_from= and ?year_to= include both years, and leave out books without a year",
        hint:
            "year_from is year >= ?, year_to is year <= ?. A comparison with NULL is never true, so books without a year drop out by themselves.",
        needs: listsTheShelf
    ) { t in
        try expectBooks(
            t, [("year_from", "2005")], [301, 302, 303, 308, 309], what: "the books from 2005 or later")
        try expectBooks(t, [("year_to", "1980")], [306, 307], what: "the books from 1980 or earlier")
    }

    Check(
        "?q= finds the text anywhere in the title, in any case",
        hint:
            "title LIKE ? with the value \"%\" + text + \"%\" finds the text anywhere; LIKE ignores the case of A–Z.",
        needs: listsTheShelf
    ) { t in
        try expectBooks(t, [("q", "pelangi")], [301, 310], what: "the books with \"pelangi\" in the title")
        try expectBooks(t, [("q", "MANUSIA")], [306], what: "the books with \"MANUSIA\" in the title")
    }

    Check(
        "filters combine: ?author=Andrea Hirata&year_from=2006 lists the books that match both",
        hint: filterHint,
        needs: "?author= lists only that author's books, also an author with a quote in the name",
        "?year_from= and ?year_to= include both years, and leave out books without a year"
    ) { t in
        try expectBooks(
            t, [("author", "Andrea Hirata"), ("year_from", "2006")], [302, 303],
            what: "the books by Andrea Hirata from 2006 or later")
        try expectBooks(
            t, [("year_from", "2004"), ("year_to", "2006")], [301, 302, 305],
            what: "the books from 2004 to 2006")
        try expectBooks(
            t, [("author", "Eka Kurniawan"), ("year_to", "2003"), ("q", "luka")], [304],
            what: "the books by Eka Kurniawan up to 2003 with \"luka\" in the title")
    }

    Check(
        "?q=% and ?q=_ find only titles that contain that character",
        hint:
            "In LIKE, % means \"any text\" and _ means \"any one character\", so \"%\" + \"%\" + \"%\" matches every title. Put a \\ before each % and _ (and \\) in the text, and add ESCAPE '\\' after the LIKE pattern.",
        needs: "?q= finds the text anywhere in the title, in any case"
    ) { t in
        try expectBooks(t, [("q", "%")], [308], what: "only the book with % in its title")
        try expectBooks(t, [("q", "_")], [309], what: "only the book with _ in its title")
        // A title with a backslash, for this check only: the escape character must be escaped too.
        let windows = try Bookshelf.create(t, Bookshelf.book(311, title: "C:\\Users\\Budi", year: 2020))
        shelfIDs[311] = windows["id"]?.int ?? -1
        try expectBooks(
            t, [("q", "\\")], [311], what: "only the book with \\ in its title",
            hint:
                "The escape character itself must be escaped too: put a \\ before each \\ in the text as well, or a \\ at the end of the text swallows the last %."
        )
        try t.prepareDatabase { db in
            try db.execute("DELETE FROM books WHERE isbn = ?", Bookshelf.isbn(311))
        }
    }

    Check(
        "a filter value with SQL in it finds nothing and changes nothing",
        hint: "Values from the query string must travel as ? parameters, like in the previous exercise.",
        needs: "?author= lists only that author's books, also an author with a quote in the name",
        "?q= finds the text anywhere in the title, in any case"
    ) { t in
        try expectBooks(t, [("author", "x' OR '1'='1")], [], what: "no books for the author x' OR '1'='1")
        try expectBooks(t, [("q", "' OR 1=1 --")], [], what: "no books for the text ' OR 1=1 --")
        try requireEqual(
            try Bookshelf.count(t, "books"), shelf.count, "the number of rows in the books table")
    }

    Check(
        "the filter values reach the SQL as ? parameters, never as text in the SQL",
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
        "?sort=year&order=desc lists the newest books first; books from the same year by id",
        hint:
            "End the ORDER BY with id: ORDER BY year DESC, id. Without it, SQLite may return books from the same year in any order.",
        needs: listsTheShelf
    ) { t in
        try expectBooks(
            t, [("sort", "year"), ("order", "desc")], [308, 309, 303, 302, 301, 305, 304, 306, 307, 310],
            what: "the books by year, newest first, books from the same year by id, no year last")
        try expectBooks(
            t, [("sort", "year")], [310, 306, 307, 304, 305, 301, 302, 303, 308, 309],
            what: "the books by year, oldest first (no year first), books from the same year by id")
    }

    Check(
        "?sort=title lists books by title; two books with the same title come by id",
        hint: "End the ORDER BY with id: ORDER BY title, id (and ORDER BY title DESC, id for order=desc).",
        needs: listsTheShelf
    ) { t in
        try expectBooks(
            t, [("sort", "title")], [307, 306, 304, 303, 301, 310, 305, 308, 302, 309],
            what:
                "the books by title (SQLite compares bytes, so capital letters come first), the same title by id"
        )
        try expectBooks(
            t, [("sort", "title"), ("order", "desc")], [309, 302, 308, 305, 301, 310, 303, 304, 306, 307],
            what: "the books by title, Z to A, the same title by id")
        try expectBooks(
            t, [("sort", "id"), ("order", "desc")], shelf.map(\.n).reversed(),
            what: "the books by id, highest first")
    }

    Check(
        "?sort= with anything but id, title or year answers 400 naming the allowed values, and the table survives",
        hint:
            "A column name cannot be a ? parameter, so it ends up in the SQL text. Never paste the client's text there: compare it with your list of allowed columns and throw HTTPError.badRequest(\"sort must be one of id, title, year…\") when it is not in the list.",
        needs: listsTheShelf
    ) { t in
        for sort in ["year;DROP TABLE books", "(SELECT title FROM books LIMIT 1)", "author", "copies"] {
            let response = try t.http.get(Bookshelf.target("/books", [("sort", sort)]))
            let problem = try response.expectProblem(status: 400)
            let detail = problem["detail"]?.string ?? ""
            let missing = ["id", "title", "year"].filter { !detail.contains($0) }
            try require(
                missing.isEmpty,
                "expected the problem's detail to list the allowed sort values id, title and year, got \"\(detail)\"",
                response: response)
        }
        try require(
            try t.database().tableNames().contains("books"), "the books table is gone from the database file")
        try requireEqual(
            try Bookshelf.count(t, "books"), shelf.count, "the number of rows in the books table")
    }

    Check(
        "?order= with anything but asc or desc answers 400 naming asc and desc",
        hint: "Check order against its own list (asc, desc) the same way as sort.",
        needs:
            "?sort= with anything but id, title or year answers 400 naming the allowed values, and the table survives"
    ) { t in
        for order in ["sideways", "desc; DROP TABLE books", "DESC NULLS FIRST"] {
            let response = try t.http.get(Bookshelf.target("/books", [("sort", "year"), ("order", order)]))
            let problem = try response.expectProblem(status: 400)
            let detail = problem["detail"]?.string ?? ""
            try require(
                detail.contains("asc") && detail.contains("desc"),
                "expected the problem's detail to list the allowed values asc and desc, got \"\(detail)\"",
                response: response)
        }
    }
}
