import BackendKit
import Foundation

/// Password resets go into an outbox table; a background job delivers it to the mail service,
/// and a before-exit hook drains it at shutdown, so no accepted reset is lost.
enum MailRoutes {
    static func register(_ router: Router, _ kit: Kit, outbox: BackgroundJob) {
        router.post("/password-resets") { request in
            guard let email = try request.json()["email"]?.string else {
                throw HTTPError.badRequest("Send {\"email\": \"...\"}.")
            }
            let base =
                kit.variant == .hostHeaderLinks
                ? "http://\(request.headers["Host"] ?? "localhost")" : kit.configuration.publicURL
            let link = "\(base)/reset?token=\(SecureRandom.token(byteCount: 16))"
            try kit.db.execute(
                "INSERT INTO outbox (recipient, subject, body) VALUES (?, ?, ?)", email,
                "Reset your password",
                "Open \(link) to choose a new password.")
            outbox.runNow()
            return try .json(["queued": true], status: .accepted)
        }
    }

    /// Sends every unsent message; returns how many went out.
    @discardableResult
    static func deliver(_ kit: Kit) async throws -> Int {
        guard let mail = kit.configuration.mail else { return 0 }
        var sent = 0
        for row in try kit.db.query(
            "SELECT id, recipient, subject, body FROM outbox WHERE sent = 0 ORDER BY id")
        {
            let message: JSONValue = [
                "from": "noreply@kit.example", "to": .string(try row.string("recipient")),
                "subject": .string(try row.string("subject")), "text": .string(try row.string("body")),
            ]
            let answer = try await mail.post("/messages", json: message)
            guard answer.isSuccess else { continue }
            try kit.db.execute("UPDATE outbox SET sent = 1 WHERE id = ?", try row.int("id"))
            sent += 1
        }
        return sent
    }
}
