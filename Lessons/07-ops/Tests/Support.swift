import BackendKit
import Foundation
import GraderKit

#if canImport(Glibc)
    import Glibc
#endif

/// Helpers shared by the Ops module's hidden tests: the grader plays the orchestrator (probes,
/// environment, log collector, metrics scraper, signals) around Module 6's checkout; it also plays
/// the payment gateway and the shipping service.
enum Shop {
    /// The webhook secret the server is started with (it refuses to start without one).
    static let secret = "whsec_grader_ops_Vb7Kq2Lm9Xs4Tz"

    /// The amount of every order the checks place: Rp 55,000.
    static let amount = 55_000

    /// The variables every check starts the server with, `extra` on top.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["WEBHOOK_SECRETS": secret].merging(extra) { _, given in given }
    }

    /// Starts the learner's server with the usual settings and `extra`.
    static func start(_ t: TestContext, _ extra: [String: String] = [:]) throws {
        try t.startServer(environment: environment(extra))
    }

    /// Starts the server with the usual settings unless it is running.
    static func ensureStarted(_ t: TestContext) throws {
        if !t.isServerRunning { try start(t) }
    }

    /// Places an order through the API and returns its id.
    static func placeOrder(_ t: TestContext, customer: String = "Ayu") throws -> Int {
        try ensureStarted(t)
        return try given(Words("POST /orders to place an order", id: "POST /orders untuk membuat pesanan")) {
            try placeOrder(through: t.http, customer: customer)
        }
    }

    /// `POST /orders` through `http` (the server, or one instance of it); the new order's id.
    static func placeOrder(through http: HTTPClient, customer: String) throws -> Int {
        let placed = try http.post(
            "/orders", json: ["customer": .string(customer), "amount": .number(Double(amount))]
        ).expectStatus(201)
        return try requireValue(
            try placed.json()["id"]?.int,
            Words("the order's id in the answer", id: "id pesanan di jawabannya"),
            response: placed)
    }

    /// The time a probe may take in the checks: Kubernetes gives a probe 1 second by default
    /// (timeoutSeconds); the grader allows twice that on a busy machine. A readiness check that waits
    /// the 5 seconds a request waits for the lock is over it either way.
    static let probeDeadline: Duration = .seconds(2)  // "2 seconds" in the messages below

    /// `GET path` with the probe's deadline. A request that does not answer in time fails the check
    /// with `slowHint`.
    static func probe(_ t: TestContext, _ path: String, slowHint: Words) throws -> ClientResponse {
        let usual = t.http.timeout
        t.http.timeout = probeDeadline
        defer { t.http.timeout = usual }
        do {
            return try t.http.get(path)
        } catch let failure as CheckFailure where failure.unmetPrecondition == nil {
            throw CheckFailure(
                Words(
                    "GET \(path) did not answer within 2 seconds: an orchestrator counts a probe that times out as failed. \(failure.message)",
                    id:
                        "GET \(path) tidak menjawab dalam 2 detik: orchestrator menganggap probe yang kehabisan waktu sebagai gagal. \(failure.message)"
                ), hint: slowHint)
        }
    }

    /// Runs `body` while the grader holds the database's write lock (`BEGIN IMMEDIATE` on a
    /// connection of its own), as a stuck job or a migration in another process would.
    static func whileLocked<T>(_ t: TestContext, _ body: () throws -> T) throws -> T {
        try ensureStarted(t)
        let holder = try Database(path: t.databasePath, maxConnections: 1)
        return try holder.transaction { _ in try body() }
    }

    /// The `status` and `reason` members of a probe's JSON answer (nil when absent).
    static func members(_ answer: ClientResponse) throws -> (status: String?, reason: String?) {
        let json = try answer.json()
        return (json["status"]?.string, json["reason"]?.string)
    }

    /// The hex HMAC-SHA256 of `"<timestamp>.<body>"` under the server's secret, as the gateway signs.
    static func signature(_ body: Data, at timestamp: Int) -> String {
        let signed = Array("\(timestamp).".utf8) + Array(body)
        return Hex.encode(HMACSHA256.authenticationCode(for: signed, key: Array(secret.utf8)))
    }

    /// A `payment.succeeded` event for `order`, paid by `paymentID`, as compact JSON.
    static func paidEvent(_ id: String, order: Int, paymentID: String) -> Data {
        let event: JSONValue = [
            "id": .string(id), "type": "payment.succeeded",
            "data": [
                "order_id": .number(Double(order)), "amount": .number(Double(amount)),
                "payment_id": .string(paymentID),
            ],
        ]
        return Data(event.description.utf8)
    }

    /// Delivers `body` to the webhook, signed just now (or with `signature` as the whole header).
    static func deliver(
        _ t: TestContext, _ body: Data, signature: String? = nil, headers extra: HTTPHeaders = [:]
    ) throws -> ClientResponse {
        let now = Int(t.serverNow.timeIntervalSince1970)
        var headers = extra
        headers["Content-Type"] = "application/json"
        headers["Gateway-Signature"] = signature ?? "t=\(now),v1=\(Self.signature(body, at: now))"
        return try t.http.send(.post, "/webhooks/payments", headers: headers, body: body)
    }

    /// Places an order through `http` and pays it with a signed `payment.succeeded`, as the gateway
    /// does; returns its id.
    static func paidOrder(_ t: TestContext, _ http: HTTPClient, customer: String = "Ayu") throws -> Int {
        try given(
            Words(
                "POST /orders and a signed payment to get a paid order",
                id: "POST /orders dan pembayaran bertanda tangan untuk mendapat pesanan yang sudah dibayar")
        ) {
            let order = try placeOrder(through: http, customer: customer)
            let body = paidEvent("evt_ops_\(order)", order: order, paymentID: "pay_ops_\(order)")
            let timestamp = Int(t.serverNow.timeIntervalSince1970)
            try http.send(
                .post, "/webhooks/payments",
                headers: [
                    "Content-Type": "application/json",
                    "Gateway-Signature": "t=\(timestamp),v1=\(signature(body, at: timestamp))",
                ],
                body: body
            ).expectStatus(200)
            return order
        }
    }

    /// The size of the database's write-ahead log, `nil` when there is no such file.
    static func walBytes(_ t: TestContext) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: t.databasePath + "-wal")
        return (attributes?[.size] as? NSNumber)?.intValue
    }
}

