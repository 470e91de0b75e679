/// Measuring and cutting text as a terminal shows it: escape sequences take no room, wide
/// characters (CJK, most emoji) take two columns, combining marks none.
enum TerminalText {
    /// The columns `text` takes on one line.
    static func width(_ text: String) -> Int {
        var columns = 0
        var escape = EscapeSkipper()
        for scalar in text.unicodeScalars where !escape.consumes(scalar) {
            columns += width(of: scalar)
        }
        return columns
    }

    /// `text` cut to at most `columns` columns, ending in `…` when something was cut. Styles stay
    /// balanced: a cut line ends with a reset when it held escape sequences.
    static func truncated(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        var sawEscape = false
        var escape = EscapeSkipper()
        for scalar in text.unicodeScalars {
            if escape.consumes(scalar) {
                sawEscape = true
                result.unicodeScalars.append(scalar)
                continue
            }
            let scalarWidth = width(of: scalar)
            if used + scalarWidth > columns - 1 { break }
            used += scalarWidth
            result.unicodeScalars.append(scalar)
        }
        return result + "…" + (sawEscape ? "\u{1B}[0m" : "")
    }

    /// `line` broken at spaces into rows of at most `columns` columns, continuation rows indented
    /// two spaces more than the line; at most `maxRows` rows, the last cut with `…`.
    static func wrapped(_ line: String, to columns: Int, maxRows: Int) -> [String] {
        guard width(line) > columns, maxRows > 1 else { return [truncated(line, to: columns)] }
        let indent = String(repeating: " ", count: plain(line).prefix { $0 == " " }.count + 2)
        var rows: [String] = []
        var current = ""
        // The leading spaces are empty words: joining them with " " keeps the line's indent.
        for (index, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let candidate = index == 0 ? String(word) : current + " " + word
            if width(candidate) <= columns || current.trimmingCharacters(in: .whitespaces).isEmpty {
                current = candidate
                continue
            }
            rows.append(current)
            current = indent + word
        }
        rows.append(current)
        if rows.count > maxRows {
            let rest = rows[(maxRows - 1)...].enumerated().map {
                $0.offset == 0 ? $0.element : String($0.element.drop { $0 == " " })
            }
            rows = Array(rows.prefix(maxRows - 1)) + [rest.joined(separator: " ")]
        }
        return rows.map { truncated($0, to: columns) }
    }

    /// `text` without its escape sequences.
    static func plain(_ text: String) -> String {
        var result = ""
        var escape = EscapeSkipper()
        for scalar in text.unicodeScalars where !escape.consumes(scalar) {
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// `text` padded with spaces to `columns` (never cut).
    static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1FAFF).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    /// Recognises `ESC [ … final` (CSI) and `ESC x` sequences one scalar at a time.
    private struct EscapeSkipper {
        private enum State { case text, escape, csi }
        private var state = State.text

        mutating func consumes(_ scalar: Unicode.Scalar) -> Bool {
            switch state {
            case .text:
                if scalar == "\u{1B}" {
                    state = .escape
                    return true
                }
                return false
            case .escape:
                state = scalar == "[" ? .csi : .text
                return true
            case .csi:
                if (0x40...0x7E).contains(scalar.value) { state = .text }
                return true
            }
        }
    }
}
