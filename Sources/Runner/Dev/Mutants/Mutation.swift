import Foundation

/// One mechanical change to one solution file: the kind of mistake it imitates and the bytes it
/// replaces. `dev mutants` builds the solution with it and sees whether a check notices.
struct Mutation: Sendable, Hashable {
    /// The kinds, named as the report shows them.
    enum Operator: String, Sendable, CaseIterable, Codable {
        case statusCode = "swap a status code"
        case dropStatement = "drop a statement"
        case condition = "change a condition"
        case sqlCondition = "change a SQL condition"
        case sqlNumber = "change a number in SQL"
        case sqlRule = "drop a SQL rule"
        case sqlLine = "drop a line of SQL"
        case boundValue = "paste a bound value into the SQL"
        case transaction = "remove a transaction"
        case header = "drop a header"
    }

    /// A replacement of the bytes in `range`.
    struct Edit: Sendable, Hashable {
        var range: Range<Int>
        var replacement: [UInt8]

        init(_ range: Range<Int>, _ replacement: String) {
            self.range = range
            self.replacement = Array(replacement.utf8)
        }
    }

    /// The file, relative to `Starter/` (one of the exercise's `files`).
    var file: String
    var kind: Operator
    /// Non-overlapping edits, applied together.
    var edits: [Edit]

    /// The file's bytes with every edit made.
    func apply(to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            result.replaceSubrange(edit.range, with: edit.replacement)
        }
        return result
    }
}

/// A mutation as a reader sees it: where it is and which lines it changes.
struct MutationDiff: Sendable, Equatable, Codable {
    /// The first changed line, from 1.
    var line: Int
    var removed: [String]
    var added: [String]

    /// The lines that differ between `original` and `mutated`, found by trimming the lines both share
    /// at the start and at the end.
    init(original: [UInt8], mutated: [UInt8]) {
        let old = String(decoding: original, as: UTF8.self).components(separatedBy: "\n")
        let new = String(decoding: mutated, as: UTF8.self).components(separatedBy: "\n")
        var head = 0
        while head < old.count && head < new.count && old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head && tail < new.count - head
            && old[old.count - 1 - tail] == new[new.count - 1 - tail]
        {
            tail += 1
        }
        line = head + 1
        removed = Array(old[head..<(old.count - tail)])
        added = Array(new[head..<(new.count - tail)])
    }

    /// `- old` and `+ new` lines, indentation removed, long changes cut to their first lines.
    func lines(limit: Int = 3) -> [String] {
        func shown(_ lines: [String], _ sign: String) -> [String] {
            let trimmed = lines.map { sign + " " + $0.trimmingCharacters(in: .whitespaces) }
            guard trimmed.count > limit else { return trimmed }
            return Array(trimmed.prefix(limit)) + ["\(sign) … \(trimmed.count - limit) more lines"]
        }
        return shown(removed, "-") + shown(added, "+")
    }
}