/// The fake shipping service. It holds every label until the check releases it (or `patience`
/// passed), so the check decides exactly which requests are in progress when it sends SIGTERM:
/// ordering, never milliseconds.
final class HeldShipping: @unchecked Sendable {
    // @unchecked Sendable: `released` is guarded by `condition`.
    let upstream: FakeUpstream
    private let patience: TimeInterval
    private let condition = NSCondition()
    private var released = true

    init(_ t: TestContext, patience: TimeInterval = 4) throws {
        self.patience = patience
        upstream = try t.fakeUpstream("shipping")
        try upstream.on(.post, "/labels", [.custom { [self] request in answer(request) }])
    }

    var environment: [String: String] { ["SHIPPING_URL": upstream.url] }

    /// Every label waits from now on, until `release`.
    func hold() { condition.withLock { released = false } }

    func release() {
        condition.withLock {
            released = true
            condition.broadcast()
        }
    }

    var isHolding: Bool { condition.withLock { !released } }

    /// The tracking number the service gives order `order`.
    static func trackingNumber(_ order: Int) -> String { "JNE-OPS-\(order)" }

    private func answer(_ request: UpstreamRequest) -> UpstreamBehaviour {
        condition.lock()
        let deadline = Date(timeIntervalSinceNow: patience)
        while !released && condition.wait(until: deadline) {}
        condition.unlock()
        let order = request.json?["order_id"]?.int ?? 0
        return .json(["tracking_number": .string(Self.trackingNumber(order))], status: 201)
    }
}

/// Requests sent on their own threads, collected later.
final class Background<T: Sendable>: @unchecked Sendable {
    // @unchecked Sendable: `results` is guarded by `lock`; `group` is thread-safe.
    private let lock = NSLock()
    private let group = DispatchGroup()
    private var results: [Int: Result<T, any Error>] = [:]
    let count: Int

    init(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T) {
        self.count = count
        for index in 0..<count {
            group.enter()
            Thread.detachNewThread { [self] in
                let result = Result { try body(index) }
                lock.withLock { results[index] = result }
                group.leave()
            }
        }
    }

    /// Every result in order, waiting up to `timeout`; one still running is a timeout failure.
    func wait(timeout: Duration = .seconds(8)) -> [Result<T, any Error>] {
        _ = group.wait(timeout: .now() + .milliseconds(Int(timeout.components.seconds) * 1000))
        return lock.withLock {
            (0..<count).map { index in
                results[index]
                    ?? .failure(
                        CheckFailure(
                            Words(
                                "still waiting for an answer after \(timeout)",
                                id: "masih menunggu jawaban setelah \(timeout)")))
            }
        }
    }
}
