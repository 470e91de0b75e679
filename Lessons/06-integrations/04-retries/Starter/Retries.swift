import BackendKit
import Foundation

/// When and how often the shop sends a call to the shipping API again.
enum Retry {
    /// The first call and at most three retries.
    static let maxAttempts = 4
    /// The pause before the first retry is random from 0 to this; it doubles for each retry after.
    static let baseDelay: Duration = .milliseconds(100)
    /// The longest `Retry-After` the shop waits for: a customer is waiting for the label.
    static let maxRetryAfter: Duration = .seconds(2)

    /// The pause before retry number `retry` (1 for the first retry): "full jitter", a random
    /// duration from 0 to `baseDelay × 2^(retry - 1)`, so that shops that failed at the same moment
    /// do not all come back at the same moment.
    static func backoff(retry: Int) -> Duration {
        // TODO(learner): the ceiling is baseDelay * (1 << (retry - 1)); return a random duration
        // from zero to it: .milliseconds(Int.random(in: 0...ceilingInMilliseconds)).
        .zero
    }

    /// Whether an answer with this status may succeed when the same request is sent again.
    static func isRetryable(status: Int) -> Bool {
        // TODO(learner): true for 408, 429, 500, 502, 503 and 504: the service was busy or broken
        // for a moment. Any other 4xx (400, 409, 422…) says the request itself is wrong: sending it
        // again gets the same answer.
        false
    }
}

extension ShippingRates {
    /// Asks the shipping API to make the label for `order`'s parcel: `POST /shipments` with
    /// `{"order_id": 7, "postcode": "40115", "value": 55000}`, answered `201 {"tracking_number": …}`.
    ///
    /// A POST is not safe to send twice, unless it carries an `Idempotency-Key`: the API makes one
    /// label per key, and answers a repeat with the label it made the first time.
    func createShipment(for order: Order, postcode: String, logger: Logger) async throws -> Shipment {
        // TODO(learner): one key for this operation, "order-\(order.id)-shipment", sent as the
        // Idempotency-Key header of EVERY attempt. Then up to Retry.maxAttempts calls of
        // client.post("/shipments", json: …, headers: …):
        // - a success that decodes as a Shipment: return it;
        // - an OutboundError, or a status for which Retry.isRetryable is true: pause, then call again;
        //   the pause is the answer's Retry-After in seconds when it has one (Int(header)), or
        //   Retry.backoff(retry:) otherwise; a Retry-After longer than Retry.maxRetryAfter is not
        //   waited for;
        // - anything else, or the last attempt failed: log it and throw 504 (a timeout) or 502.
        // Pause with try await Task.sleep(for:), which lets the server serve others meanwhile.
        throw HTTPError(.notImplemented, detail: "TODO: create the shipment in Retries.swift.")
    }
}
