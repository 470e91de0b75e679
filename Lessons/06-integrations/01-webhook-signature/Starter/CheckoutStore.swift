import BackendKit
import Foundation

/// Reads and writes the shop's orders in SQLite. Values always travel as bound parameters.
struct CheckoutStore: Sendable {
    let database: Database

    /// Opens the store and creates the tables when they do not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS orders (
            id         INTEGER PRIMARY KEY,
            customer   TEXT NOT NULL,
            amount     INTEGER NOT NULL CHECK (amount > 0),
            status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid')),
            created_at TEXT NOT NULL,
            paid_at    TEXT,
            payment_id TEXT
        );
        """

    /// Stores a new, unpaid order.
    func createOrder(_ input: OrderInput, at now: Date) throws -> Order {
        let createdAt = now.formatted(.iso8601)
        let id = try database.execute(
            "INSERT INTO orders (customer, amount, created_at) VALUES (?, ?, ?)", input.customer,
            input.amount,
            createdAt
        ).lastInsertedRowID
        return Order(
            id: id, customer: input.customer, amount: input.amount, status: "pending", createdAt: createdAt,
            paidAt: nil, paymentID: nil)
    }

    /// The order with this id, or `nil`.
    func order(id: Int) throws -> Order? {
        try database.queryOne(
            "SELECT id, customer, amount, status, created_at, paid_at, payment_id FROM orders WHERE id = ?",
            id
        ).map(Order.init(row:))
    }

    /// What recording a confirmed payment did.
    enum PaymentOutcome: Equatable {
        case paid(Order)
        /// The order was paid before (the gateway sent the confirmation again): nothing changed.
        case alreadyPaid(Order)
        case unknownOrder
        /// The gateway confirmed another amount than the order's: the order stays unpaid.
        case wrongAmount(expected: Int)
    }

    /// Marks the order paid by `payment`, in one transaction: the order is read and changed by the
    /// same writer, so two confirmations cannot both find it pending.
    func recordPayment(_ payment: PaymentEvent.Payment, at now: Date) throws -> PaymentOutcome {
        try database.transaction { tx in
            guard
                let row = try tx.queryOne(
                    "SELECT id, customer, amount, status, created_at, paid_at, payment_id FROM orders WHERE id = ?",
                    payment.orderID)
            else { return .unknownOrder }
            let order = try Order(row: row)
            guard order.status == "pending" else { return .alreadyPaid(order) }
            guard order.amount == payment.amount else { return .wrongAmount(expected: order.amount) }
            var paid = order
            paid.status = "paid"
            paid.paidAt = now.formatted(.iso8601)
            paid.paymentID = payment.paymentID
            try tx.execute(
                "UPDATE orders SET status = 'paid', paid_at = ?, payment_id = ? WHERE id = ?", paid.paidAt,
                paid.paymentID, paid.id)
            return .paid(paid)
        }
    }
}
