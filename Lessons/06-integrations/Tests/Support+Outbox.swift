import BackendKit
import Foundation
import GraderKit

/// The grader's mail service for the outbox step. Like `t.fakeMail()` it takes `POST /messages`
/// (`from`, `to`, `subject`, `text`) and answers `202 {"id": "msg-1"}`; it also keeps the promise
/// real mail APIs make about `Idempotency-Key` (Resend's, for one): a send whose key it accepted
/// before is answered as the first was and delivered nowhere. So a resend with the same key after a
/// crash reaches the customer once, and a resend without one twice.
///
/// `script` decides what the next sends meet: a refusal, a service that accepts and then does not
/// answer (the grader kills the server meanwhile), one that hangs, one that answers very slowly.
final class ReceiptMail: @unchecked Sendable {
    // @unchecked Sendable: `plan`, `stored` and `keys` are guarded by `lock`.
    enum Next: Sendable {
        /// Accepted and answered at once (the default when nothing is scripted).
        case accept
        /// Refused with this status; nothing is delivered.
        case fail(Int)
        /// Delivered, and then no answer for 30 seconds: the sender cannot know it went through.
        case acceptAndHold
        /// Never answered, nothing delivered.
        case hang
        /// The status line at once, then the body one byte every half second: only a deadline on
        /// the whole call ends it. Nothing delivered.
        case trickle
    }

    /// One message the customer got.
    struct Delivery: Sendable {
        var id: String
        var to: [String]
        var subject: String
        var text: String
        var key: String?
    }

    let upstream: FakeUpstream
    var url: String { upstream.url }

    private let lock = NSLock()
    private var plan: [Next] = []
    private var stored: [Delivery] = []
    private var keys: [String: String] = [:]

    init(_ t: TestContext) throws {
        upstream = try t.fakeUpstream("mail")
        // The script holds this fake for as long as the upstream runs (to the end of the exercise), so
        // a check that keeps only its URL still gets answers.
        try upstream.on(
            .post, "/messages", [.custom { request in self.answer(request) }])
    }

    /// What the next sends meet, in order; afterwards every send is accepted.
    func script(_ next: [Next]) { lock.withLock { plan += next } }

    /// Every message delivered so far (a resend with a known key is not one).
    var deliveries: [Delivery] { lock.withLock { stored } }

    /// Every send that reached the service, delivered or not.
    var attempts: [UpstreamRequest] { upstream.requests(to: "/messages") }

    /// Waits until `count` sends reached the service; `nil` when they did not within `timeout`.
    func waitForAttempts(_ count: Int, timeout: Duration = .seconds(5)) -> [UpstreamRequest]? {
        let found = upstream.waitForRequests(count, to: "/messages", timeout: timeout)
        return found.count >= count ? found : nil
    }

    /// Waits until `count` messages were delivered, up to `timeout`, and returns them all.
    func waitForDeliveries(_ count: Int, timeout: Duration = .seconds(5)) -> [Delivery] {
        let deadline = ContinuousClock.now + timeout
        while deliveries.count < count && ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        return deliveries
    }

    private func answer(_ request: UpstreamRequest) -> UpstreamBehaviour {
        guard let json = request.json else { return .json(["error": "the body is not JSON"], status: 422) }
        let to = json["to"]?.string.map { [$0] } ?? json["to"]?.array?.compactMap(\.string) ?? []
        guard json["from"]?.string != nil, !to.isEmpty, let subject = json["subject"]?.string,
            let text = json["text"]?.string
        else {
            return .json(
                ["error": "a message needs from, to (a string or an array), subject and text, all strings"],
                status: 422)
        }
        let key = request.headers["Idempotency-Key"]
        let next = lock.withLock { plan.isEmpty ? Next.accept : plan.removeFirst() }
        switch next {
        case .fail(let status):
            return .json(["error": "the mail service is failing on purpose"], status: status)
        case .hang:
            return .neverAnswer
        case .trickle:
            let body = Data(#"{"id": "msg-slow", "note": "this answer arrives one byte at a time"}"#.utf8)
            return .trickle(status: 202, body: body, chunkBytes: 1, interval: .milliseconds(500))
        case .accept, .acceptAndHold:
            let id: String = lock.withLock {
                if let key, let known = keys[key] { return known }
                let id = "msg-\(stored.count + 1)"
                stored.append(Delivery(id: id, to: to, subject: subject, text: text, key: key))
                if let key { keys[key] = id }
                return id
            }
            let accepted = UpstreamBehaviour.json(["id": .string(id)], status: 202)
            if case .acceptAndHold = next { return .delay(.seconds(30), then: accepted) }
            return accepted
        }
    }
}

/// Helpers of the outbox step: a server with the mail service, paid events with a receipt address,
/// and the outbox table read back.
enum Outbox {
    static let variable = "MAIL_URL"

