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
        guard let key = environment[apiKeyVariable], !key.isEmpty else {
            throw ConfigError.missing(variable: apiKeyVariable, expected: "the gateway's secret API key")
        }
        var client = try OutboundClient.fromEnvironment(
            urlVariable,
            timeouts: OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(2), total: .seconds(3)),
            environment: environment)
        client.defaultHeaders["Authorization"] = "Bearer \(key)"
        return client
    }

    /// Every payment the gateway made after `since`, page by page: each page starts after the last
    /// payment of the one before, until the gateway says there are no more.
    func fetchPayments(createdAfter since: Int) async throws -> [GatewayPayment] {
        var payments: [GatewayPayment] = []
        var cursors: Set<String> = []
        var cursor: String?
        for _ in 0..<Self.maximumPages {
            var path = "/payments?created_after=\(since)&limit=\(Self.pageSize)"
            if let cursor {
                let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
                path += "&starting_after=\(encoded)"
            }
            let answer: OutboundResponse
            do {
                answer = try await gateway.get(path)
            } catch {
                throw GatewayProblem(description: error.description)
            }
            guard answer.isSuccess else {
                throw GatewayProblem(description: "GET /payments answered \(answer.status.code)")
            }
            let page: GatewayPage
            do {
                page = try answer.decode(GatewayPage.self)
            } catch {
                throw GatewayProblem(
                    description: "GET /payments answered something that is not a page of payments")
            }
            payments += page.data
            guard page.hasMore else { return payments }
            // The next page starts after this page's last payment. A gateway that gives the same
            // cursor twice would give the same pages forever.
            guard let last = page.data.last, cursors.insert(last.id).inserted else {
                throw GatewayProblem(
                    description: "GET /payments said has_more but gave no new payment to continue after")
            }
            cursor = last.id
        }
        throw GatewayProblem(description: "more than \(Self.maximumPages) pages of payments")
    }

    /// `"55000.00"` as 55000 rupiah; `nil` for anything else (`"55000.50"`, `"5.5e4"`, `""`): an
    /// amount the shop cannot read exactly is not equal to any order's.
    static func wholeRupiah(_ amount: String) -> Int? {
        let parts = amount.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...12).contains(whole.count), whole.allSatisfy(\.isASCII),
            whole.allSatisfy(\.isNumber)
        else { return nil }
        if parts.count == 2 && parts[1] != "00" { return nil }
        return Int(whole)
    }

    /// The differences between the gateway's `payments` and the shop's `orders` (every order paid in
    /// the window, and every order a payment names), by order id.
    static func differences(payments: [GatewayPayment], orders: [Order]) -> [Difference] {
        let ordersByID = Dictionary(orders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Difference] = []
        for (orderID, paid) in Dictionary(grouping: payments, by: \.orderID).sorted(by: { $0.key < $1.key }) {
            guard let order = ordersByID[orderID] else {
                found += paid.map {
                    Difference(
                        kind: .paidAtGatewayOnly, orderID: orderID, paymentID: $0.id,
                        detail: "The gateway took a payment for order \(orderID), which does not exist here.")
                }
                continue
            }
            for extra in paid.dropFirst() {
                found.append(
                    Difference(
                        kind: .duplicatePayment, orderID: orderID, paymentID: extra.id,
                        detail: "The gateway has \(paid.count) payments for order \(orderID).")
                )
            }
            for payment in paid where wholeRupiah(payment.amount) != order.amount {
                found.append(
                    Difference(
                        kind: .amountMismatch, orderID: orderID, paymentID: payment.id,
                        detail: "The gateway took \(payment.amount); the order is Rp \(order.amount).")
                )
            }
            if order.status == "pending" {
                found.append(
                    Difference(
                        kind: .paidAtGatewayOnly, orderID: orderID, paymentID: paid[0].id,
                        detail: "Paid at the gateway, still pending here: its webhook was lost.")
                )
            }
        }
        let known = Set(payments.map(\.id))
        for order in orders where order.status == "paid" {
            guard let paymentID = order.paymentID, !known.contains(paymentID) else { continue }
            found.append(
                Difference(
                    kind: .unknownToGateway, orderID: order.id, paymentID: paymentID,
                    detail: "Paid here, and the gateway has no payment \(paymentID).")
            )
        }
        return found
    }
}
