/// Word-wraps help text to a fixed width, the way terminals of 80 columns need it.
enum TextWrapper {
    /// Wraps `text` so no line is longer than `width` (unless a single word is), indenting every line
    /// after the first by `indent` spaces; `firstLineUsed` columns of the first line are already taken.
    /// A `\n` in `text` always starts a new line, an empty line stays empty (it separates paragraphs),
    /// and a line's own leading spaces are kept (for examples such as an indented `curl` command).
    static func wrap(_ text: String, width: Int = 80, indent: Int = 0, firstLineUsed: Int = 0) -> [String] {
        var lines: [String] = []
        var current = ""
        var used = firstLineUsed
        var isFirstLine = true

        func flush() {
            let pad = isFirstLine ? "" : String(repeating: " ", count: indent)
            lines.append(current.allSatisfy { $0 == " " } ? "" : pad + current)
            isFirstLine = false
            current = ""
            used = indent
        }

        for (number, sourceLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        {
            if number > 0 { flush() }
            let leading = sourceLine.prefix { $0 == " " }
            current = String(leading)
            used += leading.count
            let lineStart = current
            for word in sourceLine.split(separator: " ") {
                if current != lineStart, used + 1 + word.count > width {
                    flush()
                    current = lineStart
                    used += lineStart.count
                }
                let piece = (current == lineStart ? "" : " ") + word
                current += piece
                used += piece.count
            }
        }
        flush()
        return lines
    }
}