    /// Starts the server with the usual webhook secret and `mail` as its mail service, and the
    /// statement log on (it stays on for the whole exercise).
    static func start(_ t: TestContext, _ mail: ReceiptMail) throws {
        try t.enableStatementLog()
        try Checkout.start(t, environment: [variable: mail.url])
    }

    /// A fresh mail service scripted with `next`, and the server started with it on an empty outbox,
    /// so a receipt an earlier check left pending does not reach this check's mail service.
    static func started(_ t: TestContext, _ next: [ReceiptMail.Next] = []) throws -> ReceiptMail {
        try t.prepareDatabase { db in
            let tables = try db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
            if !tables.isEmpty { try db.execute("DELETE FROM outbox") }
        }
        let mail = try ReceiptMail(t)
        mail.script(next)
        try start(t, mail)
        return mail
    }

    /// The address each order's receipt goes to.
    static func email(_ order: Int) -> String { "buyer\(order)@example.com" }

    /// A `payment.succeeded` for `order` with its `receipt_email`, compact with sorted keys.
    static func paidEvent(order: Int, tag: String = "a") -> Data {
        event(order: order, type: "payment.succeeded", tag: tag)
    }

    /// An event of `type` for `order`, carrying the order's `receipt_email` as every event of the
    /// payment does.
    static func event(order: Int, type: String, tag: String) -> Data {
        let event: JSONValue = [
            "id": .string("evt_\(order)\(tag)"), "type": .string(type),
            "data": [
                "order_id": .number(Double(order)), "amount": .number(Double(Checkout.amount)),
                "payment_id": .string("pay_\(order)"), "receipt_email": .string(email(order)),
            ],
        ]
        return Data(event.description.utf8)
    }

    /// Places an order and delivers the signed event that pays it, expecting 200.
    @discardableResult
    static func payOrder(_ t: TestContext) throws -> (order: Int, answer: ClientResponse) {
        let order = try Checkout.placeOrder(t)
        let answer = try given(
            Words(
                "the gateway's payment.succeeded answered 200",
                id: "payment.succeeded dari gateway dijawab 200")
        ) {
            try Checkout.deliverSigned(t, paidEvent(order: order)).expectStatus(200)
        }
        return (order, answer)
    }

    /// The outbox rows of `order`, oldest first.
    static func rows(_ t: TestContext, of order: Int) throws -> [Row] {
        try t.database().query(
            "SELECT id, recipient, status, attempts, next_attempt_at, last_error, sent_at FROM outbox WHERE order_id = ? ORDER BY id",
            order)
    }

    /// Waits up to `timeout` until the one outbox row of `order` satisfies `done`; returns the
    /// last row seen (`nil` when there is none).
    static func waitForRow(
        _ t: TestContext, of order: Int, timeout: Duration = .seconds(3), until done: (Row) throws -> Bool
    ) throws -> Row? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let row = try rows(t, of: order).first
            if let row, try done(row) { return row }
            if ContinuousClock.now >= deadline { return row }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// The row's status column.
    static func status(_ row: Row?) throws -> String? { try row?.string("status") }
}
