import BackendKit
import Foundation
import GraderKit

/// The grader's payment gateway for the reconciliation step: its list API, `GET /payments`, with
/// Stripe's cursor paging (`created_after`, `limit` from 1 to 100, `starting_after`, `has_more`)
/// and Midtrans-style amounts (`"55000.00"`). It answers only with the right
/// `Authorization: Bearer` key, and keeps every request, so a check can see what the server asked.
final class FakeGateway: @unchecked Sendable {
    // @unchecked Sendable: `listed` and `mode` are guarded by `lock`.
    static let apiKey = "sk_grader_gateway_9fQ2mX7vLp3RtW6b"

    /// How the list API behaves.
    enum Mode: Sendable {
        /// As documented.
        case normal
        /// Every page is the first page with `has_more: true`: a broken cursor.
        case repeatsCursor
        /// The status line at once, then the body one byte every half second.
        case trickles
    }

    /// One payment the gateway took.
    struct Payment: Sendable {
        var id: String
        var orderID: Int
        var amount: String
        var created: Int

        var json: JSONValue {
            [
                "id": .string(id), "order_id": .number(Double(orderID)), "amount": .string(amount),
                "created": .number(Double(created)), "currency": "idr", "status": "succeeded",
            ]
        }
    }

    let upstream: FakeUpstream
    var url: String { upstream.url }

    private let lock = NSLock()
    private var listed: [Payment] = []
    private var mode = Mode.normal

    init(_ t: TestContext) throws {
        upstream = try t.fakeUpstream("gateway")
        // The script holds this fake for as long as the upstream runs (to the end of the exercise), so
        // a check that keeps only its URL still gets answers.
        try upstream.on(
            .get, "/payments", [.custom { request in self.answer(request) }])
    }

    func list(_ payments: [Payment]) { lock.withLock { listed = payments } }
    func behave(_ mode: Mode) { lock.withLock { self.mode = mode } }

    /// Every request the server sent the gateway, whatever its method.
    var requests: [UpstreamRequest] { upstream.requests }

    /// The value of `name` in the request's query.
    static func query(_ request: UpstreamRequest, _ name: String) -> String? {
        URLComponents(string: "http://gateway" + request.target)?.queryItems?.first { $0.name == name }?.value
    }

    private func answer(_ request: UpstreamRequest) -> UpstreamBehaviour {
        guard request.headers["Authorization"] == "Bearer \(Self.apiKey)" else {
            return .json(["error": "send Authorization: Bearer <your secret API key>"], status: 401)
        }
        guard let after = Self.query(request, "created_after").flatMap(Int.init) else {
            return .json(["error": "created_after (Unix seconds) is required"], status: 400)
        }
        let limit = Self.query(request, "limit").map { Int($0) ?? 0 } ?? 10
        guard (1...100).contains(limit) else {
            return .json(["error": "limit must be between 1 and 100"], status: 400)
        }
        let (payments, mode) = lock.withLock { (listed, self.mode) }
        let window = payments.filter { $0.created > after }.sorted {
            ($0.created, $0.id) < ($1.created, $1.id)
        }
        var start = 0
        if mode != .repeatsCursor, let cursor = Self.query(request, "starting_after") {
            guard let index = window.firstIndex(where: { $0.id == cursor }) else {
                return .json(["error": .string("No such payment: \(cursor)")], status: 400)
            }
            start = index + 1
        }
        let page = Array(window[start..<min(start + limit, window.count)])
        let hasMore = mode == .repeatsCursor || start + limit < window.count
        let body: JSONValue = ["data": .array(page.map(\.json)), "has_more": .bool(hasMore)]
        if mode == .trickles {
            return .trickle(
                status: 200, body: Data(body.description.utf8), chunkBytes: 1, interval: .milliseconds(500))
        }
        return .json(body)
    }
}

/// Helpers of the reconciliation step: a server with a gateway, orders written straight into the
/// database, and a run.
enum Reconciliation {
    static let adminToken = "admin_grader_token_4Kd9sW2qZ7"

