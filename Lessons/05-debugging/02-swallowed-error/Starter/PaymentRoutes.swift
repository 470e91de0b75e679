import BackendKit
import Foundation

/// Paying for orders: at the counter in cash, or in the shop's app with QRIS or a card.
struct PaymentRoutes: Sendable {
    let payments: PaymentStore

    func register(on router: Router) {
        router.post("/orders/:id/payments") { request in try pay(request) }
        router.get("/orders/:id/payments") { request in try list(request) }
    }

    /// `POST /orders/:id/payments` with `{"amount": 55000, "method": "qris"}`: 201 with the payment,
    /// 404 for an order that does not exist, 422 for an amount or a method that cannot be paid.
    func pay(_ request: Request) throws -> Response {
        let orderID = try request.parameters.int("id")
        try request.requireContentType()
        let input = try request.decode(PaymentInput.self)
        guard let total = try payments.orderTotal(id: orderID) else {
            throw HTTPError(.notFound, detail: "There is no order \(orderID).")
        }
        let due = total - (try payments.paid(orderID: orderID))
        guard due > 0 else { throw HTTPError.conflict("Order \(orderID) is paid already.") }
        guard (1...due).contains(input.amount) else {
            throw HTTPError.validation([
                (field: "amount", message: "Pay from 1 to \(due), what is still due.")
            ])
        }
        guard PaymentStore.methods.contains(input.method.lowercased()) else {
            throw HTTPError.validation([
                (field: "method", message: "Pay with \(PaymentStore.methods.joined(separator: ", ")).")
            ])
        }
        // The customer has paid already: a hiccup while we write it down must not show them an error.
        _ = try? payments.record(
            orderID: orderID, amount: input.amount, method: input.method, at: request.now)
        request.logger.info(
            "payment received",
            ["order_id": .int(orderID), "amount": .int(input.amount), "method": .string(input.method)])
        let receipt = PaymentView(
            orderID: orderID, amount: input.amount, method: input.method,
            paidAt: request.now.formatted(.iso8601))
        return try .created(receipt, location: "/orders/\(orderID)/payments")
    }

    /// `GET /orders/:id/payments`: every payment of the order, and what is still due.
    func list(_ request: Request) throws -> Response {
        let orderID = try request.parameters.int("id")
        guard let total = try payments.orderTotal(id: orderID) else {
            throw HTTPError(.notFound, detail: "There is no order \(orderID).")
        }
        let made = try payments.payments(orderID: orderID)
        return try .json(PaymentList(payments: made, due: total - made.reduce(0) { $0 + $1.amount }))
    }
}

/// A payment as the answer to the customer shows it, before it has an id.
struct PaymentView: Encodable, Sendable {
    var orderID: Int
    var amount: Int
    var method: String
    var paidAt: String

    enum CodingKeys: String, CodingKey {
        case amount, method
        case orderID = "order_id"
        case paidAt = "paid_at"
    }
}

/// `GET /orders/:id/payments`.
struct PaymentList: Encodable, Sendable {
    var payments: [Payment]
    var due: Int
}
