import Foundation
import Grader

/// A lesson text's translation beside it: `README.id.md` next to `README.md`, whose first line
/// records which English it translates:
///
///     <!-- translation-of: README.md fnv1a64:0123456789abcdef -->
///
/// When the English file changes, the recorded hash no longer matches and the translation is stale:
/// learners are shown the English (with a one-line note) and `dev check` lists it.
public enum TranslatedFile {
    /// Where the translation of `english` into `language` lives: `README.md` → `README.id.md`.
    public static func translation(of english: URL, in language: Language) -> URL {
        let name = english.deletingPathExtension().lastPathComponent
        return english.deletingLastPathComponent().appendingPathComponent(
            "\(name).\(language.code).\(english.pathExtension)")
    }

    /// The first line of a translation of `english` (whose name is `name`).
    public static func header(for english: Data, name: String) -> String {
        "<!-- translation-of: \(name) \(TranslationHash.algorithm):\(TranslationHash.of(english)) -->\n"
    }

    /// Whether the translation of `english` into `language` exists and still matches the English.
    public static func state(of english: URL, in language: Language) -> TranslationState {
        let translation = translation(of: english, in: language)
        guard let text = try? Data(contentsOf: translation) else { return .missing }
        guard let englishData = try? Data(contentsOf: english) else { return .stale }
        let firstLine = text.prefix { $0 != UInt8(ascii: "\n") } + Data("\n".utf8)
        return firstLine == Data(header(for: englishData, name: english.lastPathComponent).utf8)
            ? .current : .stale
    }

    /// Rewrites the translation's first line for the English as it is now: the translator's word
    /// that it is up to date. Returns false when there is no translation.
    @discardableResult
    public static func stamp(_ english: URL, in language: Language) throws -> Bool {
        let translation = translation(of: english, in: language)
        guard let text = try? String(contentsOf: translation, encoding: .utf8) else { return false }
        var body = text
        if body.hasPrefix("<!-- translation-of:"), let newline = body.firstIndex(of: "\n") {
            body = String(body[body.index(after: newline)...])
        }
        let header = header(for: try Data(contentsOf: english), name: english.lastPathComponent)
        try FileSystem.writeAtomically(header + body, to: translation)
        return true
    }
}

/// How a translation stands against the English it translates.
public enum TranslationState: String, Sendable, Equatable {
    case current
    /// It exists but was written for an earlier version of the English.
    case stale
    case missing
}
