import Grader

/// Why what a learner typed does not name exactly one exercise.
public enum ExerciseLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Nothing matches; `suggestions` are the closest ids, best first (may be empty).
    case notFound(input: String, suggestions: [String])
    /// The input is the start of several ids.
    case ambiguous(input: String, matches: [String])

    public var description: String {
        switch self {
        case .notFound(let input, let suggestions):
            let none = Words("No exercise \"\(input)\".", id: "Tidak ada latihan \"\(input)\".").text
            if let sentence = Suggestions.didYouMean(suggestions) {
                return none + " " + sentence
            }
            let list = CommandNaming.current.command("list")
            return none + " "
                + Words(
                    "Run `\(list)` to see every exercise.",
                    id: "Jalankan `\(list)` untuk melihat semua latihan."
                )
                .text
        case .ambiguous(let input, let matches):
            let all = matches.joined(separator: ", ")
            return Words(
                "\"\(input)\" is the start of more than one exercise: \(all). Type more of the id.",
                id:
                    "\"\(input)\" adalah awal dari lebih dari satu latihan: \(all). Ketik id-nya lebih lengkap."
            ).text
        }
    }
}
