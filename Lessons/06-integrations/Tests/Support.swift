import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Integrations module's hidden tests: the grader plays the payment gateway.
enum Checkout {
    /// The secret the gateway and the server share in most checks.
    static let secret = "whsec_grader_current_7Qm2Xv9pLkA4"
    /// The secret that replaces it in the rotation checks.
    static let newSecret = "whsec_grader_rotated_N4b8Rt1sZeQ6"
    /// A secret the server was never given: what a forger signs with.
    static let forgerSecret = "whsec_guessed_by_a_forger_0000000"

    /// The amount of every order the checks pay: Rp 55,000.
    static let amount = 55_000

    /// Where the services a check does not play live: nothing listens on port 9, so a call fails
    /// at once. From step 3 on the server refuses to start without each service's variable, so a
    /// check of a later step gets every earlier step's variables, and the one it plays replaces
    /// its placeholder.
    static let servicesNotPlayed: [String: String] = [
        "SHIPPING_URL": "http://127.0.0.1:9",
        "MAIL_URL": "http://127.0.0.1:9",
    ]

    /// The usual settings without `variable`: what a check that the server refuses to start
    /// without it sets, so the server stops for that variable and not for another one.
    static func settings(without variable: String) -> [String: String] {
        servicesNotPlayed.merging(["WEBHOOK_SECRETS": secret]) { _, usual in usual }.filter {
            $0.key != variable
        }
    }

    /// Starts the learner's server with these webhook secrets (the server refuses to start without one).
    static func start(_ t: TestContext, secrets: [String] = [secret], environment: [String: String] = [:])
        throws
    {
        let settings = environment.merging(["WEBHOOK_SECRETS": secrets.joined(separator: ",")]) {
            given, _ in given
        }
        try t.startServer(environment: settings.merging(servicesNotPlayed) { given, _ in given })
    }

    /// Starts the server with the usual secret unless it is running.
    static func ensureStarted(_ t: TestContext) throws {
        if !t.isServerRunning { try start(t) }
    }

    /// Places an order of `amount` through the API and returns its id.
    static func placeOrder(_ t: TestContext, customer: String = "Ayu") throws -> Int {
        try ensureStarted(t)
        return try given(Words("POST /orders to place an order", id: "POST /orders untuk membuat pesanan")) {
            let placed = try t.http.post(
                "/orders", json: ["customer": .string(customer), "amount": .number(Double(amount))]
            ).expectStatus(201)
            return try requireValue(
                try placed.json()["id"]?.int,
                Words("the order's id in the answer", id: "id pesanan di jawabannya"),
                response: placed)
        }
    }

    /// The order's `status` as `GET /orders/:id` shows it.
    static func status(_ t: TestContext, of order: Int) throws -> (String, ClientResponse) {
        let shown = try t.http.get("/orders/\(order)").expectStatus(200)
        let status = try requireValue(
            try shown.json()["status"]?.string,
            Words("the status in GET /orders/\(order)", id: "status di GET /orders/\(order)"), response: shown
        )
        return (status, shown)
    }

    /// The event the gateway sends when order `order` was paid, as compact JSON with sorted keys.
    static func paidEvent(order: Int, amount: Int = amount, tag: String = "a") -> Data {
        event(
            "evt_\(order)\(tag)", "payment.succeeded", order: order, amount: amount,
            paymentID: "pay_\(order)\(tag)")
    }

    /// The gateway's time on the server's clock, in whole seconds, as a `t` is written.
    static func now(_ t: TestContext) -> Int { Int(t.serverNow.timeIntervalSince1970) }

    /// The hex HMAC-SHA256 of `"<timestamp>.<body>"` under `secret`: one v1 value.
    static func signature(_ body: Data, at timestamp: Int, secret: String = secret) -> String {
        let signed = Array("\(timestamp).".utf8) + Array(body)
        return Hex.encode(HMACSHA256.authenticationCode(for: signed, key: Array(secret.utf8)))
    }

