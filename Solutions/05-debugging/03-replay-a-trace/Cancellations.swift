import BackendKit
import Foundation

/// Cancelling an order: its stock goes back on the shelf and the cancellation is recorded.
struct Cancellations: Sendable {
    let database: Database

    static let schema = """
        CREATE TABLE IF NOT EXISTS cancellations (
            order_id     INTEGER PRIMARY KEY REFERENCES orders (id),
            cancelled_at TEXT NOT NULL
        );
        """

    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    func register(on router: Router) {
        router.post("/orders/:id/cancel") { request in try cancel(request) }
    }

    /// `POST /orders/:id/cancel`: 200 with `{"order_id": 7, "cancelled_at": "…"}`, 404 for an order
    /// that does not exist. The whole change is one transaction, so the stock and the record of the
    /// cancellation cannot disagree.
    ///
    /// A cancel that arrives again (the app retries when the network drops the answer) changes
    /// nothing and answers the same: the stock comes back once. The check for an earlier
    /// cancellation is inside the transaction, so two cancels at the same moment cannot both pass it.
    func cancel(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        let stamp = request.now.formatted(.iso8601)
        let cancelledAt = try database.transaction { tx -> String? in
            guard try tx.queryOne("SELECT 1 FROM orders WHERE id = ?", id) != nil else { return nil }
            if let earlier = try tx.queryOne("SELECT cancelled_at FROM cancellations WHERE order_id = ?", id)
            {
                return try earlier.string("cancelled_at")
            }
            for line in try tx.query("SELECT product_id, quantity FROM order_items WHERE order_id = ?", id) {
                try tx.execute(
                    "UPDATE products SET stock = stock + ? WHERE id = ?", try line.int("quantity"),
                    try line.int("product_id"))
            }
            try tx.execute("INSERT INTO cancellations (order_id, cancelled_at) VALUES (?, ?)", id, stamp)
            return stamp
        }
        guard let cancelledAt else { throw HTTPError(.notFound, detail: "There is no order \(id).") }
        request.logger.info("order cancelled", ["order_id": .int(id)])
        return try .json(Cancellation(orderID: id, cancelledAt: cancelledAt))
    }
}

/// The answer to a cancel.
struct Cancellation: Encodable, Sendable {
    var orderID: Int
    var cancelledAt: String

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case cancelledAt = "cancelled_at"
    }
}
