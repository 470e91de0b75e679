import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Tasks API's hidden tests.
enum Tasks {
    /// A task body as a client sends it; `nil` fields are left out.
    static func draft(_ title: String, status: String? = nil, assignee: String? = nil, due: String? = nil)
        -> JSONValue
    {
        var members: [String: JSONValue] = ["title": .string(title)]
        if let status { members["status"] = .string(status) }
        if let assignee { members["assignee"] = .string(assignee) }
        if let due { members["due"] = .string(due) }
        return .object(members)
    }

    /// Creates a task through the API and returns it. Accepts 200 as well as 201, so that one
    /// wrong status code fails only the check about it, not every check that needs a task; and
    /// when creating fails after an earlier check has failed, this check is "not checked (needs
    /// POST /tasks to create a task)" rather than one more ✗.
    @discardableResult
    static func create(_ t: TestContext, _ body: JSONValue, headers: HTTPHeaders = [:]) throws -> JSONValue {
        try given(Words("POST /tasks to create a task", id: "POST /tasks untuk membuat tugas")) {
            let response = try t.http.post("/tasks", json: body, headers: headers)
            try response.expectStatus(
                201, 200,
                hint: Words(
                    "This check needs POST /tasks to create a task (201 Created) first.",
                    id: "Pengecekan ini butuh POST /tasks bisa membuat tugas (201 Created) dulu."))
            return try response.json()
        }
    }

    /// The `id` member of a task, as a whole number; fails the check otherwise.
    static func id(of task: JSONValue, in response: ClientResponse? = nil) throws -> Int {
        guard let id = task["id"]?.int else {
            let got = task["id"]?.description ?? Words("none", id: "tidak ada").text
            let message = Words(
                "expected the task to have a whole-number \"id\" member, got \(got)",
                id: "seharusnya tugas punya member \"id\" berupa bilangan bulat, tapi yang datang \(got)")
            throw response?.failure(message) ?? CheckFailure(message)
        }
        return id
    }

    /// The path of a `Location` value, whether it is relative (`/tasks/7`) or absolute
    /// (`http://127.0.0.1:8080/tasks/7`).
    static func path(ofLocation location: String) -> String {
        URL(string: location)?.path ?? location
    }

    /// The request target of a link (`/tasks?cursor=x`), whether the server sent it relative or
    /// absolute (`http://127.0.0.1:8080/tasks?cursor=x`).
    static func target(ofLink link: String) -> String {
        guard link.hasPrefix("http://") || link.hasPrefix("https://"),
            let components = URLComponents(string: link)
        else { return link }
        return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// The comma-separated tokens of a header value, lower-cased: "Accept, Origin" gives ["accept", "origin"].
    static func tokens(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// The methods an `Allow` header lists, upper-cased: "GET, PUT" gives ["GET", "PUT"].
    static func methods(inAllow response: ClientResponse) -> [String] {
        (response.headers["Allow"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).uppercased()
        }
    }

    /// Fails unless the `Allow` header lists every method in `expected`.
    static func expectAllow(_ response: ClientResponse, contains expected: [String], hint: Words? = nil)
        throws
    {
        try response.expectHeader("Allow", hint: hint)
        let listed = methods(inAllow: response)
        let missing = expected.filter { !listed.contains($0) }
        let (wanted, got) = (expected.joined(separator: ", "), response.headers["Allow"] ?? "")
        try require(
            missing.isEmpty,
            Words(
                "expected the Allow header to list \(wanted), got \"\(got)\"",
                id: "seharusnya header Allow mencantumkan \(wanted), tapi isinya \"\(got)\""),
            hint: hint, response: response)
    }

    /// Fails when the server answered 500: a client mistake must never look like a server crash.
    static func expectNot500(_ response: ClientResponse, sent: Words) throws {
        if response.status >= 500 {
            let got = "\(response.status) \(response.reason)"
            throw response.failure(
                Words(
                    "expected a 4xx answer for \(sent.en), got \(got). A 500 tells the client \"the server is broken\", so it cannot fix its request.",
                    id:
                        "seharusnya jawaban 4xx untuk \(sent[.id]), tapi yang datang \(got). Status 500 memberi tahu client \"server-nya rusak\", jadi client tidak bisa memperbaiki request-nya."
                ),
                hint: Words(
                    "Check the input before you use it, and answer with an HTTPError (400 or 422) that says what is wrong.",
                    id:
                        "Periksa input sebelum kamu memakainya, lalu jawab dengan HTTPError (400 atau 422) yang menjelaskan apa yang salah."
                ))
        }
    }
}

extension Tasks {
    /// The `field` names in the `errors` list of a 422 problem document.
    static func errorFields(_ problem: JSONValue) -> [String] {
        (problem["errors"]?.array ?? []).compactMap { $0["field"]?.string }
    }

    /// Fails unless the response is a 422 problem document whose `errors` list names every field
    /// in `fields`, each with a message.
    @discardableResult
    static func expectValidation(_ response: ClientResponse, fields: [String], hint: Words? = nil) throws
        -> JSONValue
    {
        let problem = try response.expectProblem(status: 422, hint: hint)
        guard let errors = problem["errors"]?.array else {
            throw response.failure(
                Words(
                    "expected the problem document to have an \"errors\" list with one entry per invalid field, but it has none",
                    id:
                        "seharusnya dokumen problem punya list \"errors\" dengan satu entri untuk setiap field yang tidak valid, tapi tidak ada"
                ),
                hint: hint
                    ?? Words(
                        "Throw HTTPError.validation([(field, message), ...]): it adds the errors list for you.",
                        id:
                            "Lempar HTTPError.validation([(field, message), ...]): list errors-nya ditambahkan untukmu."
                    ))
        }
        let named = errorFields(problem)
        let missing = fields.filter { !named.contains($0) }
        if !missing.isEmpty {
            let wanted = fields.joined(separator: ", ")
            let got =
                named.isEmpty
                ? Words("no field names", id: "tidak ada nama field").text : named.joined(separator: ", ")
            throw response.failure(
                Words(
                    "expected the errors list to name \(wanted), but it names \(got)",
                    id: "seharusnya list errors menyebut \(wanted), tapi yang disebut \(got)"),
                hint: hint)
        }
        for error in errors where (error["message"]?.string ?? "").isEmpty {
            throw response.failure(
                Words(
                    "expected every entry of the errors list to have a \"message\" that explains the problem, got \(error)",
                    id:
                        "seharusnya setiap entri di list errors punya \"message\" yang menjelaskan masalahnya, tapi yang datang \(error)"
                ),
                hint: hint)
        }
        return problem
    }

    /// The number of rows in the learner's tasks table.
    static func storedCount(_ t: TestContext) throws -> Int {
        try t.database().queryOne("SELECT COUNT(*) AS n FROM tasks")?.int("n") ?? 0
    }
}

extension JSONValue {
    /// A copy with one member changed (or removed with `nil`).
    func with(_ key: String, _ value: JSONValue?) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = value
        return .object(members)
    }
}

extension ClientResponse {
    /// Like `expectStatus`, with a hint picked by the status that came back, so the hint speaks to
    /// the mistake that was made: `[405: Words("register the route", id: "daftarkan route-nya")]`.
    @discardableResult
    func expectStatus(_ expected: Int, hints: [Int: Words], otherwise: Words? = nil) throws
        -> ClientResponse
    {
        try expectStatus(expected, hint: hints[status] ?? otherwise)
    }
}

/// A value shared by the checks of one run.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    init(_ value: Value? = nil) { stored = value }
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
