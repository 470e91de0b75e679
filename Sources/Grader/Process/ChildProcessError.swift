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
            return "Could not start \(executable): \(reason)."
        case .workingDirectoryNotFound(let executable, let directory):
            return "Could not start \(executable): its working directory \(directory) does not exist."
        case .couldNotCreatePipe(let executable, let reason):
            return "Could not start \(executable): no pipe for its output (\(reason)). "
                + "Close some programs and try again."
        case .shuttingDown(let executable):
            return "Did not start \(executable): Backendlings is shutting down."
        case .timedOut(let command, let timeout, _):
            return "`\(command)` did not finish within \(timeout.spokenSeconds), so it was stopped."
        }
    }

    /// The system's description of an `errno` value.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
