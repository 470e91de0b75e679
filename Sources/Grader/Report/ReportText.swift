/// Text clean-up shared by every report renderer.
///
/// Much of what a report shows comes from the learner's server (log lines, response bodies, headers).
/// A server may print colour codes, carriage returns or raw control bytes; printed as they are, they
/// would repaint the learner's terminal, corrupt an XML file or hide text. Every such line goes
/// through ``clean(_:)`` before any renderer sees it.
enum ReportText {
    /// Splits `text` into lines at any line break (`\n`, `\r\n`, `\r`, …). A final line break does not
    /// start an extra empty line.
    ///
    /// Splits on `Character.isNewline` rather than on `"\n"`: Swift treats `"\r\n"` as one character,
    /// so splitting on `"\n"` would leave Windows-style text in one piece.
    static func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `lines(text)` without the blank lines at the start and at the end.
    static func trimmedLines(_ text: String) -> [String] {
        var lines = lines(text)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines
    }

    /// One line made safe to print: ANSI escape sequences (colours, cursor moves) are removed, and any
    /// other control character except the tab becomes U+FFFD, so nothing in it can act on a terminal.
    static func clean(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                skipEscapeSequence(&scalars)
            } else if isControl(scalar) && scalar != "\t" {
                result.append("\u{FFFD}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// C0 controls, DEL and C1 controls: the characters a terminal may act on instead of showing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Consumes the rest of an escape sequence after ESC: a CSI sequence (`ESC [ … final`), an OSC
    /// sequence (`ESC ] … BEL` or `ESC ] … ESC \`), or a two-character sequence (`ESC c`).
    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let scalar = scalars.next() {
                if (0x40...0x7E).contains(scalar.value) { return }
            }
        case "]":
            var previous: Unicode.Scalar = " "
            while let scalar = scalars.next() {
                if scalar == "\u{07}" || (previous == "\u{1B}" && scalar == "\\") { return }
                previous = scalar
            }
        default:
            return
        }
    }

    /// Lines of `text`, cleaned, at most `limit` of them; when more were left out, a last line says
    /// how many (`… 60 more lines`).
    static func capped(_ lines: [String], limit: Int) -> [String] {
        guard lines.count > limit else { return lines.map(clean) }
        let hidden = lines.count - limit
        let count = ReportNumbers.grouped(hidden)
        let more = Words("… \(count) more \(hidden == 1 ? "line" : "lines")", id: "… \(count) baris lagi")
        return lines.prefix(limit).map(clean) + [more.text]
    }

    /// `text` cut to at most `maxBytes` bytes of UTF-8, at a character boundary, with `marker` at the
    /// end when anything was cut (the marker counts towards the limit).
    ///
    /// Limits in bytes are the strictest measure: a text within `n` bytes is also within `n`
    /// characters, `n` UTF-16 units and `n` Unicode scalars, whichever a consumer counts.
    static func prefix(_ text: String, maxBytes: Int, marker: String) -> String {
        guard text.utf8.count > maxBytes else { return text }
        let budget = max(0, maxBytes - marker.utf8.count)
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if used + size > budget { break }
            used += size
            end = text.index(after: index)
        }
        return String(text[..<end]) + marker
    }

    /// The last part of `text` that fits in `maxBytes` bytes of UTF-8, starting at a character boundary.
    static func suffix(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let previous = text.index(before: start)
            let size = text[previous].utf8.count
            if used + size > maxBytes { break }
            used += size
            start = previous
        }
        return String(text[start...])
    }
}
