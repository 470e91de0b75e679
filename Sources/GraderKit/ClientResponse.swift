import BackendKit
import Foundation
import Grader

/// A response the learner's server sent, with the request that caused it.
///
/// The `expect…` methods fail the check with a message that names the request, what was expected
/// and what came back; they return the response so expectations can be chained.
public struct ClientResponse: Sendable {
    public let method: String
    public let target: String
    public let status: Int
    public let reason: String
    public let headers: HTTPHeaders
    public let body: Data
    /// The exchange as the report shows it.
    public let exchange: HTTPExchange

    public var text: String { String(decoding: body, as: UTF8.self) }

    /// "GET /books/1", for messages.
    public var requestLine: String { "\(method) \(target)" }

    /// The body as JSON; fails the check when it is not JSON.
    public func json() throws -> JSONValue {
        guard !body.isEmpty else {
            throw failure(
                Words(
                    "expected a JSON body, but the body is empty",
                    id: "seharusnya body-nya JSON, tapi body-nya kosong"
                ).text)
        }
        do {
            return try JSONValue(parsing: body)
        } catch {
            throw failure(
                Words(
                    "expected a JSON body, but it is not valid JSON: \(text.prefix(120))",
                    id: "seharusnya body-nya JSON, tapi isinya bukan JSON yang valid: \(text.prefix(120))"
                ).text)
        }
    }

    /// The body decoded as `T`; fails the check naming the field that did not fit.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        do {
            return try JSONCoding.decoder.decode(T.self, from: body)
        } catch {
            let problem = JSONCoding.describe(error).message
            throw failure(
                Words(
                    "the JSON body does not have the expected shape: \(problem)",
                    id: "bentuk body JSON-nya tidak sesuai harapan: \(problem)"
                ).text)
        }
    }

    /// Fails unless the status is one of `expected`.
    @discardableResult
    public func expectStatus(_ expected: Int..., hint: Words? = nil) throws -> ClientResponse {
        try expectStatus(anyOf: expected, hint: hint)
    }

    func expectStatus(anyOf expected: [Int], hint: Words?) throws -> ClientResponse {
        guard expected.contains(status) else {
            let wanted = expected.map { "\($0) \(HTTPStatus(code: $0).reasonPhrase)" }.joined(
                separator: Words(" or ", id: " atau ").text)
            throw failure(
                Words(
                    "expected status \(wanted), got \(status) \(reason)",
                    id: "seharusnya status \(wanted), tapi yang datang \(status) \(reason)"
                ).text, hint: hint?.text)
        }
        return self
    }

    /// Fails unless the header is present (and, when given, equal to `value`, ignoring case).
    @discardableResult
    public func expectHeader(_ name: String, _ value: String? = nil, hint: Words? = nil) throws
        -> ClientResponse
    {
        guard let actual = headers[name] else {
            let article = "AEIOU".contains(name.first?.uppercased() ?? "") ? "an" : "a"
            throw failure(
                Words(
                    "expected \(article) \(name) header, but the response has none",
                    id: "seharusnya ada header \(name), tapi response-nya tidak punya"
                ).text, hint: hint?.text)
        }
        if let value, actual.lowercased() != value.lowercased() {
            throw failure(
                Words(
                    "expected the \(name) header to be \"\(value)\", got \"\(actual)\"",
                    id: "seharusnya header \(name) berisi \"\(value)\", tapi isinya \"\(actual)\""
                ).text, hint: hint?.text)
        }
        return self
    }

    /// Fails unless `Content-Type` names `mediaType` (parameters such as charset are ignored).
    @discardableResult
    public func expectContentType(_ mediaType: String, hint: Words? = nil) throws -> ClientResponse {
        let actual = headers["Content-Type"]
        let base = actual?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard base == mediaType.lowercased() else {
            let got =
                actual.map { "\"\($0)\"" }
                ?? Words("no Content-Type header", id: "tidak ada header Content-Type").text
            throw failure(
                Words(
                    "expected Content-Type \(mediaType), got \(got)",
                    id: "seharusnya Content-Type \(mediaType), tapi yang datang \(got)"
                ).text, hint: hint?.text)
        }
        return self
    }

    /// Fails unless the body is an RFC 9457 problem document with the given status.
    @discardableResult
    public func expectProblem(status expected: Int, hint: Words? = nil) throws -> JSONValue {
        try expectStatus(expected, hint: hint)
        try expectContentType("application/problem+json", hint: hint)
        let problem = try json()
        guard problem["status"]?.int == expected else {
            let got = problem["status"]?.description ?? Words("nothing", id: "kosong").text
            throw failure(
                Words(
                    "expected the problem document's \"status\" member to be \(expected), got \(got)",
                    id:
                        "seharusnya member \"status\" di dokumen problem bernilai \(expected), tapi isinya \(got)"
                ).text, hint: hint?.text)
        }
        guard problem["title"]?.string != nil else {
            throw failure(
                Words(
                    "expected the problem document to have a \"title\" string",
                    id: "seharusnya dokumen problem punya string \"title\""
                ).text, hint: hint?.text)
        }
        return problem
    }

    /// A failure about this response, ready to throw, in the run's language:
    /// `throw response.failure(Words("…", id: "…"))`.
    public func failure(_ message: Words, hint: Words? = nil) -> CheckFailure {
        failure(message.text, hint: hint?.text)
    }

    /// The same with text already in the run's language (made from `Words(…).text`). Disfavoured,
    /// so a string literal picks the `Words` form and warns that it has no Indonesian.
    @_disfavoredOverload
    public func failure(_ message: String, hint: String? = nil) -> CheckFailure {
        CheckFailure("\(requestLine) → \(message)", hint: hint, exchange: exchange)
    }
}
