extension CrashOutputParser {
    /// `lines` of a server's log with the runtime's crash reports replaced by one line each
    /// (`… the runtime's crash report (81 lines) left out …`): the threads, registers and image
    /// lists say nothing a learner can act on, and they push the log lines that do off the screen.
    /// The runtime's message (`Fatal error: …`) stays: it is a line the server printed.
    public static func withoutCrashReports(_ lines: [String]) -> [String] {
        var kept: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            var end: Int?
            if line.hasPrefix("*** Signal ") && line.contains("Backtracing") {
                // To "Backtrace took 0.04s", or to the end when the capture stopped before it.
                end = lines[index...].firstIndex { $0.hasPrefix("Backtrace took") } ?? (lines.count - 1)
            } else if line.hasPrefix("Current stack trace:") {
                var last = index
                while last + 1 < lines.count, isAddressFrame(lines[last + 1]) { last += 1 }
                end = last
            }
            guard let end else {
                kept.append(line)
                index += 1
                continue
            }
            while let previous = kept.last, previous.allSatisfy(\.isWhitespace) { kept.removeLast() }
            let count = end - index + 1
            let counted = ReportNumbers.grouped(count)
            kept.append(
                Words(
                    "… the runtime's crash report (\(counted) lines) left out …",
                    id: "… laporan crash dari runtime (\(counted) baris) tidak ditampilkan …"
                ).text)
            index = end + 1
            while index < lines.count, lines[index].allSatisfy(\.isWhitespace) { index += 1 }
        }
        return kept
    }

    /// `4    db02-insert-fetch     0x000055e72cdfd96c <unavailable> + 842092`: a frame of the
    /// stack trace the runtime prints without its backtracer.
    private static func isAddressFrame(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return words.count >= 3 && words[0].allSatisfy(\.isNumber) && words[2].hasPrefix("0x")
    }
}
