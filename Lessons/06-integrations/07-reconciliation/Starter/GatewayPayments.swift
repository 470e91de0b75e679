import BackendKit
import Foundation

/// One payment as the gateway's list API shows it, for example
/// `{"id": "pay_7a", "order_id": 7, "amount": "55000.00", "created": 1796150480}`. The amount is
/// text with two decimals, the way Indonesian gateways such as Midtrans write `gross_amount`.
struct GatewayPayment: Decodable, Sendable, Equatable {
    var id: String
    var orderID: Int
    var amount: String
    /// When the payment was made, in Unix seconds.
    var created: Int

    enum CodingKeys: String, CodingKey {
        case id
        case orderID = "order_id"
        case amount, created
    }
}

/// One page of `GET /payments`: at most `limit` payments, oldest first, and whether more follow.
/// The next page is asked for with `starting_after=<id of the last payment of this page>`, as in
/// Stripe's list API.
struct GatewayPage: Decodable, Sendable {
    var data: [GatewayPayment]
    var hasMore: Bool

    enum CodingKeys: String, CodingKey {
        case data
        case hasMore = "has_more"
    }
}

/// One thing the gateway and the shop disagree about.
struct Difference: Codable, Sendable, Equatable {
    enum Kind: String, Codable, Sendable {
        /// The gateway took the money; here the order is still pending (or unknown): a lost webhook.
        case paidAtGatewayOnly = "paid_at_gateway_only"
        /// The order is paid here, and the gateway has no such payment.
        case unknownToGateway = "unknown_to_gateway"
        /// The gateway's amount is not the order's.
        case amountMismatch = "amount_mismatch"
        /// The gateway has more than one payment for the order: the customer may have paid twice.
        case duplicatePayment = "duplicate_payment"
    }

    var kind: Kind
    var orderID: Int
    var paymentID: String?
    /// A sentence for the person who looks into it.
    var detail: String

    enum CodingKeys: String, CodingKey {
        case kind
        case orderID = "order_id"
        case paymentID = "payment_id"
        case detail
    }
}

/// Why a reconciliation could not read the gateway's payments: answered 502, and nothing is stored.
struct GatewayProblem: Error, CustomStringConvertible {
    var description: String
}
