import BackendKit
import Foundation
import GraderKit

/// A `Set-Cookie` header the server sent, split into its name, value and attributes.
struct SentCookie: Sendable {
    let name: String
    let value: String
    /// Attribute names in lower case mapped to their values (`"httponly": ""`, `"path": "/"`).
    let attributes: [String: String]
    let header: String

    init?(header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return nil }
        name = String(pair[..<equals])
        value = String(pair[pair.index(after: equals)...])
        var attributes: [String: String] = [:]
        for part in parts.dropFirst() where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            attributes[pieces[0].lowercased()] = pieces.count > 1 ? pieces[1] : ""
        }
        self.attributes = attributes
        self.header = header
    }

    /// `name=value`, as a browser sends it back.
    var pair: String { "\(name)=\(value)" }
}

/// Helpers of the session steps: sign up, log in, and send requests with exactly the cookies a
/// check chooses (the client's cookie jar is emptied first, so nothing else rides along).
enum SessionTests {
    static let cookieName = "__Host-session"
    static let password = "correct horse battery staple"

    /// A login that worked: its response, the session cookie it set and the account's id.
    struct Login: Sendable {
        let response: ClientResponse
        let cookie: SentCookie
        var token: String { cookie.value }
    }

    /// Signs up `email` (any success status: a later step answers 202) and returns the account id,
    /// read from the accounts table.
    @discardableResult
    static func signUp(_ t: TestContext, _ email: String, password: String = password) throws -> Int {
        try given(
            Words("POST /accounts to sign up \(email)", id: "POST /accounts untuk mendaftarkan \(email)")
        ) {
            t.http.cookies.removeAll()
            try t.http.post("/accounts", json: Accounts.credentials(email, password)).expectStatus(201, 202)
            let row = try requireValue(
                try t.database().queryOne("SELECT id FROM accounts WHERE email = ?", email),
                Words("no row for \(email) in accounts", id: "tidak ada baris \(email) di accounts"))
            return try row.int("id")
        }
    }

    /// The session cookie a login answer set: the one named `__Host-session`, or else the only
    /// cookie it set (so a wrong name is reported by the check about the name, not here).
    static func sessionCookie(in response: ClientResponse) -> SentCookie? {
        let cookies = response.headers.values(for: "Set-Cookie").compactMap(SentCookie.init(header:))
        return cookies.first { $0.name == cookieName }
            ?? cookies.first { $0.name.lowercased().contains("session") }
            ?? (cookies.count == 1 ? cookies[0] : nil)
    }

    /// Logs in and returns the session cookie the answer set; fails the check when there is none.
    static func logIn(
        _ t: TestContext, _ email: String, password: String = password, cookie: String? = nil
    ) throws -> Login {
        t.http.cookies.removeAll()
        let response = try t.http.post(
            "/sessions", json: Accounts.credentials(email, password),
            headers: cookie.map { ["Cookie": $0] } ?? [:]
        ).expectStatus(200)
        let sent = try requireValue(
            sessionCookie(in: response),
            Words(
                "the login answered 200 without a Set-Cookie header for the session",
                id: "login menjawab 200 tanpa header Set-Cookie untuk session-nya"),
            hint: Words(
                "AccountRoutes.logIn sends the SetCookie your session code returns with .withCookie(...): keep that line as it is given.",
                id:
                    "AccountRoutes.logIn mengirim SetCookie yang dikembalikan kode session-mu dengan .withCookie(...): biarkan baris itu seperti yang disediakan."
            ),
            response: response)
        return Login(response: response, cookie: sent)
    }

    /// `GET /me` with exactly this `Cookie` header (none when `nil`).
    static func me(_ t: TestContext, cookie: String?, target: String = "/me") throws -> ClientResponse {
        t.http.cookies.removeAll()
        return try t.http.get(target, headers: cookie.map { ["Cookie": $0] } ?? [:])
    }

    /// The email `GET /me` answered, or `nil` for any other answer.
    static func email(of response: ClientResponse) -> String? {
        guard response.status == 200 else { return nil }
        return (try? response.json())?["email"]?.string
    }

    /// Fails unless `response` is a 401 (any answer that shows an account is named).
    static func expectRefused(_ response: ClientResponse, sent: Words, hint: Words? = nil) throws {
        if response.status == 401 { return }
        let shown = email(of: response).map { " (the account \($0))" } ?? ""
        let shownID = email(of: response).map { " (akun \($0))" } ?? ""
        throw response.failure(
            Words(
                "GET /me with \(sent.en) was answered \(response.status)\(shown); expected 401 Unauthorized",
                id:
                    "GET /me dengan \(sent[.id]) dijawab \(response.status)\(shownID); seharusnya 401 Unauthorized"
            ),
            hint: hint)
    }
}
