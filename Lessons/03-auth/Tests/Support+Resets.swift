import BackendKit
import Foundation
import GraderKit

/// Helpers of the password-reset step: a server with the fake mail service and a PUBLIC_URL, and
/// the mailbox read one message at a time, in the order the server sent them.
struct Resets {
    /// The address the grader tells the server it is reached at. Every mailed link starts with it.
    static let publicURL = "https://tasks.example.com"
    /// The page the link opens.
    static let linkPrefix = publicURL + "/reset-password?token="
    static let password = SessionTests.password
    static let newPassword = "sambal terasi pedas sekali"

    let mail: FakeMailService
    /// How many mails the checks have read so far.
    private var read = 0

    /// Starts the server with the fast password cost, the grader's JWT secret, a fresh fake mail
    /// service and PUBLIC_URL.
    static func start(_ t: TestContext) throws -> Resets {
        let mail = try t.fakeMail()
        try Accounts.start(t, environment: ["MAIL_URL": mail.url, "PUBLIC_URL": publicURL])
        return Resets(mail: mail)
    }

    /// Signs up `email` and reads its welcome mail, so the next mail is the reset's. Returns the id.
    @discardableResult
    mutating func account(_ t: TestContext, _ email: String) throws -> Int {
        let id = try SessionTests.signUp(t, email)
        _ = try next()
        return id
    }

    /// The next mail the server sent (waiting up to 5 seconds for it).
    mutating func next() throws -> MailMessage {
        read += 1
        return try mail.waitForMessages(read)[read - 1]
    }

    /// How many mails arrived that no check has read.
    var unread: Int { mail.messages.count - read }

    /// `POST /password-resets` for `email`, whatever the answer.
    static func request(_ t: TestContext, _ email: String) throws -> ClientResponse {
        t.http.cookies.removeAll()
        return try t.http.post("/password-resets", json: ["email": .string(email)])
    }

    /// Asks for a reset of `email` (expecting the 202) and returns the token of the mailed link.
    mutating func token(_ t: TestContext, _ email: String) throws -> String {
        try Self.request(t, email).expectStatus(
            202,
            hint: Words(
                "POST /password-resets answers resetRequested() (202) once requestReset returns: write requestReset in PasswordReset.swift.",
                id:
                    "POST /password-resets menjawab resetRequested() (202) setelah requestReset selesai: tulis requestReset di PasswordReset.swift."
            ))
        return try Self.token(in: next(), to: email)
    }

    /// The token of the reset link in `message`, failing the check when the mail is not the reset
    /// mail to `email` or holds no reset link. Where the link points is `requireOnPublicURL`'s job.
    static func token(in message: MailMessage, to email: String) throws -> String {
        try requireEqual(
            message.to, [email],
            Words("the recipients of the reset mail", id: "penerima mail reset-nya"))
        let link = try self.link(in: message)
        let token = try requireValue(
            link.range(of: "token=").map { String(link[$0.upperBound...]) }.flatMap { $0.isEmpty ? nil : $0 },
            Words(
                "the reset link \(link) has no token=<token> in it",
                id: "link reset \(link) tidak berisi token=<token>"),
            hint: Words(
                "Make link(for:) return publicURL + \"/reset-password?token=\" + token.",
                id: "Buat link(for:) mengembalikan publicURL + \"/reset-password?token=\" + token."))
        return token
    }

    /// The link in the reset mail `message`.
    static func link(in message: MailMessage) throws -> String {
        try requireValue(
            links(in: message.text).first,
            Words(
                "the reset mail holds no link: \(message.text)",
                id: "mail reset-nya tidak berisi link: \(message.text)"),
            hint: Words(
                "Mail .passwordReset(to: account.email, link: link(for: token)) with link(for:) written.",
                id:
                    "Kirim .passwordReset(to: account.email, link: link(for: token)) dengan link(for:) yang sudah ditulis."
            ))
    }

    /// Fails the check unless `link` is the reset page on PUBLIC_URL.
    static func requireOnPublicURL(_ link: String) throws {
        try require(
            link.hasPrefix(linkPrefix),
            Words(
                "the reset mail links to \(link); with PUBLIC_URL=\(publicURL) the link must be \(linkPrefix)<token>",
                id:
                    "mail reset-nya berisi link ke \(link); dengan PUBLIC_URL=\(publicURL) link-nya harus \(linkPrefix)<token>"
            ))
    }

    /// Every `http://` or `https://` address in `text`.
    static func links(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter {
            $0.hasPrefix("http://") || $0.hasPrefix("https://")
        }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,;)\"'")) }
    }

    /// `POST /password-resets/confirm` with `token` and `password`, whatever the answer.
    static func confirm(_ t: TestContext, _ token: String, _ password: String = newPassword) throws
        -> ClientResponse
    {
        t.http.cookies.removeAll()
        return try t.http.post(
            "/password-resets/confirm", json: ["token": .string(token), "password": .string(password)])
    }

    /// Fails the check unless `response` refuses a token: 400 (or 401) with a problem document.
    static func expectRefused(_ response: ClientResponse, _ what: Words, hint: Words? = nil) throws {
        guard response.status == 400 || response.status == 401 else {
            throw response.failure(
                Words(
                    "\(what.en) was answered \(response.status); it must be refused with 400",
                    id: "\(what[.id]) dijawab \(response.status); seharusnya ditolak dengan 400"),
                hint: hint)
        }
        _ = try response.expectProblem(status: response.status)
    }

    /// Whether `email` logs in with `password` (`POST /sessions` answers 200).
    static func logsIn(_ t: TestContext, _ email: String, _ password: String) throws -> Bool {
        t.http.cookies.removeAll()
        return try Accounts.logIn(t, email, password).status == 200
    }
}
