import Synchronization

/// A language Backendlings speaks to learners. English is the source of every text; Indonesian is
/// written beside it, and any text without its Indonesian falls back to English, one text at a time.
public enum Language: String, Sendable, Codable, CaseIterable, Hashable {
    case en
    case id

    /// The language texts are shown in on this thread or task: the one bound with
    /// `Language.$bound.withValue(_:)`, else the process's default.
    public static var current: Language { bound ?? processDefault }

    /// A language for one piece of work (a test, a check thread), overriding the process default.
    @TaskLocal public static var bound: Language?

    /// The language a command chose at startup (`--lang`, `BACKENDLINGS_LANG`, the workspace, the
    /// locale). Set once, before the command starts working; `current` reads it everywhere else.
    public static var processDefault: Language {
        get { defaultBox.withLock { $0 } }
        set { defaultBox.withLock { $0 = newValue } }
    }

    private static let defaultBox = Mutex(Language.en)

    /// The code as learners type it: `en`, `id`.
    public var code: String { rawValue }

    /// The language's own name, for menus and messages.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .id: "Bahasa Indonesia"
        }
    }

    /// `id`, `in` (the old code for Indonesian) and `en`, in any case, with or without a region and
    /// encoding (`id_ID.UTF-8`, `en-GB`); `nil` for anything else.
    public init?(code: String) {
        let parts = code.lowercased().split(whereSeparator: { "_-.@".contains($0) })
        let base = parts.first.map(String.init) ?? ""
        switch base {
        case "id", "in": self = .id
        case "en": self = .en
        default: return nil
        }
    }
}
