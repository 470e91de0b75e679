import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Debugging module's hidden tests.
enum Warung {
    /// An order of 2 Nasi goreng (25,000 each) and 1 Es teh manis (5,000): Rp 55,000.
    static let sampleOrder: JSONValue = [
        "customer": "Ayu", "items": [["product_id": 1, "quantity": 2], ["product_id": 3, "quantity": 1]],
    ]
    static let sampleTotal = 55_000

    /// `sampleOrder` with these fields changed.
    static func order(note: String? = nil, customer: String = "Ayu") -> JSONValue {
        var body: [String: JSONValue] = [
            "customer": .string(customer),
            "items": [["product_id": 1, "quantity": 1]],
        ]
        if let note { body["note"] = .string(note) }
        return .object(body)
    }

    /// What the server logged while `body` ran: the new part of its output, one entry per line.
    /// Lines are split at CR as well as LF, as a terminal shows them.
    static func logged(_ t: TestContext, during body: () throws -> Void) throws -> [String] {
        _ = try t.http.get("/health")  // starts the server, so its start-up lines are not counted
        let before = t.serverOutput
        try body()
        let after = t.serverOutput
        let new = after.hasPrefix(before) ? String(after.dropFirst(before.count)) : after
        return new.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    }

    /// The lines among `lines` that the app logged itself, not BackendKit's access line
    /// (`… INFO    POST /orders 201 0.4ms request_id=…`).
    static func appLines(_ lines: [String]) -> [String] {
        lines.filter { line in
            !line.trimmingCharacters(in: .whitespaces).isEmpty
                && line.range(
                    of: #"INFO +(GET|POST|PUT|PATCH|DELETE|HEAD) /\S* \d{3} "#, options: .regularExpression)
                    == nil
        }
    }

    /// An order written straight into the database: its id, when it was placed (UTC) and its total.
    struct SeededOrder {
        var id: Int
        var at: String
        var total: Int
    }

    /// Writes orders straight into the database, thousands in a moment where the API would be slow
    /// and could not set their times. The server is started first, so the tables exist.
    static func seed(_ t: TestContext, _ orders: [SeededOrder]) throws {
        _ = try t.http.get("/health")
        try t.prepareDatabase { db in
            try db.transaction { tx in
                for order in orders {
                    try tx.execute(
                        "INSERT INTO orders (id, customer, note, total, created_at) VALUES (?, ?, NULL, ?, ?)",
                        order.id, "Pelanggan \(order.id)", order.total, order.at)
                }
            }
        }
    }

    /// Places `sampleOrder` through the API and returns its id.
    static func placeSampleOrder(_ t: TestContext) throws -> Int {
        let placed = try t.http.post("/orders", json: sampleOrder).expectStatus(201)
        return try requireValue(
            try placed.json()["id"]?.int,
            Words("the order's id in the answer", id: "id pesanan di jawabannya"),
            response: placed)
    }

    /// The stock `GET /products` shows for `product`.
    static func stock(_ t: TestContext, of product: Int) throws -> (Int, ClientResponse) {
        let menu = try t.http.get("/products").expectStatus(200)
        let value = try requireValue(
            try menu.json()["products"]?.array?.first { $0["id"]?.int == product }?["stock"]?.int,
            Words(
                "the stock of product \(product) in GET /products",
                id: "stok produk \(product) di GET /products"),
            response: menu)
        return (value, menu)
    }

    /// Longer than BackendKit's busy timeout (5 s): a write that waits for the lock gives up first.
    static let lockOutlastingBusyTimeout: Duration = .seconds(6)

    /// Sends one request while the grader holds the database's write lock for longer than the
    /// server waits for it, so the request's write fails inside the server. Returns the answer and
    /// the lines the server logged meanwhile.
    static func sendWhileLocked(
        _ t: TestContext, _ send: @escaping @Sendable () throws -> ClientResponse
    ) throws -> (ClientResponse, [String]) {
        let patience = t.http.timeout
        t.http.timeout = .seconds(15)
        defer { t.http.timeout = patience }
        var answer: ClientResponse?
        let lines = try logged(t) {
            let results = try t.concurrently(1, holdingWriteLockFor: lockOutlastingBusyTimeout) { _ in
                try send()
            }
            answer = try results[0].get()
        }
        return (answer!, lines)
    }
}
