import BackendKit
import Foundation
import GraderKit

/// The grader's own JWTs: every token a check sends is made here, byte by byte, on BackendKit's
/// HMACSHA256 and Base64URL, so a check can write exactly the token an attacker would.
enum JWTs {
    /// The secret the grader starts the server with (JWT_SECRET): 48 bytes.
    static let secret = "grader-jwt-secret-5c0e8f2a91d7b36e4f8a0c2d6b1e9a73"
    /// A key an attacker made up: as long and as random-looking, but not the server's.
    static let attackerSecret = "attacker-jwt-secret-0d9b2e7c4a6f1853b2e0c9d7a4f6e1b8"
    static let issuer = "backendlings-auth"
    static let audience = "team-tasks"
    /// The header a well-behaved issuer writes, as exact JSON text.
    static let header = #"{"alg":"HS256","typ":"JWT"}"#

    /// `base64url(header).base64url(payload).base64url(HMAC-SHA256)`, from the exact JSON texts.
    static func sign(header: String = header, payload: String, key: String = secret) -> String {
        let input = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        return input + "." + Base64URL.encode(HMACSHA256.authenticationCode(for: input, key: key))
    }

    /// A token for `account` that is valid now on the server's clock (5 minutes), with `changes`
    /// applied to its claims: a value replaces a claim, `nil` removes it.
    static func token(
        _ t: TestContext, account: Int, changes: [String: JSONValue?] = [:], header: String = header,
        key: String = secret
    ) -> String {
        sign(header: header, payload: claims(t, account: account, changes: changes).description, key: key)
    }

    /// The claims of a token valid now, with `changes` applied.
    static func claims(_ t: TestContext, account: Int, changes: [String: JSONValue?] = [:]) -> JSONValue {
        let now = t.serverNow.timeIntervalSince1970.rounded(.down)
        var claims: [String: JSONValue] = [
            "iss": .string(issuer), "aud": .string(audience), "sub": .string(String(account)),
            "iat": .number(now), "nbf": .number(now), "exp": .number(now + 300),
            "jti": .string(SecureRandom.token(byteCount: 12)),
        ]
        for (name, value) in changes { claims[name] = value }
        return .object(claims)
    }

    /// Seconds since 1970 on the server's clock, `offset` seconds from now.
    static func time(_ t: TestContext, _ offset: TimeInterval) -> JSONValue {
        .number((t.serverNow.timeIntervalSince1970 + offset).rounded(.down))
    }

    /// Signs up an account and returns its id, read from the accounts table (the sign-up answer
    /// changes in later steps; the table does not).
    static func account(_ t: TestContext, _ email: String) throws -> Int {
        try given(
            Words(
                "signing up \(email) with POST /accounts", id: "mendaftarkan \(email) dengan POST /accounts")
        ) {
            try t.http.post("/accounts", json: Accounts.credentials(email, "correct horse battery staple"))
                .expectStatus(201, 202)
            let row = try requireValue(
                try t.database().queryOne("SELECT id FROM accounts WHERE email = ?", email),
                Words("no row for \(email) in accounts", id: "tidak ada baris \(email) di accounts"))
            return try row.int("id")
        }
    }

    /// `GET /api/me` with `Authorization: Bearer <token>`.
    static func me(_ t: TestContext, _ token: String, scheme: String = "Bearer") throws -> ClientResponse {
        try t.http.get("/api/me", headers: ["Authorization": "\(scheme) \(token)"])
    }

    /// Fails unless the server answered 401: a 200 means it accepted `what`, a 500 that it broke on it.
    static func expectRefused(_ response: ClientResponse, _ what: Words, hint: Words? = nil) throws {
        if response.status == 200 {
            throw response.failure(
                Words(
                    "your server accepted \(what.en) and answered 200 with the account: it must answer 401",
                    id: "server kamu menerima \(what[.id]) dan menjawab 200 dengan akunnya: seharusnya 401"),
                hint: hint)
        }
        if response.status >= 500 {
            throw response.failure(
                Words(
                    "your server failed on \(what.en) (\(response.status)): a broken token is the client's mistake, answer 401",
                    id:
                        "server kamu gagal saat menerima \(what[.id]) (\(response.status)): token yang rusak adalah kesalahan client, jawab 401"
                ),
                hint: hint)
        }
        try response.expectStatus(401, hint: hint)
    }
}
