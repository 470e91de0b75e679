import Foundation
import Grader
import Runner

/// `backendlings dev translations [--accept]`: the translations a pack still owes.
struct DevTranslationsCommand {
    let app: App

    func run(accept: Bool) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        var pack = try Pack.load(from: locations.packRoot)
        var text = ""
        if accept {
            let accepted = try DevTranslations(pack: pack).accept()
            text +=
                "Accepted \(accepted.lessonTexts) lesson texts, \(accepted.manifestTexts) pack.json texts and "
                + "\(accepted.sourcePairs) texts of hidden tests as up to date.\n"
            pack = try Pack.load(from: locations.packRoot)
        }
        let findings = DevTranslations(pack: pack).findings()
        if pack.languages == [.en] {
            Console.out(text + "This pack is written in English only (pack.json has no \"languages\").\n")
            return 0
        }
        for finding in findings { text += app.style.failure(app.style.symbol(.failed)) + " \(finding)\n" }
        text +=
            findings.isEmpty
            ? app.style.success("Every translation is up to date.") + "\n"
            : "\n\(findings.count) translation\(findings.count == 1 ? "" : "s") to write or update.\n"
        Console.out(text)
        return findings.isEmpty ? 0 : 1
    }
}

extension DevTranslationsCommand {
    /// What the pack's translations owe; `accept` records the current ones.
    struct Definition: CommandDefinition {
        static let accept = Flag(
            "accept",
            help: Words(english: "Record every existing translation as matching its English as it is now."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "translations",
            abstract: Words(
                english: "List the translations the pack still owes, or accept the ones that are up to date."),
            discussion: Words(
                english: "Every text of a language the pack declares must be translated and current: lesson "
                    + "READMEs, titles and hints in pack.json, and the texts of the hidden tests. Each records the "
                    + "English it was written for, so a change to the English makes it stale. --accept records "
                    + "every translation that exists as current: run it after you checked them."),
            options: [accept.spec])

        var accept: Bool

        init(accept: Bool) { self.accept = accept }
        init(parsing values: ParsedValues) { accept = values[Self.accept] }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 { try DevTranslationsCommand(app: app).run(accept: accept) }
    }
}

extension Command {
    static func devTranslations(accept: Bool) -> Command {
        Command(DevTranslationsCommand.Definition(accept: accept))
    }
}
