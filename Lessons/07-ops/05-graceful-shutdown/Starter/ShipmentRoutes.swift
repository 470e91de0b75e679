import BackendKit
import Foundation

/// `POST /orders/:id/shipment`: asks the shipping service at SHIPPING_URL for a parcel label for a
/// paid order and stores its tracking number. The call takes a while (the service books a courier),
/// so at any moment some of these requests are in progress: exactly the ones a careless shutdown
/// would cut off.
struct ShipmentRoutes: Sendable {
    let store: CheckoutStore
    /// `nil` when SHIPPING_URL is not set: shipments then answer 503.
    let service: OutboundClient?

    /// Booking a courier can take seconds, but never for ever.
    static let timeouts = OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(5), total: .seconds(8))

    static let schema = """
        CREATE TABLE IF NOT EXISTS shipments (
            order_id        INTEGER PRIMARY KEY REFERENCES orders (id),
            tracking_number TEXT NOT NULL,
            created_at      TEXT NOT NULL
        );
        """

    init(store: CheckoutStore, shippingURL: String?) throws {
        self.store = store
        self.service = try shippingURL.map { (url) throws(OutboundError) in
            try OutboundClient(baseURL: url, timeouts: Self.timeouts)
        }
        try store.database.executeScript(Self.schema)
    }

    struct Shipment: Codable, Sendable {
        var orderID: Int
        var trackingNumber: String

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case trackingNumber = "tracking_number"
        }
    }

    func register(on router: Router) {
        router.post("/orders/:id/shipment") { request in try await ship(request) }
    }

    /// 201 with `{"order_id", "tracking_number"}`; 200 with the same when it was shipped before.
    func ship(_ request: Request) async throws -> Response {
        let id = try request.parameters.int("id")
        guard let order = try store.order(id: id) else {
            throw HTTPError.notFound("There is no order \(id).")
        }
        if let shipped = try shipment(of: id) { return try .json(shipped) }
        guard order.status == "paid" else {
            throw HTTPError.conflict("Order \(id) is \(order.status); only a paid order is shipped.")
        }
        guard let service else {
            throw HTTPError(.serviceUnavailable, detail: "No shipping service is set up (SHIPPING_URL).")
        }
        let answer: OutboundResponse
        do {
            // The same key on every attempt: the service books one courier per order, however often asked.
            answer = try await service.post(
                "/labels", json: ["order_id": .number(Double(id)), "customer": .string(order.customer)],
                headers: ["Idempotency-Key": "shipment-\(id)"])
        } catch {
            request.logger.warning("The shipping service failed: \(error)")
            throw HTTPError(.badGateway, detail: "The shipping service did not answer.")
        }
        guard answer.isSuccess, let tracking = (try? answer.json())?["tracking_number"]?.string,
            (1...64).contains(tracking.count)
        else {
            throw HTTPError(.badGateway, detail: "The shipping service answered \(answer.status.code).")
        }
        try store.database.execute(
            "INSERT INTO shipments (order_id, tracking_number, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (order_id) DO NOTHING",
            id, tracking, request.now.formatted(.iso8601))
        let stored = try shipment(of: id) ?? Shipment(orderID: id, trackingNumber: tracking)
        request.logger.info("order shipped", ["order_id": .int(id), "tracking_number": .string(tracking)])
        return try .json(stored, status: .created)
    }

    private func shipment(of order: Int) throws -> Shipment? {
        try store.database.queryOne(
            "SELECT order_id, tracking_number FROM shipments WHERE order_id = ?", order
        ).map { row in
            Shipment(orderID: try row.int("order_id"), trackingNumber: try row.string("tracking_number"))
        }
    }
}
