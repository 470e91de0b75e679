import BackendKit
import Foundation
import GraderKit

/// The second in which the lunch rush placed many orders: they share their created_at.
private let rush = "2026-12-01T12:00:07Z"

/// Orders with these ids and times (their totals do not matter here).
private func seedOrders(_ t: TestContext, _ orders: [(id: Int, createdAt: String)]) throws {
    try Warung.seed(t, orders.map { Warung.SeededOrder(id: $0.id, at: $0.createdAt, total: $0.id * 1000) })
}

/// The ids of one page and its `next` cursor.
private func page(_ t: TestContext, limit: Int, after: String?) throws -> (
    ids: [Int], next: String?, ClientResponse
) {
    var target = "/orders?limit=\(limit)"
    if let after {
        target += "&after=\(after.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? after)"
    }
    let response = try t.http.get(target).expectStatus(200)
    let body = try response.json()
    let orders = try requireValue(
        body["orders"]?.array,
        Words(
            "the page's orders, as {\"orders\": […], \"next\": …}",
            id: "pesanan di halaman itu, seperti {\"orders\": […], \"next\": …}"),
        response: response)
    try require(
        orders.count <= limit,
        Words(
            "GET \(target) answered \(orders.count) orders, more than the limit of \(limit)",
            id: "GET \(target) menjawab \(orders.count) pesanan, lebih banyak dari batas \(limit)"),
        response: response)
    return (orders.compactMap { $0["id"]?.int }, body["next"]?.string, response)
}

private let lists = Words(
    "GET /orders lists orders oldest first, at most limit a page, with a next cursor until the last page; a limit outside 1 to 100 answers 422",
    id:
        "GET /orders menampilkan pesanan dari yang paling lama, paling banyak limit per halaman, dengan cursor next sampai halaman terakhir; limit di luar 1 sampai 100 menjawab 422"
)

let pagination = ExerciseTests("debug04-pagination") {
    Check(
        lists,
        hint: Words(
            "The export needs the list: fix how a page ends and the next begins, not whether there are pages.",
            id:
                "Ekspornya butuh daftar itu: perbaiki cara sebuah halaman berakhir dan halaman berikutnya dimulai, bukan ada-tidaknya halaman."
        )
    ) { t in
        try seedOrders(
            t, [(1, "2026-12-01T08:00:00Z"), (2, "2026-12-01T08:05:00Z"), (3, "2026-12-01T08:10:00Z")])
        let first = try page(t, limit: 2, after: nil)
        try requireEqual(
            first.ids, [1, 2], Words("the ids of the first page of 2", id: "id di halaman pertama berisi 2"),
            response: first.2)
        let cursor = try requireValue(
            first.next,
            Words(
                "a next cursor on the first of two pages",
                id: "cursor next di halaman pertama dari dua halaman"),
            response: first.2)
        // Every page after it, until the last says there is no next one.
        var seen = first.ids
        var next: String? = cursor
        for _ in 1...3 {
            guard let after = next else { break }
            let more = try page(t, limit: 2, after: after)
            seen += more.ids
            next = more.next
        }
        try require(
            next == nil && seen.contains(3),
            Words(
                "following next from the first page of 2 never reached a last page (next: null) with order 3 on it",
                id:
                    "mengikuti next dari halaman pertama berisi 2 tidak pernah sampai ke halaman terakhir (next: null) yang berisi pesanan 3"
            ))
        for limit in [0, 101] {
            _ = try t.http.get("/orders?limit=\(limit)").expectProblem(status: 422)
        }
    }.asGuard()

    Check(
        Words(
            "paging 10 at a time lists every order exactly once, in the order of one big page: 25 placed in the same second, and 5 imported with older times but newer ids",
            id:
                "menelusuri 10 per halaman menampilkan setiap pesanan tepat sekali, dengan urutan yang sama dengan satu halaman besar: 25 yang dibuat di detik yang sama, dan 5 hasil impor dengan waktu lebih lama tapi id lebih baru"
        ),
        hint: Words(
            "Page through it yourself with limit=10 and write down the ids. Which orders are missing, or there twice, and what do they have in common with the last order of the page before? Is created_at enough to say where a page ended?",
            id:
                "Telusuri sendiri dengan limit=10 dan catat id-nya. Pesanan mana yang hilang, atau muncul dua kali, dan apa kesamaannya dengan pesanan terakhir di halaman sebelumnya? Apakah created_at cukup untuk menyebut di mana sebuah halaman berakhir?"
        ),
        needs: lists.en
    ) { t in
        var orders: [(id: Int, createdAt: String)] = (10...34).map { ($0, rush) }
        // Imported from the old till after the rush: newer ids, older times.
        orders += (35...39).map { ($0, "2026-12-01T09:0\($0 - 35):00Z") }
        try seedOrders(t, orders)
        let whole = try page(t, limit: 100, after: nil).ids
        var paged: [Int] = []
        var cursor: String?
        for pageNumber in 1... {
            let next = try page(t, limit: 10, after: cursor)
            let twice = next.ids.filter(paged.contains)
            try require(
                twice.isEmpty,
                Words(
                    "page \(pageNumber) of 10 lists orders \(twice) again, which an earlier page listed already",
                    id:
                        "halaman \(pageNumber) berisi 10 menampilkan lagi pesanan \(twice), yang sudah ada di halaman sebelumnya"
                ),
                response: next.2)
            paged += next.ids
            guard let more = next.next, pageNumber < whole.count else { break }
            cursor = more
        }
        let missing = whole.filter { !paged.contains($0) }
        try require(
            missing.isEmpty,
            Words(
                "paging 10 at a time through \(whole.count) orders left out orders \(missing): the export never sees them",
                id:
                    "menelusuri \(whole.count) pesanan 10 per halaman melewatkan pesanan \(missing): ekspornya tidak pernah melihatnya"
            ))
        try require(
            paged == whole,
            Words(
                "paging 10 at a time gave the orders in another order than one page of 100: \(paged) instead of \(whole)",
                id:
                    "menelusuri 10 per halaman memberi urutan pesanan yang berbeda dari satu halaman berisi 100: \(paged), bukan \(whole)"
            ))
    }
}
