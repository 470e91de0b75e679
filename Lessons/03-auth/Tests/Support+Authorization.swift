import BackendKit
import Foundation
import GraderKit

/// Helpers of the authorization step: accounts with a session each, and requests that carry
/// exactly one account's cookie.
enum Authz {
    /// An account the check signed up and logged in.
    struct Member: Sendable {
        let email: String
        let id: Int
        let token: String
        var cookie: String { "\(SessionTests.cookieName)=\(token)" }
    }

    /// Signs `email` up, logs it in and returns its id and session token.
    static func member(_ t: TestContext, _ email: String) throws -> Member {
        let id = try SessionTests.signUp(t, email)
        let login = try SessionTests.logIn(t, email)
        return Member(email: email, id: id, token: login.token)
    }

    /// A request with exactly `member`'s cookie (none when `nil`) and `headers`.
    static func send(
        _ t: TestContext, _ method: String, _ target: String, as member: Member?, json: JSONValue? = nil,
        headers: [String: String] = [:]
    ) throws -> ClientResponse {
        t.http.cookies.removeAll()
        var all: HTTPHeaders = [:]
        for (name, value) in headers { all[name] = value }
        if let member {
            all["Cookie"] = [member.cookie, headers["Cookie"]].compactMap { $0 }.joined(separator: "; ")
        }
        switch method {
        case "POST": return try t.http.post(target, json: json ?? .object([:]), headers: all)
        case "PATCH": return try t.http.patch(target, json: json ?? .object([:]), headers: all)
        case "DELETE": return try t.http.delete(target, headers: all)
        default: return try t.http.get(target, headers: all)
        }
    }

    /// Makes a task for `member` and returns its id from the answer.
    @discardableResult
    static func task(_ t: TestContext, _ title: String, of member: Member) throws -> Int {
        let response = try send(t, "POST", "/tasks", as: member, json: .object(["title": .string(title)]))
            .expectStatus(201)
        return try requireValue(
            try response.json()["id"]?.int,
            Words(
                "the answer to POST /tasks has no id number", id: "jawaban POST /tasks tidak punya angka id"),
            response: response)
    }

    /// The task row as the table holds it: title and done, or `nil` when it is gone.
    static func storedTask(_ t: TestContext, _ id: Int) throws -> (title: String, done: Bool)? {
        try t.database().queryOne("SELECT title, done FROM tasks WHERE id = ?", id).map {
            (try $0.string("title"), try $0.bool("done"))
        }
    }

    /// The role the accounts table holds for `id`.
    static func role(_ t: TestContext, _ id: Int) throws -> String? {
        try t.database().queryOne("SELECT role FROM accounts WHERE id = ?", id).map { try $0.string("role") }
    }

    /// Makes `member` an admin in the database itself (never through the API), then starts the
    /// server again.
    static func makeAdmin(_ t: TestContext, _ member: Member) throws {
        try t.prepareDatabase { database in
            try database.execute("UPDATE accounts SET role = 'admin' WHERE id = ?", member.id)
        }
        try Accounts.start(t)
    }

    /// A problem body without `instance` (it names the path, which differs on purpose).
    static func comparable(_ response: ClientResponse) -> JSONValue? {
        guard case .object(var members)? = try? response.json() else { return nil }
        members["instance"] = nil
        return .object(members)
    }

    /// Fails unless `response` looks exactly like `missing` (the answer for a task that does not
    /// exist): same status, same body but for `instance`.
    static func expectLikeMissing(
        _ response: ClientResponse, _ missing: ClientResponse, what: Words, hint: Words? = nil
    ) throws {
        if response.status == 403 {
            throw response.failure(
                Words(
                    "\(what.en) was answered 403 Forbidden: that tells the caller the task exists. Answer exactly as for a task that does not exist (\(missing.status))",
                    id:
                        "\(what[.id]) dijawab 403 Forbidden: itu memberi tahu pemanggil bahwa task itu ada. Jawab persis seperti untuk task yang tidak ada (\(missing.status))"
                ), hint: hint)
        }
        if response.status >= 200 && response.status < 300 {
            throw response.failure(
                Words(
                    "\(what.en) was answered \(response.status): another account's task was handed over (IDOR). It must be 404, as for a task that does not exist",
                    id:
                        "\(what[.id]) dijawab \(response.status): task milik akun lain diserahkan (IDOR). Seharusnya 404, seperti untuk task yang tidak ada"
                ), hint: hint)
        }
        try response.expectStatus(404, hint: hint)
        try require(
            comparable(response) == comparable(missing),
            Words(
                "\(what.en) answered 404 with another body than a task that does not exist (\(missing.text)): the difference tells the caller the task exists",
                id:
                    "\(what[.id]) menjawab 404 dengan body yang berbeda dari task yang tidak ada (\(missing.text)): perbedaannya memberi tahu pemanggil bahwa task itu ada"
            ), hint: hint, response: response)
    }
}
