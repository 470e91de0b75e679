import Grader

/// One frame of the watch screen, laid out for a terminal of a given size: exactly as many lines as
/// the terminal has rows, none wider than its columns, so drawing it never scrolls.
///
/// Fixed regions, top to bottom: the header (module, exercise, what to read and edit), the status
/// line (what is happening now), the body, and the key bar at the bottom. The body is the part that
/// gives way: its sections are kept whole from the bottom up (message, serving, hint), and the
/// report above them is cut to what is left, with a line saying how much more `f` would show.
struct WatchFrame: Equatable {
    var header: [String]
    var status: String
    /// The checklist and the first failure; cut to fit.
    var report: [String] = []
    /// Shown whole below the report when they fit (each is cut to a few lines otherwise).
    var sections: [[String]] = []
    /// The progress bar line and the keys.
    var footer: [String]
    /// The key that shows everything, named in the "more lines" note.
    var fullReportKey = "f"

    /// The smallest terminal the frame is drawn in; below it, one line says so.
    static let minimumColumns = 40
    static let minimumRows = 12

    /// Rows one line of the report may wrap onto (bodies and logs are cut, not wrapped, beyond).
    static let reportRowsPerLine = 2

    /// The most lines one section may take when space is short.
    static let sectionLineLimit = 6

    /// The frame as lines for a terminal of `columns` × `rows`.
    func lines(columns: Int, rows: Int) -> [String] {
        guard columns >= Self.minimumColumns, rows >= Self.minimumRows else {
            let least = "\(Self.minimumColumns)x\(Self.minimumRows)"
            let text =
                Words(
                    "Terminal too small (\(columns)x\(rows)); make it at least \(least). Still watching · ",
                    id:
                        "Terminal terlalu kecil (\(columns)x\(rows)); perbesar minimal \(least). Tetap mengawasi · "
                ).text + status
            return [TerminalText.truncated(text, to: max(1, columns - 1))]
        }
        // One column is kept free: writing the last column of a row leaves terminals in a state
        // where clearing the rest of the line erases that character.
        let width = columns - 1
        var top = header + [""] + [status] + [""]
        let bottom = [""] + footer
        var room = rows - top.count - bottom.count
        if room < 3 {  // a short terminal keeps the status, the keys and a little of the report
            top = Array(header.prefix(2)) + [status]
            room = rows - top.count - bottom.count
        }
        func wrapped(_ lines: [String]) -> [String] {
            lines.flatMap { TerminalText.wrapped($0, to: width, maxRows: Self.reportRowsPerLine) }
        }
        let sections = self.sections.map { $0.flatMap { TerminalText.wrapped($0, to: width, maxRows: 3) } }
        var report = wrapped(self.report)
        if report.count + sections.reduce(0, { $0 + $1.count + 1 }) > room {
            report = wrapped(Self.foldedChecklist(self.report))
        }
        let body = Self.fit(report: report, sections: sections, into: room, key: fullReportKey)
        let all = top + body + Array(repeating: "", count: max(0, room - body.count)) + bottom
        return all.prefix(rows).map { TerminalText.truncated($0, to: width) }
    }

    /// The body in `room` lines: sections keep their place first (cut to `sectionLineLimit` lines
    /// each if all of them do not fit), then the report takes what is left. A cut report shows its
    /// checklist first and ends with "… N more lines".
    static func fit(report: [String], sections: [[String]], into room: Int, key: String) -> [String] {
        guard room > 0 else { return [] }
        var kept = sections.filter { !$0.isEmpty }
        func height(_ parts: [[String]]) -> Int { parts.reduce(0) { $0 + $1.count + 1 } }
        if height(kept) > room / 2 {
            kept = kept.map { $0.count > sectionLineLimit ? cut($0, to: sectionLineLimit, key: key) : $0 }
        }
        while height(kept) > room - 2, !kept.isEmpty { kept.removeFirst() }
        let reportRoom = room - height(kept)
        var body = cut(report, to: reportRoom, key: key)
        for section in kept { body += [""] + section }
        return body
    }

    /// `lines` in at most `count` lines, the last saying how many were left out.
    static func cut(_ lines: [String], to count: Int, key: String) -> [String] {
        guard lines.count > count else { return lines }
        guard count > 1 else {
            let all = lines.count
            return count == 1
                ? [
                    "… "
                        + Words(
                            "\(all) lines · \(key) shows them", id: "\(all) baris · \(key) menampilkannya"
                        ).text
                ]
                : []
        }
        let shown = lines.prefix(count - 1)
        let hidden = lines.count - shown.count
        return Array(shown) + [
            "… "
                + Words(
                    "\(hidden) more line\(hidden == 1 ? "" : "s") · press \(key) for the full report",
                    id: "\(hidden) baris lagi · tekan \(key) untuk laporan lengkap"
                ).text
        ]
    }
}
