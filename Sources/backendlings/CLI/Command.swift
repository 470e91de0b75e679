import Grader

/// What the learner asked for, with typed arguments: the parser's result and the Runner's input.
///
/// One case per command. Exercise and module ids are passed through as typed; only the Runner knows
/// which ids exist, so it reports unknown ones (with its own suggestions).
enum Command: Equatable, Sendable {
    /// `backendlings` with no subcommand: first-run setup, then watch mode.
    case start(poll: Bool)
    case list
    /// `resultsJSON` and `junit` are files to write the report to, for CI and instructors.
    /// `points`: end with a `Points X/Y` line, as GitHub Classroom's reporter writes it.
    case check(
        exercise: String?, json: Bool, resultsJSON: String? = nil, junit: String? = nil, points: Bool = false)
    case checkAll(json: Bool)
    case watch(poll: Bool)
    case hint(exercise: String?)
    case serve(exercise: String?, port: Int?, fresh: Bool)
    /// `web`: serve the progress page instead of printing; `port` nil picks a free one.
    case progress(json: Bool, web: Bool = false, port: Int? = nil)
    case reset(exercise: String)
    case solution(exercise: String, force: Bool)
    case next
    case goto(exercise: String)
    /// `lang`: show the language and why (`nil`), or remember this one in the workspace.
    case lang(code: Language?)
    /// `only`: exercise ids (or `exercise/variant`) to check; empty means all. `variants`: false for
    /// `--no-variants`.
    case devCheck(json: Bool, only: [String] = [], variants: Bool = true)
    /// `dev mutants`: mutate an exercise's reference solution and grade every mutant.
    case devMutants(exercise: String, json: Bool, max: Int? = nil, seed: UInt64? = nil, list: Bool = false)
    case devNew(module: String, exercise: String)
    /// `dev starter`: the exercise's whole starter (or solved copy) written to `output`.
    case devStarter(exercise: String, solved: Bool, output: String?)
    /// `dev translations`: what the pack's translations owe; `accept` records the current ones.
    case devTranslations(accept: Bool)
    /// `dev adopt`: an edited whole starter written back as the exercise's overlay.
    case devAdopt(exercise: String, folder: String)
    /// `dev grade`: learners' workspaces, where to write results, and which exercises.
    case devGrade(workspaces: [String], output: String, only: [String])
    /// `dev classroom`: a GitHub Classroom workflow written into the template repository `output`.
    case devClassroom(output: String, swiftVersion: String?)
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
