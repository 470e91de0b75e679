/// Renders a ``GradeReport`` for the learner's terminal.
///
/// The report answers, in this order: which checks passed and which did not; for the first one that
/// did not, what was expected and what came back (the exact request and response), a curl line to
/// see it yourself, the hint, and the last lines of the server's log; then the score. An `error`
/// run shows its message (for example compiler output) instead. Nothing is wrapped; untrusted text
/// (bodies, headers, log lines) is cleaned of control characters, and long parts are trimmed so one
/// report stays around 60 lines.
///
/// The output is deterministic for a given report: durations appear only when `showsDurations` is
/// on, so golden files of the default output stay stable. Labels are in `Language.current`; the
/// report's own texts (check names, messages) are in the language the grader ran in (`--lang`).
public struct TextReportRenderer: Sendable {
    /// Symbols and emphasis; ``UnicodeTextStyle`` by default.
    public var style: any TextStyle
    /// Where curl lines send their requests: what `backendlings serve` listens on.
    public var baseURL: String
    /// Adds each check's duration and the run's total (verbose mode).
    public var showsDurations: Bool
    /// The command named in "Try it yourself (run … in another terminal)": the form that works in
    /// the learner's shell.
    public var serveCommand = "backendlings serve"

    /// Lines of an `error` run's message shown at most (compiler output can run to hundreds).
    static let maxErrorMessageLines = 40
    /// Log lines an `error` run shows: a server that stopped at start usually says why in its last lines.
    static let errorLogLines = 20

    /// How many lines a report aims to stay within.
    static let targetLines = 60
    /// Response body lines kept however long the rest of the report is.
    static let minimumBodyLines = 5

    public init(
        style: any TextStyle = UnicodeTextStyle(),
        baseURL: String = CurlCommand.defaultBaseURL,
        showsDurations: Bool = false
    ) {
        self.style = style
        self.baseURL = baseURL
        self.showsDurations = showsDurations
    }

