/// Which bytes of a Swift file are code, which are inside string literals and which are comments,
/// so that a mutation of `==` touches Swift's operator and a mutation of SQL touches only the SQL.
///
/// A small lexer, not a parser: it knows comments (nested block comments too), string literals
/// (single-line, multi-line `"""`, raw `#"…"#`) and interpolations (`\(…)`, which are code again),
/// which is all the mutation operators need. Offsets are UTF-8 byte offsets: every character the
/// operators look for is ASCII.
struct SwiftSourceMap {
    enum Kind: UInt8 {
        case code, string, comment
    }

    /// A string literal: where its opening quote starts and its closing quote ends.
    struct Literal: Equatable {
        var start: Int
        var end: Int
        var isMultiline: Bool
    }

    let bytes: [UInt8]
    /// The kind of every byte. The quotes of a literal count as `.string`.
    private(set) var kinds: [Kind]
    /// Every string literal, in order (a literal inside an interpolation comes after its outer one).
    private(set) var literals: [Literal] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        kinds = Array(repeating: .code, count: bytes.count)
        var lexer = Lexer(bytes: bytes)
        lexer.run()
        kinds = lexer.kinds
        literals = lexer.literals.sorted { $0.start < $1.start }
    }

    func kind(at offset: Int) -> Kind { offset < kinds.count ? kinds[offset] : .code }

    /// The literal whose text contains `offset`, if any (the innermost one).
    func literal(containing offset: Int) -> Literal? {
        literals.last { $0.start <= offset && offset < $0.end }
    }

    private struct Lexer {
        let bytes: [UInt8]
        var kinds: [Kind]
        var literals: [Literal] = []
        var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            kinds = Array(repeating: .code, count: bytes.count)
        }

        mutating func run() {
            code(untilParenthesisCloses: false)
        }

        private func at(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

        private func starts(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= bytes.count else { return false }
            return Array(bytes[index..<index + pattern.count]) == pattern
        }

        private mutating func mark(_ from: Int, _ to: Int, _ kind: Kind) {
            for index in from..<min(to, bytes.count) { kinds[index] = kind }
        }

        /// Code until the end, or (inside an interpolation) until the `)` that closes it.
        private mutating func code(untilParenthesisCloses: Bool) {
            var depth = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if starts("//", at: offset) {
                    let start = offset
                    while offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
                    mark(start, offset, .comment)
                } else if starts("/*", at: offset) {
                    blockComment()
                } else if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") {
                    var hashes = 0
                    while at(offset + hashes) == UInt8(ascii: "#") { hashes += 1 }
                    if at(offset + hashes) == UInt8(ascii: "\"") {
                        string(hashes: hashes)
                    } else {
                        offset += max(1, hashes)
                    }
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                    offset += 1
                } else if byte == UInt8(ascii: ")") {
                    if untilParenthesisCloses && depth == 0 { return }
                    depth -= 1
                    offset += 1
                } else {
                    offset += 1
                }
            }
        }

        private mutating func blockComment() {
            let start = offset
            var depth = 0
            while offset < bytes.count {
                if starts("/*", at: offset) {
                    depth += 1
                    offset += 2
                } else if starts("*/", at: offset) {
                    depth -= 1
                    offset += 2
                    if depth == 0 { break }
                } else {
                    offset += 1
                }
            }
            mark(start, offset, .comment)
        }

        /// A literal starting at `offset` with `hashes` `#` before its quote.
        private mutating func string(hashes: Int) {
            let start = offset
            let hashText = String(repeating: "#", count: hashes)
            let multiline = starts("\"\"\"", at: offset + hashes)
            let close = (multiline ? "\"\"\"" : "\"") + hashText
            let escape = "\\" + hashText
            offset += hashes + (multiline ? 3 : 1)
            var segmentStart = start
            while offset < bytes.count {
                if starts(escape, at: offset) {
                    let afterEscape = offset + escape.utf8.count
                    if at(afterEscape) == UInt8(ascii: "(") {
                        mark(segmentStart, afterEscape + 1, .string)
                        offset = afterEscape + 1
                        code(untilParenthesisCloses: true)
                        segmentStart = offset
                        continue
                    }
                    offset = afterEscape + 1
                } else if starts(close, at: offset) {
                    offset += close.utf8.count
                    break
                } else if !multiline && bytes[offset] == UInt8(ascii: "\n") {
                    break
                } else {
                    offset += 1
                }
            }
            mark(segmentStart, offset, .string)
            literals.append(Literal(start: start, end: offset, isMultiline: multiline))
        }
    }
}
