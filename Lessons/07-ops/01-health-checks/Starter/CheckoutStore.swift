import BackendKit
import Foundation

/// Reads and writes the shop's orders in SQLite. Values always travel as bound parameters.
struct CheckoutStore: Sendable {
    let database: Database

    /// The schema version this code needs: the version of the last migration.
    static let schemaVersion = 2

    /// The steps from an empty file to the schema this code needs, in order. Version 1 is Module 6's
    /// schema (`IF NOT EXISTS` adopts a database made before migrations); version 2 lets a payment
    /// of the gateway pay one order only.
    static let migrations = [
        Migration(version: 1, sql: schema),
        Migration(version: 2, sql: "CREATE UNIQUE INDEX orders_by_payment ON orders (payment_id)"),
    ]

    /// Brings the schema up to `schemaVersion`; changes nothing when it is there already. Throws the
    /// failing migration's error, and that migration leaves no trace.
    func migrate() throws {
        try database.migrate(Self.migrations)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS orders (
            id         INTEGER PRIMARY KEY,
            customer   TEXT NOT NULL,
            amount     INTEGER NOT NULL CHECK (amount > 0),
            status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'refunded')),
            created_at TEXT NOT NULL,
            paid_at    TEXT,
            payment_id TEXT
        );
        -- Every gateway event the shop has acted on, by the gateway's id: a delivery whose id is
        -- here was processed before.
        CREATE TABLE IF NOT EXISTS processed_events (
            event_id     TEXT PRIMARY KEY,
            type         TEXT NOT NULL,
            order_id     INTEGER NOT NULL,
            processed_at TEXT NOT NULL
        );
        -- The money the gateway reported, one row per event: + for a payment, - for a refund.
        CREATE TABLE IF NOT EXISTS ledger (
            id         INTEGER PRIMARY KEY,
            order_id   INTEGER NOT NULL REFERENCES orders (id),
            event_id   TEXT NOT NULL,
            amount     INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ledger_by_order ON ledger (order_id);
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
}
