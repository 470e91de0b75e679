import BackendKit
import Grader

/// The `expect…` methods and ``ClientResponse/failure(_:hint:)`` with hints and messages in both
/// languages: `try response.expectStatus(201, hint: Words("…", id: "…"))`. GraderKit's own words
/// ("expected status 201 Created, got …") are already in both.
///
/// Each hint is `Words?` like the String form's `String?`, and each overload is disfavoured: a
/// string literal then always picks the String form (English only, no warning).
extension ClientResponse {
    @_disfavoredOverload
    @discardableResult
    public func expectStatus(_ expected: Int..., hint: Words?) throws -> ClientResponse {
        try expectStatus(anyOf: expected, hint: hint?.text)
    }

    @_disfavoredOverload
    @discardableResult
    public func expectHeader(_ name: String, _ value: String? = nil, hint: Words?) throws -> ClientResponse {
        try expectHeader(name, value, hint: hint?.text)
    }

    @_disfavoredOverload
    @discardableResult
    public func expectContentType(_ mediaType: String, hint: Words?) throws -> ClientResponse {
        try expectContentType(mediaType, hint: hint?.text)
    }

    @_disfavoredOverload
    @discardableResult
    public func expectProblem(status expected: Int, hint: Words?) throws -> JSONValue {
        try expectProblem(status: expected, hint: hint?.text)
    }

    /// A failure about this response, ready to throw, in the run's language.
    @_disfavoredOverload
    public func failure(_ message: Words, hint: Words? = nil) -> CheckFailure {
        failure(message.text, hint: hint?.text)
    }
}
