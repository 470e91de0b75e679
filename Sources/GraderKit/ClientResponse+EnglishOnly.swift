import BackendKit
import Grader

// The `expect…` methods with English-only hints, for packs that ship English only. Deprecated with
// the message the dev check looks for (see CheckFailure+EnglishOnly.swift) and disfavoured, so a
// call without a hint, or with a literal, picks the `Words` form.
extension ClientResponse {
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectStatus(_ expected: Int..., hint: String?) throws -> ClientResponse {
        try expectStatus(anyOf: expected, hint: hint.map(Words.init(english:)))
    }

    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectHeader(_ name: String, _ value: String? = nil, hint: String?) throws -> ClientResponse {
        try expectHeader(name, value, hint: hint.map(Words.init(english:)))
    }

    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectContentType(_ mediaType: String, hint: String?) throws -> ClientResponse {
        try expectContentType(mediaType, hint: hint.map(Words.init(english:)))
    }

    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectProblem(status expected: Int, hint: String?) throws -> JSONValue {
        try expectProblem(status: expected, hint: hint.map(Words.init(english:)))
    }
}
