import Foundation

/// A grading run as Exercism's test-runner `results.json`, version 3
/// (https://exercism.org/docs/building/tooling/test-runners/interface), plus three fields of ours at
/// the top level: `score`, `max_score` and `exercise`.
///
/// Mapping: a check that was not checked (its precondition did not hold) becomes `error`, the
/// status Exercism gives a test that could not run, with the message "Not checked (needs “…”): fix
/// the failing check first." It earns no points and is never a second `fail`, so a consumer that
/// counts failures counts one per mistake. A failed test's `message` holds the whole explanation the terminal shows
/// (request, response, curl line, hint) in plain text; `output` holds the server's last log lines,
/// on the first failing test only, cut to 500 bytes; `test_code` is the requests it sent (or what it checks), never hidden
/// test source. `task_id` is left out. Limits are counted in UTF-8 bytes, which keeps them whatever
/// a consumer counts.
public struct ExercismResults: Encodable, Sendable, Equatable {
    public enum Status: String, Encodable, Sendable {
        case pass, fail, error
    }

    public struct Test: Encodable, Sendable, Equatable {
        public var name: String
        public var status: Status
        /// Required for `fail` and `error`.
        public var message: String?
        /// The server's last log lines, at most ``ExercismResults/maxOutputBytes``.
        public var output: String?
        /// What the test did: the requests it sent (`GET /books?sort=year`), or what it checks.
        public var testCode: String?

        enum CodingKeys: String, CodingKey {
            case name, status, message, output
            case testCode = "test_code"
        }
    }

    /// Exercism's limit for a test's `output`.
    public static let maxOutputBytes = 500
    /// Exercism's limit for the top-level `message`.
    public static let maxMessageBytes = 65_535
    static var messageCutMarker: String {
        "\n"
            + Words(
                "… (cut short: the rest did not fit in results.json)",
                id: "… (dipotong: sisanya tidak muat di results.json)"
            ).text
    }

    public var version = 3
    public var status: Status
    /// Why no test ran; present only when `status` is `error`.
    public var message: String?
    /// In the order the checks ran; left out for an `error` run without checks.
    public var tests: [Test]?
    public var score: Int
    public var maxScore: Int
    public var exercise: String

    enum CodingKeys: String, CodingKey {
        case version, status, message, tests, score, exercise
        case maxScore = "max_score"
    }

    /// `baseURL` is where the curl lines in failure messages send their requests.
    public init(report: GradeReport, baseURL: String = CurlCommand.defaultBaseURL) {
        exercise = report.exercise
        score = report.score
        maxScore = report.maxScore
        status = Self.status(of: report)
        if status == .error { message = Self.errorMessage(report) }
        let firstProblem = report.checks.firstIndex(where: \.isProblem)
        let tests = report.checks.enumerated().map { index, check in
            Self.test(
                for: check, baseURL: baseURL,
                log: index == firstProblem ? (check.serverLog ?? report.serverLog) : nil)
        }
        self.tests = tests.isEmpty && status == .error ? nil : tests
    }

    /// The file's contents: pretty-printed with sorted keys so the same report always gives the same
    /// bytes, ending in a newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// The results.json bytes for `report`: a shortcut for `ExercismResults(report:baseURL:).jsonData()`.
    public static func encode(_ report: GradeReport, baseURL: String = CurlCommand.defaultBaseURL) throws
        -> Data
    {
        try ExercismResults(report: report, baseURL: baseURL).jsonData()
    }

    /// `error` stays `error`; otherwise the run passes only when every check passed.
    static func status(of report: GradeReport) -> Status {
        switch report.status {
        case .error: return .error
        case .fail: return .fail
        case .pass: return report.checks.allSatisfy { $0.status == .pass } ? .pass : .fail
        }
    }

    private static func errorMessage(_ report: GradeReport) -> String {
        let text = report.runDetailLines.joined(separator: "\n")
        let log = LogTail.lines(report.serverLog, count: LogTail.textLines)
        let logPart = log.isEmpty ? "" : "\n\n\(LogTail.lastLinesTitle):\n" + log.joined(separator: "\n")
        let budget = max(0, maxMessageBytes - logPart.utf8.count)
        return ReportText.prefix(text, maxBytes: budget, marker: messageCutMarker) + logPart
    }

    /// What the test did, since learners cannot see the hidden tests (the spec asks for `test_code`
    /// then, on every test): the requests it sent, one per line, or a sentence saying what it checks.
    static func testCode(for check: CheckResult) -> String {
        if let requests = check.requests, !requests.isEmpty {
            return requests.map(ReportText.clean).joined(separator: "\n")
        }
        if let request = check.exchange?.request {
            return ReportText.clean("\(request.method) \(request.target)")
        }
        let name = ReportText.clean(check.name)
        return check.status == .skipped
            ? Words("Not run. It checks: \(name)", id: "Tidak dijalankan. Yang dicek: \(name)").text
            : Words(
                "Sends no request of its own. It checks: \(name)",
                id: "Tidak mengirim request sendiri. Yang dicek: \(name)"
            ).text
    }

    private static func test(for check: CheckResult, baseURL: String, log: CapturedOutput?) -> Test {
        var test = Test(name: ReportText.clean(check.name), status: .pass)
        test.testCode = testCode(for: check)
        switch check.status {
        case .pass:
            return test
        case .skipped:
            test.status = .error
            test.message = FailureDetail.skippedMessage(for: check)
            return test
        case .fail, .error:
            test.status = check.status == .fail ? .fail : .error
            let detail = FailureDetail(check: check, baseURL: baseURL, style: PlainTextStyle())
            test.message = detail.lines().joined(separator: "\n")
            test.output = output(log)
            return test
        }
    }

    /// The log's last lines that fit in ``maxOutputBytes``: whole lines, dropping the oldest first;
    /// the end of the last line if even that is too long. `nil` when there is nothing to show.
    private static func output(_ log: CapturedOutput?) -> String? {
        var lines = LogTail.lines(log, count: LogTail.textLines)
        while lines.count > 1 && lines.joined(separator: "\n").utf8.count > maxOutputBytes {
            lines.removeFirst()
        }
        let text = lines.joined(separator: "\n")
        return text.isEmpty ? nil : ReportText.suffix(text, maxBytes: maxOutputBytes)
    }
}
