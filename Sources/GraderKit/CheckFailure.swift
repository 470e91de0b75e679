import Grader

/// Thrown by a check when the learner's server did not behave as expected.
///
/// `message` says what was expected and what came back, in words a learner new to HTTP and SQL can
/// act on. A `hint` here replaces the check's own hint for this particular failure.
public struct CheckFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    /// The request and response this failure is about; the report shows it with a curl line.
    /// When `nil`, the report shows the last exchange the check made, if any.
    public var exchange: HTTPExchange?
    /// Set when the failure means the check could not be set up, rather than that the behaviour it
    /// checks is wrong: what it needed, in words that finish "not checked (needs …)", such as
    /// "POST /tasks to create a task". See ``given(_:_:)``.
    public var unmetPrecondition: String?
    /// Set by the test context when the server had already stopped before this check used it.
    var serverHadStopped = false
    /// The load generator fell behind its schedule (see `TestContext.measuringAgainWhenBehind`).
    var isGeneratorBehind = false

    /// A failure whose text is already in the run's language (made from `Words(…).text`).
    /// Disfavoured, so a string literal picks the `Words` form and warns that it has no Indonesian.
    @_disfavoredOverload
    public init(_ message: String, hint: String? = nil, exchange: HTTPExchange? = nil) {
        self.message = message
        self.hint = hint
        self.exchange = exchange
    }

    /// A failure written in English with the Indonesian beside it: `CheckFailure(Words("…", id: "…"))`.
    /// The text is turned into the run's language (`--lang`) when the failure is made, so a report
    /// reads in one language from top to bottom; a text without Indonesian shows its English.
    public init(_ message: Words, hint: Words? = nil, exchange: HTTPExchange? = nil) {
        self.init(message.text, hint: hint?.text, exchange: exchange)
    }

    /// A failure of set-up that `precondition` describes ("POST /tasks to create a task"). When an
    /// earlier check of the run has failed, the report shows this check as "not checked (needs …)";
    /// otherwise as a failure with `message`, so the mistake is never hidden.
    public static func precondition(
        _ precondition: Words, _ message: Words, hint: Words? = nil, exchange: HTTPExchange? = nil
    ) -> CheckFailure {
        var failure = CheckFailure(message, hint: hint, exchange: exchange)
        failure.unmetPrecondition = precondition.text
        return failure
    }

    public var description: String { message }
}

/// Runs set-up that a check relies on but does not check, such as creating the task it reads back.
/// When `body` fails, the check fails as an unmet precondition (``CheckFailure/precondition(_:_:hint:exchange:)``):
/// "not checked (needs POST /tasks to create a task)" if an earlier check has already failed —
/// most likely for the same reason — and a normal failure with `body`'s message otherwise.
///
/// ```swift
/// let task = try given(Words("POST /tasks to create a task", id: "POST /tasks untuk membuat tugas")) {
///     try Tasks.create(t, draft)
/// }
/// ```
public func given<T>(_ precondition: Words, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch var failure as CheckFailure {
        if failure.unmetPrecondition == nil && !failure.serverHadStopped {
            failure.unmetPrecondition = precondition.text
        }
        throw failure
    }
}

/// Fails the check with `message` unless `condition` holds. Pass the `response` the condition is
/// about, and the report shows that request and response with a curl line.
public func require(
    _ condition: Bool, _ message: @autoclosure () -> Words, hint: Words? = nil,
    response: ClientResponse? = nil
) throws {
    if !condition { throw failure(message().text, hint: hint?.text, response: response) }
}

/// Fails the check with `message` unless `value` is there; returns it unwrapped.
///
/// Named apart from `require(_:_:)` on purpose: with one name, `require(x > 0, "…")` could quietly
/// pick the unwrapping version (a `Bool` is a valid `Bool?`) and never check the condition.
public func requireValue<T>(
    _ value: T?, _ message: @autoclosure () -> Words, hint: Words? = nil, response: ClientResponse? = nil
) throws -> T {
    guard let value else { throw failure(message().text, hint: hint?.text, response: response) }
    return value
}

/// Fails the check unless `actual == expected`, saying what `what` was expected to be and what it
/// was: `requireEqual(task["title"], "Buy milk", Words("the title", id: "judulnya"))`. Pass the
/// `response` the value came from, and the report shows it with a curl line.
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

/// Fails the check at once.
public func fail(_ message: Words, hint: Words? = nil) throws -> Never {
    throw CheckFailure(message, hint: hint)
}

/// A failure about `response` when there is one (so the report shows it), with text already in
/// the run's language.
func failure(_ message: String, hint: String?, response: ClientResponse?) -> CheckFailure {
    response?.failure(message, hint: hint) ?? CheckFailure(message, hint: hint)
}

func describe<T>(_ value: T) -> String {
    switch value {
    case let string as String: "\"\(string)\""
    case let optional as (any OptionalDescribing): optional.describedValue
    default: String(describing: value)
    }
}

protocol OptionalDescribing {
    var describedValue: String { get }
}

extension Optional: OptionalDescribing {
    var describedValue: String {
        switch self {
        case .none: Words("nothing", id: "kosong").text
        case .some(let value): describe(value)
        }
    }
}
