import Grader

// The English-only forms of the failure helpers, for packs that ship English only. Each is
// deprecated with the message the dev check looks for, so in a pack that declares Indonesian every
// text still without its Indonesian is listed ("Missing Bahasa Indonesia translation: file:line");
// in an English-only pack the warning is ignored. Disfavoured, so a string literal picks the
// `Words` form (whose literal warns the same way) and a `String` value lands here.

extension CheckFailure {
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    public static func precondition(
        _ precondition: String, _ message: String, hint: String? = nil, exchange: HTTPExchange? = nil
    ) -> CheckFailure {
        Self.precondition(
            Words(english: precondition), Words(english: message), hint: hint.map(Words.init(english:)),
            exchange: exchange)
    }
}

@available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
@_disfavoredOverload
public func given<T>(_ precondition: String, _ body: () throws -> T) throws -> T {
    try given(Words(english: precondition), body)
}

@available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
@_disfavoredOverload
public func require(
    _ condition: Bool, _ message: @autoclosure () -> String, hint: String? = nil,
    response: ClientResponse? = nil
) throws {
    if !condition { throw failure(message(), hint: hint, response: response) }
}

@available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
@_disfavoredOverload
public func requireValue<T>(
    _ value: T?, _ message: @autoclosure () -> String, hint: String? = nil, response: ClientResponse? = nil
) throws -> T {
    guard let value else { throw failure(message(), hint: hint, response: response) }
    return value
}

@available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
@_disfavoredOverload
public func requireEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: String, hint: String? = nil, response: ClientResponse? = nil
) throws {
    try requireEqual(
        actual, expected, Words(english: what), hint: hint.map(Words.init(english:)), response: response)
}

@available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
@_disfavoredOverload
public func fail(_ message: String, hint: String? = nil) throws -> Never {
    throw CheckFailure(message, hint: hint)
}
