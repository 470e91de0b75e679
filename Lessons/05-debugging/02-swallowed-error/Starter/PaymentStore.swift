import BackendKit
import Foundation

/// A payment for an order, as the API shows it.
struct Payment: Codable, Sendable, Equatable {
    var id: Int
    var orderID: Int
    var amount: Int
    var method: String
    var paidAt: String

    enum CodingKeys: String, CodingKey {
        case id, amount, method
        case orderID = "order_id"
        case paidAt = "paid_at"
    }

    init(row: Row) throws {
        id = try row.int("id")
        orderID = try row.int("order_id")
        amount = try row.int("amount")
        method = try row.string("method")
        paidAt = try row.string("paid_at")
    }
}

/// The body of `POST /orders/:id/payments`.
struct PaymentInput: Decodable, Sendable {
    var amount: Int
    var method: String
}

/// Reads and writes payments. The table itself refuses a method it does not know and an amount
/// that is not positive, so a wrong row cannot be stored whatever the code above it does.
struct PaymentStore: Sendable {
    let database: Database

    /// How a customer can pay, as stored: cash, QRIS (Indonesia's QR code standard) or a card.
    static let methods = ["cash", "qris", "card"]

    static let schema = """
        CREATE TABLE IF NOT EXISTS payments (
            id       INTEGER PRIMARY KEY,
            order_id INTEGER NOT NULL REFERENCES orders (id),
            amount   INTEGER NOT NULL CHECK (amount > 0),
            method   TEXT NOT NULL CHECK (method IN ('cash', 'qris', 'card')),
            paid_at  TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS payments_by_order ON payments (order_id);
        """

    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    /// The total of the order, or `nil` when there is no such order.
    func orderTotal(id: Int) throws -> Int? {
        try database.queryOne("SELECT total FROM orders WHERE id = ?", id)?.int("total")
    }

    /// How much of the order is paid already.
    func paid(orderID: Int) throws -> Int {
        try database.queryOne(
            "SELECT coalesce(sum(amount), 0) AS paid FROM payments WHERE order_id = ?", orderID)?
            .int("paid") ?? 0
    }

    /// Stores a payment and returns it as stored.
    func record(orderID: Int, amount: Int, method: String, at now: Date) throws -> Payment {
        let row = try database.queryOne(
            "INSERT INTO payments (order_id, amount, method, paid_at) VALUES (?, ?, ?, ?) "
                + "RETURNING id, order_id, amount, method, paid_at",
            orderID, amount, method, now.formatted(.iso8601))
        guard let row else { throw PaymentStoreError.notStored }
        return try Payment(row: row)
    }

    /// The order's payments, oldest first.
    func payments(orderID: Int) throws -> [Payment] {
        try database.query(
            "SELECT id, order_id, amount, method, paid_at FROM payments WHERE order_id = ? ORDER BY id",
            orderID
        ).map(Payment.init(row:))
    }
}

enum PaymentStoreError: Error, CustomStringConvertible {
    case notStored

    var description: String { "the INSERT of the payment returned no row" }
}