    /// A whole `Gateway-Signature` value: `t=<timestamp>,v1=<sig>` with one v1 per secret.
    static func header(_ body: Data, at timestamp: Int, secrets: [String] = [secret]) -> String {
        (["t=\(timestamp)"] + secrets.map { "v1=" + signature(body, at: timestamp, secret: $0) })
            .joined(separator: ",")
    }

    /// POSTs a delivery to the webhook, with `signature` as its `Gateway-Signature` (none when nil).
    static func deliver(_ t: TestContext, _ body: Data, signature: String?) throws -> ClientResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let signature { headers["Gateway-Signature"] = signature }
        return try t.http.send(.post, "/webhooks/payments", headers: headers, body: body)
    }

    /// Signs and delivers the event that pays `order`, and expects it accepted and the order paid.
    static func expectAccepted(
        _ t: TestContext, _ body: Data, signature: String, order: Int, what: Words, hint: Words
    ) throws {
        let answer = try deliver(t, body, signature: signature)
        guard (200...299).contains(answer.status) else {
            throw answer.failure(
                Words(
                    "\(what.en): refused with \(answer.status), but the gateway really sent it; it should be answered 200",
                    id:
                        "\(what[.id]): ditolak dengan \(answer.status), padahal gateway benar-benar mengirimnya; seharusnya dijawab 200"
                ), hint: hint)
        }
        let (status, shown) = try Checkout.status(t, of: order)
        try requireEqual(
            status, "paid",
            Words(
                "the order's status after \(what.en) was accepted",
                id: "status pesanan setelah \(what[.id]) diterima"),
            response: shown)
    }

    /// Expects `answer` to refuse `what` with `status`; the failure names the delivery and the mistake.
    static func expectRefused(_ answer: ClientResponse, _ status: Int, what: Words, hint: Words) throws {
        guard answer.status != status else { return }
        if (200...299).contains(answer.status) {
            throw answer.failure(
                Words(
                    "\(what.en): accepted with \(answer.status); it must be refused with \(status) and change nothing",
                    id:
                        "\(what[.id]): diterima dengan \(answer.status); seharusnya ditolak dengan \(status) tanpa mengubah apa pun"
                ),
                hint: hint)
        }
        throw answer.failure(
            Words(
                "\(what.en): answered \(answer.status); expected \(status)",
                id: "\(what[.id]): dijawab \(answer.status); seharusnya \(status)"),
            hint: hint)
    }

    /// Every row of `orders`, as text, to compare before and after.
    static func ordersTable(_ t: TestContext) throws -> [String] {
        try t.database().query(
            "SELECT id, customer, amount, status, created_at, paid_at, payment_id FROM orders ORDER BY id"
        ).map(\.description)
    }

    /// A gateway event of any type for `order`, compact with sorted keys.
    static func event(
        _ id: String, _ type: String, order: Int, amount: Int = amount, paymentID: String? = nil
    ) -> Data {
        let event: JSONValue = [
            "id": .string(id), "type": .string(type),
            "data": [
                "order_id": .number(Double(order)), "amount": .number(Double(amount)),
                "payment_id": .string(paymentID ?? "pay_\(order)"),
            ],
        ]
        return Data(event.description.utf8)
    }

    /// Delivers `body` signed just now with the server's secret, as the gateway does.
    static func deliverSigned(_ t: TestContext, _ body: Data) throws -> ClientResponse {
        try deliver(t, body, signature: header(body, at: now(t)))
    }

    /// The sum and the number of the order's ledger entries, from `GET /orders/:id/ledger`.
    static func ledger(_ t: TestContext, of order: Int) throws -> (
        balance: Int, entries: Int, response: ClientResponse
    ) {
        let shown = try t.http.get("/orders/\(order)/ledger").expectStatus(200)
        let json = try shown.json()
        let entries = try requireValue(
            json["entries"]?.array,
            Words("the entries in GET /orders/\(order)/ledger", id: "entries di GET /orders/\(order)/ledger"),
            response: shown)
        let balance = try requireValue(
            json["balance"]?.int,
            Words("the balance in GET /orders/\(order)/ledger", id: "balance di GET /orders/\(order)/ledger"),
            response: shown)
        return (balance, entries.count, shown)
    }
}
