#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How text looks on this output: colours and Unicode symbols for a person at a terminal, plain
/// ASCII words everywhere else (pipes, files, CI logs, `NO_COLOR`, `TERM=dumb`).
///
/// Decide once with ``detect(outputIsTerminal:environment:)`` (or ``forStandardOutput()``) and pass
/// the style down; tests build ``OutputStyle/plain`` or ``OutputStyle/rich`` directly. In plain mode
/// every styling call returns its text unchanged, so callers never need to check the mode.
struct OutputStyle: Equatable, Sendable {
    enum Mode: Equatable, Sendable {
        /// ANSI colours and Unicode symbols (✓ ✗ ● ○ ▸, block progress bars).
        case rich
        /// No escape codes; ASCII words and symbols (`[done]`, `[fail]`, `*`, `#`/`-` bars).
        case plain
    }

    var mode: Mode

    static let rich = OutputStyle(mode: .rich)
    static let plain = OutputStyle(mode: .plain)

    /// Rich only when the output is a terminal, `NO_COLOR` is unset or empty (https://no-color.org),
    /// and `TERM` is not `dumb`.
    static func detect(outputIsTerminal: Bool, environment: [String: String]) -> OutputStyle {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let dumb = environment["TERM"] == "dumb"
        return OutputStyle(mode: outputIsTerminal && !noColor && !dumb ? .rich : .plain)
    }

    /// The style for standard output of this process.
    static func forStandardOutput() -> OutputStyle {
        detect(outputIsTerminal: Terminal.isTerminal(STDOUT_FILENO), environment: currentEnvironment())
    }

    /// Green: passed checks, finished exercises.
    func success(_ text: String) -> String { wrap(text, "32", "39") }
    /// Red: failed checks, errors.
    func failure(_ text: String) -> String { wrap(text, "31", "39") }
    /// Yellow: something the learner should notice but that is not a failure.
    func warning(_ text: String) -> String { wrap(text, "33", "39") }
    /// Faint: secondary details such as durations and paths.
    func dim(_ text: String) -> String { wrap(text, "2", "22") }
    func bold(_ text: String) -> String { wrap(text, "1", "22") }
    /// Cyan: something to type or a name from code (`backendlings check`, `GET /books`).
    func code(_ text: String) -> String { wrap(text, "36", "39") }

    /// Each style ends with its own "off" code rather than a full reset, so a styled piece inside
    /// another (`bold("Next: " + code("backendlings next"))`) keeps the outer style after it.
    private func wrap(_ text: String, _ on: String, _ off: String) -> String {
        guard mode == .rich, !text.isEmpty else { return text }
        return "\u{1B}[\(on)m\(text)\u{1B}[\(off)m"
    }
}

/// The environment as a dictionary, read with the C library (no Foundation needed).
private func currentEnvironment() -> [String: String] {
    var result: [String: String] = [:]
    for name in ["NO_COLOR", "TERM"] {
        if let value = getenv(name) { result[name] = String(cString: value) }
    }
    return result
}
