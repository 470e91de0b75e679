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
        // The app sends "QRIS", the counter "cash": store the one spelling the table accepts.
        let method = input.method.lowercased()
        guard PaymentStore.methods.contains(method) else {
            throw HTTPError.validation([
                (field: "method", message: "Pay with \(PaymentStore.methods.joined(separator: ", ")).")
            ])
        }
        // No try?: when the payment cannot be stored, BackendKit answers 500 with the request id and
        // logs the error with it, so the customer and the shop both learn that it was not recorded.
        let payment = try payments.record(
            orderID: orderID, amount: input.amount, method: method, at: request.now)
        request.logger.info(
            "payment received",
            ["order_id": .int(orderID), "amount": .int(payment.amount), "method": .string(method)])
        return try .created(payment, location: "/orders/\(orderID)/payments")
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

/// `GET /orders/:id/payments`.
struct PaymentList: Encodable, Sendable {
    var payments: [Payment]
    var due: Int
}
