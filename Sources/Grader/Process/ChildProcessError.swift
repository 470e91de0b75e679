#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a child process could not be started, or why `ChildProcess.run` gave up on it.
public enum ChildProcessError: Error, Equatable, CustomStringConvertible {
    /// `posix_spawn` failed; `reason` is the system's wording ("No such file or directory").
    case couldNotStart(executable: String, reason: String)
    /// The requested working directory does not exist (checked before spawning, because the spawn
    /// itself would report it as a missing executable).
    case workingDirectoryNotFound(executable: String, directory: String)
    /// A pipe for the child's output could not be created (usually: too many open files).
    case couldNotCreatePipe(executable: String, reason: String)
    /// `ChildProcess.killAll()` has run: this process is shutting down and starts nothing new.
    case shuttingDown(executable: String)
    /// `ChildProcess.run` stopped the command because it ran longer than its timeout.
    case timedOut(command: String, timeout: Duration, output: CapturedOutput)

    public var description: String {
        switch self {
        case .couldNotStart(let executable, let reason):
            return Words(
                "Could not start \(executable): \(reason).",
                id: "\(executable) tidak bisa dijalankan: \(reason)."
            ).text
        case .workingDirectoryNotFound(let executable, let directory):
            return Words(
                "Could not start \(executable): its working directory \(directory) does not exist.",
                id: "\(executable) tidak bisa dijalankan: working directory-nya, \(directory), tidak ada."
            ).text
        case .couldNotCreatePipe(let executable, let reason):
            return Words(
                "Could not start \(executable): no pipe for its output (\(reason)). "
                    + "Close some programs and try again.",
                id: "\(executable) tidak bisa dijalankan: tidak ada pipe untuk output-nya (\(reason)). "
                    + "Tutup beberapa program, lalu coba lagi."
            ).text
        case .shuttingDown(let executable):
            return Words(
                "Did not start \(executable): Backendlings is shutting down.",
                id: "\(executable) tidak dijalankan: Backendlings sedang berhenti."
            ).text
        case .timedOut(let command, let timeout, _):
            return Words(
                "`\(command)` did not finish within \(timeout.spokenSeconds), so it was stopped.",
                id: "`\(command)` tidak selesai dalam \(timeout.spokenSeconds), jadi dihentikan."
            ).text
        }
    }

    /// The system's description of an `errno` value.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
