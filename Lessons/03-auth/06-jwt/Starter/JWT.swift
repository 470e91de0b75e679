import BackendKit
import Foundation

/// The rules every access token of Team Tasks meets. The server decides them, never the token.
enum AccessTokenRules {
    /// The one algorithm this server signs and verifies with: HMAC with SHA-256 (RFC 7518 §3.2).
    static let algorithm = "HS256"
    /// Who makes the tokens (`iss`) and who they are for (`aud`).
    static let issuer = "backendlings-auth"
    static let audience = "team-tasks"
    /// Two machines' clocks are never exactly equal; RFC 7519 allows "a small leeway". One minute.
    static let leeway: TimeInterval = 60
    /// HS256 needs a key of at least 256 bits (RFC 7518 §3.2).
    static let minimumSecretBytes = 32
    /// A longer token is refused before any work is done on it.
    static let maximumTokenBytes = 8 * 1024
}

/// What a verified access token says: whose it is, until when, and its id (`jti`, when it has one).
struct AccessToken: Sendable {
    let subject: String
    let expiresAt: Date
    let id: String?
}

/// The key the server signs and verifies tokens with, from `JWT_SECRET`. Missing or shorter than
/// 32 bytes: the server must not start. The error names the variable, never its value.
func readJWTSecret(from environment: [String: String]) throws -> [UInt8] {
    // TODO(learner): without JWT_SECRET (or with an empty one), throw AuthConfigError.missing; with
    // fewer than AccessTokenRules.minimumSecretBytes bytes, throw AuthConfigError.invalid. Never put
    // the value in the message, and never fall back to a default secret.
    return Array((environment["JWT_SECRET"] ?? "").utf8)
}

/// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or nil.
func bearerToken(from authorization: String?) -> String? {
    // TODO(learner): split the header at its first space. The scheme before it must be "Bearer",
    // in any case (RFC 9110 §11.1: bearer and BEARER are the same scheme); the token after it is one
    // word. Anything else (no header, another scheme, no token) is nil.
    return nil
}

/// The claims of `token` when it is a JWT this server made and it is valid at `now`; nil otherwise.
func verifyAccessToken(_ token: String, secret: [UInt8], now: Date) -> AccessToken? {
    // TODO(learner): verify the token in this order, and return nil at the first thing that is wrong.
    // 1. At most AccessTokenRules.maximumTokenBytes, and exactly three parts separated by ".".
    // 2. The header (base64url JSON) says "alg": "HS256", exactly. Compare it; never let it choose.
    // 3. The signature: HMACSHA256 over the first two parts exactly as they arrived ("header.payload"),
    //    compared with the decoded third part by constantTimeEquals.
    // 4. The payload (base64url JSON): iss and aud (a string or an array) are ours, sub is a string,
    //    exp is a number and now is before it, nbf and iat (when present) are not after now. Allow
    //    AccessTokenRules.leeway seconds, and use `now`, never Date().
    return nil
}
