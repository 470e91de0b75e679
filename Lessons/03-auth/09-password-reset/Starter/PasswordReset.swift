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
        // TODO(learner): the page is /reset-password on the app's public address, with the token
        // as the query parameter `token`. Which address is that: one you configured, or one the
        // client wrote in its request?
        "TODO"
    }

    /// `POST /password-resets`: for an address with an account, a new token replaces the earlier
    /// ones and its link is mailed; for any other address nothing happens. Either way the route
    /// answers the same, and neither waits for the mail service.
    func requestReset(email: String, request: Request) throws {
        // TODO(learner): find the account (accounts.find(email:)). Without one, return: the route
        // answers the same 202 anyway, so nobody learns which addresses have an account.
        // With one:
        // - a token of 32 random bytes: SecureRandom.token();
        // - in one store.transaction { writer in ... }: writer.useAllResets (earlier links stop
        //   working), then writer.insertReset with Self.digest(token) (never the token itself),
        //   expiring Self.lifetime after request.now (the server's clock, not Date());
        // - mailer.sendInBackground(.passwordReset(to: account.email, link: link(for: token))).
        throw HTTPError(.notImplemented, detail: "TODO: POST /password-resets is not written yet.")
    }

    /// `POST /password-resets/confirm`: sets the new password when the token works, uses up every
    /// reset token of the account, and ends all its sessions and refresh tokens.
    func confirmReset(token: String, newPassword: String, now: Date) throws {
        // TODO(learner):
        // - checkNewPassword(newPassword) first (step 2's rules; a refused password must leave the
        //   token usable), then hashPassword(newPassword, iterations: iterations);
        // - in ONE store.transaction: writer.reset(hash: Self.digest(token)); refuse (Self.refused)
        //   when there is none, when it was used (usedAt) or when it expired (expiresAt <= now);
        // - otherwise writer.useAllResets, writer.updatePasswordHash, and end every way into the
        //   account: writer.deleteSessions and writer.revokeRefreshTokens.
        throw HTTPError(
            .notImplemented, detail: "TODO: POST /password-resets/confirm is not written yet.")
    }
}
