import BackendKit
import Foundation

/// `GET /orders`: every order, oldest first, a page at a time. The shop's nightly export walks
/// through it with the `next` cursor of each page until `next` is null.
struct OrderList: Sendable {
    let database: Database

    static let limits = 1...100
    static let defaultLimit = 50

    func register(on router: Router) {
        router.get("/orders") { request in try list(request) }
    }

    /// One order in the list: what the export needs, without the lines.
    struct Summary: Encodable, Sendable {
        var id: Int
        var customer: String
        var total: Int
        var createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, customer, total
            case createdAt = "created_at"
        }
    }

    struct Page: Encodable, Sendable {
        var orders: [Summary]
        /// Pass it as `?after=` for the next page; `nil` on the last page.
        var next: String?
    }

    /// `GET /orders?limit=50&after=CURSOR`.
    func list(_ request: Request) throws -> Response {
        let limit = try request.query.int("limit") ?? Self.defaultLimit
        guard Self.limits.contains(limit) else {
            throw HTTPError.validation([(field: "limit", message: "Give a whole number from 1 to 100.")])
        }
        let after = request.query["after"] ?? ""
        // One more than asked, to know whether another page follows.
        let rows = try database.query(
            "SELECT id, customer, total, created_at FROM orders WHERE created_at > ? ORDER BY created_at LIMIT ?",
            after, limit + 1)
        let orders = try rows.prefix(limit).map { row in
            Summary(
                id: try row.int("id"), customer: try row.string("customer"), total: try row.int("total"),
                createdAt: try row.string("created_at"))
        }
        let next = rows.count > limit ? orders.last?.createdAt : nil
        return try .json(Page(orders: orders, next: next))
    }
}
