import Grader

/// What the parser collected for one command, before it is turned into a typed ``Command``.
///
/// Keys are an argument's `name` or an option's `long` name, as declared in its ``CommandSpec``.
/// A repeated option keeps its last value, as most Unix tools do.
struct ParsedValues: Equatable, Sendable {
    private(set) var arguments: [String: [String]] = [:]
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []

    mutating func setFlag(_ long: String) { flags.insert(long) }
    mutating func setOption(_ long: String, to value: String) { options[long] = value }
    mutating func appendArgument(_ name: String, _ value: String) {
        arguments[name, default: []].append(value)
    }

    func flag(_ long: String) -> Bool { flags.contains(long) }
    func option(_ long: String) -> String? { options[long] }
    /// The first value of a positional argument, or `nil` when it was not given.
    func argument(_ name: String) -> String? { arguments[name]?.first }
    /// Every value of a repeating positional argument, in order.
    func allArguments(_ name: String) -> [String] { arguments[name] ?? [] }

    /// A required argument's value. The parser already reports missing required arguments, so this
    /// only throws if a command's declaration and its `build` closure disagree.
    func requiredArgument(_ name: String) throws(UsageError) -> String {
        guard let value = argument(name) else { throw UsageError(.missingArgument(label: "<\(name)>")) }
        return value
    }

    /// An option's value as a whole number inside `range`, or `nil` when the option was not given.
    /// - Parameter usageName: how the option is named in the error, e.g. `--port <port>`.
    func integer(_ long: String, usageName: String, in range: ClosedRange<Int>) throws(UsageError) -> Int? {
        guard let text = option(long) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let expected = Words(
                "a whole number from \(range.lowerBound) to \(range.upperBound)",
                id: "bilangan bulat dari \(range.lowerBound) sampai \(range.upperBound)"
            ).text
            throw UsageError(.invalidValue(option: usageName, value: text, expected: expected))
        }
        return number
    }
}
