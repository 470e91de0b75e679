import BackendKit
import Foundation

/// Compares the payments the gateway took with the orders the shop marked paid, and reports each
/// difference. It only reads, on both sides: a difference is for a person to look into, because
/// the reconciliation cannot know which side is right.
struct Reconciler: Sendable {
    let store: CheckoutStore
    let gateway: OutboundClient

    static let urlVariable = "GATEWAY_URL"
    static let apiKeyVariable = "GATEWAY_API_KEY"
    /// Payments per page: the most the gateway's list API gives (Stripe's too).
    static let pageSize = 100
    /// The most pages one run reads: 100,000 payments, far more than this shop takes in a day. A
    /// gateway that never says "no more" stops the run here instead of keeping it forever.
    static let maximumPages = 1000

    /// What one run found, as `POST /admin/reconciliations` answers it.
    struct Report: Codable, Sendable {
        var id: Int
        var createdAfter: Int
        var paymentsChecked: Int
        var differences: [Difference]

        enum CodingKeys: String, CodingKey {
            case id
            case createdAfter = "created_after"
            case paymentsChecked = "payments_checked"
            case differences
        }
    }

    /// Reconciles the payments created after `since` (Unix seconds) with the orders, and stores the
    /// run and its differences together.
    func run(since: Int, at now: Date) async throws -> Report {
        let payments = try await fetchPayments(createdAfter: since)
        let paidSince = Date(timeIntervalSince1970: TimeInterval(since)).formatted(.iso8601)
        let ids = JSONValue.array(Set(payments.map(\.orderID)).sorted().map { .number(Double($0)) })
            .description
        let orders = try store.database.query(
            """
            SELECT id, customer, amount, status, created_at, paid_at, payment_id FROM orders
            WHERE (status = 'paid' AND paid_at >= ?) OR id IN (SELECT value FROM json_each(?)) ORDER BY id
            """, paidSince, ids
        ).map(Order.init(row:))
        let differences = Self.differences(payments: payments, orders: orders)
        return try store.database.transaction { tx in
            let id = try tx.execute(
                "INSERT INTO reconciliations (created_after, ran_at, payments_checked) VALUES (?, ?, ?)",
                since,
                now.formatted(.iso8601), payments.count
            ).lastInsertedRowID
            for difference in differences {
                try tx.execute(
                    """
                    INSERT INTO reconciliation_differences (reconciliation_id, kind, order_id, payment_id, detail)
                    VALUES (?, ?, ?, ?, ?)
                    """, id, difference.kind.rawValue, difference.orderID, difference.paymentID,
                    difference.detail)
            }
            return Report(
                id: id, createdAfter: since, paymentsChecked: payments.count, differences: differences)
        }
    }
}
