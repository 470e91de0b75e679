import Grader

/// What the parser collected for one command, read by the command through the typed keys it
/// declared (``Flag``, ``Option``, ``Argument``).
///
/// The parser fills it by the spelling in each key's spec; nothing outside the parser looks a value
/// up by a string. A repeated option keeps its last value, as most Unix tools do.
struct ParsedValues: Equatable, Sendable {
    private var arguments: [String: [String]] = [:]
    private var options: [String: String] = [:]
    private var flags: Set<String> = []
    /// The options and arguments the command declared; reading any other key is a programming
    /// mistake, caught by the parsing tests (a key the spec does not list would never be filled).
    private var declared: Set<String>?

    /// Limits reading to what `command` (and every command, for `global`) declares.
    mutating func declare(_ command: CommandSpec, global: [OptionSpec]) {
        declared = Set(command.options.map(\.long) + global.map(\.long) + command.arguments.map(\.name))
    }

    mutating func setFlag(_ option: OptionSpec) { flags.insert(option.long) }
    mutating func setOption(_ option: OptionSpec, to value: String) { options[option.long] = value }
    mutating func appendArgument(_ argument: ArgumentSpec, _ value: String) {
        arguments[argument.name, default: []].append(value)
    }

    /// Whether the flag was given.
    subscript(flag: Flag) -> Bool {
        checkDeclared(flag.spec.long)
        return flags.contains(flag.spec.long)
    }

    /// The option's value, or `nil` when it was not given; throws when its text is not a valid value.
    func value<Value>(of option: Option<Value>) throws(UsageError) -> Value? {
        guard let text = text(of: option.spec) else { return nil }
        return try option.convert(text, option.spec)
    }

    /// The option's text as written, or `nil` when it was not given.
    func text(of option: OptionSpec) -> String? {
        checkDeclared(option.long)
        return options[option.long]
    }

    /// The first value of a positional argument, or `nil` when it was not given.
    subscript(argument: Argument) -> String? {
        checkDeclared(argument.spec.name)
        return arguments[argument.spec.name]?.first
    }

    /// Every value of a repeating positional argument, in order.
    func all(_ argument: Argument) -> [String] {
        checkDeclared(argument.spec.name)
        return arguments[argument.spec.name] ?? []
    }

    /// A required argument's value. The parser already reports missing required arguments, so this
    /// only throws if a command's declaration and its reading disagree.
    func required(_ argument: Argument) throws(UsageError) -> String {
        guard let value = self[argument] else {
            throw UsageError(.missingArgument(label: argument.spec.label))
        }
        return value
    }

    private func checkDeclared(_ key: String) {
        assert(declared?.contains(key) ?? true, "'\(key)' is read but its command does not declare it")
    }
}
