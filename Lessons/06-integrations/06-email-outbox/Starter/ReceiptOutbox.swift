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
        // TODO(learner): give the client deadlines: OutboundClient.Timeouts(connect: 1 s, read: 1 s,
        // total: 2 s). The defaults (2, 5 and 10 seconds) let one hanging mail service stop the job
        // for 10 seconds per receipt. (fromEnvironment already refuses a missing MAIL_URL.)
        try OutboundClient.fromEnvironment(mailVariable, environment: environment)
    }

    /// Processes a verified event (`CheckoutStore.process`); when it is a payment that made the order
    /// paid and the customer gave an address, the receipt is queued in the same transaction.
    func process(_ event: PaymentEvent, at now: Date) async throws -> EventOutcome {
        // TODO(learner): queue the receipt in the order's own transaction: pass process an alsoWrite
        // closure { order, tx in … } that, for a payment.succeeded that made the order paid
        // (order.paymentID == event.data.paymentID) with a receiptEmail, INSERTs INTO outbox with
        // tx (recipient, QueuedReceipt.compose(for: order), next_attempt_at = now in unix seconds).
        // Do not send the e-mail here: the gateway is waiting for the answer, and the mail service
        // may be slow or down.
        try store.process(event, at: now)
    }

    /// One run of the background job: sends each pending receipt that is due, oldest first.
    func sendDue() async throws {
        // TODO(learner): SELECT the pending receipts whose next_attempt_at <= clock.now (unix seconds),
        // ORDER BY id, at most batchSize. POST each to mail at /messages (receipt.message) with an
        // Idempotency-Key header that is the same on every attempt at this row, such as
        // "receipt-<id>". Only after a 2xx, mark it sent. When it fails (an error or a status that is
        // not 2xx), add 1 to attempts and move next_attempt_at retryDelay(afterAttempts:) later; mark
        // it failed after maximumAttempts, or at once for a 4xx other than 408 and 429.
    }
}
