import Foundation
import Grader
import Runner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The first run's one question, in both languages, answered with one key: which language to speak.
/// Asked only on a terminal (standard input and output), only when nothing chose a language yet and
/// the locale is Indonesian or says nothing; the answer is stored in the workspace, so it is asked
/// once. Ctrl-C stops the program as anywhere else.
enum LanguageQuestion {
    static let prompt = "Language / Bahasa: [e] English  [i] Bahasa Indonesia "

    /// Asks, speaks the answer from now on, and stores it when the workspace can hold it.
    static func askOnce(_ found: LanguageChoice.ForCommand) {
        guard Terminal.isTerminal(STDIN_FILENO), Terminal.isTerminal(STDOUT_FILENO),
            let answer = ask(suggested: found.choice.suggestion)
        else { return }
        Language.processDefault = answer
        guard let workspace = found.workspace else { return }
        var settings = WorkspaceSettings.load(fromWorkspaceAt: workspace)
        settings.language = answer
        _ = try? settings.save(inWorkspaceAt: workspace)
    }

    /// The language for `e`, `i` or Enter (`suggested`); `nil` when input ended first.
    static func ask(suggested: Language) -> Language? {
        guard let session = try? TerminalSession(ctrlCIsKey: false) else { return nil }
        defer { session.end() }
        Console.out(prompt)
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1 {
            guard let language = answer(for: byte, suggested: suggested) else { continue }
            Console.out(language.nativeName + "\n\n")
            return language
        }
        Console.out("\n")
        return nil
    }

    /// What one key means; `nil` for a key that answers nothing (the question stays).
    static func answer(for byte: UInt8, suggested: Language) -> Language? {
        switch byte {
        case UInt8(ascii: "e"), UInt8(ascii: "E"): .en
        case UInt8(ascii: "i"), UInt8(ascii: "I"): .id
        case 10, 13: suggested
        default: nil
        }
    }
}
