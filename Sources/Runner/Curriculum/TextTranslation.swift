import Grader

/// A module's or an exercise's texts from pack.json in another language, with the hash of the
/// English they translate (`"of"`), so a change to the English is noticed:
///
/// ```json
/// "translations": { "id": { "of": "0123456789abcdef", "title": "…", "hints": ["…", "…"] } }
/// ```
public struct TextTranslation: Sendable, Hashable {
    public var title: String
    /// Empty for a module; for an exercise, one per English hint, in order.
    public var hints: [String]
    /// `TranslationHash` of the English title and hints this was written for; `nil` until stamped.
    public var of: String?

    public init(title: String, hints: [String] = [], of: String? = nil) {
        self.title = title
        self.hints = hints
        self.of = of
    }

    /// The hash a translation of `title` and `hints` records.
    public static func hash(title: String, hints: [String]) -> String {
        TranslationHash.of([title] + hints)
    }
}

extension Exercise {
    /// The title a learner reads in `language`: the translation while it is current, else English.
    public func title(in language: Language) -> String {
        currentTranslation(in: language)?.title ?? title
    }

    /// The hints in `language`, one for one with the English; English where there is no current
    /// translation.
    public func hints(in language: Language) -> [String] {
        currentTranslation(in: language)?.hints ?? hints
    }

    public func translationState(in language: Language) -> TranslationState {
        guard language != .en else { return .current }
        guard let translation = translations[language] else { return .missing }
        return translation.of == TextTranslation.hash(title: title, hints: hints) ? .current : .stale
    }

    private func currentTranslation(in language: Language) -> TextTranslation? {
        translationState(in: language) == .current ? translations[language] : nil
    }
}

extension Module {
    public func title(in language: Language) -> String {
        translationState(in: language) == .current ? translations[language]?.title ?? title : title
    }

    public func translationState(in language: Language) -> TranslationState {
        guard language != .en else { return .current }
        guard let translation = translations[language] else { return .missing }
        return translation.of == TextTranslation.hash(title: title, hints: []) ? .current : .stale
    }
}
