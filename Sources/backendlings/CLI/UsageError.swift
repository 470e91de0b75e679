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

    /// The sentence after `Error: `.
    var message: String {
        switch kind {
        case .unknownCommand(let name, let suggestion):
            return "Unknown command '\(name)'." + Self.didYouMean(suggestion)
        case .unknownOption(let name, let suggestion):
            return "Unknown option '\(name)'." + Self.didYouMean(suggestion)
        case .missingArgument(let label):
            return "Missing argument \(label)."
        case .unexpectedArgument(let value):
            return "Unexpected extra argument '\(value)'."
        case .missingValue(let option):
            return "Missing value for '\(option)'."
        case .invalidValue(let option, let value, let expected):
            return "Invalid value '\(value)' for '\(option)': expected \(expected)."
        case .flagWithValue(let option):
            return "'\(option)' does not take a value."
        case .missingSubcommand(let command, let choices):
            return "'\(command)' needs a subcommand: \(choices.joined(separator: ", "))."
        }
    }

    /// The full text for standard error, ending in a newline.
    var rendered: String {
        let helpCommand = (["backendlings"] + commandPath + ["--help"]).joined(separator: " ")
        return "Error: \(message)\nUsage: \(usage)\nSee '\(helpCommand)'.\n"
    }

    var description: String { rendered }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " Did you mean '\($0)'?" } ?? ""
    }
}
