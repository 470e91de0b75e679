import BackendKit
import Foundation
import GraderKit

/// The orders of a shop after a good year.
private let seeded = 50_000
/// Different customers among them: a customer has about 100 orders.
private let customers = 500

/// Writes `seeded` orders of `customers` customers into `database` in one statement.
private func seedYear(into database: Database) throws {
    try database.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO orders (customer, note, total, created_at)
        SELECT 'Langganan' || (i % ?), NULL, 1000 + i % 97 * 500,
            strftime('%Y-%m-%dT%H:%M:%SZ', '2025-12-01', '+' || (i * 600) || ' seconds') FROM n
        """, seeded, customers)
}

private func history(_ t: TestContext, _ name: String) throws -> ([JSONValue], ClientResponse) {
    let response = try t.http.get("/customers/\(name)/orders").expectStatus(200)
    let orders = try requireValue(
        try response.json()["orders"]?.array,
        Words(
            "the customer's orders, as {\"orders\": […]}",
            id: "pesanan pelanggan itu, seperti {\"orders\": […]}"),
        response: response)
    return (orders, response)
}

private let lists = Words(
    "GET /customers/:name/orders lists a customer's 20 latest orders, newest first, whatever the case of the name, and a new order at once",
    id:
        "GET /customers/:name/orders menampilkan 20 pesanan terbaru seorang pelanggan, dari yang terbaru, apa pun huruf besar-kecil namanya, dan pesanan baru langsung muncul"
)
private let indexed = Words(
    "the history's query finds a customer's orders with an index: EXPLAIN QUERY PLAN of the SQL it ran has no SCAN",
    id:
        "query riwayat itu menemukan pesanan seorang pelanggan dengan index: EXPLAIN QUERY PLAN dari SQL yang dijalankannya tidak berisi SCAN"
)

let slowEndpoint = ExerciseTests("debug09-slow-endpoint") {
    Check(
        lists,
        hint: Words(
            "The history must stay right and fresh: make the query fast, do not remember its answers.",
            id: "Riwayatnya harus tetap benar dan terbaru: buat query-nya cepat, jangan mengingat jawabannya."
        )
    ) { t in
        for _ in 1...3 { try t.http.post("/orders", json: Warung.order(customer: "Ayu")).expectStatus(201) }
        let (first, response) = try history(t, "ayu")
        try requireEqual(
            first.count, 3, Words("the orders of Ayu, asked as ayu", id: "pesanan Ayu, ditanya sebagai ayu"),
            response: response)
        let ids = first.compactMap { $0["id"]?.int }
        try require(
            ids == ids.sorted(by: >),
            Words(
                "the history is not newest first: \(ids)",
                id: "riwayatnya tidak dimulai dari yang terbaru: \(ids)"),
            response: response)
        try t.http.post("/orders", json: Warung.order(customer: "AYU")).expectStatus(201)
        let (again, later) = try history(t, "Ayu")
        try requireEqual(
            again.count, 4,
            Words(
                "the orders of Ayu right after a fourth one was placed",
                id: "pesanan Ayu tepat setelah pesanan keempat dibuat"),
            response: later)
    }.asGuard()

    Check(
        indexed,
        hint: Words(
            "Run the SQL the history runs with EXPLAIN QUERY PLAN in front of it (sqlite3 on the database). SCAN orders means every order is read to find one customer's. Which index would let SQLite go straight to lower(customer) = ?, already sorted by time?",
            id:
                "Jalankan SQL milik riwayat itu dengan EXPLAIN QUERY PLAN di depannya (sqlite3 pada database-nya). SCAN orders artinya setiap pesanan dibaca untuk menemukan pesanan satu pelanggan. Index apa yang membuat SQLite langsung menuju lower(customer) = ?, yang sudah terurut menurut waktu?"
        ),
        needs: lists.en
    ) { t in
        _ = try t.http.get("/health")
        try t.enableStatementLog()
        let response = try history(t, "Langganan7").1
        let ran = try t.statements(for: response).filter {
            $0.sql.range(of: "FROM orders", options: .caseInsensitive) != nil
        }
        try require(
            !ran.isEmpty,
            Words(
                "GET /customers/Langganan7/orders ran no statement that reads orders",
                id: "GET /customers/Langganan7/orders tidak menjalankan statement yang membaca orders"),
            response: response)
        let database = try t.database()
        for statement in ran {
            let placeholders = statement.sql.filter { $0 == "?" }.count
            let plan = try database.explainQueryPlan(
                statement.sql, parameters: Array(repeating: SQLValue.null, count: placeholders))
            try require(
                !plan.contains { $0.hasPrefix("SCAN") },
                Words(
                    "the history ran \(statement.sql)\n  and EXPLAIN QUERY PLAN says: \(plan.joined(separator: "; "))\n  SCAN means SQLite reads every order to find one customer's",
                    id:
                        "riwayat itu menjalankan \(statement.sql)\n  dan EXPLAIN QUERY PLAN bilang: \(plan.joined(separator: "; "))\n  SCAN artinya SQLite membaca setiap pesanan untuk menemukan pesanan satu pelanggan"
                ),
                response: response)
        }
    }

    Check(
        Words(
            "with 50,000 orders, the history at 100 a second keeps its p99 within 3× the reference solution's, measured in the same run",
            id:
                "dengan 50.000 pesanan, riwayat sebanyak 100 per detik menjaga p99-nya paling banyak 3× p99 solusi acuan, diukur di run yang sama"
        ),
        hint: Words(
            "The index must be made when the server starts (CREATE INDEX IF NOT EXISTS in CustomerHistory.indexes), and match the query: the same expression, lower(customer), then created_at.",
            id:
                "Index-nya harus dibuat saat server start (CREATE INDEX IF NOT EXISTS di CustomerHistory.indexes), dan cocok dengan query-nya: ekspresi yang sama, lower(customer), lalu created_at."
        ),
        needs: indexed.en,
        timeout: .seconds(30)
    ) { t in
        _ = try t.http.get("/health")
        try t.prepareDatabase { db in try seedYear(into: db) }
        _ = try t.http.get("/health")  // starts the server again
        let reference = try Database(
            path: try t.referenceInstance().configuration.databasePath, maxConnections: 1)
        try seedYear(into: reference)
        try t.compareLoad(
            .get("/customers/Langganan42/orders"), plan: LoadPlan(rate: 100, duration: .seconds(2))
        )
        .expectNoErrors()
        .expectP99(atMost: 3)
    }
}
