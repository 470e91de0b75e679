import Grader
import Runner

/// Turns the words after `backendlings` into a ``CommandLineOutcome``, driven entirely by a tree of
/// ``CommandSpec``s.
///
/// Rules, in the spirit of swift-argument-parser:
/// - the first words that name subcommands select the command (`dev new ...`);
/// - global options (`--pack`, `--workspace`) are accepted anywhere; a command's own options anywhere
///   after its name;
/// - `-h`/`--help` anywhere before `--` wins over everything, including errors;
/// - `--opt value` and `--opt=value` both work; `--` makes every later word positional;
/// - the first problem found is reported, with a suggestion for mistyped names.
struct CommandLineParser: Sendable {
    let root: CommandSpec
    let globalOptions: [OptionSpec]

    init(
        root: CommandSpec = BackendlingsCommands.root,
        globalOptions: [OptionSpec] = BackendlingsCommands.global
    ) {
        self.root = root
        self.globalOptions = globalOptions
    }

    var help: HelpRenderer { HelpRenderer(root: root, globalOptions: globalOptions) }

    /// Parses `arguments` (without the program name).
    func parse(_ arguments: [String]) -> CommandLineOutcome {
        var scan = Scan(path: [root])
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            index += 1
            if !scan.optionsEnded {
                if token == "--" {
                    scan.optionsEnded = true
                    continue
                }
                if token == "-h" || token == "--help" {
                    scan.helpRequested = true
                    continue
                }
            }
            if scan.error != nil { continue }  // keep looking for --help, nothing else
            if !scan.optionsEnded, Self.looksLikeOption(token) {
                consumeOption(token, arguments: arguments, index: &index, scan: &scan)
            } else {
                consumePositional(token, scan: &scan)
            }
        }
        return finish(scan)
    }

    private func finish(_ scan: Scan) -> CommandLineOutcome {
        let command = scan.command
        if scan.helpRequested { return .help(help.render(scan.path)) }
        if let error = scan.error { return .usageError(error) }
        if scan.versionRequested { return .version }
        switch command.action {
        case .requiresSubcommand:
            let name = (["backendlings"] + scan.path.dropFirst().map(\.name)).joined(separator: " ")
            let choices = command.subcommands.map(\.name)
            return .usageError(
                contextualize(.init(.missingSubcommand(command: name, choices: choices)), scan.path))
        case .showHelp:
            return helpTopic(scan)
        case .run(let build):
            var values = scan.values
            values.declare(command, global: globalOptions)
            if let error = bindPositionals(scan.positionals, to: command, values: &values) {
                return .usageError(contextualize(error, scan.path))
            }
            if let code = values.text(of: BackendlingsCommands.langOption), Language(code: code) == nil {
                let error = UsageError(
                    .invalidValue(
                        option: BackendlingsCommands.langOption.usageName, value: code,
                        expected: UsageError.languageChoices))
                return .usageError(contextualize(error, scan.path))
            }
            do {
                let parsed = try build(values)
                let global = GlobalOptions(
                    packPath: values.text(of: BackendlingsCommands.packOption),
                    workspacePath: values.text(of: BackendlingsCommands.workspaceOption))
                return .run(Invocation(parsed, global: global))
            } catch {
                return .usageError(contextualize(error, scan.path))
            }
        }
    }

    /// `help dev new`: the positionals name the command to describe.
    private func helpTopic(_ scan: Scan) -> CommandLineOutcome {
        var topic = [root]
        for word in scan.positionals {
            guard let next = topic[topic.count - 1].subcommand(named: word) else {
                let names = topic[topic.count - 1].subcommands.map(\.name)
                let suggestion = Suggestions.likelyTypo(of: word, among: names)
                return .usageError(contextualize(.init(.unknownCommand(word, suggestion: suggestion)), topic))
            }
            topic.append(next)
        }
        return .help(help.render(topic))
    }

    private func bindPositionals(
        _ positionals: [String], to command: CommandSpec, values: inout ParsedValues
    ) -> UsageError? {
        var remaining = positionals[...]
        for argument in command.arguments {
            if argument.isRepeating {
                while let value = remaining.popFirst() { values.appendArgument(argument, value) }
            } else if let value = remaining.popFirst() {
                values.appendArgument(argument, value)
            } else if !argument.isOptional {
                return UsageError(.missingArgument(label: argument.label))
            }
        }
        if let extra = remaining.first { return UsageError(.unexpectedArgument(extra)) }
        return nil
    }

    /// Fills in the usage line and help path of the command the error is about.
    func contextualize(_ error: UsageError, _ path: [CommandSpec]) -> UsageError {
        var error = error
        error.usage = help.usage(path)
        error.commandPath = path.dropFirst().map(\.name)
        return error
    }

    static func looksLikeOption(_ token: String) -> Bool {
        token.count > 1 && token.hasPrefix("-")
    }
}

extension CommandLineParser {
    /// The parser's state while it walks the words.
    struct Scan {
        var path: [CommandSpec]
        var values = ParsedValues()
        var positionals: [String] = []
        var optionsEnded = false
        var helpRequested = false
        var versionRequested = false
        var error: UsageError?

        var command: CommandSpec { path[path.count - 1] }
    }
}
