/// The last lines of what the learner's server printed, cleaned for display, with the runtime's
/// crash reports (threads, registers, images) left out.
///
/// The log tail is often the real answer to "why did this fail?": a thrown error, a failed
/// precondition, a SQL error. When the server printed so much that the capture dropped the middle,
/// the marker line says how much is missing, so the learner knows their server flooded its output.
enum LogTail {
    /// Lines the terminal report shows.
    static let textLines = 10
    /// The title over the last lines of a server's log, in every report.
    static var lastLinesTitle: String {
        Words("Your server's last log lines", id: "Baris log terakhir server kamu").text
    }

    /// Lines JUnit's `<system-out>` holds: CI logs have room for more.
    static let junitLines = 50

    /// At most `count` lines from the end of `log`, with `… 1,048,576 bytes not shown …` where the
    /// capture left bytes out. Empty when there is no log or it holds only blank lines.
    static func lines(_ log: CapturedOutput?, count: Int) -> [String] {
        guard let log else { return [] }
        var lines: [String]
        if log.omittedBytes > 0 {
            let marker = CapturedOutput.omissionMarker(ReportNumbers.grouped(log.omittedBytes))
            lines = ReportText.lines(log.head) + [marker] + ReportText.lines(log.tail)
        } else {
            lines = ReportText.lines(log.head + log.tail)
        }
        lines = CrashOutputParser.withoutCrashReports(lines)
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.suffix(count).map(ReportText.clean)
    }
}
