#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, as `waitpid` reported it.
///
/// Learners read this in reports, so `description` names the signal and says in plain words what it
/// usually means ("killed by signal SIGSEGV (a crash: …)") instead of printing a bare number.
public enum ExitStatus: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The program called `exit` (or returned from `main`) with this status.
    case exited(Int32)
    /// The program was ended by this signal (for example 11 for SIGSEGV, 9 for SIGKILL).
    case signaled(Int32)

    /// `true` only for `.exited(0)`.
    public var isSuccess: Bool { self == .exited(0) }

    /// `true` when the program was ended by a signal that means it crashed (SIGSEGV, SIGILL, …),
    /// as opposed to one it was sent (SIGTERM, SIGKILL).
    public var isCrash: Bool {
        if case .signaled(let number) = self { return SignalInfo(number).isCrash }
        return false
    }

    /// "exited with status 3", or "killed by signal SIGSEGV (a crash: the program read or wrote memory
    /// it does not own)".
    public var description: String {
        switch self {
        case .exited(let code):
            return Words("exited with status \(code)", id: "keluar dengan status \(code)").text
        case .signaled(let number):
            let signal = SignalInfo(number)
            let killed = Words("killed by signal \(signal.name)", id: "dimatikan oleh signal \(signal.name)")
                .text
            guard let explanation = signal.explanation else { return killed }
            let crash = signal.isCrash ? Words("a crash: ", id: "crash: ").text : ""
            return killed + " (\(crash)\(explanation))"
        }
    }

    /// Decodes the `status` word filled in by `waitpid` (the `WIFEXITED`/`WTERMSIG` macros, which
    /// Swift cannot import).
    init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self = .exited((status >> 8) & 0xff)
        } else {
            self = .signaled(signal)
        }
    }
}
