#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The name of a signal and what it usually means when it ends a program, in words a learner who has
/// never heard of signals can act on.
public struct SignalInfo: Sendable, Equatable {
    /// The signal number, as passed to `kill`.
    public let number: Int32
    /// "SIGSEGV", or just the number ("42") for a signal without a name here.
    public let name: String
    /// What it usually means, without the "a crash:" prefix; `nil` when there is nothing useful to say.
    public let explanation: String?
    /// `true` when the program ended itself by crashing rather than being sent the signal.
    public let isCrash: Bool

    public init(_ number: Int32) {
        self.number = number
        let entry = Self.table[number]
        self.name = entry?.name ?? "\(number)"
        self.explanation = entry?.explanation
        self.isCrash = entry?.isCrash ?? false
    }

    private static let swiftRuntimeError =
        "a Swift runtime error such as a force-unwrapped nil, an index out of range or a failed precondition"

    private static let table: [Int32: (name: String, explanation: String?, isCrash: Bool)] = [
        SIGHUP: ("SIGHUP", "the terminal it was attached to went away", false),
        SIGINT: ("SIGINT", "it was interrupted, as with Ctrl-C", false),
        SIGQUIT: ("SIGQUIT", "it was asked to quit, as with Ctrl-\\", false),
        SIGILL: ("SIGILL", swiftRuntimeError, true),
        SIGTRAP: ("SIGTRAP", swiftRuntimeError, true),
        SIGABRT: ("SIGABRT", swiftRuntimeError, true),
        SIGBUS: ("SIGBUS", "the program read or wrote memory that is not really there", true),
        SIGFPE: ("SIGFPE", "an arithmetic error such as an integer division by zero", true),
        SIGKILL: (
            "SIGKILL",
            "it was stopped by force: by the grader, by the system when memory ran out, or by someone else",
            false
        ),
        SIGUSR1: ("SIGUSR1", nil, false),
        SIGSEGV: ("SIGSEGV", "the program read or wrote memory it does not own", true),
        SIGUSR2: ("SIGUSR2", nil, false),
        SIGPIPE: ("SIGPIPE", "it wrote to a pipe or connection whose other end was already closed", false),
        SIGALRM: ("SIGALRM", nil, false),
        SIGTERM: ("SIGTERM", "it was asked to stop", false),
        SIGXCPU: ("SIGXCPU", "it used more processor time than it was allowed", false),
        SIGXFSZ: ("SIGXFSZ", "it wrote a file larger than it was allowed", false),
        SIGSYS: ("SIGSYS", "the program made a system call that is not allowed", true),
    ]
}
