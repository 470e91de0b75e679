import Foundation
import Grader
import Runner

/// `backendlings lang [en|id]`: which language is spoken and why, or remember another one in the
/// workspace (the first-run question's answer, changed later).
struct LangCommand {
    let app: App

    func run(_ chosen: Language?) throws -> Int32 {
        let style = app.style
        guard let chosen else {
            let choice = app.language.choice
            let name = style.bold(choice.language.nativeName)
            let other = style.code(app.command("lang \(choice.language == .en ? "id" : "en")"))
            let reason = Self.reason(choice.source).text
            let shown = Words(
                "Language: \(name) (\(choice.language.code)) · \(reason)",
                id: "Bahasa: \(name) (\(choice.language.code)) · \(reason)")
            let change = Words("Change it with \(other).", id: "Ganti dengan \(other).")
            Console.out(shown.text + "\n" + change.text + "\n")
            return 0
        }
        let context = try app.context()
        var settings = WorkspaceSettings.load(fromWorkspaceAt: context.workspace.root)
        settings.language = chosen
        guard try settings.save(inWorkspaceAt: context.workspace.root) else {
            throw WorkspaceError.notAWorkspace(path: context.workspace.displayPath(context.workspace.root))
        }
        Language.processDefault = chosen
        var text = Words(
            "Backendlings speaks \(chosen.nativeName) in this workspace from now on.",
            id: "Mulai sekarang Backendlings memakai \(chosen.nativeName) di workspace ini."
        ).text
        if let overriding = ProcessInfo.processInfo.environment[LanguageChoice.variable], !overriding.isEmpty
        {
            text +=
                "\n" + style.warning("note: ")
                + Words(
                    "\(LanguageChoice.variable)=\(overriding) is set in this shell, and it wins over this choice.",
                    id:
                        "\(LanguageChoice.variable)=\(overriding) di-set di shell ini, dan ia menang atas pilihan ini."
                ).text
        }
        Console.out(text + "\n")
        return 0
    }

    static func reason(_ source: LanguageChoice.Source) -> Words {
        switch source {
        case .option: Words("chosen with --lang", id: "dipilih dengan --lang")
        case .environment:
            Words(
                "chosen with \(LanguageChoice.variable)", id: "dipilih dengan \(LanguageChoice.variable)")
        case .workspace: Words("stored in your workspace", id: "tersimpan di workspace-mu")
        case .locale: Words("from your system's locale", id: "dari locale sistemmu")
        case .fallback: Words("the default", id: "bawaan")
        }
    }
}

extension LangCommand {
    struct Definition: CommandDefinition {
        static let code = Argument(
            "code",
            help: Words(
                "en or id. Leave it out to see which language is used and why.",
                id: "en atau id. Kalau tidak ditulis, kamu melihat bahasa yang dipakai dan alasannya."),
            isOptional: true)
        static let spec = CommandSpec.command(
            Definition.self,
            name: "lang",
            abstract: Words(
                "Show or change the language Backendlings speaks.",
                id: "Lihat atau ganti bahasa yang dipakai Backendlings."),
            discussion: Words(
                "'backendlings lang id' switches to Bahasa Indonesia and 'backendlings lang en' to "
                    + "English; your workspace remembers it. --lang and BACKENDLINGS_LANG still win for "
                    + "one command.",
                id: "'backendlings lang id' mengganti ke Bahasa Indonesia dan 'backendlings lang en' ke "
                    + "English; workspace-mu mengingatnya. --lang dan BACKENDLINGS_LANG tetap menang "
                    + "untuk satu perintah."),
            arguments: [code])

        /// Show the language and why (`nil`), or remember this one in the workspace.
        var code: Language?

        init(code: Language?) { self.code = code }

        init(parsing values: ParsedValues) throws(UsageError) {
            let code = values[Self.code]
            if let code, Language(code: code) == nil {
                throw UsageError(
                    .invalidValue(option: "<code>", value: code, expected: UsageError.languageChoices))
            }
            self.code = code.flatMap { Language(code: $0) }
        }

        /// `lang` chooses the language itself.
        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 { try LangCommand(app: app).run(code) }
    }
}

extension Command {
    static func lang(code: Language?) -> Command { Command(LangCommand.Definition(code: code)) }
}
