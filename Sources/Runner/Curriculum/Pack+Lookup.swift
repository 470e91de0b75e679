extension Pack {
    /// Finds the exercise a learner means. Accepts, in this order: the exact id (any case); the
    /// exercise's folder (`01-databases/01-schema`, also with a leading `./`, a trailing `/` or a
    /// leading `workspace/`-like prefix, as shell completion produces); the start of exactly one id
    /// (`db01` for `db01-schema`). Anything else throws, with the closest ids as suggestions.
    public func findExercise(_ input: String) throws(ExerciseLookupError) -> Exercise {
        let typed = input.trimmingWhitespace()
        let lowered = typed.lowercased()
        let all = exercises
        if let exact = all.first(where: { $0.id == lowered }) { return exact }

        let folder = Self.normalizedFolder(typed)
        if !folder.isEmpty,
            let match = all.first(where: {
                folder == $0.relativePath || folder.hasSuffix("/" + $0.relativePath)
            })
        {
            return match
        }

        let prefixed = lowered.isEmpty ? [] : all.filter { $0.id.hasPrefix(lowered) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw .ambiguous(input: typed, matches: prefixed.map(\.id)) }

        throw .notFound(input: typed, suggestions: Suggestions.closest(to: lowered, among: all.map(\.id)))
    }

    /// Strips `./` at the start and `/` at the end, the decorations shells and people add to folders.
    private static func normalizedFolder(_ input: String) -> String {
        var folder = Substring(input)
        while folder.hasPrefix("./") { folder = folder.dropFirst(2) }
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return String(folder)
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
