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
    /// What it usually means, without the "a crash:" prefix, in `Language.current`; `nil` when there
    /// is nothing useful to say.
    public let explanation: String?
    /// `true` when the program ended itself by crashing rather than being sent the signal.
    public let isCrash: Bool

    public init(_ number: Int32) {
        self.number = number
        let entry = Self.table[number]
        self.name = entry?.name ?? "\(number)"
        self.explanation = entry?.explanation?.text
        self.isCrash = entry?.isCrash ?? false
    }

    private static let swiftRuntimeError = Words(
        "a Swift runtime error such as a force-unwrapped nil, an index out of range or a failed precondition",
        id:
            "runtime error Swift, misalnya force-unwrap nilai nil, index di luar jangkauan, atau precondition "
            + "yang gagal")

    private static let table: [Int32: (name: String, explanation: Words?, isCrash: Bool)] = [
        SIGHUP: (
            "SIGHUP",
            Words(
                "the terminal it was attached to went away", id: "terminal tempat ia berjalan sudah ditutup"),
            false
        ),
        SIGINT: (
            "SIGINT",
            Words("it was interrupted, as with Ctrl-C", id: "ia diinterupsi, seperti dengan Ctrl-C"), false
        ),
        SIGQUIT: (
            "SIGQUIT",
            Words("it was asked to quit, as with Ctrl-\\", id: "ia diminta keluar, seperti dengan Ctrl-\\"),
            false
        ),
        SIGILL: ("SIGILL", swiftRuntimeError, true),
        SIGTRAP: ("SIGTRAP", swiftRuntimeError, true),
        SIGABRT: ("SIGABRT", swiftRuntimeError, true),
        SIGBUS: (
            "SIGBUS",
            Words(
                "the program read or wrote memory that is not really there",
                id: "program membaca atau menulis memori yang sebenarnya tidak ada"),
            true
        ),
        SIGFPE: (
            "SIGFPE",
            Words(
                "an arithmetic error such as an integer division by zero",
                id: "error aritmetika, misalnya pembagian bilangan bulat dengan nol"),
            true
        ),
        SIGKILL: (
            "SIGKILL",
            Words(
                "it was stopped by force: by the grader, by the system when memory ran out, or by someone else",
                id: "ia dihentikan paksa: oleh grader, oleh sistem saat memori habis, atau oleh orang lain"),
            false
        ),
        SIGUSR1: ("SIGUSR1", nil, false),
        SIGSEGV: (
            "SIGSEGV",
            Words(
                "the program read or wrote memory it does not own",
                id: "program membaca atau menulis memori yang bukan miliknya"),
            true
        ),
        SIGUSR2: ("SIGUSR2", nil, false),
        SIGPIPE: (
            "SIGPIPE",
            Words(
                "it wrote to a pipe or connection whose other end was already closed",
                id: "ia menulis ke pipe atau koneksi yang ujung satunya sudah ditutup"),
            false
        ),
        SIGALRM: ("SIGALRM", nil, false),
        SIGTERM: ("SIGTERM", Words("it was asked to stop", id: "ia diminta berhenti"), false),
        SIGXCPU: (
            "SIGXCPU",
            Words(
                "it used more processor time than it was allowed",
                id: "ia memakai waktu prosesor lebih dari yang diizinkan"),
            false
        ),
        SIGXFSZ: (
            "SIGXFSZ",
            Words(
                "it wrote a file larger than it was allowed",
                id: "ia menulis file yang lebih besar dari batasnya"),
            false
        ),
        SIGSYS: (
            "SIGSYS",
            Words(
                "the program made a system call that is not allowed",
                id: "program melakukan system call yang tidak diizinkan"),
            true
        ),
    ]
}
