import Runner

/// Why the watch screen could not take over the terminal. Each description says what to do instead.
enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input is a pipe, a file or /dev/null: there is nobody to press keys.
    case notInteractive
    /// A ``TerminalSession`` is already active in this process; end it first.
    case sessionAlreadyActive
    /// A terminal system call failed; `call` is its name (`tcgetattr`), `code` the errno value.
    case systemCall(call: String, code: Int32)

    var description: String {
        switch self {
        case .notInteractive:
            return "Watch mode needs an interactive terminal: stdin is not a TTY. "
                + "Use `\(CommandNaming.current.command("check"))` in scripts."
        case .sessionAlreadyActive:
            return "The terminal is already in watch mode in this process; end that session first."
        case .systemCall(let call, let code):
            return "Could not change the terminal's settings (\(call) failed with errno \(code)). "
                + "Use `\(CommandNaming.current.command("check"))` instead, or try another terminal."
        }
    }
}
