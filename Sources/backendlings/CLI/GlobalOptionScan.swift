/// The global options' values read straight from the words, before parsing: the language must be
/// chosen before the parser writes help or a usage error, and it depends on `--lang` and on the
/// workspace (`--workspace`, `--pack`).
///
/// Only `--name value` and `--name=value` before `--` are read; the parser still checks every word.
/// A repeated option keeps its last value, as the parser does.
struct GlobalOptionScan: Equatable, Sendable {
    private(set) var values: [String: String] = [:]

    init(_ arguments: [String], names: [String] = BackendlingsCommands.global.map(\.long)) {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" { break }
            let (spelling, inline) = CommandLineParser.split(word)
            guard spelling.hasPrefix("--"), case let name = String(spelling.dropFirst(2)),
                names.contains(name)
            else { continue }
            if let inline {
                values[name] = inline
            } else if index < arguments.count, !arguments[index].hasPrefix("-") {
                values[name] = arguments[index]
                index += 1
            }
        }
    }

    subscript(_ name: String) -> String? { values[name] }
}
