import Runner

extension CommandLineParser {
    /// Handles `--name`, `--name=value`, `--name value`, `-n value`.
    func consumeOption(_ token: String, arguments: [String], index: inout Int, scan: inout Scan) {
        let (spelling, inlineValue) = Self.split(token)
        guard let option = lookUp(spelling, in: scan.command) else {
            let known = (scan.command.options + globalOptions).map { "--\($0.long)" } + ["--help"]
            let suggestion =
                spelling.hasPrefix("--") ? Suggestions.likelyTypo(of: spelling, among: known) : nil
            scan.error = contextualize(
                UsageError(.unknownOption(spelling, suggestion: suggestion)), scan.path)
            return
        }
        switch option.kind {
        case .flag:
            if inlineValue != nil {
                scan.error = contextualize(UsageError(.flagWithValue(option: option.usageName)), scan.path)
            } else if option == BackendlingsCommands.versionOption {
                scan.versionRequested = true
            } else {
                scan.values.setFlag(option)
            }
        case .value:
            var value = inlineValue
            if value == nil, index < arguments.count, canBeValue(arguments[index], in: scan.command) {
                value = arguments[index]
                index += 1
            }
            guard let value, !value.isEmpty else {
                scan.error = contextualize(UsageError(.missingValue(option: option.usageName)), scan.path)
                return
            }
            scan.values.setOption(option, to: value)
        }
    }

    /// A subcommand's name, or else the current command's next positional argument.
    func consumePositional(_ token: String, scan: inout Scan) {
        let command = scan.command
        let mayBeSubcommand = !scan.optionsEnded && scan.positionals.isEmpty && !command.subcommands.isEmpty
        if mayBeSubcommand {
            if let subcommand = command.subcommand(named: token) {
                scan.path.append(subcommand)
                return
            }
            if command.arguments.isEmpty {
                let names = command.subcommands.map(\.name)
                let suggestion = Suggestions.likelyTypo(of: token, among: names)
                scan.error = contextualize(
                    UsageError(.unknownCommand(token, suggestion: suggestion)), scan.path)
                return
            }
        }
        scan.positionals.append(token)
    }

    private func lookUp(_ spelling: String, in command: CommandSpec) -> OptionSpec? {
        command.option(spelled: spelling)
            ?? (globalOptions + [BackendlingsCommands.helpOption]).first {
                $0.matches(spelling)
            }
    }

    /// The next word is taken as a value unless it is plainly another option, so `--port -1` reports
    /// an invalid port rather than a missing one, and `--pack --json` reports the missing path.
    private func canBeValue(_ word: String, in command: CommandSpec) -> Bool {
        if word.hasPrefix("--") || word == "-h" { return false }
        return lookUp(word, in: command) == nil
    }

    /// `--port=80` → (`--port`, `80`); short options and words without `=` have no inline value.
    static func split(_ token: String) -> (spelling: String, inlineValue: String?) {
        guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
        return (String(token[..<equals]), String(token[token.index(after: equals)...]))
    }
}
