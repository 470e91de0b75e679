import Grader

/// One `backendlings` command, declared in one place, in the spirit of swift-argument-parser's
/// `ParsableCommand`: its name and help (``spec``), its typed options and arguments (static
/// ``Flag``/``Option``/``Argument`` keys the spec lists), the values parsed from them (stored
/// properties) and what it does (``run(_:)``). Adding a command is one new file plus its name in
/// its parent's `subcommands`.
protocol CommandDefinition: Sendable, Equatable {
    /// What the parser accepts and the help renderer shows; built with
    /// ``CommandSpec/command(_:name:abstract:discussion:arguments:options:subcommands:)``.
    static var spec: CommandSpec { get }
    /// The command from what the parser collected, read through the declared keys; throws for
    /// values that do not make sense together.
    init(parsing values: ParsedValues) throws(UsageError)
    /// Does the work; returns the exit status (errors thrown are mapped by ``App``).
    func run(_ app: App) async throws -> Int32
    /// Whether the first-run language question may come before this command: true for a learner's
    /// command that prints for a person (not JSON for a script, not an author's `dev` tool).
    var mayAskForLanguage: Bool { get }
}

extension CommandDefinition {
    var mayAskForLanguage: Bool { true }
}

extension CommandSpec {
    /// The spec of a command that runs `Definition`: the parser builds it from the parsed values.
    static func command<Definition: CommandDefinition>(
        _ definition: Definition.Type,
        name: String,
        abstract: Words,
        discussion: Words? = nil,
        arguments: [Argument] = [],
        options: [OptionSpec] = [],
        subcommands: [CommandSpec] = []
    ) -> CommandSpec {
        CommandSpec(
            name: name, abstract: abstract, discussion: discussion, arguments: arguments.map(\.spec),
            options: options, subcommands: subcommands,
            action: .run { values throws(UsageError) in Command(try Definition(parsing: values)) })
    }
}
