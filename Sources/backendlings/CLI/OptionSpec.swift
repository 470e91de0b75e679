import Grader

/// A named option: a flag (`--json`) or an option with a value (`--port <port>`).
///
/// Values can be written `--port 8080` or `--port=8080`; a short name (`-p`) takes its value from the
/// next argument.
struct OptionSpec: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Present or absent; `--json=yes` is a usage error.
        case flag
        /// Takes one value; `valueName` is shown in help as `<valueName>`.
        case value(valueName: String)
    }

    /// The long name without dashes; also the key in ``ParsedValues``.
    var long: String
    var short: Character?
    var kind: Kind
    var help: Words

    static func flag(_ long: String, short: Character? = nil, help: Words) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .flag, help: help)
    }

    static func value(_ long: String, short: Character? = nil, valueName: String, help: Words) -> OptionSpec {
        OptionSpec(long: long, short: short, kind: .value(valueName: valueName), help: help)
    }

    var takesValue: Bool { kind != .flag }

    /// `--port <port>` or `--json`: the name used in usage lines and error messages.
    var usageName: String {
        switch kind {
        case .flag: return "--\(long)"
        case .value(let valueName): return "--\(long) <\(valueName)>"
        }
    }

    /// `-p, --port <port>`: the left column of help.
    var helpLabel: String {
        guard let short else { return usageName }
        return "-\(short), \(usageName)"
    }

    /// Every way to write the option on a command line, long form first.
    var spellings: [String] {
        ["--\(long)"] + (short.map { ["-\($0)"] } ?? [])
    }

    func matches(_ spelling: String) -> Bool { spellings.contains(spelling) }
}
