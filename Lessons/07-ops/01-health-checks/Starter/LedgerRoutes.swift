import BackendKit
import Foundation

/// `GET /orders/:id/ledger`: the money the gateway reported for an order, one entry per event.
struct LedgerRoutes: Sendable {
    let store: CheckoutStore

    struct Entry: Codable, Sendable, Equatable {
        var eventID: String
        var amount: Int
        var createdAt: String

        enum CodingKeys: String, CodingKey {
            case eventID = "event_id"
            case amount
            case createdAt = "created_at"
        }
    }

    struct Ledger: Codable, Sendable, Equatable {
        var orderID: Int
        /// The sum of the entries: the order's amount once paid, 0 once refunded.
        var balance: Int
        var entries: [Entry]

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case balance, entries
        }
    }

    func register(on router: Router) {
        router.get("/orders/:id/ledger") { request in try show(request) }
    }

    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard try store.order(id: id) != nil else { throw HTTPError.notFound("There is no order \(id).") }
        let entries = try store.database.query(
            "SELECT event_id, amount, created_at FROM ledger WHERE order_id = ? ORDER BY id", id
        ).map { row in
            Entry(
                eventID: try row.string("event_id"), amount: try row.int("amount"),
                createdAt: try row.string("created_at"))
        }
        return try .json(Ledger(orderID: id, balance: entries.reduce(0) { $0 + $1.amount }, entries: entries))
    }
}
