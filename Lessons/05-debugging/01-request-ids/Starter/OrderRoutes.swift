import BackendKit
import Foundation

/// Placing and reading orders.
struct OrderRoutes: Sendable {
    let store: WarungStore

    static let customerLengths = 1...100
    static let maxNoteLength = 500
    static let maxLines = 50
    static let quantities = 1...100

    func register(on router: Router) {
        router.post("/orders") { request in try place(request) }
        router.get("/orders/:id") { request in try show(request) }
    }

    /// `POST /orders`: 201 with the order, 422 for a wrong field, 409 when a product ran out.
    func place(_ request: Request) throws -> Response {
        try request.requireContentType()
        let input = try request.decode(OrderInput.self)
        try Self.validate(input)
        switch try store.placeOrder(input, at: request.now) {
        case .success(let order):
            AppLog.info(
                "order \(order.id) placed by \(order.customer): \(order.items.count) lines, total Rp \(order.total)"
                    + (order.note.map { ", note: \($0)" } ?? ""))
            return try .created(order, location: "/orders/\(order.id)")
        case .failure(.unknownProduct(let id)):
            throw HTTPError.validation([(field: "items", message: "There is no product \(id).")])
        case .failure(.notEnoughStock(let product, let left)):
            throw HTTPError.conflict("Only \(left) left of \(product).")
        }
    }

    /// `GET /orders/:id`.
    func show(_ request: Request) throws -> Response {
        let id = try request.parameters.int("id")
        guard let order = try store.order(id: id) else {
            throw HTTPError(.notFound, detail: "There is no order \(id).")
        }
        return try .json(order)
    }

    static func validate(_ input: OrderInput) throws {
        var problems: [(field: String, message: String)] = []
        if !customerLengths.contains(input.customer.count) {
            problems.append(
                (field: "customer", message: "Give a name of 1 to \(customerLengths.upperBound) characters."))
        }
        if let note = input.note, note.count > maxNoteLength {
            problems.append((field: "note", message: "Keep the note to \(maxNoteLength) characters."))
        }
        if input.items.isEmpty || input.items.count > maxLines {
            problems.append((field: "items", message: "Order 1 to \(maxLines) lines."))
        } else if input.items.contains(where: { !quantities.contains($0.quantity) }) {
            problems.append(
                (
                    field: "items",
                    message: "Each quantity is a whole number from 1 to \(quantities.upperBound)."
                ))
        }
        guard problems.isEmpty else { throw HTTPError.validation(problems) }
    }
}
