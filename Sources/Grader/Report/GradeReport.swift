import Foundation

/// Everything one grading run found, in the order the checks ran.
///
/// A compiled grader writes this as JSON; the runner reads it back and renders it for the terminal,
/// as Exercism's results.json v3, or as JUnit XML. Keeping one model means the three outputs can never
/// disagree about what happened.
public struct GradeReport: Codable, Sendable, Equatable {
    /// The report format; bump it when a field changes meaning.
    public static let currentFormatVersion = 1

    public enum Status: String, Codable, Sendable {
        /// Every check passed.
        case pass
        /// At least one check failed or errored.
        case fail
        /// No check could run: the code did not build, or the server never became ready.
        case error
    }

    public var formatVersion: Int
    public var exercise: String
    public var status: Status
    /// Why the run is `error`, in words a learner can act on (for example the compiler's output, or
    /// "your server exited with status 1 before it started listening"). `nil` otherwise.
    public var message: String?
    public var checks: [CheckResult]
    /// The last lines the learner's server printed (stdout and stderr interleaved), for the report's tail.
    public var serverLog: CapturedOutput?
    /// Wall-clock duration of the whole run, in seconds.
    public var duration: Double
    /// For an `error` run whose server crashed before it listened: what the runtime said and where.
    public var crash: ServerCrash?

    public init(
        exercise: String,
        status: Status,
        message: String? = nil,
        checks: [CheckResult] = [],
        serverLog: CapturedOutput? = nil,
        duration: Double = 0,
        crash: ServerCrash? = nil
    ) {
        self.formatVersion = Self.currentFormatVersion
        self.exercise = exercise
        self.status = status
        self.message = message
        self.checks = checks
        self.serverLog = serverLog
        self.duration = duration
        self.crash = crash
    }

    /// Points earned: the sum of the points of passed checks.
    public var score: Int { checks.filter { $0.status == .pass }.reduce(0) { $0 + $1.points } }
    /// Points available: the sum of the points of every check.
    public var maxScore: Int { checks.reduce(0) { $0 + $1.points } }
    /// The first check that did not pass, preferring one that failed over one not checked; the
    /// report explains this one in detail.
    public var firstFailure: CheckResult? {
        checks.first(where: \.isProblem) ?? checks.first { $0.status != .pass }
    }

    /// An `error` run in which no check ran at all, such as code that did not build: every check
    /// is listed as not checked, so the score is 0 of all the points.
    public var noCheckRan: Bool {
        status == .error && !checks.isEmpty && checks.allSatisfy { $0.status == .skipped }
    }

    /// The same report saying why it is an `error` run, such as the compiler's words added by the
    /// runner to the grader's report of code that did not build.
    public func with(message: String) -> GradeReport {
        var report = self
        report.message = message
        return report
    }
}

