import BackendKit
import Foundation
import GraderKit

/// Helpers of the outbox step: a server with the mail service, paid events with a receipt address,
/// and the outbox table read back.
enum Outbox {
    static let variable = "MAIL_URL"

    /// Starts the server with the usual webhook secret and `mail` as its mail service, and the
    /// statement log on (it stays on for the whole exercise).
    static func start(_ t: TestContext, _ mail: FakeMailService) throws {
        try t.enableStatementLog()
        try Checkout.start(t, environment: [variable: mail.url])
    }

    /// A fresh mail service scripted with `next`, and the server started with it on an empty outbox,
    /// so a receipt an earlier check left pending does not reach this check's mail service.
    static func started(_ t: TestContext, _ next: [FakeMailService.Next] = []) throws -> FakeMailService {
        try t.prepareDatabase { db in
            let tables = try db.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")
            if !tables.isEmpty { try db.execute("DELETE FROM outbox") }
        }
        let mail = try t.fakeMail()
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
