import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Bookshelf's hidden tests.
enum Bookshelf {
    /// A valid book, with an ISBN made unique by `n`.
    static func book(
        _ n: Int, title: String = "Laskar Pelangi", author: String = "Andrea Hirata", year: Int? = 2005,
        copies: Int? = nil
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "title": .string(title), "author": .string(author), "isbn": .string(isbn(n)),
        ]
        if let year { fields["year"] = .number(Double(year)) }
        if let copies { fields["copies"] = .number(Double(copies)) }
        return .object(fields)
    }

    /// A 13-digit ISBN-like string, different for every `n`.
    static func isbn(_ n: Int) -> String {
        let digits = String(n)
        return "978" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    /// Percent-encodes text for one path segment or one query value: only letters, digits and
    /// `-._~` stay as they are, so quotes, spaces, `%`, `&` and unicode travel safely.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// `path?name=value&…` with every value percent-encoded.
    static func target(_ path: String, _ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.0)=\(encoded($0.1))" }.joined(separator: "&")
    }

    /// POSTs `json` to `path`, requires 201 and returns the JSON answer. When that fails after an
    /// earlier check has failed, the check is "not checked (needs POST /books to answer 201)"
    /// rather than one more ✗.
    @discardableResult
    static func create(_ t: TestContext, _ json: JSONValue, at path: String = "/books", hint: String? = nil)
        throws -> JSONValue
    {
        try given("POST \(path) to answer 201 with what it created") {
            let response = try t.http.post(path, json: json).expectStatus(201, hint: hint)
            let created = try response.json()
            try require(
                created["id"]?.int != nil,
                "expected the created object to have a whole-number \"id\", got \(created)",
                response: response)
            return created
        }
    }

    /// The `id` of every object in a JSON array answer, in order; fails when the answer is not an array.
    static func ids(_ response: ClientResponse) throws -> [Int] {
        guard let items = try response.json().array else {
            throw response.failure("expected a JSON array, got \(response.text.prefix(120))")
        }
        return items.map { $0["id"]?.int ?? -1 }
    }

    /// How many rows `table` holds in the learner's database file.
    static func count(
        _ t: TestContext, _ table: String, where condition: String = "1", _ values: any SQLBindable...
    ) throws -> Int {
        try t.database().queryOne(
            "SELECT COUNT(*) AS n FROM \(table) WHERE \(condition)", parameters: values)?.int("n") ?? 0
    }

    /// A list of numbers for messages: "3, 1, 2" (or "nothing").
    static func list(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "nothing" : numbers.map(String.init).joined(separator: ", ")
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

extension Bookshelf {
    /// Fails when a statement the request behind `response` ran carries one of `values` in its SQL
    /// text instead of a `?`: that is SQL built from a client's values, however well it escapes
    /// quotes. Needs `t.enableStatementLog()` before the request. Pick values no SQL of the
    /// solution contains; `pasted(_:)` gives the forms a number takes when it is pasted.
    static func requireBoundValues(
        _ t: TestContext, _ response: ClientResponse, _ values: [String], hint: String
    ) throws {
        for statement in try t.statements(for: response) {
            guard let value = values.first(where: { statement.sql.contains($0) }) else { continue }
            throw response.failure(
                "ran SQL with the client's value \"\(value)\" written into it instead of a ?: \(statement.sql.prefix(200))",
                hint: hint)
        }
    }

    /// The forms a number takes in SQL built from it: `= 12`, `=12`, `'12'`, `(12`, `> 12`.
    static func pasted(_ number: Int) -> [String] {
        ["= \(number)", "=\(number)", "'\(number)'", "(\(number)", "> \(number)", "< \(number)"]
    }
}
