import BackendKit
import Foundation

/// `GET /customers/:name/orders`: a customer's 20 latest orders, for the app's "order again"
/// screen. Names are matched whatever their case: the app sends what the customer typed.
struct CustomerHistory: Sendable {
    let database: Database

    /// What the history needs from the database, made at start (IF NOT EXISTS: a restart is free).
    static let indexes: [String] = []

    static let pageSize = 20

    init(database: Database) throws {
        self.database = database
        for statement in Self.indexes { try database.execute(statement) }
    }

    func register(on router: Router) {
        router.get("/customers/:name/orders") { request in try history(request) }
    }

    struct History: Encodable, Sendable {
        var customer: String
        var orders: [OrderList.Summary]
    }

    func history(_ request: Request) throws -> Response {
        let name = request.parameters["name"] ?? ""
        let rows = try database.query(
            """
            SELECT id, customer, total, created_at FROM orders
            WHERE lower(customer) = lower(?)
            ORDER BY created_at DESC, id DESC LIMIT ?
            """, name, Self.pageSize)
        let orders = try rows.map { row in
            OrderList.Summary(
                id: try row.int("id"), customer: try row.string("customer"), total: try row.int("total"),
                createdAt: try row.string("created_at"))
        }
        return try .json(History(customer: name, orders: orders))
    }
}
