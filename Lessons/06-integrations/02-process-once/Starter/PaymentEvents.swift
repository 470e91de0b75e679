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
        // TODO(learner): in ONE database.transaction, first store the event's id: INSERT INTO
        // processed_events … ON CONFLICT (event_id) DO NOTHING, and when that changed no row, return
        // .duplicate (this event was processed before). A type other than payment.succeeded or
        // payment.refunded is .ignored. Otherwise read the order (EventProblem.unknownOrder when there
        // is none, .wrongAmount when the amounts differ), add one ledger row (+amount for a payment,
        // -amount for a refund), set the status (a refund makes it refunded; a payment makes only a
        // pending order paid), and return .processed with the order as it is now.
        throw HTTPError(.notImplemented, detail: "TODO: process each event once in PaymentEvents.swift.")
    }
}
