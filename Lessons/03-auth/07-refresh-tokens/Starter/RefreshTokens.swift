import BackendKit
import Foundation

/// What `POST /tokens` and `POST /tokens/refresh` answer (RFC 6749 §5.1).
struct TokenPair: Encodable, Sendable {
    let accessToken: String
    let refreshToken: String
    var tokenType = "Bearer"
    /// Seconds until the access token expires.
    let expiresIn: Int

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}

/// How long each kind of token lives.
enum TokenLifetimes {
    /// An access token cannot be recalled once it is out (short of a denylist), so it lives briefly.
    static let access: TimeInterval = 5 * 60
    /// A refresh token is kept by the client and can be recalled by the server, so it lives longer.
    static let refresh: TimeInterval = 14 * 24 * 60 * 60
}

/// Issues, rotates and revokes tokens.
struct TokenService: Sendable {
    let store: TokenStore
    let secret: [UInt8]

    /// The answer to every refresh token that does not work, whatever the reason.
    static let refused = HTTPError.unauthorized("The refresh token is not valid. Log in again.")

    /// How a token or token id is kept in the database: the hex SHA-256 of its text.
    static func digest(_ text: String) -> String { Hex.encode(SHA256.hash(text)) }

    /// `POST /tokens`: a new login starts a new family.
    func issue(for account: Account, now: Date) throws -> TokenPair {
        // TODO(learner): in one store.transaction { writer in ... }, make the pair:
        // - the access token: signAccessToken(subject: String(account.id), id: a new random jti
        //   (SecureRandom.token(byteCount: 16)), issuedAt: now, lifetime: TokenLifetimes.access, secret: secret);
        // - the refresh token: SecureRandom.token() (32 random bytes). Save only Self.digest(refreshToken)
        //   with writer.insertRefreshToken, in a new family (another SecureRandom.token(byteCount: 16)),
        //   expiring TokenLifetimes.refresh after now.
        throw HTTPError(.notImplemented, detail: "TODO: POST /tokens is not written yet.")
    }

    /// `POST /tokens/refresh`: trades an unused refresh token for a new pair in the same family.
    /// A used one coming back means two parties hold it: the whole family ends.
    func refresh(_ presented: String, now: Date) throws -> TokenPair {
        // TODO(learner): in ONE store.transaction, find writer.refreshToken(hash: Self.digest(presented)).
        // - Not found, revoked (revokedAt) or expired (expiresAt <= now): refused.
        // - Already used (usedAt): a replay. writer.revokeFamily(its familyID), then refuse. Return from
        //   the transaction and throw Self.refused after it: a throw inside rolls the revocation back.
        // - Otherwise writer.markUsed, and make the next pair in the SAME family.
        throw HTTPError(.notImplemented, detail: "TODO: POST /tokens/refresh is not written yet.")
    }

    /// `POST /tokens/revoke`: the access token's id goes on the denylist until its exp, and the
    /// refresh token's family (when one is given and it is this account's) ends.
    func revoke(_ token: AccessToken, refreshToken: String?, accountID: Int, now: Date) throws {
        // TODO(learner): writer.denylist(jtiHash: Self.digest(jti), until: token.expiresAt, at: now),
        // and when refreshToken belongs to accountID, writer.revokeFamily of its family.
        throw HTTPError(.notImplemented, detail: "TODO: POST /tokens/revoke is not written yet.")
    }

    /// Whether `GET /api/me` must refuse this verified access token.
    func isRevoked(_ token: AccessToken, now: Date) throws -> Bool {
        // TODO(learner): look the digest of the token's jti up with store.isDenylisted.
        return false
    }
}