    /// The report as lines ending in `"\n"`. `title` is the exercise's title, shown after its id.
    public func render(_ report: GradeReport, title: String? = nil) -> String {
        var lines = self.lines(report, title: title, responseBody: .response)
        if lines.count > Self.targetLines {
            // Give up response body lines first: the message, curl line and hint matter more.
            var preview = BodyPreview.response
            preview.maxLines = max(Self.minimumBodyLines, preview.maxLines - (lines.count - Self.targetLines))
            lines = self.lines(report, title: title, responseBody: preview)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report rendered with the defaults (``UnicodeTextStyle``, `backendlings serve`'s address),
    /// for callers with no terminal style of their own, such as a grader run by hand.
    public static func render(_ report: GradeReport, title: String? = nil) -> String {
        TextReportRenderer().render(report, title: title)
    }

    private func lines(_ report: GradeReport, title: String?, responseBody: BodyPreview) -> [String] {
        var lines = [header(report, title: title)]
        // A run none of whose checks ran (the code did not build) lists no checks: the message
        // says why, and the summary how many there are.
        if !report.noCheckRan { lines += report.checks.map(listLine) }
        if report.status == .error {
            lines.append("")
            lines += errorLines(report)
        } else if let failed = report.checks.first(where: \.isProblem) {
            lines.append("")
            lines.append(style.failure(style.failSymbol) + " " + style.bold(ReportText.clean(failed.name)))
            let detail = FailureDetail(
                check: failed, baseURL: baseURL, style: style, responseBody: responseBody,
                serveCommand: serveCommand)
            lines += detail.lines().map(indented)
            if let during = failed.serverLog, !LogTail.lines(during, count: 1).isEmpty {
                lines += logLines(
                    during, emptyNote: false,
                    title: Words(
                        "Your server's log during this check", id: "Log server kamu selama pengecekan ini"
                    ).text)
            } else {
                lines += logLines(report.serverLog, emptyNote: false)
            }
        }
        lines.append("")
        lines.append(summary(report))
        return lines
    }

    private func header(_ report: GradeReport, title: String?) -> String {
        let exercise = style.bold(ReportText.clean(report.exercise))
        guard let title, !title.isEmpty else { return exercise }
        return exercise + " · " + ReportText.clean(title)
    }

    private func listLine(_ check: CheckResult) -> String {
        let name = ReportText.clean(check.name)
        let time = showsDurations ? style.dim(" (\(ReportNumbers.spoken(check.duration)))") : ""
        switch check.status {
        case .pass: return "  " + style.success(style.passSymbol) + " " + name + time
        case .fail, .error: return "  " + style.failure(style.failSymbol) + " " + name + time
        case .skipped:
            let why =
                FailureDetail.notCheckedPhrase(for: check).map { " · " + $0 }
                ?? Words(" (not run)", id: " (tidak dijalankan)").text
            return "  " + style.dim(style.skipSymbol + " " + name + why)
        }
    }

    /// The message of an `error` run, its first line as a headline, then the server's last lines.
    private func errorLines(_ report: GradeReport) -> [String] {
        let shown = ReportText.capped(report.runMessageLines, limit: Self.maxErrorMessageLines)
        var lines = [style.failure(style.failSymbol) + " " + style.bold(shown[0])]
        lines += shown.dropFirst().map(indented)
        if let crash = report.crash {
            lines.append("")
            lines += CrashDetail(crash: crash, style: style).lines().map(indented)
        }
        lines += logLines(report.serverLog, emptyNote: true, count: Self.errorLogLines)
        return lines
    }

    /// `emptyNote`: say so when the server printed nothing (useful when it never started).
    private func logLines(
        _ log: CapturedOutput?, emptyNote: Bool, title: String = LogTail.lastLinesTitle,
        count: Int = LogTail.textLines
    ) -> [String] {
        let tail = LogTail.lines(log, count: count)
        if tail.isEmpty {
            let nothing = Words("Your server printed nothing.", id: "Server kamu tidak mencetak apa pun.")
                .text
            return emptyNote && log != nil ? ["", "  " + nothing] : []
        }
        return ["", "  " + style.bold(title)] + tail.map { "    " + $0 }
    }

    private func summary(_ report: GradeReport) -> String {
        let total = report.checks.count
        let passed = report.checks.filter { $0.status == .pass }.count
        let time = showsDurations ? " · " + ReportNumbers.spoken(report.duration) : ""
        if total == 0 {
            return style.failure(Words("No checks ran.", id: "Tidak ada pengecekan yang dijalankan.").text)
                + time
        }
        let score =
            " · "
            + Words("score \(report.score)/\(report.maxScore)", id: "skor \(report.score)/\(report.maxScore)")
            .text
            + time
        if passed == total && report.status == .pass {
            let allPassed =
                total == 1
                ? Words("The check passed", id: "Pengecekannya lulus")
                : Words("All \(total) checks passed", id: "Semua \(total) pengecekan lulus")
            return style.success(allPassed.text) + score
        }
        if report.noCheckRan {
            let noneRan =
                total == 1
                ? Words("The check did not run", id: "Pengecekannya tidak dijalankan")
                : Words(
                    "None of the \(total) checks ran",
                    id: "Tidak satu pun dari \(total) pengecekan dijalankan")
            return style.failure(noneRan.text) + score
        }
        let skipped = report.checks.filter { $0.status == .skipped }.count
        let notChecked =
            skipped > 0 ? Words(", \(skipped) not checked", id: ", \(skipped) tidak dicek").text : ""
        let passedOf = Words(
            "\(passed) of \(total) \(total == 1 ? "check" : "checks") passed",
            id: "\(passed) dari \(total) pengecekan lulus")
        return style.failure(passedOf.text + notChecked) + score
    }

    private func indented(_ line: String) -> String {
        line.isEmpty ? line : "  " + line
    }
}
