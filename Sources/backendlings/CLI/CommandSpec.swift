import Grader

/// The declarative description of one command: the single source that both the parser and the help
/// renderer read, so `--help` can never disagree with what the parser accepts.
///
/// A command either runs (it has a `build` closure that turns parsed values into a ``Command``), needs
/// a subcommand (`dev`), or shows help (`help`). The root command runs *and* has subcommands: with no
/// subcommand it is the default action.
struct CommandSpec: Sendable {
    /// What happens when parsing stops at this command.
    enum Action: Sendable {
        /// Build the typed command from what was parsed; throws for values that do not make sense.
        case run(@Sendable (ParsedValues) throws(UsageError) -> Command)
        /// The command only groups subcommands; naming it alone is a usage error.
        case requiresSubcommand
        /// `help <subcommand...>`: show help for the named command.
        case showHelp
    }

    var name: String
    /// One sentence shown in the parent's SUBCOMMANDS list and after `OVERVIEW:`.
    var abstract: Words
    /// Paragraphs shown under the overview in this command's own help; `\n` starts a new line.
    var discussion: Words?
    var arguments: [ArgumentSpec]
    var options: [OptionSpec]
    var subcommands: [CommandSpec]
    var action: Action

    init(
        name: String,
        abstract: Words,
        discussion: Words? = nil,
        arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = [],
        action: Action
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.subcommands = subcommands
        self.action = action
    }

    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }

    /// The option this command declares under a long (`--json`) or short (`-p`) spelling.
    func option(spelled spelling: String) -> OptionSpec? {
        options.first { $0.matches(spelling) }
    }
}

/// A positional argument such as `<exercise>`.
struct ArgumentSpec: Sendable {
    /// The name used in help (`<name>`) and as the key in ``ParsedValues``.
    var name: String
    var help: Words
    var isOptional: Bool
    /// Takes every remaining positional (only `help <subcommand> ...` needs this).
    var isRepeating: Bool

    init(name: String, help: Words, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }

    /// `<exercise>`: how the argument is named in help and in error messages.
    var label: String { "<\(name)>" }

    /// `<exercise>`, `[<exercise>]` or `[<subcommand> ...]`, as it appears on a usage line.
    var usage: String {
        let core = isRepeating ? "\(label) ..." : label
        return isOptional ? "[\(core)]" : core
    }
}
