/// The `backendlings` command tree: every command's name, help text, arguments and options, and how
/// its parsed values become a ``Command``. Add a command here and both parsing and help know it.
///
/// Help text is read by learners who are new to backends and may not be native English speakers:
/// short sentences, plain words, one idea each, an example where it helps.
enum BackendlingsCommands {
    static let packOption = OptionSpec.value(
        "pack", valueName: "path",
        help: "Use the lesson pack in this folder instead of the built-in lessons. "
            + "You can also set BACKENDLINGS_PACK.")
    static let workspaceOption = OptionSpec.value(
        "workspace", valueName: "path",
        help: "Keep your exercises in this folder instead of ./workspace. "
            + "You can also set BACKENDLINGS_WORKSPACE.")
    /// Accepted by every command, before or after its name.
    static let global = [packOption, workspaceOption]

    static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help information.")
    static let versionOption = OptionSpec.flag("version", help: "Show the version of backendlings.")
    static let pollOption = OptionSpec.flag(
        "poll",
        help: "Look for changed files every 0.3 seconds instead of waiting for the system to report "
            + "them. Use this if saving a file does not start a check (for example in WSL or on a "
            + "network folder).")

    static let root = CommandSpec(
        name: "backendlings",
        abstract: "Learn backend development by building small, real web servers in your terminal.",
        discussion: "Run 'backendlings' with no subcommand to start. The first time, it creates your "
            + "workspace folder with every exercise in it. Then it watches your files: each time you "
            + "save, it builds the current exercise, tests it, and tells you what to fix next.",
        options: [pollOption, versionOption],
        subcommands: learnerCommands + [dev, helpCommand],
        action: .run { values in .start(poll: values.flag("poll")) }
    )

    static let helpCommand = CommandSpec(
        name: "help",
        abstract: "Show help for a command.",
        arguments: [
            ArgumentSpec(
                name: "subcommand", help: "The command to explain, for example check or dev new.",
                isOptional: true, isRepeating: true)
        ],
        action: .showHelp
    )

    /// `<exercise>` for commands where it may be left out.
    static func optionalExercise(_ purpose: String) -> ArgumentSpec {
        ArgumentSpec(
            name: "exercise",
            help:
                "Which exercise to \(purpose), for example db01-schema. The default is the current exercise.",
            isOptional: true)
    }

    /// `<exercise>` for commands that must name one.
    static func requiredExercise(_ purpose: String) -> ArgumentSpec {
        ArgumentSpec(name: "exercise", help: "Which exercise to \(purpose), for example db01-schema.")
    }

    static func jsonFlag(_ what: String) -> OptionSpec {
        .flag("json", help: "Print \(what) as JSON, for editors and scripts.")
    }
}
