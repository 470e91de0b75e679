/// Finds the command or option a learner probably meant when they mistyped one.
///
/// A small private copy of the edit distance in the Runner's `Suggestions.swift` (written in parallel);
/// the two can be merged once both exist. This one compares whole words and counts a swap of two
/// neighbouring letters as one edit (optimal-string-alignment Damerau–Levenshtein), so `lsit` → `list`.
enum TypoSuggester {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo: at most one edit
    /// for words up to four letters, two for longer ones. A candidate that starts with `word` (three
    /// letters or more) also counts, so `prog` suggests `progress`. Ties go to the earlier candidate.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let allowed = word.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = Self.distance(word, candidate)
            let isPrefix = word.count >= 3 && candidate.hasPrefix(word)
            guard distance <= allowed || isPrefix else { continue }
            let score = isPrefix ? min(distance, allowed) : distance
            if let current = best, current.distance <= score { continue }
            best = (candidate, score)
        }
        return best?.candidate
    }

    /// The number of insertions, deletions, substitutions and adjacent swaps that turn `a` into `b`.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
