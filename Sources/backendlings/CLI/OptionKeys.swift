import Grader

/// A flag (`--json`) a command declares once, as a static property, and reads through the same
/// value: `values[Self.json]`. The spelling lives only in the declaration, so a misspelt key does
/// not compile.
struct Flag: Sendable {
    let spec: OptionSpec

    init(_ long: String, short: Character? = nil, help: Words) {
        spec = .flag(long, short: short, help: help)
    }
}

/// An option with a value (`--port <port>`), declared once with how its text becomes a `Value`;
/// read with `try values.value(of: Self.port)`, which is `nil` when the option was not given.
struct Option<Value: Sendable>: Sendable {
    let spec: OptionSpec
    /// Turns the text on the command line into the value; throws a usage error naming the option.
    let convert: @Sendable (String, OptionSpec) throws(UsageError) -> Value

    init(
        _ long: String, short: Character? = nil, valueName: String, help: Words,
        convert: @escaping @Sendable (String, OptionSpec) throws(UsageError) -> Value
    ) {
        spec = .value(long, short: short, valueName: valueName, help: help)
        self.convert = convert
    }
}

extension Option where Value == String {
    init(_ long: String, short: Character? = nil, valueName: String, help: Words) {
        self.init(long, short: short, valueName: valueName, help: help) { text, _ in text }
    }
}

extension Option where Value == [String] {
    /// An option whose value is a comma-separated list (`--only a,b`).
    static func list(_ long: String, valueName: String, help: Words) -> Option {
        Option(long, valueName: valueName, help: help) { text, _ in
            text.split(separator: ",").map(String.init)
        }
    }
}

extension Option where Value == Int {
    /// An option whose value is a whole number inside `range`; anything else is a usage error.
    static func integer(
        _ long: String, short: Character? = nil, valueName: String, in range: ClosedRange<Int>, help: Words
    ) -> Option {
        Option(long, short: short, valueName: valueName, help: help) { text, spec throws(UsageError) in
            guard let number = Int(text), range.contains(number) else {
                let expected = Words(
                    "a whole number from \(range.lowerBound) to \(range.upperBound)",
                    id: "bilangan bulat dari \(range.lowerBound) sampai \(range.upperBound)"
                ).text
                throw UsageError(.invalidValue(option: spec.usageName, value: text, expected: expected))
            }
            return number
        }
    }
}

/// A positional argument (`<exercise>`) a command declares once and reads through the same value.
struct Argument: Sendable {
    let spec: ArgumentSpec

    init(_ name: String, help: Words, isOptional: Bool = false, isRepeating: Bool = false) {
        spec = ArgumentSpec(name: name, help: help, isOptional: isOptional, isRepeating: isRepeating)
    }

    init(_ spec: ArgumentSpec) { self.spec = spec }
}
