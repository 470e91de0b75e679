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
        let ceiling = baseDelay * (1 << (retry - 1))
        let (seconds, attoseconds) = ceiling.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        return .milliseconds(Int.random(in: 0...milliseconds))
    }

    /// Whether an answer with this status may succeed when the same request is sent again.
    static func isRetryable(status: Int) -> Bool {
        [408, 429, 500, 502, 503, 504].contains(status)
    }
}

extension ShippingRates {
    /// Asks the shipping API to make the label for `order`'s parcel: `POST /shipments` with
    /// `{"order_id": 7, "postcode": "40115", "value": 55000}`, answered `201 {"tracking_number": …}`.
    ///
    /// A POST is not safe to send twice, unless it carries an `Idempotency-Key`: the API makes one
    /// label per key, and answers a repeat with the label it made the first time.
    func createShipment(for order: Order, postcode: String, logger: Logger) async throws -> Shipment {
        // The key names the operation, not the attempt: every attempt, and a second request for
        // the same order, carries the same one, so the API makes one label.
        let key = "order-\(order.id)-shipment"
        let body: JSONValue = [
            "order_id": .number(Double(order.id)), "postcode": .string(postcode),
            "value": .number(Double(order.amount)),
        ]
        for attempt in 1...Retry.maxAttempts {
            let pause: Duration
            do {
                let answer = try await client.post(
                    "/shipments", json: body, headers: ["Idempotency-Key": key])
                if answer.isSuccess, let shipment = try? answer.decode(Shipment.self) { return shipment }
                let asked = answer.headers["Retry-After"].flatMap { Int($0) }.map { Duration.seconds($0) }
                guard Retry.isRetryable(status: answer.status.code), attempt < Retry.maxAttempts,
                    asked ?? .zero <= Retry.maxRetryAfter
                else {
                    logger.warning(
                        "shipment refused", ["status": .int(answer.status.code), "attempts": .int(attempt)])
                    throw ShippingRates.unavailable
                }
                pause = asked ?? Retry.backoff(retry: attempt)
            } catch let error as OutboundError {
                logger.warning(
                    "shipment call failed", ["error": .string(error.description), "attempt": .int(attempt)])
                guard attempt < Retry.maxAttempts else {
                    if error.isTimeout {
                        throw HTTPError(
                            .gatewayTimeout,
                            detail: "The shipping service did not answer in time. Try again in a moment.")
                    }
                    throw ShippingRates.unavailable
                }
                pause = Retry.backoff(retry: attempt)
            }
            // Suspends this handler only: the server serves others while it waits.
            try await Task.sleep(for: pause)
        }
        throw ShippingRates.unavailable
    }
}
