import BackendKit
import Foundation

extension CheckoutStore {
    /// Applies one verified gateway event exactly once, however often it is delivered and in
    /// whatever order events arrive.
    ///
    /// - `payment.succeeded`: `+amount` in the ledger; a `pending` order becomes `paid` (an order
    ///   already `refunded` stays so: its refund arrived first).
    /// - `payment.refunded`: `-amount` in the ledger; the order becomes `refunded`.
    /// - any other type: `.ignored`, its id stored all the same.
    ///
    /// The event's id is stored in `processed_events` in the same transaction as its effect: both
    /// happen, or neither does.
    func process(_ event: PaymentEvent, at now: Date) throws -> EventOutcome {
        let time = now.formatted(.iso8601)
        return try database.transaction { tx in
            // The id first, in the writing transaction: a second delivery of this event, even one
            // that arrives at the same moment, waits here for the first to commit, then finds it.
            let recorded = try tx.execute(
                """
                INSERT INTO processed_events (event_id, type, order_id, processed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """, event.id, event.type, event.data.orderID, time
            ).changes
            guard recorded == 1 else { return .duplicate }
            let signs = ["payment.succeeded": 1, "payment.refunded": -1]
            guard let sign = signs[event.type] else { return .ignored }
            guard
                let row = try tx.queryOne(
                    "SELECT id, customer, amount, status, created_at, paid_at, payment_id FROM orders WHERE id = ?",
                    event.data.orderID)
            else { throw EventProblem.unknownOrder(event.data.orderID) }
            var order = try Order(row: row)
            guard event.data.amount == order.amount else {
                throw EventProblem.wrongAmount(expected: order.amount)
            }
            try tx.execute(
                "INSERT INTO ledger (order_id, event_id, amount, created_at) VALUES (?, ?, ?, ?)", order.id,
                event.id, sign * event.data.amount, time)
            if sign < 0 {
                order.status = "refunded"
            } else if order.status == "pending" {
                order.status = "paid"
                order.paidAt = time
                order.paymentID = event.data.paymentID
            }
            try tx.execute(
                "UPDATE orders SET status = ?, paid_at = ?, payment_id = ? WHERE id = ?", order.status,
                order.paidAt, order.paymentID, order.id)
            return .processed(order)
        }
    }
}
