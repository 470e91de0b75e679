import BackendKit
import Foundation

/// Makes an access token that verifyAccessToken (JWT.swift) accepts: HS256 over the exact header
/// and payload text, with this server's issuer and audience.
func signAccessToken(subject: String, id: String, issuedAt now: Date, lifetime: TimeInterval, secret: [UInt8])
    -> String
{
    let issuedAt = now.timeIntervalSince1970.rounded(.down)
    let claims: JSONValue = [
        "iss": .string(AccessTokenRules.issuer), "aud": .string(AccessTokenRules.audience),
        "sub": .string(subject), "jti": .string(id),
        "iat": .number(issuedAt), "nbf": .number(issuedAt), "exp": .number(issuedAt + lifetime),
    ]
    let header: JSONValue = ["alg": .string(AccessTokenRules.algorithm), "typ": "JWT"]
    let input = Base64URL.encode(header.description) + "." + Base64URL.encode(claims.description)
    return input + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: input, key: secret))
}
