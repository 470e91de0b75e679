extension MutationCatalog {
    /// A bound `?` replaced by the value's text, quoted (`WHERE isbn = '\(isbn)'`), and the value
    /// no longer passed: SQL built from values, the mistake that opens the door to SQL injection.
    /// Found in the two ways solutions bind values: the values after the SQL in the same call
    /// (`queryOne("… WHERE id = ?", id)`), and a `?` piece appended to a list with its value appended
    /// to another list on the next lines (`conditions.append("author = ?")`, `values.append(author)`).
    func boundValues() -> [Mutation] {
        sqlLiterals.filter { !$0.isMultiline && map.bytes[$0.start] == UInt8(ascii: "\"") }.flatMap {
            literal in
            let marks = (literal.start..<literal.end).filter {
                map.bytes[$0] == UInt8(ascii: "?") && map.kind(at: $0) == .string
            }
            guard !marks.isEmpty, let open = openingParenthesis(before: literal.start) else {
                return [Mutation]()
            }
            if let values = valuesAfter(literal, open: open), values.count == marks.count {
                return zip(marks, values).map { mark, value in
                    mutation(
                        .boundValue, .init(mark..<mark + 1, "'\\(\(map.text(value.range)))'"),
                        .init(value.removal, ""))
                }
            }
            if marks.count == 1, let value = appendedValue(after: literal, open: open) {
                return [
                    mutation(
                        .boundValue, .init(marks[0]..<marks[0] + 1, "'\\(\(map.text(value.range)))'"),
                        .init(value.removal, ""))
                ]
            }
            return []
        }
    }

    /// A value to paste: its text, and what to delete so it is no longer bound.
    private struct Value {
        var range: Range<Int>
        var removal: Range<Int>
    }

    /// The `(` right before `offset` (spaces and line breaks between), when the literal is a call's
    /// first argument.
    private func openingParenthesis(before offset: Int) -> Int? {
        var index = offset - 1
        while index >= 0 && SwiftSourceMap.isSpace(map.bytes[index]) { index -= 1 }
        return index >= 0 && map.bytes[index] == UInt8(ascii: "(") && map.kind(at: index) == .code
            ? index : nil
    }

    /// The unlabelled arguments after the SQL in the same call, each with the `, value` to remove.
    private func valuesAfter(_ literal: SwiftSourceMap.Literal, open: Int) -> [Value]? {
        guard let arguments = map.arguments(of: open), arguments.count > 1,
            arguments[0] == map.trimmed(literal.start..<literal.end)
        else { return nil }
        var values: [Value] = []
        for (index, argument) in arguments.enumerated().dropFirst() {
            let text = map.text(argument)
            if text.range(of: "^[A-Za-z_][A-Za-z0-9_]*:", options: .regularExpression) != nil { return nil }
            values.append(
                Value(range: argument, removal: arguments[index - 1].upperBound..<argument.upperBound))
        }
        return values
    }

    /// `pieces.append("x = ?")` followed within three lines by `values.append(value)`.
    private func appendedValue(after literal: SwiftSourceMap.Literal, open: Int) -> Value? {
        guard open >= 7, map.text(open - 7..<open) == ".append", let close = map.closing(open) else {
            return nil
        }
        let starts = map.lineStarts
        let line = map.line(of: close, starts: starts)
        for next in (line + 1)..<min(line + 4, starts.count) {
            let end = next + 1 < starts.count ? starts[next + 1] : map.bytes.count
            let text = map.text(starts[next]..<end)
            guard let call = text.range(of: ".append(") else { continue }
            let callOpen = starts[next] + text.utf8.distance(from: text.startIndex, to: call.upperBound) - 1
            guard map.kind(at: callOpen) == .code, let callClose = map.closing(callOpen),
                let arguments = map.arguments(of: callOpen), arguments.count == 1,
                map.text(callClose + 1..<end).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { return nil }
            return Value(range: arguments[0], removal: starts[next]..<end)
        }
        return nil
    }
}
