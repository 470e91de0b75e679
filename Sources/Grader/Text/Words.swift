/// A text a learner reads, written in English with its Indonesian beside it:
/// `Words("the title of the new task", id: "judul tugas baru")`.
///
/// Shown in `Language.current`; a text without its Indonesian is shown in English (never blank, never
/// a key). A string literal where `Words` is expected is English only and compiles with a
/// deprecation warning, which the dev check reports as a missing translation; `Words(verbatim:)`
/// is for text that is the same in every language (a value, a name, a path).
public struct Words: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The English text, the source every translation is made from.
    public var en: String
    /// The Indonesian text; `nil` when it has not been written (English is shown instead).
    public var id: String?

    /// A text in English and Indonesian.
    public init(_ en: String, id: String) {
        self.en = en
        self.id = id
    }

    /// Text that reads the same in every language: a value the server sent, a name, a path, code.
    public init(verbatim text: String) {
        self.en = text
        self.id = text
    }

    /// English only; the Indonesian falls back to it. For third-party packs that ship English only.
    public init(english text: String) {
        self.en = text
        self.id = nil
    }

    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    public init(stringLiteral value: String) {
        self.init(english: value)
    }

    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(english: String(stringInterpolation: stringInterpolation))
    }

    /// The text in `language`, falling back to English where there is no translation.
    public subscript(language: Language) -> String {
        switch language {
        case .en: en
        case .id: id ?? en
        }
    }

    /// The text in `Language.current`.
    public var text: String { self[.current] }

    /// The text in `Language.current`, so `"\(words)"` reads as the learner's language.
    public var description: String { text }

    /// Whether an Indonesian text was written.
    public var isTranslated: Bool { id != nil }

    /// Each language's text transformed the same way (quoting, trimming, prefixing).
    public func map(_ transform: (String) -> String) -> Words {
        Words(rawEnglish: transform(en), indonesian: id.map(transform))
    }

    /// The two texts one after the other, language by language.
    public static func + (lhs: Words, rhs: Words) -> Words {
        Words(
            rawEnglish: lhs.en + rhs.en,
            indonesian: lhs.id == nil && rhs.id == nil ? nil : lhs[.id] + rhs[.id])
    }

    /// Texts joined with a separator that is the same in both languages.
    public static func joined(_ parts: [Words], separator: String) -> Words {
        let untranslated = parts.allSatisfy { $0.id == nil }
        return Words(
            rawEnglish: parts.map(\.en).joined(separator: separator),
            indonesian: untranslated ? nil : parts.map { $0[.id] }.joined(separator: separator))
    }

    private init(rawEnglish: String, indonesian: String?) {
        self.en = rawEnglish
        self.id = indonesian
    }

    // MARK: Codable: {"en": "...", "id": "..."}, or a plain string (English only).

    private enum CodingKeys: String, CodingKey { case en, id }

    public init(from decoder: any Decoder) throws {
        if let plain = try? decoder.singleValueContainer().decode(String.self) {
            self.init(english: plain)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rawEnglish: try container.decode(String.self, forKey: .en),
            indonesian: try container.decodeIfPresent(String.self, forKey: .id))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(en, forKey: .en)
        try container.encodeIfPresent(id, forKey: .id)
    }
}
