import Grader

/// The hidden checks of one exercise, run in the order declared.
///
/// A pack's `Tests/` folder declares one of these per exercise and lists them in its `main.swift`:
///
/// ```swift
/// let schema = ExerciseTests("db01-schema") {
///     Check("GET /books answers 200 with a JSON array") { t in
///         try t.http.get("/books").expectStatus(200).expectJSONArray()
///     }
/// }
/// ```
public struct ExerciseTests: Sendable {
    public let exerciseID: String
    public let checks: [Check]

    public init(_ exerciseID: String, @CheckBuilder _ checks: () -> [Check]) {
        self.exerciseID = exerciseID
        self.checks = checks()
    }

    public init(_ exerciseID: String, checks: [Check]) {
        self.exerciseID = exerciseID
        self.checks = checks
    }
}

/// Lets `ExerciseTests` list checks one per line, with `if` and `for` when a list is generated.
@resultBuilder
public enum CheckBuilder {
    public static func buildExpression(_ check: Check) -> [Check] { [check] }
    public static func buildExpression(_ checks: [Check]) -> [Check] { checks }
    public static func buildBlock(_ parts: [Check]...) -> [Check] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Check]?) -> [Check] { part ?? [] }
    public static func buildEither(first: [Check]) -> [Check] { first }
    public static func buildEither(second: [Check]) -> [Check] { second }
    public static func buildArray(_ parts: [[Check]]) -> [Check] { parts.flatMap { $0 } }
}

/// One behaviour the learner's server must show, with a name the learner reads in the report.
///
/// Name, hint and failure messages are written in English with the Indonesian beside them
/// (`Check(Words("…", id: "…"), hint: Words("…", id: "…"))`); the grader shows each in the run's
/// language (`--lang`), falling back to English for a text that has no Indonesian.
///
/// The body talks to the server through `t.http`, inspects the database through `t.database()`,
/// and fails by throwing (`expectStatus`, `require`, `fail`). Write names as facts about the server
/// ("POST /books answers 201 with a Location header"), and a hint that points at the concept,
/// not at the answer.
///
/// One mistake should show as one ✗. A check that can only pass when an earlier one did names it
/// in `needs`; when that one did not pass, this one is not run and the report says
/// "not checked (needs “GET /health answers 200 OK”)" instead of a second failure:
///
/// ```swift
/// let answersOK = Words("GET /health answers 200 OK", id: "GET /health menjawab 200 OK")
/// Check(answersOK) { t in try t.http.get("/health").expectStatus(200) }
/// Check(Words("GET /health says its body is JSON", id: "GET /health menyebut body-nya sebagai JSON"), needs: answersOK.en) { t in
///     try t.http.get("/health").expectStatus(200).expectContentType("application/json")
/// }
/// ```
///
/// For set-up that several checks share (creating a task first), wrap it in ``given(_:_:)``
/// instead: it fails the check as "not checked" when an earlier check has already failed.
public struct Check: Sendable {
    /// The name in every language the pack speaks; the report shows it in the run's language.
    public let title: Words
    public let points: Int
    /// Shown under a failure of this check, unless the failure brings a hint of its own.
    public let hint: Words?
    /// The English names of earlier checks that must pass for this one to be run.
    public let needs: [String]
    public let timeout: Duration
    /// A guard (pass-to-pass) check: it passes on the exercise's starter too, because it checks what
    /// already worked. In a debugging exercise, where the starter is a working app with one planted
    /// bug, guards make "delete the feature" fail instead of counting as a fix. The dev check
    /// requires the starter to pass every guard and to fail only other checks.
    public private(set) var isGuard = false
    let body: @Sendable (TestContext) throws -> Void

    /// This check as a guard check (see ``isGuard``).
    public func asGuard() -> Check {
        var copy = self
        copy.isGuard = true
        return copy
    }

    /// The English name: what `needs` refers to, the same in every language of the run.
    public var name: String { title.en }

    /// A check whose name and hint are written in English with the Indonesian beside them:
    ///
    /// ```swift
    /// Check(
    ///     Words("GET /health answers 200", id: "GET /health menjawab 200"),
    ///     hint: Words("Add a route for GET /health.", id: "Tambahkan route untuk GET /health.")
    /// ) { t in try t.http.get("/health").expectStatus(200) }
    /// ```
    ///
    /// `needs` names earlier checks by their English name: `needs: storesABook.en` for a name kept
    /// in a `Words` constant.
    public init(
        _ title: Words,
        points: Int = 1,
        hint: Words? = nil,
        needs: String...,
        timeout: Duration = .seconds(15),
        _ body: @escaping @Sendable (TestContext) throws -> Void
    ) {
        self.init(title, points: points, hint: hint, needing: needs, timeout: timeout, body)
    }

    /// The same, with the needed checks as an array (for lists built in code).
    public init(
        _ title: Words,
        points: Int = 1,
        hint: Words? = nil,
        needing needs: [String],
        timeout: Duration = .seconds(15),
        _ body: @escaping @Sendable (TestContext) throws -> Void
    ) {
        self.title = title
        self.points = points
        self.hint = hint
        self.needs = needs
        self.timeout = timeout
        self.body = body
    }
}
