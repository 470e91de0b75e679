import Foundation
import Grader

/// Which language a command speaks, and why: `--lang`, then `BACKENDLINGS_LANG`, then the choice
/// stored in the workspace, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English.
///
/// The first run asks on a terminal when nothing chose yet and the locale is Indonesian-speaking or
/// says nothing useful (`C`, `POSIX`, unset, another language); the answer is then stored.
public struct LanguageChoice: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        case option, environment, workspace, locale, fallback
    }

    public var language: Language
    public var source: Source

    /// The variable that sets the language for every command, like `--lang`.
    public static let variable = "BACKENDLINGS_LANG"

    /// The choice for this command. Throws for a `--lang` or `BACKENDLINGS_LANG` value that is not
    /// a language Backendlings speaks.
    public static func resolve(
        option: String?, environment: [String: String], stored: Language?
    ) throws(LanguageChoiceError) -> LanguageChoice {
        if let option {
            guard let language = Language(code: option) else { throw .unknown(option, from: "--lang") }
            return LanguageChoice(language: language, source: .option)
        }
        if let value = environment[variable], !value.isEmpty {
            guard let language = Language(code: value) else { throw .unknown(value, from: variable) }
            return LanguageChoice(language: language, source: .environment)
        }
        if let stored { return LanguageChoice(language: stored, source: .workspace) }
        if case .language(let language) = localeGuess(environment) {
            return LanguageChoice(language: language, source: .locale)
        }
        return LanguageChoice(language: .en, source: .fallback)
    }

    /// What the locale says, in POSIX order of precedence: `LC_ALL`, `LC_MESSAGES`, `LANG`.
    public static func localeGuess(_ environment: [String: String]) -> LocaleGuess {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            if value == "C" || value == "POSIX" || value.hasPrefix("C.") { return .unknown }
            return Language(code: value).map(LocaleGuess.language) ?? .unknown
        }
        return .unknown
    }

    public enum LocaleGuess: Sendable, Equatable {
        case language(Language)
        case unknown
    }

    /// Whether the first run should ask, on a terminal: nothing chose a language, and the locale is
    /// Indonesian or says nothing of English. The answer it suggests (Enter) is `suggestion`.
    public var shouldAsk: Bool { source == .fallback || (source == .locale && language == .id) }
}

public enum LanguageChoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknown(String, from: String)

    public var description: String {
        switch self {
        case .unknown(let value, let from):
            let codes = Language.allCases.map { "\($0.code) (\($0.nativeName))" }.joined(separator: " or ")
            return Words(
                "\(from) is \"\(value)\", but Backendlings speaks \(codes). Use one of them.",
                id:
                    "\(from) berisi \"\(value)\", padahal Backendlings hanya bisa \(codes.replacingOccurrences(of: " or ", with: " atau ")). Pakai salah satunya."
            ).text
        }
    }
}
