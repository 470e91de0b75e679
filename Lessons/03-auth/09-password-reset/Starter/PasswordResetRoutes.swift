import BackendKit
import Foundation

/// "Forgot your password?": `POST /password-resets` mails a link to the address's owner, and
/// `POST /password-resets/confirm` sets a new password with the token from that link. The
/// handlers are thin: the work is in PasswordReset.swift.
struct PasswordResetRoutes: Sendable {
    let resets: PasswordResets

    func register(on router: Router) {
        router.post("/password-resets") { request in try requestReset(request) }
        router.post("/password-resets/confirm") { request in try confirmReset(request) }
    }

    /// `POST /password-resets` with `{"email"}`: always the one `resetRequested()` answer.
    func requestReset(_ request: Request) throws -> Response {
        try request.requireContentType()
        let body = try request.decode(ResetRequest.self)
        try resets.requestReset(email: body.normalizedEmail, request: request)
        return try resetRequested()
    }

    /// `POST /password-resets/confirm` with `{"token","password"}`: 204 once the password is set;
    /// 400 for a token that does not work, 422 for a password that breaks a rule.
    func confirmReset(_ request: Request) throws -> Response {
        try request.requireContentType()
        let body = try request.decode(ResetConfirmation.self)
        try resets.confirmReset(token: body.token, newPassword: body.password, now: request.now)
        return .noContent()
    }
}

/// The one answer to `POST /password-resets`, whether the address has an account or not.
func resetRequested() throws -> Response {
    try .json(
        ["message": "If this address has an account, we have sent it a link to choose a new password."],
        status: .accepted)
}

/// The body of `POST /password-resets`.
struct ResetRequest: Decodable, Sendable {
    let email: String
    var normalizedEmail: String { email.trimmingCharacters(in: .whitespacesAndNewlines) }
}

/// The body of `POST /password-resets/confirm`: the token from the link, and the new password.
struct ResetConfirmation: Decodable, Sendable {
    let token: String
    let password: String
}

extension MailMessage {
    /// To the owner of an account someone asked to reset. The link is the only secret in it; the
    /// mail never holds a password.
    static func passwordReset(to email: String, link: String) -> MailMessage {
        MailMessage(
            to: email, subject: "Choose a new Team Tasks password",
            text: """
                Someone, perhaps you, asked to reset the password of the Team Tasks account for \(email).

                To choose a new password, open this link within 30 minutes: \(link)

                It works once. If you did not ask, ignore this mail: your password has not changed.
                """)
    }
}

extension PasswordResetRoutes {
    /// Builds the routes and the reset service from what main.swift has at hand.
    init(database: Database, login: Login, config: AuthConfig) throws {
        let resets = PasswordResets(
            accounts: login.accounts, store: try ResetStore(database: database), mailer: login.mailer,
            publicURL: config.publicURL, iterations: config.passwordIterations)
        self.init(resets: resets)
    }
}
