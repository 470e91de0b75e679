import BackendKit
import Foundation

/// The shipping API's answer to `POST /shipments`: the label it made for the parcel.
struct Shipment: Codable, Sendable, Equatable {
    var trackingNumber: String

    enum CodingKeys: String, CodingKey {
        case trackingNumber = "tracking_number"
    }
}

/// `POST /orders/:id/shipment` with `{"postcode": "40115"}`: asks the shipping API to make the
/// parcel's label and answers 201 with its tracking number.
struct ShipmentRoutes: Sendable {
    let store: CheckoutStore
    let rates: ShippingRates

    struct Answer: Encodable, Sendable {
        var orderID: Int
        var trackingNumber: String

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case trackingNumber = "tracking_number"
        }
    }

    struct Input: Decodable, Sendable {
        var postcode: String
    }

    func register(on router: Router) {
        router.post("/orders/:id/shipment") { request in try await create(request) }
    }

    func create(_ request: Request) async throws -> Response {
        let id = try request.parameters.int("id")
        guard let order = try store.order(id: id) else {
            throw HTTPError.notFound("There is no order \(id).")
        }
        try request.requireContentType()
        let postcode = try ShippingRoutes.postcode(request.decode(Input.self).postcode)
        let shipment = try await rates.createShipment(for: order, postcode: postcode, logger: request.logger)
        return try .json(Answer(orderID: order.id, trackingNumber: shipment.trackingNumber), status: .created)
    }
}