    /// The environment of every start: a mail service, the gateway and its key, the admin token,
    /// and the placeholders of the services no check of this step plays (the shipping API).
    static func environment(_ t: TestContext, _ gateway: FakeGateway) throws -> [String: String] {
        Checkout.servicesNotPlayed.merging([
            Outbox.variable: try t.fakeMail().url, "GATEWAY_URL": gateway.url,
            "GATEWAY_API_KEY": FakeGateway.apiKey, "ADMIN_TOKEN": adminToken,
        ]) { _, played in played }
    }

    /// One order as the checks write it: paid (with its payment id) or pending.
    struct Seed {
        var id: Int
        var paymentID: String?
        var amount = Checkout.amount
    }

    /// Starts the server on a database holding exactly `orders` (paid when they have a payment id,
    /// paid an hour ago on the server's clock), with a fresh gateway listing `payments`.
    static func prepare(_ t: TestContext, orders: [Seed], payments: [FakeGateway.Payment]) throws
        -> FakeGateway
    {
        let gateway = try FakeGateway(t)
        gateway.list(payments)
        let environment = try environment(t, gateway)
        try Checkout.start(t, environment: environment)  // creates the tables
        let paidAt = t.serverNow.addingTimeInterval(-3600).formatted(.iso8601)
        let createdAt = t.serverNow.addingTimeInterval(-7200).formatted(.iso8601)
        try t.prepareDatabase { db in
            try db.executeScript(
                """
                DELETE FROM reconciliation_differences; DELETE FROM reconciliations; DELETE FROM outbox;
                DELETE FROM ledger; DELETE FROM processed_events; DELETE FROM orders;
                """)
            for order in orders {
                try db.execute(
                    """
                    INSERT INTO orders (id, customer, amount, status, created_at, paid_at, payment_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, order.id, "Customer \(order.id)", order.amount,
                    order.paymentID == nil ? "pending" : "paid",
                    createdAt, order.paymentID == nil ? nil : paidAt, order.paymentID)
            }
        }
        try Checkout.start(t, environment: environment)
        return gateway
    }

    /// A payment of `amount` for `order`, made `ago` seconds before the server's clock says now.
    static func payment(
        _ t: TestContext, _ id: String, order: Int, amount: String = "55000.00", ago: Int = 3600
    ) -> FakeGateway.Payment {
        FakeGateway.Payment(id: id, orderID: order, amount: amount, created: Checkout.now(t) - ago)
    }

    /// `POST /admin/reconciliations` with the admin token and no body (the last 24 hours).
    static func run(_ t: TestContext) throws -> ClientResponse {
        try t.http.post(
            "/admin/reconciliations", json: [:], headers: ["Authorization": "Bearer \(adminToken)"])
    }

    /// Runs a reconciliation and expects 201; returns the report's differences as (kind, order id)
    /// pairs, the number of payments it checked, and the answer.
    static func report(_ t: TestContext) throws -> (
        differences: [String], checked: Int, response: ClientResponse
    ) {
        let answer = try run(t).expectStatus(
            201,
            hint: Words(
                "POST /admin/reconciliations answers 201 with the report once fetchPayments and differences are written; a 502 names what the gateway answered.",
                id:
                    "POST /admin/reconciliations menjawab 201 dengan laporannya setelah fetchPayments dan differences ditulis; 502 menyebut apa jawaban gateway-nya."
            ))
        let json = try answer.json()
        let differences = try requireValue(
            json["differences"]?.array,
            Words("the differences in the report", id: "differences di laporannya"), response: answer)
        let checked = try requireValue(
            json["payments_checked"]?.int,
            Words("payments_checked in the report", id: "payments_checked di laporannya"), response: answer)
        let pairs = differences.map { "\($0["kind"]?.string ?? "?") \($0["order_id"]?.int ?? 0)" }.sorted()
        return (pairs, checked, answer)
    }
}
