import BackendKit
import Foundation
import Grader

/// A fake e-mail API for outbox and password-reset lessons: the learner's server sends
/// `POST /messages` with a JSON body `{"from": "...", "to": "a@x" or ["a@x", "b@x"], "subject":
/// "...", "text": "..."}` to `url` (given by environment, such as `MAIL_URL`), and the service
/// answers `202 {"id": "msg-1"}` and keeps the message.
///
/// A body that is not such a message is answered 422 with what is wrong, and stored nowhere.
/// `failNext(_:status:)` makes the next sends fail first, to test an outbox that retries;
/// `script(_:)` plans worse (a service that accepts and then does not answer, one that hangs, one
/// that trickles). Like real mail APIs (Resend's, Postmark's batch API), it keeps the promise of
/// `Idempotency-Key`: a send with a key it accepted before is answered as the first was and
/// delivered nowhere, so a resend after a crash reaches the customer once.
///
/// ```swift
/// let mail = try t.fakeMail()
/// try t.startServer(environment: ["MAIL_URL": mail.url])
/// try t.http.post("/password-resets", json: ["email": "ayu@example.com"]).expectStatus(202)
/// let sent = try mail.waitForMessages(1)
/// try require(sent[0].text.contains("/reset?token="), "the e-mail has no reset link")
/// ```
public final class FakeMailService: @unchecked Sendable {
    // @unchecked Sendable: `stored`, `plan` and `keys` are guarded by `lock`.
    public let upstream: FakeUpstream
    public var url: String { upstream.url }

    /// What one send meets (`script(_:)`).
    public enum Next: Sendable, Equatable {
        /// Delivered and answered at once: every send once the script is used up.
        case accept
        /// Refused with this status; nothing is delivered.
        case fail(Int)
        /// Delivered, and then no answer for 30 seconds: the sender cannot know it went through.
        case acceptAndHold
        /// Never answered; nothing delivered.
        case hang
        /// The status line at once, then the body one byte every half second: only a deadline on
        /// the whole call ends it. Nothing delivered.
        case trickle
    }

    private let lock = NSLock()  // guards `stored`, `plan` and `keys`
    private var stored: [MailMessage] = []
    private var plan: [Next] = []
    private var keys: [String: String] = [:]  // Idempotency-Key → the id it was answered with
    private let arrived = NSCondition()

    init() throws {
        upstream = try FakeUpstream(name: "mail")
        try upstream.on(
            .post, "/messages", [.custom { [weak self] request in self?.accept(request) ?? .status(503) }])
    }

    /// Every message delivered so far, in order (a resend with a known `Idempotency-Key` is not one).
    public var messages: [MailMessage] { lock.withLock { stored } }

    /// Every send that reached the service, delivered or not, in order.
    public var attempts: [UpstreamRequest] { upstream.requests(to: "/messages") }

    /// Answers the next `count` sends with `status` (and keeps nothing), then accepts again.
    public func failNext(_ count: Int, status: Int = 503) {
        script(Array(repeating: .fail(status), count: max(0, count)))
    }

    /// What the next sends meet, in order, after what was planned before; then every send is
    /// accepted. A body that is not a message is refused without using up a step.
    public func script(_ next: [Next]) { lock.withLock { plan += next } }

    /// Waits until `count` sends reached the service; `nil` when they did not within `timeout`.
    public func waitForAttempts(_ count: Int, timeout: Duration = .seconds(5)) -> [UpstreamRequest]? {
        let found = upstream.waitForRequests(count, to: "/messages", timeout: timeout)
        return found.count >= count ? found : nil
    }

    /// Waits until `count` messages were delivered or `timeout` passed, and returns every message
    /// delivered by then, for a check that words its own failure.
    public func messages(atLeast count: Int, within timeout: Duration = .seconds(5)) -> [MailMessage] {
        let deadline = Date(timeIntervalSinceNow: timeout.timeInterval)
        arrived.lock()
        while messages.count < count && arrived.wait(until: deadline) {}
        arrived.unlock()
        return messages
    }

    /// Waits until at least `count` messages arrived; fails the check at `timeout` with what came.
    @discardableResult
    public func waitForMessages(_ count: Int, timeout: Duration = .seconds(5)) throws -> [MailMessage] {
        let found = messages(atLeast: count, within: timeout)
        guard found.count >= count else {
            let tried = attempts.count
            throw CheckFailure(
                Words(
                    "expected \(count) e-mail(s) at the mail service within \(timeout.spokenSeconds), got "
                        + "\(found.count) (\(tried) send attempt(s) reached it). Is the message sent (or its "
                        + "outbox delivered) after the request, to the URL in the environment?",
                    id:
                        "seharusnya ada \(count) e-mail di layanan mail dalam \(timeout.spokenSeconds), tapi yang "
                        + "sampai \(found.count) (\(tried) percobaan kirim sampai ke sana). Apakah pesannya "
                        + "dikirim (atau outbox-nya dikirimkan) setelah request, ke URL yang ada di environment?"
                ))
        }
        return found
    }

    private func accept(_ request: UpstreamRequest) -> UpstreamBehaviour {
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
        let key = request.headers["Idempotency-Key"]
        let next = lock.withLock { plan.isEmpty ? Next.accept : plan.removeFirst() }
        switch next {
        case .fail(let status):
            return .json(["error": "the mail service is failing on purpose"], status: status)
        case .hang:
            return .neverAnswer
        case .trickle:
            let body = Data(#"{"id": "msg-slow", "note": "this answer arrives one byte at a time"}"#.utf8)
            return .trickle(status: 202, body: body, chunkBytes: 1, interval: Self.trickleInterval)
        case .accept, .acceptAndHold:
            let id: String = lock.withLock {
                if let key, let known = keys[key] { return known }
                let message = MailMessage(
                    from: from, to: recipients, subject: subject, text: text, receivedAt: Date(),
                    id: "msg-\(stored.count + 1)", idempotencyKey: key)
                stored.append(message)
                if let key { keys[key] = message.id }
                return message.id
            }
            arrived.lock()
            arrived.broadcast()
            arrived.unlock()
            let accepted = UpstreamBehaviour.json(["id": .string(id)], status: 202)
            return next == .acceptAndHold ? .delay(Self.holdAfterAccepting, then: accepted) : accepted
        }
    }

    /// How long `.acceptAndHold` keeps the answer back: longer than any sender should wait.
    static let holdAfterAccepting: Duration = .seconds(30)
    /// The pause between the bytes of a `.trickle` answer.
    static let trickleInterval: Duration = .milliseconds(500)
}
