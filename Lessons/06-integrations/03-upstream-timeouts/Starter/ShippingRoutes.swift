import BackendKit
import Foundation

/// What sending an order's parcel costs, as the shipping API quotes it:
/// `{"service": "REG", "price": 18000, "estimated_days": 2}`.
struct ShippingQuote: Codable, Sendable, Equatable {
    var service: String
    /// Whole rupiah.
    var price: Int
    var estimatedDays: Int

    enum CodingKeys: String, CodingKey {
        case service, price
        case estimatedDays = "estimated_days"
    }
}

/// `GET /orders/:id/shipping?postcode=40115`: the price of sending the order to that postcode,
/// asked from the shipping API while the customer waits at the checkout.
struct ShippingRoutes: Sendable {
    let store: CheckoutStore
    let rates: ShippingRates

    /// The answer: the order, where it goes, and the API's quote.
    struct Answer: Encodable, Sendable {
        var orderID: Int
        var postcode: String
        var quote: ShippingQuote

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case postcode, quote
        }
    }

    func register(on router: Router) {
        router.get("/orders/:id/shipping") { request in try await show(request) }
    }

    func show(_ request: Request) async throws -> Response {
        let id = try request.parameters.int("id")
        guard let order = try store.order(id: id) else {
            throw HTTPError.notFound("There is no order \(id).")
        }
        let postcode = try Self.postcode(request.query["postcode"])
        let quote = try await rates.quote(postcode: postcode, value: order.amount, logger: request.logger)
        return try .json(Answer(orderID: order.id, postcode: postcode, quote: quote))
    }

    /// An Indonesian postcode is 5 digits: checked before anything is sent, so only digits reach
    /// the API's URL or body. Anything else is a 422 that names the field.
    static func postcode(_ value: String?) throws -> String {
        guard let value, value.utf8.count == 5,
            value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else {
            throw HTTPError.validation([
                (field: "postcode", message: "Give a postcode of 5 digits, such as 40115.")
            ])
        }
        return value
    }
}
