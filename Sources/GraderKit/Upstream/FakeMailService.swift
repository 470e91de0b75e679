import BackendKit
import Foundation
import Grader

/// A fake e-mail API for outbox and password-reset lessons: the learner's server sends
/// `POST /messages` with a JSON body `{"from": "...", "to": "a@x" or ["a@x", "b@x"], "subject":
/// "...", "text": "..."}` to `url` (given by environment, such as `MAIL_URL`), and the service
/// answers `202 {"id": "msg-1"}` and keeps the message.
///
/// A body that is not such a message is answered 422 with what is wrong, and stored nowhere.
/// `failNext(_:status:)` makes the next sends fail first, to test an outbox that retries.
///
/// ```swift
/// let mail = try t.fakeMail()
/// try t.startServer(environment: ["MAIL_URL": mail.url])
/// try t.http.post("/password-resets", json: ["email": "ayu@example.com"]).expectStatus(202)
/// let sent = try mail.waitForMessages(1)
/// try require(sent[0].text.contains("/reset?token="), "the e-mail has no reset link")
/// ```
public final class FakeMailService: @unchecked Sendable {
    // @unchecked Sendable: `stored` and `failures` are guarded by `lock`.
    public let upstream: FakeUpstream
    public var url: String { upstream.url }

    private let lock = NSLock()  // guards `stored` and `failures`
    private var stored: [MailMessage] = []
    private var failures: [Int] = []
    private let arrived = NSCondition()

    init() throws {
        upstream = try FakeUpstream(name: "mail")
        try upstream.on(
            .post, "/messages", [.custom { [weak self] request in self?.accept(request) ?? .status(503) }])
    }

    /// Every message accepted so far, in order.
    public var messages: [MailMessage] { lock.withLock { stored } }

    /// Answers the next `count` sends with `status` (and keeps nothing), then accepts again.
    public func failNext(_ count: Int, status: Int = 503) {
        lock.withLock { failures += Array(repeating: status, count: max(0, count)) }
    }

    /// Waits until at least `count` messages arrived; fails the check at `timeout` with what came.
    @discardableResult
    public func waitForMessages(_ count: Int, timeout: Duration = .seconds(5)) throws -> [MailMessage] {
        let deadline = Date(timeIntervalSinceNow: timeout.timeInterval)
        arrived.lock()
        while messages.count < count && arrived.wait(until: deadline) {}
        arrived.unlock()
        let found = messages
        guard found.count >= count else {
            let attempts = upstream.requests(to: "/messages").count
            throw CheckFailure(
                Words(
                    "expected \(count) e-mail(s) at the mail service within \(timeout.spokenSeconds), got "
                        + "\(found.count) (\(attempts) send attempt(s) reached it). Is the message sent (or its "
                        + "outbox delivered) after the request, to the URL in the environment?",
                    id:
                        "seharusnya ada \(count) e-mail di layanan mail dalam \(timeout.spokenSeconds), tapi yang "
                        + "sampai \(found.count) (\(attempts) percobaan kirim sampai ke sana). Apakah pesannya "
                        + "dikirim (atau outbox-nya dikirimkan) setelah request, ke URL yang ada di environment?"
                ))
        }
        return found
    }

    private func accept(_ request: UpstreamRequest) -> UpstreamBehaviour {
        if let status = lock.withLock({ failures.isEmpty ? nil : failures.removeFirst() }) {
            return .json(["error": "the mail service is failing on purpose"], status: status)
        }
        guard let json = request.json else {
            return .json(["error": "the body is not JSON"], status: 422)
        }
        let recipients = json["to"]?.string.map { [$0] } ?? json["to"]?.array?.compactMap(\.string) ?? []
        guard let from = json["from"]?.string, !recipients.isEmpty, let subject = json["subject"]?.string,
            let text = json["text"]?.string
        else {
            return .json(
                ["error": "a message needs from, to (a string or an array), subject and text, all strings"],
                status: 422)
        }
        let message: MailMessage = lock.withLock {
            let message = MailMessage(
                from: from, to: recipients, subject: subject, text: text, receivedAt: Date(),
                id: "msg-\(stored.count + 1)")
            stored.append(message)
            return message
        }
        arrived.lock()
        arrived.broadcast()
        arrived.unlock()
        return .json(["id": .string(message.id)], status: 202)
    }
}
