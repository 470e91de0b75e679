import BackendKit
import Foundation

/// One receipt waiting in the outbox, as `ReceiptOutbox.sendDue` reads it back to send it.
struct QueuedReceipt: Sendable, Equatable {
    var id: Int
    var orderID: Int
    var recipient: String
    var subject: String
    var body: String
    /// How many times sending it failed so far.
    var attempts: Int

    /// The columns `init(row:)` reads, for the SELECT.
    static let columns = "id, order_id, recipient, subject, body, attempts"

    init(row: Row) throws {
        id = try row.int("id")
        orderID = try row.int("order_id")
        recipient = try row.string("recipient")
        subject = try row.string("subject")
        body = try row.string("body")
        attempts = try row.int("attempts")
    }

    /// The body of the mail service's `POST /messages`.
    var message: JSONValue {
        [
            "from": .string(ReceiptOutbox.sender), "to": .string(recipient), "subject": .string(subject),
            "text": .string(body),
        ]
    }

    /// The subject and text of the receipt of a paid order.
    static func compose(for order: Order) -> (subject: String, body: String) {
        let amount = order.amount.formatted(.number.grouping(.automatic).locale(Locale(identifier: "id_ID")))
        return (
            subject: "Your receipt for order \(order.id)",
            body: """
            Hello \(order.customer),

            We received your payment of Rp \(amount) for order \(order.id). Thank you!
            """
        )
    }
}

extension ReceiptOutbox {
    /// Who the receipts come from.
    static let sender = "Toko Ayu <receipts@shop.example>"
    /// How often the background job looks for receipts that are due (an indexed query, so cheap).
    static let interval: Duration = .milliseconds(500)
    /// The most receipts one run sends; the rest wait for the next run.
    static let batchSize = 20
    /// After this many failed attempts a receipt is marked `failed`, for a person to look at.
    static let maximumAttempts = 10

    /// How long to wait after the `attempts`-th failed attempt before the next: 30 seconds, then
    /// 1, 2, 4 … minutes, never more than an hour. Each pause is longer, so a mail service that is
    /// down is not hammered, and a short outage still costs the customer only seconds.
    static func retryDelay(afterAttempts attempts: Int) -> TimeInterval {
        min(30 * pow(2, Double(max(0, attempts - 1))), 3600)
    }
}
