import Grader

/// Making room for the failure: when the report does not fit, the checklist (its first paragraph)
/// folds its passed checks into one line and its not-checked ones into another, so the failing
/// check and its details stay on screen. A first run of a starter fails its first check and skips
/// the rest: at 80x24 their "not checked (needs …)" lines took two rows each and pushed the
/// failure's details off the screen.
extension WatchFrame {
    static func foldedChecklist(_ report: [String]) -> [String] {
        guard let end = report.firstIndex(of: "") else { return report }
        let checklist = Array(report[..<end])
        let passed = checklist.filter { kind(of: $0) == .passed }
        let skipped = checklist.filter { kind(of: $0) == .skipped }
        var folded: [String] = []
        for line in checklist {
            switch kind(of: line) {
            case .passed where passed.count > 1:
                if line == passed.first { folded.append(foldedPasses(passed)) }
            case .skipped where skipped.count > 1:
                if line == skipped.first { folded.append(foldedSkips(skipped)) }
            default:
                folded.append(line)
            }
        }
        return folded + report[end...]
    }

    private enum LineKind { case passed, skipped, other }

    private static func kind(of line: String) -> LineKind {
        let text = TerminalText.plain(line)
        if text.hasPrefix("  ✓ ") || text.hasPrefix("  PASS ") { return .passed }
        if text.hasPrefix("  - ") || text.hasPrefix("  SKIP ") { return .skipped }
        return .other
    }

    /// One line for every passed check, with the first line's mark, styled as it was.
    private static func foldedPasses(_ passed: [String]) -> String {
        let first = passed[0]
        let markStart = first.index(first.startIndex, offsetBy: 2)
        let markEnd = first.range(of: " ", range: markStart..<first.endIndex)
        let mark = markEnd.map { String(first[markStart..<$0.lowerBound]) } ?? "✓"
        return "  \(mark) "
            + Words("\(passed.count) checks passed", id: "\(passed.count) pengecekan lulus").text
    }

    /// One line for every check not checked, dimmed like them: each waits for one above to pass.
    private static func foldedSkips(_ skipped: [String]) -> String {
        let first = skipped[0]
        let plain = TerminalText.plain(first)
        let mark = plain.hasPrefix("  SKIP ") ? "SKIP" : "-"
        let text =
            mark + " "
            + Words(
                "\(skipped.count) more not checked: each needs a check above to pass first",
                id: "\(skipped.count) lagi tidak dicek: masing-masing butuh pengecekan di atasnya lulus dulu"
            ).text
        // The styled line is "  " + style + "- name…" + reset; keep its style codes around the new text.
        guard let markRange = first.range(of: mark + " ") else { return "  " + text }
        let opening = String(first[..<markRange.lowerBound])
        return opening + text + trailingStyleCode(of: first)
    }

    /// The style code a line ends with (a reset), or "" for a plain line.
    private static func trailingStyleCode(of line: String) -> String {
        guard let start = line.range(of: "\u{1B}[", options: .backwards) else { return "" }
        let code = line[start.upperBound...]
        guard code.hasSuffix("m"), code.dropLast().allSatisfy({ $0.isNumber || $0 == ";" }) else { return "" }
        return String(line[start.lowerBound...])
    }
}
