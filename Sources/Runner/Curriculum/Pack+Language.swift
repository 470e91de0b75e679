import Foundation
import Grader

extension Pack {
    /// The lesson text a learner reads in `language`, and a note to show with it when the
    /// translation is missing or stale (English is shown then: never an outdated translation).
    public func lessonText(of exercise: Exercise, in language: Language) -> (file: URL, note: Words?) {
        Self.text(lessonText(of: exercise), in: language, declared: languages.contains(language))
    }

    /// The module's introduction in `language`, with the same fallback.
    public func introduction(of module: Module, in language: Language) -> (file: URL, note: Words?) {
        Self.text(introduction(of: module), in: language, declared: languages.contains(language))
    }

    static func text(_ english: URL, in language: Language, declared: Bool) -> (file: URL, note: Words?) {
        guard language != .en else { return (english, nil) }
        switch TranslatedFile.state(of: english, in: language) {
        case .current:
            return (TranslatedFile.translation(of: english, in: language), nil)
        case .stale:
            return (english, Self.updatingNote)
        case .missing:
            return (english, declared ? Self.updatingNote : nil)
        }
    }

    static let updatingNote = Words(
        "The Indonesian translation of this lesson is being updated; here is the English.",
        id: "Terjemahan bahasa Indonesia untuk pelajaran ini sedang diperbarui; ini versi bahasa Inggrisnya.")
}
