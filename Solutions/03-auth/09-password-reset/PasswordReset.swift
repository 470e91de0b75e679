import BackendKit
import Foundation

/// "Forgot your password?" without leaks (OWASP Forgot Password Cheat Sheet, ASVS 6.4): the answer
/// never says whether an address has an account, the link is made from PUBLIC_URL (never from the
/// request's Host header), the token is 32 random bytes kept only as its SHA-256, works once and
/// for 30 minutes, and using it ends every session and refresh token of the account.
struct PasswordResets: Sendable {
    let accounts: AccountStore
    let store: ResetStore
    let mailer: Mailer
    /// Where the app is served for its users (PUBLIC_URL), e.g. `https://tasks.example.com`.
    let publicURL: String
    let iterations: Int

    /// How long a reset link works.
    static let lifetime: TimeInterval = 30 * 60

    /// The answer to every token that does not work, whatever the reason.
    static let refused = HTTPError.badRequest(
        "This reset link does not work: it is wrong, used or expired. Ask for a new one.")

    /// How a reset token is kept in the database: the hex SHA-256 of its text.
    static func digest(_ token: String) -> String { Hex.encode(SHA256.hash(token)) }

    /// The link mailed for `token`, on the app's public address.
    func link(for token: String) -> String {
        "\(publicURL)/reset-password?token=\(token)"
    }

    /// `POST /password-resets`: for an address with an account, a new token replaces the earlier
    /// ones and its link is mailed; for any other address nothing happens. Either way the route
    /// answers the same, and neither waits for the mail service.
    func requestReset(email: String, request: Request) throws {
        let now = request.now
        guard let account = try accounts.find(email: email) else { return }
        let token = SecureRandom.token()
        try store.transaction { writer in
            // One live link per account: asking again makes the earlier links stop working.
            try writer.useAllResets(accountID: account.id, at: now)
            try writer.insertReset(
                hash: Self.digest(token), accountID: account.id, now: now, expiresAt: now + Self.lifetime)
        }
        // The link comes from the configuration: a Host header is whatever the client wrote.
        mailer.sendInBackground(.passwordReset(to: account.email, link: link(for: token)))
    }

    /// `POST /password-resets/confirm`: sets the new password when the token works, uses up every
    /// reset token of the account, and ends all its sessions and refresh tokens.
    func confirmReset(token: String, newPassword: String, now: Date) throws {
        // The rules first: a refused password leaves the token as it was, to try again.
        try checkNewPassword(newPassword)
        let passwordHash = hashPassword(newPassword, iterations: iterations)
        let done = try store.transaction { writer -> Bool in
            guard let reset = try writer.reset(hash: Self.digest(token)), reset.usedAt == nil,
                reset.expiresAt > now
            else { return false }
            try writer.useAllResets(accountID: reset.accountID, at: now)
            try writer.updatePasswordHash(passwordHash, accountID: reset.accountID)
            // Whoever had the old password may be logged in: a reset ends every way in.
            try writer.deleteSessions(accountID: reset.accountID)
            try writer.revokeRefreshTokens(accountID: reset.accountID, at: now)
            return true
        }
        guard done else { throw Self.refused }
    }
}
