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
    guard let text = environment["JWT_SECRET"], !text.isEmpty else {
        throw AuthConfigError.missing(
            variable: "JWT_SECRET", expected: "a random secret of at least 32 bytes (openssl rand -base64 32)"
        )
    }
    let secret = Array(text.utf8)
    guard secret.count >= AccessTokenRules.minimumSecretBytes else {
        throw AuthConfigError.invalid(
            variable: "JWT_SECRET",
            expected: "at least 32 bytes long (256 bits), for example openssl rand -base64 32")
    }
    return secret
}

/// The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1), or nil. The scheme name
/// is case-insensitive (RFC 9110 §11.1); the token is one word.
func bearerToken(from authorization: String?) -> String? {
    guard let authorization, let space = authorization.firstIndex(of: " ") else { return nil }
    guard authorization[..<space].lowercased() == "bearer" else { return nil }
    let token = authorization[space...].drop { $0 == " " }
    guard !token.isEmpty, !token.contains(" ") else { return nil }
    return String(token)
}

/// The claims of `token` when it is a JWT this server made and it is valid at `now`; nil otherwise.
func verifyAccessToken(_ token: String, secret: [UInt8], now: Date) -> AccessToken? {
    guard token.utf8.count <= AccessTokenRules.maximumTokenBytes else { return nil }
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3 else { return nil }

    // 1. The header may only say what the server expects. Its alg is compared, never obeyed.
    guard let header = decodeJSONObject(parts[0]), header["alg"]?.string == AccessTokenRules.algorithm,
        header["crit"] == nil
    else { return nil }

    // 2. The MAC over the exact bytes that arrived, compared in constant time.
    let expected = HMACSHA256.authenticationCode(for: "\(parts[0]).\(parts[1])", key: secret)
    guard let signature = Base64URL.decode(String(parts[2])), constantTimeEquals(signature, expected) else {
        return nil
    }

    // 3. Only a token we signed is read, and its claims are checked against our rules and our clock.
    guard let claims = decodeJSONObject(parts[1]),
        claims["iss"]?.string == AccessTokenRules.issuer,
        isForUs(claims["aud"]),
        let subject = claims["sub"]?.string, !subject.isEmpty,
        let expiry = claims["exp"]?.double,
        now.timeIntervalSince1970 < expiry + AccessTokenRules.leeway,
        isNotInFuture(claims["nbf"], now: now),
        isNotInFuture(claims["iat"], now: now)
    else { return nil }
    let id = claims["jti"]?.string
    guard claims["jti"] == nil || id != nil else { return nil }
    return AccessToken(subject: subject, expiresAt: Date(timeIntervalSince1970: expiry), id: id)
}

/// A base64url part of a token as a JSON object, or nil.
private func decodeJSONObject(_ part: Substring) -> JSONValue? {
    guard let bytes = Base64URL.decodeData(String(part)), let value = try? JSONValue(parsing: bytes),
        value.object != nil
    else { return nil }
    return value
}

/// `aud` is one string or an array of strings (RFC 7519 §4.1.3); ours must be among them.
private func isForUs(_ audience: JSONValue?) -> Bool {
    if let one = audience?.string { return one == AccessTokenRules.audience }
    guard let many = audience?.array, many.allSatisfy({ $0.string != nil }) else { return false }
    return many.contains(.string(AccessTokenRules.audience))
}

/// An absent `nbf`/`iat` is fine; a present one must be a number no later than now (plus leeway).
private func isNotInFuture(_ claim: JSONValue?, now: Date) -> Bool {
    guard let claim else { return true }
    guard let time = claim.double else { return false }
    return time <= now.timeIntervalSince1970 + AccessTokenRules.leeway
}
