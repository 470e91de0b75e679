extension MutationCatalog {
    /// Words that make a string literal SQL (or a piece of it, such as `"author = ?"`).
    static let sqlWords = [
        "SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "WHERE ", " JOIN ", "ORDER BY", "GROUP BY",
        "HAVING ", "LIMIT ", "VALUES", " SET ", "NOT NULL", "UNIQUE", "DEFAULT ", "CHECK (", "REFERENCES ",
        " AND ", " OR ",
    ]

    /// The byte ranges of string literals that hold SQL: an SQL word, or a `?` placeholder (after a
    /// space or `(`, before a space, `,`, `)` or the end).
    var sqlLiterals: [SwiftSourceMap.Literal] {
        map.literals.filter { literal in
            let text = map.text(literal.start..<literal.end)
            return Self.sqlWords.contains(where: text.contains)
                || text.range(of: #"[ (]\?([ ,)"]|$)"#, options: .regularExpression) != nil
        }
    }

    /// SQL text (string bytes of a SQL literal) matching `pattern` as whole words at both ends.
    private func sql(_ pattern: String) -> [Int] {
        let literals = sqlLiterals
        let length = pattern.utf8.count
        return map.matches(pattern, in: .string).filter { start in
            guard literals.contains(where: { $0.start <= start && start + length <= $0.end }) else {
                return false
            }
            let before = start > 0 ? map.bytes[start - 1] : UInt8(ascii: " ")
            let after = start + length < map.bytes.count ? map.bytes[start + length] : UInt8(ascii: " ")
            let first = pattern.utf8.first!
            let last = pattern.utf8.last!
            return !(SwiftSourceMap.isWordByte(first) && SwiftSourceMap.isWordByte(before))
                && !(SwiftSourceMap.isWordByte(last) && SwiftSourceMap.isWordByte(after))
        }
    }

    /// SQL's comparisons, their neighbours, and a number one off in SQL.
    static let sqlComparisons: [(String, String)] = [
        (" >= ", " > "), (" <= ", " < "), (" > ", " >= "), (" < ", " <= "), (" AND ", " OR "),
        (" ASC", " DESC"),
        (" DESC", " ASC"), ("LEFT JOIN", "JOIN"), (" IS NULL", " IS NOT NULL"), (" IS NOT NULL", " IS NULL"),
    ]

    func sqlConditions() -> [Mutation] {
        var found: [Mutation] = []
        for (from, to) in Self.sqlComparisons {
            for start in sql(from) {
                // `BETWEEN 1450 AND 2100` is one range, not two conditions.
                if from == " AND ", map.text(max(0, start - 24)..<start).contains("BETWEEN") { continue }
                found.append(mutation(.sqlCondition, .init(start..<start + from.utf8.count, to)))
            }
        }
        for literal in sqlLiterals {
            var offset = literal.start
            while offset < literal.end {
                guard map.kind(at: offset) == .string, isDigit(offset),
                    offset == 0 || !SwiftSourceMap.isWordByte(map.bytes[offset - 1])
                else {
                    offset += 1
                    continue
                }
                var end = offset
                while end < literal.end && isDigit(end) { end += 1 }
                if end == literal.end || !SwiftSourceMap.isWordByte(map.bytes[end]),
                    let number = Int(map.text(offset..<end))
                {
                    found.append(mutation(.sqlNumber, .init(offset..<end, String(number + 1))))
                }
                offset = end
            }
        }
        return found
    }

    private func isDigit(_ offset: Int) -> Bool {
        map.bytes[offset] >= UInt8(ascii: "0") && map.bytes[offset] <= UInt8(ascii: "9")
    }

    /// A rule of the schema left out: NOT NULL, UNIQUE, IF NOT EXISTS, DEFAULT x, CHECK (...),
    /// REFERENCES t (c) [ON DELETE ...], ESCAPE '\'.
    func sqlRules() -> [Mutation] {
        var found: [Mutation] = []
        for word in [" NOT NULL", " UNIQUE", " IF NOT EXISTS"] {
            for start in sql(word)
            where !map.text(start..<min(start + 12, map.bytes.count)).hasPrefix(" UNIQUE (") {
                found.append(mutation(.sqlRule, .init(start..<start + word.utf8.count, "")))
            }
        }
        for start in sql(" DEFAULT ") {
            var end = start + " DEFAULT ".utf8.count
            if end < map.bytes.count, map.bytes[end] == UInt8(ascii: "("), let close = sqlClosing(end) {
                end = close + 1
            } else {
                while end < map.bytes.count && !SwiftSourceMap.isSpace(map.bytes[end])
                    && map.bytes[end] != UInt8(ascii: ",") && map.kind(at: end) == .string
                {
                    end += 1
                }
            }
            found.append(mutation(.sqlRule, .init(start..<end, "")))
        }
        for start in sql(" CHECK (") {
            guard let close = sqlClosing(start + " CHECK ".utf8.count) else { continue }
            found.append(mutation(.sqlRule, .init(start..<close + 1, "")))
        }
        for start in sql(" REFERENCES ") {
            var end = start + " REFERENCES ".utf8.count
            while end < map.bytes.count && map.bytes[end] != UInt8(ascii: "(")
                && map.bytes[end] != UInt8(ascii: ",")
                && map.bytes[end] != UInt8(ascii: "\n")
            {
                end += 1
            }
            guard end < map.bytes.count, map.bytes[end] == UInt8(ascii: "("), let close = sqlClosing(end)
            else {
                continue
            }
            end = close + 1
            for action in [" ON DELETE RESTRICT", " ON DELETE CASCADE", " ON DELETE SET NULL"]
            where map.text(end..<min(end + action.utf8.count, map.bytes.count)) == action {
                end += action.utf8.count
            }
            found.append(mutation(.sqlRule, .init(start..<end, "")))
        }
        for start in sql(" ESCAPE '") {
            let end = start + " ESCAPE '".utf8.count
            guard
                let quote = (end..<min(end + 4, map.bytes.count)).first(where: {
                    map.bytes[$0] == UInt8(ascii: "'")
                })
            else { continue }
            found.append(mutation(.sqlRule, .init(start..<quote + 1, "")))
        }
        return found
    }

    /// The `)` closing the `(` at `open` within SQL text.
    private func sqlClosing(_ open: Int) -> Int? {
        var depth = 0
        for offset in open..<map.bytes.count {
            if map.bytes[offset] == UInt8(ascii: "(") { depth += 1 }
            if map.bytes[offset] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return offset }
            }
            if map.bytes[offset] == UInt8(ascii: "\n") && map.kind(at: offset) != .string { return nil }
        }
        return nil
    }

    /// A line of a multi-line SQL literal that ends with a comma (a column, a selected value)
    /// left out.
    func sqlLines() -> [Mutation] {
        let starts = map.lineStarts
        return sqlLiterals.filter(\.isMultiline).flatMap { literal -> [Mutation] in
            let first = map.line(of: literal.start, starts: starts) + 1
            let last = map.line(of: literal.end - 1, starts: starts) - 1
            guard first <= last else { return [] }
            return (first...last).compactMap { line in
                let end = line + 1 < starts.count ? starts[line + 1] : map.bytes.count
                let text = map.text(starts[line]..<end).trimmingCharacters(in: .whitespacesAndNewlines)
                guard text.hasSuffix(","), (starts[line]..<end).allSatisfy({ map.kind(at: $0) == .string })
                else {
                    return nil
                }
                return mutation(.sqlLine, .init(starts[line]..<end, ""))
            }
        }
    }
}
