import BackendKit
import Foundation
import GraderKit

private let nasiGoreng = 1
private let sateAyam = 2
/// The plates left when the lunch rush orders: fewer than the event loops (8) that read at once.
private let lastFew = 3

/// The stock `GET /products` shows for `product`.
private func stock(_ t: TestContext, of product: Int) throws -> Int { try Warung.stock(t, of: product).0 }

private func orderBody(_ lines: [(product: Int, quantity: Int)]) -> JSONValue {
    [
        "customer": "Makan siang",
        "items": .array(
            lines.map {
                ["product_id": .number(Double($0.product)), "quantity": .number(Double($0.quantity))]
            }),
    ]
}

/// Sets a product's stock in the database, then starts the server with 8 event loops, so orders
/// sent at the same moment are handled at the same moment.
private func restock(_ t: TestContext, _ product: Int, to count: Int) throws {
    _ = try t.http.get("/health")
    try t.prepareDatabase { db in try db.execute("UPDATE products SET stock = ? WHERE id = ?", count, product)
    }
    try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
}

private let takes = Words(
    "an order takes its stock; one for more than there is answers 409 and takes nothing, also when its other line fits",
    id:
        "pesanan mengambil stoknya; pesanan yang melebihi stok menjawab 409 dan tidak mengambil apa pun, juga saat baris lainnya cukup"
)
private let lastTen = Words(
    "20 orders of 1 Sate ayam at the same moment with 3 left: exactly 3 are placed, the others answer 409, and none is left",
    id:
        "20 pesanan 1 Sate ayam pada saat yang sama dengan sisa 3: tepat 3 yang dibuat, sisanya menjawab 409, dan tidak ada yang tersisa"
)

let lostUpdate = ExerciseTests("debug07-lost-update") {
    Check(
        takes,
        hint: Words(
            "Orders must still take stock, and a refused order must take none: fix how concurrent orders share the stock, not whether an order takes it.",
            id:
                "Pesanan harus tetap mengambil stok, dan pesanan yang ditolak tidak boleh mengambil apa pun: perbaiki cara pesanan-pesanan bersamaan berbagi stok, bukan apakah pesanan mengambilnya."
        )
    ) { t in
        let before = try stock(t, of: nasiGoreng)
        try t.http.post("/orders", json: orderBody([(nasiGoreng, 1)])).expectStatus(201)
        try requireEqual(
            try stock(t, of: nasiGoreng), before - 1,
            Words("the stock of Nasi goreng after an order of 1", id: "stok Nasi goreng setelah pesanan 1"))
        let refused = try t.http.post("/orders", json: orderBody([(nasiGoreng, 1), (sateAyam, 99)]))
        _ = try refused.expectProblem(status: 409)
        try requireEqual(
            try stock(t, of: nasiGoreng), before - 1,
            Words(
                "the stock of Nasi goreng after a refused order of 1 Nasi goreng and 99 Sate ayam (it must not change)",
                id:
                    "stok Nasi goreng setelah pesanan 1 Nasi goreng dan 99 Sate ayam ditolak (tidak boleh berubah)"
            ),
            response: refused)
    }.asGuard()

    Check(
        lastTen,
        hint: Words(
            "Read, check and write the stock in one transaction: two orders that read the stock before either has written it both see 3 left. Where does placeOrder read the stock, and where does it write it?",
            id:
                "Baca, periksa, dan tulis stoknya dalam satu transaction: dua pesanan yang membaca stok sebelum salah satunya menulis sama-sama melihat sisa 3. Di mana placeOrder membaca stoknya, dan di mana ia menulisnya?"
        ),
        needs: takes.en,
        timeout: .seconds(30)
    ) { t in
        // Fewer than the server's 8 event loops: the first order on each loop reads the stock while
        // the lock is held, so more orders read "3 left" than there are, every time.
        try restock(t, sateAyam, to: lastFew)
        // The grader holds the write lock while all 20 arrive: each has read the stock, or waits to,
        // before any can write it.
        let results = try t.concurrently(20, holdingWriteLockFor: .milliseconds(300)) { _ in
            try t.http.post("/orders", json: orderBody([(sateAyam, 1)]))
        }
        var statuses: [Int] = []
        for result in results { statuses.append(try result.get().status) }
        let placed = statuses.filter { $0 == 201 }.count
        let left = try stock(t, of: sateAyam)
        try require(
            placed == lastFew && left == 0 && statuses.allSatisfy { $0 == 201 || $0 == 409 },
            Words(
                "20 orders of 1 at the same moment with \(lastFew) Sate ayam left: \(placed) were placed (statuses \(statuses.sorted())) and the stock now says \(left); expected \(lastFew) placed, 409 for the others, and 0 left",
                id:
                    "20 pesanan 1 pada saat yang sama dengan sisa \(lastFew) Sate ayam: \(placed) dibuat (status \(statuses.sorted())) dan stoknya sekarang \(left); seharusnya \(lastFew) dibuat, 409 untuk sisanya, dan sisa 0"
            ))
    }

    Check(
        Words(
            "12 orders of 1 to 3 Nasi goreng at the same moment: the stock goes down by exactly what they ordered",
            id:
                "12 pesanan 1 sampai 3 Nasi goreng pada saat yang sama: stoknya berkurang tepat sebanyak yang dipesan"
        ),
        hint: Words(
            "Take each line's quantity from the stock in the database (stock = stock - ?), not a number computed from an earlier read, and not one at a time.",
            id:
                "Kurangi stok di database dengan jumlah setiap baris (stock = stock - ?), bukan dengan angka yang dihitung dari pembacaan sebelumnya, dan bukan satu per satu."
        ),
        needs: lastTen.en,
        timeout: .seconds(30)
    ) { t in
        try restock(t, nasiGoreng, to: 500)
        let quantities = (0..<12).map { $0 % 3 + 1 }
        let results = try t.concurrently(12, holdingWriteLockFor: .milliseconds(300)) { index in
            try t.http.post("/orders", json: orderBody([(nasiGoreng, quantities[index])]))
        }
        var ordered = 0
        for (index, result) in results.enumerated() {
            if try result.get().status == 201 { ordered += quantities[index] }
        }
        let left = try stock(t, of: nasiGoreng)
        try require(
            left == 500 - ordered,
            Words(
                "500 Nasi goreng, then orders of \(ordered) in all at the same moment: the stock says \(left), expected \(500 - ordered). Some orders were placed and their stock never taken: a lost update",
                id:
                    "500 Nasi goreng, lalu pesanan sebanyak total \(ordered) pada saat yang sama: stoknya \(left), seharusnya \(500 - ordered). Ada pesanan yang dibuat tapi stoknya tidak pernah diambil: lost update"
            ))
    }
}
