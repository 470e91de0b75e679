import Grader

/// Renders help in swift-argument-parser's layout (`OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`,
/// `SUBCOMMANDS:`), wrapped at 80 columns with descriptions aligned in one column.
///
/// It reads the same ``CommandSpec`` tree the parser uses. Paths are lists of specs from the root to
/// the command being described, so `[root, dev, new]` describes `backendlings dev new`.
struct HelpRenderer: Sendable {
    let root: CommandSpec
    let globalOptions: [OptionSpec]
    var width = 80
    /// Where descriptions start; a longer label puts its description on the next line.
    var labelColumn = 26

    /// The complete help text for the command at the end of `path`, ending in a newline.
    func render(_ path: [CommandSpec]) -> String {
        guard let command = path.last else { return "" }
        var sections: [[String]] = []

        var overview = TextWrapper.wrap(Self.overviewHeading.text + " " + command.abstract.text, width: width)
        if let discussion = command.discussion {
            overview += [""] + TextWrapper.wrap(discussion.text, width: width)
        }
        sections.append(overview)
        // Keep each bracketed group ("[--junit <file>]") on one line: spaces inside brackets become
        // no-break placeholders while wrapping.
        let usageLabel = Self.usageHeading.text + " "
        let usageLine = Self.protectingBracketedGroups(usageLabel + usage(path))
        sections.append(
            TextWrapper.wrap(usageLine, width: width, indent: usageLabel.count).map {
                $0.replacingOccurrences(of: "\u{00A0}", with: " ")
            })

        if !command.arguments.isEmpty {
            sections.append(
                [Self.argumentsHeading.text] + command.arguments.flatMap { row($0.label, $0.help.text) })
        }
        sections.append(
            [Self.optionsHeading.text] + options(for: path).flatMap { row($0.helpLabel, $0.help.text) })

        if !command.subcommands.isEmpty {
            let words = (["backendlings", "help"] + path.dropFirst().map(\.name) + ["<subcommand>"])
            var lines =
                [Self.subcommandsHeading.text]
                + command.subcommands.flatMap { row($0.name, $0.abstract.text) }
            lines += ["", "  " + Self.seeDetailedHelp(words.joined(separator: " ")).text]
            sections.append(lines)
        }
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// The usage line without the `USAGE: ` prefix: the root lists the global options and an optional
    /// `[<subcommand>]`; a group ends in `<subcommand>`; a leaf lists its arguments, then its options.
    func usage(_ path: [CommandSpec]) -> String {
        guard let command = path.last else { return "backendlings" }
        var words = ["backendlings"] + path.dropFirst().map(\.name)
        let optionWords = usageOptions(for: path).map { "[\($0.usageName)]" }
        if command.subcommands.isEmpty {
            words += command.arguments.map(\.usage) + optionWords
        } else {
            let runsAlone = if case .run = command.action { true } else { false }
            words += optionWords + [runsAlone ? "[<subcommand>]" : "<subcommand>"]
        }
        return words.joined(separator: " ")
    }

    /// Options shown in OPTIONS: the root's globals first; everywhere else the command's own first.
    private func options(for path: [CommandSpec]) -> [OptionSpec] {
        guard let command = path.last else { return [] }
        let own = command.options
        if case .showHelp = command.action { return own + [BackendlingsCommands.helpOption] }
        let ordered = path.count == 1 ? globalOptions + own : own + globalOptions
        return ordered + [BackendlingsCommands.helpOption]
    }

    /// Options shown on the usage line: never `--version` or `--help`; globals only on the root's.
    private func usageOptions(for path: [CommandSpec]) -> [OptionSpec] {
        guard let command = path.last else { return [] }
        let own = command.options.filter { $0 != BackendlingsCommands.versionOption }
        return path.count == 1 ? globalOptions + own : own
    }

    /// One aligned row: `  label` then the wrapped description starting at `labelColumn`.
    private func row(_ label: String, _ description: String) -> [String] {
        let prefix = "  " + label
        let descriptionLines = TextWrapper.wrap(
            description, width: width, indent: labelColumn, firstLineUsed: labelColumn)
        guard let first = descriptionLines.first else { return [prefix] }
        let rest = Array(descriptionLines.dropFirst())
        let margin = String(repeating: " ", count: labelColumn)
        if prefix.count + 2 <= labelColumn {
            let padded = prefix + String(repeating: " ", count: labelColumn - prefix.count)
            return [padded + first] + rest
        }
        return [prefix, margin + first] + rest
    }

    // The section headings, in swift-argument-parser's words and in Indonesian.
    static let overviewHeading = Words("OVERVIEW:", id: "RINGKASAN:")
    static let usageHeading = Words("USAGE:", id: "CARA PAKAI:")
    static let argumentsHeading = Words("ARGUMENTS:", id: "ARGUMEN:")
    static let optionsHeading = Words("OPTIONS:", id: "OPSI:")
    static let subcommandsHeading = Words("SUBCOMMANDS:", id: "SUBPERINTAH:")

    static func seeDetailedHelp(_ command: String) -> Words {
        Words("See '\(command)' for detailed help.", id: "Lihat '\(command)' untuk bantuan lengkap.")
    }

    /// Replaces the spaces inside `[...]` and `<...>` groups with U+00A0.
    static func protectingBracketedGroups(_ text: String) -> String {
        var depth = 0
        return String(
            text.map { character -> Character in
                if character == "[" || character == "<" { depth += 1 }
                if character == "]" || character == ">" { depth = max(0, depth - 1) }
                return character == " " && depth > 0 ? "\u{00A0}" : character
            })
    }
}
