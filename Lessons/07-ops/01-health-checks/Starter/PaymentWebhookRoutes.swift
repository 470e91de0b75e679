import BackendKit
import Foundation

/// `POST /webhooks/payments`: the payment gateway tells the shop that a payment went through.
///
/// Anyone on the internet can send a request to this URL, so nothing in it is believed until
/// `WebhookSignature.verify` has proved that the gateway signed these exact bytes a moment ago.
/// Only then is the body read as JSON, and only then does anything change.
struct PaymentWebhookRoutes: Sendable {
    let store: CheckoutStore
    let secrets: [[UInt8]]

    /// A gateway's event is a few hundred bytes; a bigger body is refused before any work is done on it.
    static let maximumBodyBytes = 64 * 1024

    func register(on router: Router) {
        router.post("/webhooks/payments") { request in try receive(request) }
    }

    func receive(_ request: Request) throws -> Response {
        guard request.body.count <= Self.maximumBodyBytes else {
            throw HTTPError(.contentTooLarge, detail: "A webhook body is at most 64 KiB.")
        }
        do {
            try WebhookSignature.verify(
                request.headers[WebhookSignature.headerName], body: request.body, secrets: secrets,
                now: request.now)
        } catch let refusal as WebhookRefusal {
            // The log says why, never the signatures or the secrets: they are what a forger wants.
            request.logger.warning("webhook refused", ["reason": .string(refusal.description)])
            throw refusal.httpError
        }
        try request.requireContentType()
        let event = try request.decode(PaymentEvent.self)
        let result: String
        do {
            switch try store.process(event, at: request.now) {
            case .processed(let order):
                request.logger.info(
                    "event processed",
                    ["event_id": .string(event.id), "type": .string(event.type), "order_id": .int(order.id)])
                result = "processed"
            case .duplicate:
                request.logger.info("event already processed", ["event_id": .string(event.id)])
                result = "duplicate"
            case .ignored:
                result = "ignored"
            }
        } catch EventProblem.unknownOrder(let id) {
            throw HTTPError.validation([(field: "data.order_id", message: "There is no order \(id).")])
        } catch EventProblem.wrongAmount(let expected) {
            request.logger.warning(
                "payment amount differs from the order",
                [
                    "order_id": .int(event.data.orderID), "expected": .int(expected),
                    "got": .int(event.data.amount),
                ])
            throw HTTPError.validation([
                (field: "data.amount", message: "The order is Rp \(expected); the event does not match it.")
            ])
        }
        // 200 at once, duplicates included: any other answer makes the gateway send the event again.
        return try .json(["event_id": event.id, "result": result])
    }
}
