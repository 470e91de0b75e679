import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to stdout and stderr, so messages and child output never come out of order.
enum Console {
    static func out(_ text: String) { Terminal.write(text, to: STDOUT_FILENO) }
    static func err(_ text: String) { Terminal.write(text, to: STDERR_FILENO) }

    /// Whether stdout is a terminal (then status lines may be redrawn in place).
    static var isInteractive: Bool { Terminal.isTerminal(STDOUT_FILENO) }
}
