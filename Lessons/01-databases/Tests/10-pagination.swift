import BackendKit
import Foundation
import GraderKit

/// 45 books with ids 1001 to 1045 (so that books can be added in front of them); every third book is
/// by Tim O'Reilly (author 2), the others by Andrea Hirata (author 1).
private func seedShelf(_ db: Database) throws {
    try db.transaction { tx in
        try tx.execute("INSERT INTO authors (id, name) VALUES (1, 'Andrea Hirata'), (2, 'Tim O''Reilly')")
        try tx.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1001 UNION ALL SELECT i + 1 FROM n WHERE i < 1045)
            INSERT INTO books (id, title, author_id, isbn, year, copies)
            SELECT i, 'Book ' || i, CASE WHEN i % 3 = 0 THEN 2 ELSE 1 END, 'page-' || i, 2000 + i % 20, 1 FROM n
            """)
    }
}

/// One page: the ids of its books and its next link (nil for JSON null).
private func page(_ t: TestContext, _ target: String) throws -> (
    ids: [Int], next: String?, response: ClientResponse
) {
    let response = try t.http.get(target).expectStatus(200)
    let json = try response.json()
    guard let items = json["items"]?.array else {
        throw response.failure(
            Words(
                "expected a JSON object with an \"items\" array, got \(response.text.prefix(120))",
                id:
                    "seharusnya sebuah objek JSON dengan array \"items\", tapi yang datang \(response.text.prefix(120))"
            ))
    }
    let next = json["next"]
    guard next == .null || next?.string != nil else {
        throw response.failure(
            Words(
                "expected \"next\" to be a link (text) or null, got \(next?.description ?? "nothing")",
                id:
                    "seharusnya \"next\" berisi link (teks) atau null, tapi isinya \(next?.description ?? "tidak ada")"
            ))
    }
    if let link = next?.string, !link.hasPrefix("/books?") {
        throw response.failure(
            Words(
                "expected \"next\" to be a link such as /books?after=1020&limit=20, got \"\(link)\"",
                id:
                    "seharusnya \"next\" berisi link seperti /books?after=1020&limit=20, tapi isinya \"\(link)\""
            ))
    }
    return (items.map { $0["id"]?.int ?? -1 }, next?.string, response)
}

/// The ids of every book in the database file, in order.
private func storedIDs(_ t: TestContext) throws -> [Int] {
    try t.database().query("SELECT id FROM books ORDER BY id").map { try $0.int("id") }
}

/// Follows next links from `target` to the last page; `between` runs after the first page.
private func walk(_ t: TestContext, from target: String, between: ([Int]) throws -> Void = { _ in }) throws
    -> [Int]
{
    var seen: [Int] = []
    var next: String? = target
    var pages = 0
    while let link = next {
        let current = try page(t, link)
        seen += current.ids
        next = current.next
        pages += 1
        if pages == 1 { try between(current.ids) }
        try require(
            pages <= 60,
            Words(
                "followed 60 next links without reaching a page whose next is null",
                id: "sudah mengikuti 60 link next tanpa sampai ke halaman yang next-nya null"),
            response: current.response)
    }
    return seen
}

/// Requires `seen` to hold no id twice.
private func requireNoRepeats(_ seen: [Int], hint: Words) throws {
    var counts: [Int: Int] = [:]
    for id in seen { counts[id, default: 0] += 1 }
    let repeated = counts.filter { $0.value > 1 }.keys.sorted()
    try require(
        repeated.isEmpty,
        Words(
            "following the next links showed these books twice: \(Bookshelf.list(repeated))",
            id: "dengan mengikuti link next, buku-buku ini muncul dua kali: \(Bookshelf.list(repeated))"),
        hint: hint, response: nil)
}

private let keysetHint = Words(
    "With OFFSET, \"page 2\" means \"skip 10 rows\". When rows are added or deleted before that point, the rows shift: some come twice, some never. Remember the last id instead: WHERE books.id > ? ORDER BY books.id LIMIT ?, with the id of the last book of the previous page.",
    id:
        "Dengan OFFSET, \"halaman 2\" berarti \"lewati 10 baris\". Kalau ada baris yang ditambahkan atau dihapus sebelum titik itu, baris-barisnya bergeser: ada yang muncul dua kali, ada yang tidak pernah muncul. Ingat id terakhirnya saja: WHERE books.id > ? ORDER BY books.id LIMIT ?, dengan id buku terakhir dari halaman sebelumnya."
)
private let lastPageHint = Words(
    "Ask for limit + 1 rows. When you get the extra row, another page follows (drop the extra row from the answer); when you do not, this is the last page and nextAfter is nil.",
    id:
        "Minta limit + 1 baris. Kalau baris tambahan itu datang, masih ada halaman berikutnya (buang baris tambahan itu dari jawaban); kalau tidak datang, ini halaman terakhir dan nextAfter bernilai nil."
)

private let boundHint = Words(
    "Add after and limit + 1 to the values and write ? for them: WHERE books.id > ? … LIMIT ?. A number pasted into SQL is still SQL built from a client's text.",
    id:
        "Tambahkan after dan limit + 1 ke daftar nilai dan tulis ? untuk keduanya: WHERE books.id > ? … LIMIT ?. Angka yang ditempel ke SQL tetap saja SQL yang disusun dari teks client."
)

let pagination = ExerciseTests("db10-pagination") {
    Check(
        Words(
            "GET /books answers the first 20 books by id, and a next link that continues after the last one",
            id:
                "GET /books menjawab 20 buku pertama berdasarkan id, dan link next yang melanjutkan setelah buku terakhir"
        ),
        hint: Words(
            "nextAfter is the id of the last book on the page (not a count of rows): the next page starts after that id.",
            id:
                "nextAfter adalah id buku terakhir di halaman itu (bukan jumlah baris): halaman berikutnya dimulai setelah id itu."
        )
    ) { t in
        _ = try t.http.get("/books/1")
        try t.prepareDatabase(seedShelf)
        let first = try page(t, "/books")
        try requireEqual(
            first.ids, Array(1001...1020), Words("the ids on the first page", id: "id di halaman pertama"),
            response: first.response)
        try requireEqual(
            first.next, "/books?after=1020&limit=20",
            Words("the next link of the first page", id: "link next dari halaman pertama"),
            response: first.response)
    }

    Check(
        Words(
            "GET /books?after=1010&limit=5 answers the 5 books with the next ids after 1010",
            id: "GET /books?after=1010&limit=5 menjawab 5 buku dengan id berikutnya setelah 1010"),
        hint: keysetHint,
        needs:
            "GET /books answers the first 20 books by id, and a next link that continues after the last one"
    ) { t in
        let answer = try page(t, "/books?after=1010&limit=5")
        try requireEqual(
            answer.ids, Array(1011...1015), Words("the ids after 1010", id: "id setelah 1010"),
            response: answer.response)
        try requireEqual(
            answer.next, "/books?after=1015&limit=5", Words("the next link", id: "link next-nya"),
            response: answer.response)
    }

    Check(
        Words(
            "following next to the end shows every book once, and the last page's next is null",
            id:
                "mengikuti next sampai habis menampilkan setiap buku sekali, dan next di halaman terakhir bernilai null"
        ),
        hint: lastPageHint,
        needs:
            "GET /books answers the first 20 books by id, and a next link that continues after the last one"
    ) { t in
        var seen: [Int] = []
        var next: String? = "/books?limit=15"
        var pages: [(ids: [Int], next: String?, response: ClientResponse)] = []
        while let link = next, pages.count < 10 {
            let current = try page(t, link)
            pages.append(current)
            seen += current.ids
            next = current.next
        }
        try requireEqual(
            seen, Array(1001...1045),
            Words("the ids of all pages together", id: "id dari semua halaman digabung"),
            response: pages.last?.response)
        try requireEqual(
            pages.count, 3,
            Words(
                "the number of pages of 15 for 45 books (the third page is full, and it is the last: its next must be null, not a link to an empty page)",
                id:
                    "jumlah halaman berisi 15 untuk 45 buku (halaman ketiga penuh, dan itulah yang terakhir: next-nya harus null, bukan link ke halaman kosong)"
            ),
            hint: lastPageHint, response: pages.last?.response)
    }

    Check(
        Words(
            "filters stay in the next link: ?author= pages through that author's books only",
            id: "filter tetap ada di link next: ?author= hanya menelusuri halaman buku-buku penulis itu"),
        needs: "following next to the end shows every book once, and the last page's next is null"
    ) { t in
        let seen = try walk(
            t, from: Bookshelf.target("/books", [("author", "Tim O'Reilly"), ("limit", "4")]))
        let expected = Array(1001...1045).filter { $0 % 3 == 0 }
        try requireEqual(
            seen, expected,
            Words(
                "the ids of Tim O'Reilly's books over all pages",
                id: "id buku-buku Tim O'Reilly di semua halaman"))
    }

    Check(
        Words(
            "limit must be from 1 to 100 and after 0 or more; anything else answers 400",
            id: "limit harus dari 1 sampai 100 dan after 0 atau lebih; selain itu dijawab 400")
    ) { t in
        for target in [
            "/books?limit=0", "/books?limit=101", "/books?limit=ten", "/books?after=-5", "/books?sort=title",
        ] {
            try t.http.get(target).expectProblem(status: 400)
        }
        let most = try page(t, "/books?limit=100")
        try requireEqual(
            most.ids.count, 45,
            Words("the number of books with limit=100", id: "jumlah buku dengan limit=100"),
            response: most.response)
    }

    Check(
        Words(
            "books added in front and at the end between two pages: none repeated, none skipped",
            id:
                "buku ditambahkan di depan dan di akhir di antara dua halaman: tidak ada yang muncul dua kali, tidak ada yang terlewat"
        ),
        hint: keysetHint,
        needs: "following next to the end shows every book once, and the last page's next is null"
    ) { t in
        let before = try storedIDs(t)
        var added: [Int] = []
        let seen = try walk(t, from: "/books?limit=10") { _ in
            try t.prepareDatabase { db in
                for id in [10, 11, 12] {
                    try db.execute(
                        "INSERT INTO books (id, title, author_id, isbn) VALUES (?, 'Front', 1, ?)", id,
                        "front-\(id)")
                }
            }
            for n in 1...2 {
                added.append(
                    try Bookshelf.create(t, relatedBook(1100 + n, title: "New at the end", author: 1))["id"]?
                        .int ?? -1)
            }
        }
        try requireNoRepeats(seen, hint: keysetHint)
        let missing = (before + added).filter { !seen.contains($0) }
        try require(
            missing.isEmpty,
            Words(
                "following the next links never showed these books: \(Bookshelf.list(missing))",
                id:
                    "dengan mengikuti link next, buku-buku ini tidak pernah muncul: \(Bookshelf.list(missing))"
            ),
            hint: keysetHint, response: nil)
    }

    Check(
        Words(
            "books deleted from the first page while paging: no other book is skipped",
            id: "buku dihapus dari halaman pertama saat paging: tidak ada buku lain yang terlewat"),
        hint: keysetHint,
        needs: "following next to the end shows every book once, and the last page's next is null"
    ) { t in
        let before = try storedIDs(t)
        var deleted: [Int] = []
        let seen = try walk(t, from: "/books?limit=10") { firstPage in
            for id in firstPage.prefix(3) {
                try t.http.delete("/books/\(id)").expectStatus(204)
                deleted.append(id)
            }
        }
        try requireNoRepeats(seen, hint: keysetHint)
        let missing = before.filter { !deleted.contains($0) && !seen.contains($0) }
        try require(
            missing.isEmpty,
            Words(
                "after 3 books of the first page were deleted, following the next links never showed these books: \(Bookshelf.list(missing))",
                id:
                    "setelah 3 buku di halaman pertama dihapus, dengan mengikuti link next, buku-buku ini tidak pernah muncul: \(Bookshelf.list(missing))"
            ),
            hint: keysetHint, response: nil)
    }

    Check(
        Words(
            "after and limit reach the SQL as ? parameters",
            id: "after dan limit sampai ke SQL sebagai parameter ?"),
        hint: boundHint,
        needs: "GET /books?after=1010&limit=5 answers the 5 books with the next ids after 1010"
    ) { t in
        try t.enableStatementLog()
        let response = try t.http.get("/books?after=1017&limit=7").expectStatus(200)
        try Bookshelf.requireBoundValues(
            t, response, Bookshelf.pasted(1017) + ["LIMIT 7", "LIMIT 8", "LIMIT '"],
            hint: boundHint)
    }
}
