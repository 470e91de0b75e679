import BackendKit
import Foundation

/// An order as the API shows it. The amount is whole rupiah: the rupiah has no smaller unit in use.
struct Order: Codable, Sendable, Equatable {
    var id: Int
    var customer: String
    var amount: Int
    /// `pending` until the gateway confirms the payment, then `paid`.
    var status: String
    var createdAt: String
    var paidAt: String?
    /// The gateway's id of the payment that paid the order.
    var paymentID: String?

    enum CodingKeys: String, CodingKey {
        case id, customer, amount, status
        case createdAt = "created_at"
        case paidAt = "paid_at"
        case paymentID = "payment_id"
    }
}

extension Order {
    init(row: Row) throws {
        id = try row.int("id")
        customer = try row.string("customer")
        amount = try row.int("amount")
        status = try row.string("status")
        createdAt = try row.string("created_at")
        paidAt = try row.get("paid_at", as: String?.self)
        paymentID = try row.get("payment_id", as: String?.self)
    }
}

/// The body of `POST /orders`.
struct OrderInput: Decodable, Sendable {
    var customer: String
    var amount: Int
}

/// One event the payment gateway sends to `POST /webhooks/payments`, for example
/// `{"id":"evt_1","type":"payment.succeeded","data":{"order_id":7,"amount":55000,"payment_id":"pay_1"}}`.
struct PaymentEvent: Decodable, Sendable {
    struct Payment: Decodable, Sendable {
        var orderID: Int
        var amount: Int
        var paymentID: String

        enum CodingKeys: String, CodingKey {
            case orderID = "order_id"
            case amount
            case paymentID = "payment_id"
        }
    }

    var id: String
    var type: String
    var data: Payment
}
