/// Why what a learner typed does not name exactly one exercise.
public enum ExerciseLookupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Nothing matches; `suggestions` are the closest ids, best first (may be empty).
    case notFound(input: String, suggestions: [String])
    /// The input is the start of several ids.
    case ambiguous(input: String, matches: [String])

    public var description: String {
        switch self {
        case .notFound(let input, let suggestions):
            if let sentence = Suggestions.didYouMean(suggestions) {
                return "No exercise \"\(input)\". \(sentence)"
            }
            return
                "No exercise \"\(input)\". Run `\(CommandNaming.current.command("list"))` to see every exercise."
        case .ambiguous(let input, let matches):
            return "\"\(input)\" is the start of more than one exercise: \(matches.joined(separator: ", ")). "
                + "Type more of the id."
        }
    }
}
