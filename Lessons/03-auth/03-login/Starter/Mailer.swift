import BackendKit
import Foundation

/// One e-mail to one person.
struct MailMessage: Sendable {
    let to: String
    let subject: String
    let text: String

    /// To the owner of a new account.
    static func welcome(to email: String) -> MailMessage {
        MailMessage(
            to: email, subject: "Welcome to Team Tasks",
            text: """
                Your Team Tasks account for \(email) is ready: log in with the password you chose.

                If you did not sign up, ignore this mail or tell us.
                """)
    }

    /// To the owner of an address someone tried to sign up with again. It is the only place that
    /// says the address has an account: the owner's mailbox, not the answer to whoever asked.
    static func signUpAttempt(to email: String) -> MailMessage {
        MailMessage(
            to: email, subject: "Someone tried to sign up with your address",
            text: """
                Someone, perhaps you, tried to create a Team Tasks account for \(email), which has one already.

                If it was you, log in; if you forgot your password, reset it. If it was not you, nothing has changed and you need not do anything.
                """)
    }
}

/// Why a mail was not sent.
enum MailError: Error, CustomStringConvertible {
    case refused(status: Int)

    var description: String {
        switch self {
        case .refused(let status): "The mail service answered \(status)."
        }
    }
}

/// Sends e-mail through the mail service's HTTP API at `MAIL_URL` (`POST /messages` with
/// `{"from", "to", "subject", "text"}`). Every call has a deadline, so a mail service that hangs
/// holds nothing for long. Without `MAIL_URL` (trying the server by hand) mails are not sent, and
/// the log says so without their text.
struct Mailer: Sendable {
    static let timeouts = OutboundClient.Timeouts(
        connect: .seconds(2), read: .seconds(3), total: .seconds(5))
    static let sender = "Team Tasks <no-reply@team-tasks.example>"

    let client: OutboundClient?
    let logger: Logger

    init(config: AuthConfig, logger: Logger = .fromEnvironment()) throws {
        client = try config.mailURL.map { try OutboundClient(baseURL: $0, timeouts: Self.timeouts) }
        self.logger = logger
    }

    /// Sends `message` and waits for the mail service; throws when it refuses, fails or is too slow.
    func send(_ message: MailMessage) async throws {
        guard let client else {
            logger.info("MAIL_URL is not set: the mail \"\(message.subject)\" was not sent.")
            return
        }
        let answer = try await client.post(
            "/messages",
            json: [
                "from": .string(Self.sender), "to": .string(message.to),
                "subject": .string(message.subject),
                "text": .string(message.text),
            ])
        guard answer.isSuccess else { throw MailError.refused(status: answer.status.code) }
    }

    /// Sends `message` without making the caller wait: the answer to the request neither waits for
    /// the mail service nor depends on it. A failure is logged, without the message's text.
    func sendInBackground(_ message: MailMessage) {
        Task {
            do {
                try await send(message)
            } catch {
                logger.error("The mail \"\(message.subject)\" was not sent: \(error)")
            }
        }
    }
}
