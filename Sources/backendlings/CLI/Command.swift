import Grader

/// What the learner asked for, with typed arguments: the parser's result and what ``App`` runs.
///
/// It holds one ``CommandDefinition`` (each command's file adds a factory such as `.check(...)`).
/// Exercise and module ids are passed through as typed; only the Runner knows which ids exist, so
/// it reports unknown ones (with its own suggestions).
struct Command: Equatable, Sendable {
    let definition: any CommandDefinition

    init(_ definition: some CommandDefinition) { self.definition = definition }

    static func == (lhs: Command, rhs: Command) -> Bool {
        func same<Definition: CommandDefinition>(_ left: Definition) -> Bool {
            (rhs.definition as? Definition) == left
        }
        return same(lhs.definition)
    }

    var mayAskForLanguage: Bool { definition.mayAskForLanguage }

    func run(_ app: App) async throws -> Int32 { try await definition.run(app) }
}

/// Options every command accepts, before or after the subcommand's name.
///
/// `nil` means "not given on the command line": the Runner then falls back to `BACKENDLINGS_PACK` /
/// `BACKENDLINGS_WORKSPACE` and then to its defaults.
struct GlobalOptions: Equatable, Sendable {
    var packPath: String?
    var workspacePath: String?

    init(packPath: String? = nil, workspacePath: String? = nil) {
        self.packPath = packPath
        self.workspacePath = workspacePath
    }
}

/// A successfully parsed command line.
struct Invocation: Equatable, Sendable {
    var command: Command
    var global: GlobalOptions

    init(_ command: Command, global: GlobalOptions = GlobalOptions()) {
        self.command = command
        self.global = global
    }
}

/// Everything the parser can decide, and the single place that maps it to an exit status.
enum CommandLineOutcome: Equatable, Sendable {
    /// Run this command.
    case run(Invocation)
    /// Print this text to standard output and exit 0 (`--help`, `-h`, `help ...`).
    case help(String)
    /// Print the version to standard output and exit 0.
    case version
    /// Print `error.rendered` to standard error and exit with `error.exitCode` (64).
    case usageError(UsageError)

    /// The exit status for every outcome that does not run a command; `nil` for `.run`.
    var exitCode: Int32? {
        switch self {
        case .run: return nil
        case .help, .version: return 0
        case .usageError(let error): return error.exitCode
        }
    }
}
