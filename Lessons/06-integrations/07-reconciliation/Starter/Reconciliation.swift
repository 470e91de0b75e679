import BackendKit
import Foundation

/// The parts of the reconciliation that decide whether it can be trusted: reading every payment
/// exactly once, comparing amounts exactly, and reporting every kind of difference.
extension Reconciler {
    /// The client for the gateway at `GATEWAY_URL`, sending `Authorization: Bearer <GATEWAY_API_KEY>`
    /// with every call. A page of 100 payments comes in well under a second: each call gives up
    /// after 3 seconds, so a stuck gateway fails the run instead of holding it.
    static func gatewayClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> OutboundClient
    {
        // TODO(learner): refuse to start without GATEWAY_API_KEY (throw ConfigError.missing, naming
        // apiKeyVariable, never the key), build the client for GATEWAY_URL with
        // OutboundClient.Timeouts(connect: 1 s, read: 2 s, total: 3 s), and send the key with every call:
        // client.defaultHeaders["Authorization"] = "Bearer \(key)".
        try OutboundClient.fromEnvironment(urlVariable, environment: environment)
    }

    /// Every payment the gateway made after `since`, page by page: each page starts after the last
    /// payment of the one before, until the gateway says there are no more.
    func fetchPayments(createdAfter since: Int) async throws -> [GatewayPayment] {
        // TODO(learner): GET /payments?created_after=<since>&limit=<pageSize>, then again with
        // &starting_after=<id of the last payment of the page before> while has_more is true. Throw
        // GatewayProblem for a failed call, a status that is not 2xx, or a body that is not a
        // GatewayPage; and when has_more comes with no new last id (a cursor you used before), or after
        // maximumPages pages: a gateway that never says "no more" must not keep the run forever.
        throw HTTPError(
            .notImplemented,
            detail: "TODO: read the gateway's payments, page by page, in Reconciliation.swift.")
    }

    /// `"55000.00"` as 55000 rupiah; `nil` for anything else (`"55000.50"`, `"5.5e4"`, `""`): an
    /// amount the shop cannot read exactly is not equal to any order's.
    static func wholeRupiah(_ amount: String) -> Int? {
        // TODO(learner): 1 to 12 ASCII digits, optionally followed by ".00"; anything else is nil. Do not
        // go through Double, and do not compare the text with "\(order.amount)": "55000.00" is 55000.
        nil
    }

    /// The differences between the gateway's `payments` and the shop's `orders` (every order paid in
    /// the window, and every order a payment names), by order id.
    static func differences(payments: [GatewayPayment], orders: [Order]) -> [Difference] {
        // TODO(learner): group the payments by order id. For each order id: no such order, or an order
        // still pending, is .paidAtGatewayOnly (a lost webhook); every payment after the first is
        // .duplicatePayment; every payment whose wholeRupiah(amount) is not the order's amount is
        // .amountMismatch. Then every order that is paid here with a paymentID the gateway did not list
        // is .unknownToGateway. Report them; change nothing.
        []
    }
}
