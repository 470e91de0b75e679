import BackendKit
import Foundation

/// `GET /health`, placing an order and reading it back.
struct OrderRoutes: Sendable {
    let store: CheckoutStore

    static let customerLengths = 1...100
    /// Whole rupiah, up to Rp 100 million: a bigger order goes through a sales person, not a form.
    static let amounts = 1...100_000_000

    func register(on router: Router) {
        router.get("/health") { _ in try .json(["status": "ok"]) }
        router.post("/orders") { request in try place(request) }
        router.get("/orders/:id") { request in try show(request) }
    }

    /// `POST /orders` with `{"customer": "Ayu", "amount": 55000}`: 201 with the unpaid order.
    func place(_ request: Request) throws -> Response {
        try request.requireContentType()
        let input = try request.decode(OrderInput.self)
        var problems: [(field: String, message: String)] = []
        if !Self.customerLengths.contains(input.customer.count) {
            problems.append((field: "customer", message: "Give a name of 1 to 100 characters."))
        }
        if !Self.amounts.contains(input.amount) {
            problems.append((field: "amount", message: "The amount is whole rupiah, from 1 to 100000000."))
        }
        guard problems.isEmpty else { throw HTTPError.validation(problems) }
        let order = try store.createOrder(input, at: request.now)
        return try .created(order, location: "/orders/\(order.id)")
    }

    /// `GET /orders/:id`.
    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard let order = try store.order(id: id) else {
            throw HTTPError.notFound("There is no order \(id).")
        }
        return try .json(order)
    }
}
