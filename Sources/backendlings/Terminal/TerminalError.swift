import Grader
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
        let check = CommandNaming.current.command("check")
        switch self {
        case .notInteractive:
            return Words(
                "Watch mode needs an interactive terminal: stdin is not a TTY. Use `\(check)` in scripts.",
                id: "Mode watch butuh terminal interaktif: stdin bukan TTY. Pakai `\(check)` di skrip."
            ).text
        case .sessionAlreadyActive:
            return Words(
                "The terminal is already in watch mode in this process; end that session first.",
                id: "Terminal ini sudah dalam mode watch di proses ini; akhiri sesi itu dulu."
            ).text
        case .systemCall(let call, let code):
            return Words(
                "Could not change the terminal's settings (\(call) failed with errno \(code)). Use `\(check)` instead, or try another terminal.",
                id:
                    "Pengaturan terminal tidak bisa diubah (\(call) gagal dengan errno \(code)). Pakai `\(check)` saja, atau coba terminal lain."
            ).text
        }
    }
}
