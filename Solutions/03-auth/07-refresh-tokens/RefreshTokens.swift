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
        try store.transaction { writer in
            try issue(accountID: account.id, family: SecureRandom.token(byteCount: 16), now: now, in: writer)
        }
    }

    /// `POST /tokens/refresh`: trades an unused refresh token for a new pair in the same family.
    /// A used one coming back means two parties hold it: the whole family ends.
    func refresh(_ presented: String, now: Date) throws -> TokenPair {
        let outcome: TokenPair? = try store.transaction { writer in
            guard let stored = try writer.refreshToken(hash: Self.digest(presented)),
                stored.revokedAt == nil, stored.expiresAt > now
            else { return nil }
            guard stored.usedAt == nil else {
                // Return, not throw: a throw would roll the revocation back.
                try writer.revokeFamily(stored.familyID, at: now)
                return nil
            }
            try writer.markUsed(hash: stored.tokenHash, at: now)
            return try issue(accountID: stored.accountID, family: stored.familyID, now: now, in: writer)
        }
        guard let outcome else { throw Self.refused }
        return outcome
    }

    /// `POST /tokens/revoke`: the access token's id goes on the denylist until its exp, and the
    /// refresh token's family (when one is given and it is this account's) ends.
    func revoke(_ token: AccessToken, refreshToken: String?, accountID: Int, now: Date) throws {
        try store.transaction { writer in
            if let id = token.id {
                try writer.denylist(jtiHash: Self.digest(id), until: token.expiresAt, at: now)
            }
            if let refreshToken, let stored = try writer.refreshToken(hash: Self.digest(refreshToken)),
                stored.accountID == accountID
            {
                try writer.revokeFamily(stored.familyID, at: now)
            }
        }
    }

    /// Whether `GET /api/me` must refuse this verified access token.
    func isRevoked(_ token: AccessToken, now: Date) throws -> Bool {
        guard let id = token.id else { return false }
        return try store.isDenylisted(jtiHash: Self.digest(id), now: now)
    }

    /// A pair for `accountID`: a 5-minute access token with a fresh jti, and a refresh token of 32
    /// random bytes of which only the hash is saved.
    private func issue(accountID: Int, family: String, now: Date, in writer: TokenStore.Writer) throws
        -> TokenPair
    {
        let access = signAccessToken(
            subject: String(accountID), id: SecureRandom.token(byteCount: 16), issuedAt: now,
            lifetime: TokenLifetimes.access, secret: secret)
        let refresh = SecureRandom.token()
        try writer.insertRefreshToken(
            hash: Self.digest(refresh), family: family, accountID: accountID, now: now,
            expiresAt: now.addingTimeInterval(TokenLifetimes.refresh))
        return TokenPair(accessToken: access, refreshToken: refresh, expiresIn: Int(TokenLifetimes.access))
    }
}
