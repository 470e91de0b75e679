import Grader

/// A command line the parser could not accept, with everything needed to explain it.
///
/// `rendered` is the whole text for standard error:
/// ```
/// Error: Unknown command 'lsit'. Did you mean 'list'?
/// Usage: backendlings [--pack <path>] [--workspace <path>] [--poll] [<subcommand>]
/// See 'backendlings --help'.
/// ```
/// Every usage error exits with 64 (`EX_USAGE` from sysexits.h), so scripts can tell "you typed it
/// wrong" apart from "the check failed".
struct UsageError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable {
        case unknownCommand(String, suggestion: String?)
        case unknownOption(String, suggestion: String?)
        /// `label` is `<exercise>`.
        case missingArgument(label: String)
        case unexpectedArgument(String)
        /// `option` is the usage name, `--port <port>`.
        case missingValue(option: String)
        /// `expected` completes "expected ...", e.g. "a whole number from 1 to 65535".
        case invalidValue(option: String, value: String, expected: String)
        case flagWithValue(option: String)
        case missingSubcommand(command: String, choices: [String])
    }

    /// The exit status for every usage error: `EX_USAGE`.
    static let exitCode: Int32 = 64

    var kind: Kind
    /// The usage line of the command the error is about; filled in by the parser.
    var usage: String
    /// The words after `backendlings` that name the command (`["dev", "new"]`), for the `See` line.
    var commandPath: [String]

    init(_ kind: Kind, usage: String = "", commandPath: [String] = []) {
        self.kind = kind
        self.usage = usage
        self.commandPath = commandPath
    }

    var exitCode: Int32 { Self.exitCode }

    /// The sentence after `Error: `, in `Language.current`.
    var message: String {
        switch kind {
        case .unknownCommand(let name, let suggestion):
            return Words("Unknown command '\(name)'.", id: "Perintah '\(name)' tidak dikenal.").text
                + Self.didYouMean(suggestion)
        case .unknownOption(let name, let suggestion):
            return Words("Unknown option '\(name)'.", id: "Opsi '\(name)' tidak dikenal.").text
                + Self.didYouMean(suggestion)
        case .missingArgument(let label):
            return Words("Missing argument \(label).", id: "Argumen \(label) belum ditulis.").text
        case .unexpectedArgument(let value):
            return Words("Unexpected extra argument '\(value)'.", id: "Ada argumen lebih: '\(value)'.").text
        case .missingValue(let option):
            return Words("Missing value for '\(option)'.", id: "Nilai untuk '\(option)' belum ditulis.").text
        case .invalidValue(let option, let value, let expected):
            return Words(
                "Invalid value '\(value)' for '\(option)': expected \(expected).",
                id: "Nilai '\(value)' untuk '\(option)' tidak valid: seharusnya \(expected)."
            ).text
        case .flagWithValue(let option):
            return Words("'\(option)' does not take a value.", id: "'\(option)' tidak memakai nilai.").text
        case .missingSubcommand(let command, let choices):
            let list = choices.joined(separator: ", ")
            return Words(
                "'\(command)' needs a subcommand: \(list).", id: "'\(command)' butuh subperintah: \(list)."
            ).text
        }
    }

    /// The full text for standard error, ending in a newline.
    var rendered: String {
        let helpCommand = (["backendlings"] + commandPath + ["--help"]).joined(separator: " ")
        let usageLabel = Words("Usage:", id: "Cara pakai:").text
        let see = Words("See '\(helpCommand)'.", id: "Lihat '\(helpCommand)'.").text
        return "Error: \(message)\n\(usageLabel) \(usage)\n\(see)\n"
    }

    var description: String { rendered }

    /// What `--lang` and `backendlings lang` accept, completing "expected ...".
    static var languageChoices: String {
        Words("en (English) or id (Bahasa Indonesia)", id: "en (English) atau id (Bahasa Indonesia)").text
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " " + Words("Did you mean '\($0)'?", id: "Maksudmu '\($0)'?").text } ?? ""
    }
}
