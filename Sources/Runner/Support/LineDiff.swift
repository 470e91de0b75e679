/// Line-based differences in the unified format (`diff -u`): how an overlay step says what it
/// changes in a file it inherits, so the unchanged lines are written once, in the step that
/// introduced them.
///
/// `apply` finds each hunk by its context and removed lines, starting where the hunk header says
/// and searching outwards, so a fix to an earlier step that moves lines up or down still lets a
/// later step's patch apply; a hunk whose lines are no longer there is an error that names it.
public enum LineDiff {
    /// Lines of unchanged context around each change, as `diff -u` writes by default.
    public static let contextLines = 3

    /// The unified diff that turns `old` into `new`; empty when they are equal.
    public static func unified(from old: String, to new: String, name: String) -> String {
        let a = lines(old)
        let b = lines(new)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- a/\(name)\n+++ b/\(name)\n"
        for hunk in hunks(edits) {
            let removed = hunk.filter { $0.kind != .insert }
            let added = hunk.filter { $0.kind != .delete }
            let oldStart = (removed.first?.oldIndex ?? hunk.first?.oldIndex ?? 0) + (removed.isEmpty ? 0 : 1)
            let newStart = (added.first?.newIndex ?? hunk.first?.newIndex ?? 0) + (added.isEmpty ? 0 : 1)
            output += "@@ -\(oldStart),\(removed.count) +\(newStart),\(added.count) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " " + a[edit.oldIndex] + "\n"
                case .delete: output += "-" + a[edit.oldIndex] + "\n"
                case .insert: output += "+" + b[edit.newIndex] + "\n"
                }
            }
        }
        return output
    }

    /// `text` with `patch` applied. Throws `PatchError` naming the first hunk that does not fit.
    public static func apply(_ patch: String, to text: String) throws(PatchError) -> String {
        var result = lines(text)
        var shift = 0
        for (number, hunk) in try parse(patch).enumerated() {
            let expected = hunk.lines.filter { $0.kind != .insert }.map(\.text)
            let replacement = hunk.lines.filter { $0.kind != .delete }.map(\.text)
            guard let at = locate(expected, in: result, near: max(0, hunk.oldStart - 1 + shift)) else {
                throw PatchError(
                    hunk: number + 1, line: hunk.oldStart,
                    reason: "its lines are not in the file any more: \(preview(expected))")
            }
            result.replaceSubrange(at..<(at + expected.count), with: replacement)
            shift = at + replacement.count - (hunk.oldStart - 1 + expected.count)
        }
        return Self.text(result, like: text)
    }

    // MARK: - Parsing

    struct Hunk {
        var oldStart: Int
        var lines: [(kind: EditKind, text: String)]
    }

    static func parse(_ patch: String) throws(PatchError) -> [Hunk] {
        var hunks: [Hunk] = []
        for (index, line) in lines(patch).enumerated() {
            if line.hasPrefix("--- ") || line.hasPrefix("+++ ") || line.hasPrefix("\\") { continue }
            if line.hasPrefix("@@") {
                let start = line.split(separator: " ").dropFirst().first.flatMap {
                    Int($0.dropFirst().split(separator: ",").first ?? "")
                }
                hunks.append(Hunk(oldStart: start ?? 1, lines: []))
                continue
            }
            guard !hunks.isEmpty else {
                throw PatchError(
                    hunk: 0, line: index + 1, reason: "expected a line starting with @@ before \"\(line)\"")
            }
            let text = String(line.dropFirst())
            switch line.first {
            case " ", nil: hunks[hunks.count - 1].lines.append((.same, text))
            case "-": hunks[hunks.count - 1].lines.append((.delete, text))
            case "+": hunks[hunks.count - 1].lines.append((.insert, text))
            default:
                throw PatchError(
                    hunk: hunks.count, line: index + 1,
                    reason: "a patch line must start with a space, - or +, found \"\(line)\"")
            }
        }
        return hunks
    }

    // MARK: - Differences

    enum EditKind { case same, delete, insert }

    struct Edit {
        var kind: EditKind
        var oldIndex: Int
        var newIndex: Int
    }

    /// The lines of `text`; a final newline does not make an empty last line.
    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") { parts.removeLast() }
        return parts
    }

    /// `lines` joined again, ending with a newline when `original` did.
    static func text(_ lines: [String], like original: String) -> String {
        lines.joined(separator: "\n") + (original.hasSuffix("\n") && !lines.isEmpty ? "\n" : "")
    }

    /// A shortest edit script by longest common subsequence (files here are a few hundred lines).
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count
        let m = b.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] =
                    a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(Edit(kind: .same, oldIndex: i, newIndex: j))
                i += 1
                j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: .delete, oldIndex: i, newIndex: j))
                i += 1
            } else {
                edits.append(Edit(kind: .insert, oldIndex: i, newIndex: j))
                j += 1
            }
        }
        return edits
    }

    /// Groups the edit script into hunks with `contextLines` of context on each side.
    static func hunks(_ edits: [Edit]) -> [[Edit]] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var groups: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - contextLines)...min(edits.count - 1, index + contextLines)
            if let last = groups.last, range.lowerBound <= last.upperBound + 1 {
                groups[groups.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                groups.append(range)
            }
        }
        return groups.map { Array(edits[$0]) }
    }

    /// Where `expected` stands in `lines`, searching outwards from `near`.
    private static func locate(_ expected: [String], in lines: [String], near: Int) -> Int? {
        guard expected.count <= lines.count else { return nil }
        let last = lines.count - expected.count
        let start = min(near, last)
        for distance in 0...max(start, last - start) {
            for candidate in [start - distance, start + distance] where candidate >= 0 && candidate <= last {
                if Array(lines[candidate..<(candidate + expected.count)]) == expected { return candidate }
            }
        }
        return nil
    }

    private static func preview(_ lines: [String]) -> String {
        let shown = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? lines.first ?? ""
        return "\"\(shown.trimmingCharacters(in: .whitespaces))\"" + (lines.count > 1 ? " …" : "")
    }
}

/// A patch that does not fit the file it is applied to.
public struct PatchError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based; 0 when the patch could not be read at all.
    public var hunk: Int
    /// The line the hunk header names in the original file, or the patch's own line for a syntax error.
    public var line: Int
    public var reason: String

    public var description: String {
        hunk == 0 ? "line \(line): \(reason)" : "hunk \(hunk) (near line \(line)): \(reason)"
    }
}
