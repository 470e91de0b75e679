import Grader

/// "Did you mean …?" for anything a learner types by name: exercise ids here, command names in the CLI.
///
/// Uses the Damerau–Levenshtein distance, so a swapped pair of letters ("shcema") costs one edit like
/// a missing or extra letter does; those are the typos people make.
public enum Suggestions {
    /// The number of insertions, deletions, substitutions and transpositions of adjacent characters
    /// that turn `a` into `b` (unrestricted Damerau–Levenshtein).
    public static func distance(_ a: String, _ b: String) -> Int {
        let source = Array(a)
        let target = Array(b)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        let infinity = source.count + target.count
        let width = target.count + 2
        var table = [Int](repeating: 0, count: (source.count + 2) * width)
        table[0] = infinity
        for i in 0...source.count {
            table[(i + 1) * width] = infinity
            table[(i + 1) * width + 1] = i
        }
        for j in 0...target.count {
            table[j + 1] = infinity
            table[width + j + 1] = j
        }
        var lastRowOf: [Character: Int] = [:]
        for i in 1...source.count {
            var lastMatchingColumn = 0
            for j in 1...target.count {
                let swapRow = lastRowOf[target[j - 1]] ?? 0
                let swapColumn = lastMatchingColumn
                var cost = 1
                if source[i - 1] == target[j - 1] {
                    cost = 0
                    lastMatchingColumn = j
                }
                let substitution = table[i * width + j] + cost
                let insertion = table[(i + 1) * width + j] + 1
                let deletion = table[i * width + j + 1] + 1
                let transposition =
                    table[swapRow * width + swapColumn] + (i - swapRow - 1) + 1 + (j - swapColumn - 1)
                table[(i + 1) * width + j + 1] = min(substitution, insertion, deletion, transposition)
            }
            lastRowOf[source[i - 1]] = i
        }
        return table[(source.count + 1) * width + target.count + 1]
    }

    /// The candidates close enough to `input` to be what was meant, best first (ties keep the
    /// candidates' order), at most `limit` of them. Close enough means at most a third of the
    /// input's length in edits (at least one); case is ignored.
    public static func closest(to input: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = input.lowercased()
        let allowed = max(1, typed.count / 3)
        let scored = candidates.enumerated().compactMap { index, candidate -> (Int, Int, String)? in
            let score = distance(typed, candidate.lowercased())
            return score <= allowed ? (score, index, candidate) : nil
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    /// The one word a mistyped command or option most likely meant, if it is close enough to be a
    /// typo: at most one edit for words up to four letters, two for longer ones. A candidate that
    /// starts with `word` (three letters or more) also counts, so `prog` suggests `progress`. Ties
    /// go to the earlier candidate.
    public static func likelyTypo(of word: String, among candidates: [String]) -> String? {
        let allowed = word.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(word, candidate)
            let isPrefix = word.count >= 3 && candidate.hasPrefix(word)
            guard distance <= allowed || isPrefix else { continue }
            let score = isPrefix ? min(distance, allowed) : distance
            if let current = best, current.distance <= score { continue }
            best = (candidate, score)
        }
        return best?.candidate
    }

    /// The sentence to append to a "not found" message: `Did you mean "a"?`,
    /// `Did you mean "a" or "b"?`, `Did you mean "a", "b" or "c"?`; nil when there is nothing to offer.
    public static func didYouMean(_ suggestions: [String]) -> String? {
        let quoted = suggestions.map { "\"\($0)\"" }
        guard let last = quoted.last else { return nil }
        if quoted.count == 1 { return Words("Did you mean \(last)?", id: "Maksudmu \(last)?").text }
        let others = quoted.dropLast().joined(separator: ", ")
        return Words("Did you mean \(others) or \(last)?", id: "Maksudmu \(others) atau \(last)?").text
    }
}
