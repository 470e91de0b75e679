/// Finds the texts a Swift file writes in two languages: every string literal followed by `, id:` and
/// a second string literal, as in `Words("the title", id: "judulnya")` or
/// `Check("GET /health answers 200", id: "GET /health menjawab 200")`.
///
/// A small tokenizer, not a parser: it knows comments, string literals (with escapes, `\(…)`
/// interpolation that may hold strings of its own, raw `#"…"#` and multi-line `"""` strings), and
/// reads the pairs as their source text, so the translation lock records exactly what an author wrote.
public enum SwiftTextPairs {
    /// One English text and its Indonesian, as written in the source, with the line it starts on.
    public struct Pair: Sendable, Equatable {
        public var english: String
        public var indonesian: String
        public var line: Int
    }

    public static func pairs(in source: String) -> [Pair] {
        let tokens = tokenize(Array(source.unicodeScalars))
        var pairs: [Pair] = []
        var index = 0
        while index + 4 < tokens.count {
            if case .string(let english, let line) = tokens[index], tokens[index + 1] == .comma,
                tokens[index + 2] == .word("id"), tokens[index + 3] == .colon,
                case .string(let indonesian, _) = tokens[index + 4]
            {
                pairs.append(Pair(english: english, indonesian: indonesian, line: line))
                index += 5
            } else {
                index += 1
            }
        }
        return pairs
    }

    enum Token: Equatable {
        case string(String, line: Int)
        case word(String)
        case comma
        case colon
        case other
    }

    static func tokenize(_ text: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var line = 1
        while i < text.count {
            let c = text[i]
            if c == "\n" {
                line += 1
                i += 1
            } else if c == "/" && i + 1 < text.count && text[i + 1] == "/" {
                while i < text.count && text[i] != "\n" { i += 1 }
            } else if c == "/" && i + 1 < text.count && text[i + 1] == "*" {
                i += 2
                while i + 1 < text.count && !(text[i] == "*" && text[i + 1] == "/") {
                    if text[i] == "\n" { line += 1 }
                    i += 1
                }
                i += 2
            } else if c == "\"" || (c == "#" && rawStringStarts(text, at: i)) {
                let start = line
                let (literal, end, lines) = readString(text, from: i)
                tokens.append(.string(literal, line: start))
                line += lines
                i = end
            } else if c == "," {
                tokens.append(.comma)
                i += 1
            } else if c == ":" {
                tokens.append(.colon)
                i += 1
            } else if c.properties.isAlphabetic || c == "_" {
                var word = ""
                while i < text.count
                    && (text[i].properties.isAlphabetic || text[i] == "_" || ("0"..."9").contains(text[i]))
                {
                    word.unicodeScalars.append(text[i])
                    i += 1
                }
                tokens.append(.word(word))
            } else if c == " " || c == "\t" || c == "\r" {
                i += 1
            } else {
                tokens.append(.other)
                i += 1
            }
        }
        return tokens
    }

    private static func rawStringStarts(_ text: [Unicode.Scalar], at index: Int) -> Bool {
        var i = index
        while i < text.count && text[i] == "#" { i += 1 }
        return i < text.count && text[i] == "\""
    }

    /// Reads the string literal starting at `start` (at its first `#` or `"`); returns its source
    /// text between the delimiters, the index after it, and how many newlines it spans.
    static func readString(_ text: [Unicode.Scalar], from start: Int) -> (String, Int, Int) {
        var i = start
        var hashes = 0
        while text[i] == "#" {
            hashes += 1
            i += 1
        }
        let multiline = i + 2 < text.count && text[i + 1] == "\"" && text[i + 2] == "\""
        let quotes = multiline ? 3 : 1
        i += quotes
        var literal = ""
        var lines = 0
        while i < text.count {
            if closes(text, at: i, quotes: quotes, hashes: hashes) {
                return (literal, i + quotes + hashes, lines)
            }
            let c = text[i]
            if c == "\n" { lines += 1 }
            if c == "\\" && hasHashes(text, after: i, count: hashes) {
                let escapeStart = i
                i += 1 + hashes
                if i < text.count && text[i] == "(" {
                    let end = skipInterpolation(text, from: i)
                    for scalar in text[escapeStart..<end] {
                        if scalar == "\n" { lines += 1 }
                        literal.unicodeScalars.append(scalar)
                    }
                    i = end
                } else {
                    for scalar in text[escapeStart..<min(i + 1, text.count)] {
                        literal.unicodeScalars.append(scalar)
                    }
                    i += 1
                }
                continue
            }
            literal.unicodeScalars.append(c)
            i += 1
        }
        return (literal, i, lines)
    }

    private static func closes(_ text: [Unicode.Scalar], at i: Int, quotes: Int, hashes: Int) -> Bool {
        guard i + quotes + hashes <= text.count else { return false }
        for k in 0..<quotes where text[i + k] != "\"" { return false }
        for k in 0..<hashes where text[i + quotes + k] != "#" { return false }
        return true
    }

    private static func hasHashes(_ text: [Unicode.Scalar], after i: Int, count: Int) -> Bool {
        guard i + count < text.count else { return false }
        for k in 0..<count where text[i + 1 + k] != "#" { return false }
        return true
    }

    /// The index after the `)` that closes the interpolation opened at `open`, skipping nested
    /// parentheses and string literals inside it.
    private static func skipInterpolation(_ text: [Unicode.Scalar], from open: Int) -> Int {
        var depth = 0
        var i = open
        while i < text.count {
            let c = text[i]
            if c == "\"" || (c == "#" && rawStringStarts(text, at: i)) {
                i = readString(text, from: i).1
                continue
            }
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return i
    }
}