/// The outcome of one check.
public struct CheckResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case pass
        /// An expectation did not hold.
        case fail
        /// The check could not finish: the server crashed, hung, or the check timed out.
        case error
        /// Not checked: what it needs did not hold (``CheckResult/needs`` says what), or an earlier
        /// check could not be stopped. Reports show it as "not checked", never as a second failure.
        case skipped
    }

    public var name: String
    public var status: Status
    public var points: Int
    /// What went wrong, for a learner: what was expected and what came back.
    public var message: String?
    /// What to try next. Shown under the first failure.
    public var hint: String?
    /// The HTTP exchange the failure is about, when there was one.
    public var exchange: HTTPExchange?
    /// What the server printed while this check ran (for a failure, the lines that explain it).
    public var serverLog: CapturedOutput?
    public var duration: Double
    /// For a `skipped` check: what it needed that did not hold, as reports finish the sentence
    /// "not checked (needs …)": a check's name in quotes (`“GET /health answers 200 OK”`) or a
    /// precondition in words (`POST /tasks to create a task`).
    public var needs: String?
    /// When the server crashed during this check: what the runtime said and where.
    public var crash: ServerCrash?
    /// For a failed check: the path of a shell script that sends every request this check sent (and
    /// those of the checks before it), to replay it against `backendlings serve --fresh`.
    public var replayScript: String?
    /// The requests the check sent, as request lines (`POST /books`), each once and in order, for
    /// reports that say what a check did even when it passed (results.json's `test_code`).
    public var requests: [String]?
    /// True for a guard (pass-to-pass) check, one that passes on the exercise's starter too: it
    /// keeps what already worked working. Absent for other checks.
    public var isGuard: Bool?

    public init(
        name: String,
        status: Status,
        points: Int = 1,
        message: String? = nil,
        hint: String? = nil,
        exchange: HTTPExchange? = nil,
        serverLog: CapturedOutput? = nil,
        duration: Double = 0,
        needs: String? = nil,
        crash: ServerCrash? = nil,
        replayScript: String? = nil,
        requests: [String]? = nil
    ) {
        self.name = name
        self.status = status
        self.points = points
        self.message = message
        self.hint = hint
        self.exchange = exchange
        self.serverLog = serverLog
        self.duration = duration
        self.needs = needs
        self.crash = crash
        self.replayScript = replayScript
        self.requests = requests
    }

    /// `true` for `fail` and `error`: a check a report marks with ✗.
    public var isProblem: Bool { status == .fail || status == .error }
}

/// One request and what came back, recorded so the report can show it and print a curl line.
public struct HTTPExchange: Codable, Sendable, Equatable {
    public struct Request: Codable, Sendable, Equatable {
        public var method: String
        /// The request target as sent, for example `/books?author=Le%20Guin`.
        public var target: String
        public var headers: [Header]
        /// The body as text (invalid UTF-8 is shown with replacement characters), trimmed by the recorder.
        public var body: String?

        public init(method: String, target: String, headers: [Header] = [], body: String? = nil) {
            self.method = method
            self.target = target
            self.headers = headers
            self.body = body
        }
    }

    public struct Response: Codable, Sendable, Equatable {
        public var status: Int
        public var reason: String
        public var headers: [Header]
        public var body: String?
        /// How many body bytes were left out of `body`.
        public var bodyBytesOmitted: Int

        public init(
            status: Int, reason: String, headers: [Header] = [], body: String? = nil,
            bodyBytesOmitted: Int = 0
        ) {
            self.status = status
            self.reason = reason
            self.headers = headers
            self.body = body
            self.bodyBytesOmitted = bodyBytesOmitted
        }
    }

    public struct Header: Codable, Sendable, Equatable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public var request: Request
    /// `nil` when no response came back (connection refused, reset, timeout); `problem` says which.
    public var response: Response?
    /// What went wrong at the transport level, in plain words, when `response` is `nil`.
    public var problem: String?

    public init(request: Request, response: Response?, problem: String? = nil) {
        self.request = request
        self.response = response
        self.problem = problem
    }
}

/// Output captured from a child process: the first bytes, the last bytes, and how much was dropped
/// in between, so a server that floods its output cannot exhaust the grader's memory.
public struct CapturedOutput: Codable, Sendable, Equatable {
    public var head: String
    public var tail: String
    public var omittedBytes: Int

    public init(head: String, tail: String = "", omittedBytes: Int = 0) {
        self.head = head
        self.tail = tail
        self.omittedBytes = omittedBytes
    }

    /// The captured text with a marker line where bytes were left out.
    public var text: String {
        if omittedBytes == 0 && tail.isEmpty { return head }
        if omittedBytes == 0 { return head + tail }
        return head + "\n" + Self.omissionMarker(String(omittedBytes)) + "\n" + tail
    }

    /// "… 1,024 bytes not shown …", the line that stands where a capture left bytes out.
    static func omissionMarker(_ count: String) -> String {
        Words("… \(count) bytes not shown …", id: "… \(count) byte tidak ditampilkan …").text
    }

    /// The last `count` lines of the captured text, for a report's "last lines of your server's log".
    public func lastLines(_ count: Int) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return Array(lines.suffix(count))
    }
}
