/// A grading run as JUnit XML, the test-result format CI systems (GitHub Actions reporters, GitLab,
/// Jenkins) read.
///
/// One `<testsuites>` holding one `<testsuite>` named after the exercise, one `<testcase>` per check:
/// `<failure>` for a failed check, `<error>` for one that could not finish, `<skipped message="Not
/// checked (needs “…”): …">` for one whose precondition did not hold (or that did not run), each
/// with the same explanation the terminal shows. An `error` run gets one more
/// test case, "grading run", carrying its message, so a CI job never reports a build failure as
/// "0 tests, all green". The server's last log lines go in `<system-out>`. Times have three decimals.
public enum JUnitReport {
    /// The name of the extra test case that carries an `error` run's message.
    public static let runCaseName = "grading run"

    /// The XML document, ending in a newline. `baseURL` is where curl lines send their requests.
    public static func render(_ report: GradeReport, baseURL: String = CurlCommand.defaultBaseURL) -> String {
        let exercise = XMLEscaping.attribute(ReportText.clean(report.exercise))
        var cases = report.checks.map { testCase(for: $0, exercise: exercise, baseURL: baseURL) }
        var counts = Counts(report.checks)
        if report.status == .error {
            cases.append(runCase(for: report, exercise: exercise))
            counts.tests += 1
            counts.errors += 1
        }
        let time = ReportNumbers.seconds(report.duration)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<testsuites name="backendlings" tests="\#(counts.tests)" failures="\#(counts.failures)" "#
                + #"errors="\#(counts.errors)" time="\#(time)">"#,
            #"  <testsuite name="\#(exercise)" tests="\#(counts.tests)" failures="\#(counts.failures)" "#
                + #"errors="\#(counts.errors)" skipped="\#(counts.skipped)" time="\#(time)">"#,
        ]
        lines += cases
        let log = LogTail.lines(report.serverLog, count: LogTail.junitLines)
        if !log.isEmpty {
            lines.append("    <system-out>" + XMLEscaping.text(log.joined(separator: "\n")) + "</system-out>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Counts {
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int

        init(_ checks: [CheckResult]) {
            tests = checks.count
            failures = checks.filter { $0.status == .fail }.count
            errors = checks.filter { $0.status == .error }.count
            skipped = checks.filter { $0.status == .skipped }.count
        }
    }

    /// One `<testcase>` element, possibly over several lines.
    private static func testCase(for check: CheckResult, exercise: String, baseURL: String) -> String {
        let open =
            #"    <testcase classname="\#(exercise)" name="\#(XMLEscaping.attribute(ReportText.clean(check.name)))" "#
            + #"time="\#(ReportNumbers.seconds(check.duration))""#
        let element: String
        switch check.status {
        case .pass:
            return open + "/>"
        case .skipped:
            return open + ">\n"
                + #"      <skipped message="\#(XMLEscaping.attribute(FailureDetail.skippedMessage(for: check)))"/>"#
                + "\n    </testcase>"
        case .fail: element = "failure"
        case .error: element = "error"
        }
        let message = FailureDetail.messageLines(for: check).joined(separator: "\n")
        let details = FailureDetail(check: check, baseURL: baseURL, style: PlainTextStyle()).lines()
        return open + ">\n"
            + #"      <\#(element) message="\#(XMLEscaping.attribute(message))">"#
            + XMLEscaping.text(details.joined(separator: "\n")) + "</\(element)>\n"
            + "    </testcase>"
    }

    private static func runCase(for report: GradeReport, exercise: String) -> String {
        let message = report.runDetailLines
        return #"    <testcase classname="\#(exercise)" name="\#(runCaseName)" "#
            + #"time="\#(ReportNumbers.seconds(report.duration))">"# + "\n"
            + #"      <error message="\#(XMLEscaping.attribute(message[0]))">"#
            + XMLEscaping.text(message.joined(separator: "\n")) + "</error>\n"
            + "    </testcase>"
    }
}
