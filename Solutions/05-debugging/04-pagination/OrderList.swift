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
    ///
    /// Orders placed in the same second share a `created_at`, so it cannot say where a page ended
    /// on its own: the order is (created_at, id), unique, and the cursor carries both. A row comes
    /// after the cursor when its created_at is later, or the same with a larger id.
    func list(_ request: Request) throws -> Response {
        let limit = try request.query.int("limit") ?? Self.defaultLimit
        guard Self.limits.contains(limit) else {
            throw HTTPError.validation([(field: "limit", message: "Give a whole number from 1 to 100.")])
        }
        let cursor = try request.query["after"].map(Self.cursor(parsing:)) ?? (createdAt: "", id: 0)
        // One more than asked, to know whether another page follows.
        let rows = try database.query(
            """
            SELECT id, customer, total, created_at FROM orders
            WHERE created_at > ? OR (created_at = ? AND id > ?)
            ORDER BY created_at, id LIMIT ?
            """, cursor.createdAt, cursor.createdAt, cursor.id, limit + 1)
        let orders = try rows.prefix(limit).map { row in
            Summary(
                id: try row.int("id"), customer: try row.string("customer"), total: try row.int("total"),
                createdAt: try row.string("created_at"))
        }
        let next = rows.count > limit ? orders.last.map { "\($0.createdAt)_\($0.id)" } : nil
        return try .json(Page(orders: orders, next: next))
    }

    /// `2026-12-01T10:42:07Z_17` → the created_at and the id of the last order of a page.
    static func cursor(parsing text: String) throws -> (createdAt: String, id: Int) {
        let parts = text.split(separator: "_")
        guard parts.count == 2, let id = Int(parts[1]) else {
            throw HTTPError.validation([
                (field: "after", message: "Use the next value of the page before, as it is.")
            ])
        }
        return (String(parts[0]), id)
    }
}
