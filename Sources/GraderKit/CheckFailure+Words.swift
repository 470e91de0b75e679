import Grader

/// The failures and preconditions of a check written in English with the Indonesian beside them:
/// `CheckFailure(Words("…", id: "…"))`, `given(Words(…)) { … }`, `require(ok, Words(…))`.
///
/// Each text is turned into the run's language (`--lang`) when the failure is made, so a report
/// reads in one language from top to bottom; a text without Indonesian shows its English.
/// The String forms stay for packs that ship English only; every `Words` form here is disfavoured,
/// so a string literal picks the String form (no warning) rather than Words' English-only literal.
extension CheckFailure {
    @_disfavoredOverload
    public init(_ message: Words, hint: Words? = nil, exchange: HTTPExchange? = nil) {
        self.init(message.text, hint: hint?.text, exchange: exchange)
    }

    /// A failure of set-up, ``precondition(_:_:hint:exchange:)`` in both languages.
    @_disfavoredOverload
    public static func precondition(
        _ precondition: Words, _ message: Words, hint: Words? = nil, exchange: HTTPExchange? = nil
    ) -> CheckFailure {
        Self.precondition(precondition.text, message.text, hint: hint?.text, exchange: exchange)
    }
}

/// ``given(_:_:)`` with its precondition in both languages:
/// `given(Words("POST /tasks to create a task", id: "POST /tasks untuk membuat tugas")) { … }`.
@_disfavoredOverload
public func given<T>(_ precondition: Words, _ body: () throws -> T) throws -> T {
    try given(precondition.text, body)
}

/// ``require(_:_:hint:response:)`` with its message and hint in both languages.
@_disfavoredOverload
public func require(
    _ condition: Bool, _ message: @autoclosure () -> Words, hint: Words? = nil,
    response: ClientResponse? = nil
) throws {
    if !condition { try require(false, message().text, hint: hint?.text, response: response) }
}

/// ``requireValue(_:_:hint:response:)`` with its message and hint in both languages.
@_disfavoredOverload
public func requireValue<T>(
    _ value: T?, _ message: @autoclosure () -> Words, hint: Words? = nil, response: ClientResponse? = nil
) throws -> T {
    guard let value else {
        return try requireValue(value, message().text, hint: hint?.text, response: response)
    }
    return value
}

/// ``requireEqual(_:_:_:hint:response:)`` with `what` and the hint in both languages:
/// `requireEqual(task["title"], "Buy milk", Words("the title", id: "judulnya"))`.
@_disfavoredOverload
public func requireEqual<T: Equatable>(
    _ actual: T, _ expected: T, _ what: Words, hint: Words? = nil, response: ClientResponse? = nil
) throws {
    if actual != expected {
        let english = "expected \(what.en) to be \(describe(expected)), got \(describe(actual))"
        // An English-only `what` keeps the whole sentence English rather than mixing the languages.
        let message =
            what.isTranslated
            ? Words(
                english, id: "\(what[.id]) seharusnya \(describe(expected)), tapi isinya \(describe(actual))")
            : Words(english: english)
        throw failure(message.text, hint: hint?.text, response: response)
    }
}

/// ``fail(_:hint:)`` with its message and hint in both languages.
@_disfavoredOverload
public func fail(_ message: Words, hint: Words? = nil) throws -> Never {
    throw CheckFailure(message, hint: hint)
}
