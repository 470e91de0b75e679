extension MutationCatalog {
    /// The longest statement (in lines) the drop operator removes: longer ones are whole blocks,
    /// which say little about which line a check misses.
    static let longestDroppedStatement = 12

    /// Words that start a line that is not a statement worth dropping: declarations (dropping
    /// them does not compile), the ends and middles of blocks, and `return`.
    static let notStatements = [
        "}", ")", "]", ".", "case ", "default", "else", "import ", "func ", "init(", "init<", "struct ",
        "enum ", "extension ", "class ", "protocol ", "let ", "var ", "return", "private ", "public ",
        "internal ", "fileprivate ", "static ", "@", "#", "&&", "||", "+", "?", ":", "=", "typealias ",
        "guard let ", "guard var ", "guard case ",
    ]
    /// How a line ends when the next line continues it.
    static let continuations = [",", "(", "[", "=", "+", "-", "*", "&&", "||", "?", ":", "."]

    /// Each statement (a line, or the lines up to where its brackets close) removed.
    func droppedStatements() -> [Mutation] {
        let starts = map.lineStarts
        let lines = (0..<starts.count).map { codeText(line: $0, starts: starts) }
        var found: [Mutation] = []
        var previous = "{"
        for (index, text) in lines.enumerated() {
            defer { if !text.isEmpty { previous = text } }
            guard !text.isEmpty, map.kind(at: firstByte(line: index, starts: starts)) == .code,
                !Self.notStatements.contains(where: text.hasPrefix),
                !Self.continuations.contains(where: previous.hasSuffix)
            else { continue }
            guard let last = lastLine(ofStatementAt: index, lines: lines, starts: starts),
                last - index < Self.longestDroppedStatement,
                !mustStay(
                    text, previous: previous, next: lines.dropFirst(last + 1).first { !$0.isEmpty } ?? "")
            else { continue }
            let end = last + 1 < starts.count ? starts[last + 1] : map.bytes.count
            found.append(mutation(.dropStatement, .init(starts[index]..<end, "")))
        }
        return found
    }

    /// Statements whose removal cannot compile: the `throw` that ends a `guard`'s `else`, and the
    /// only statement of a body that returns a value (it is the value).
    private func mustStay(_ text: String, previous: String, next: String) -> Bool {
        if text.hasPrefix("throw ") && previous.hasSuffix("else {") { return true }
        let onlyStatement = previous.hasSuffix("{") && next.hasPrefix("}")
        let returnsValue = previous.contains("->") && !previous.contains("-> Void")
        let isProperty = previous.hasPrefix("var ") || previous.contains(" var ")
        return onlyStatement && (returnsValue || isProperty)
    }

    /// The line where the statement starting at `index` ends: its brackets are closed and the next
    /// line does not continue it.
    private func lastLine(ofStatementAt index: Int, lines: [String], starts: [Int]) -> Int? {
        var depth = 0
        var line = index
        while line < starts.count {
            let end = line + 1 < starts.count ? starts[line + 1] : map.bytes.count
            for offset in starts[line]..<end where map.kind(at: offset) == .code {
                switch map.bytes[offset] {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
                default: break
                }
            }
            if depth < 0 { return nil }
            let next = lines.dropFirst(line + 1).first { !$0.isEmpty } ?? ""
            let continued =
                depth > 0 || Self.continuations.contains(where: lines[line].hasSuffix)
                || next.hasPrefix(".") || next.hasPrefix("&&") || next.hasPrefix("||")
                || next.hasPrefix("else")
            if !continued { return line }
            line += 1
        }
        return nil
    }

    /// The line's code, trimmed, with comments left out (string literals kept).
    private func codeText(line: Int, starts: [Int]) -> String {
        let end = line + 1 < starts.count ? starts[line + 1] : map.bytes.count
        let bytes = (starts[line]..<end).filter { map.kind(at: $0) != .comment }.map { map.bytes[$0] }
        return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func firstByte(line: Int, starts: [Int]) -> Int {
        var offset = starts[line]
        while offset < map.bytes.count && SwiftSourceMap.isSpace(map.bytes[offset]) { offset += 1 }
        return offset
    }

    /// `try database.transaction { tx in … }` becomes `try { tx in … }(database)`: the same body,
    /// run on the database directly, each statement on its own.
    func transactions() -> [Mutation] {
        map.matches(".transaction {", in: .code).compactMap { dot in
            var start = dot
            while start > 0
                && (SwiftSourceMap.isWordByte(map.bytes[start - 1])
                    || map.bytes[start - 1] == UInt8(ascii: "."))
            {
                start -= 1
            }
            let brace = dot + ".transaction ".utf8.count
            guard start < dot, let close = map.closing(brace) else { return nil }
            let receiver = map.text(start..<dot)
            return mutation(
                .transaction, .init(start..<brace + 1, "{"), .init(close..<close + 1, "}(\(receiver))"))
        }
    }
}
