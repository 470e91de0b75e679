import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process-wide record of the terminal settings to put back, and the handlers that put them back
/// when the process is stopped by SIGINT, SIGTERM or SIGHUP, or exits through `exit()`.
///
/// Signal handlers may only call async-signal-safe functions, so the record lives in memory allocated
/// once and never freed, and the handler does nothing but `tcsetattr`, `write` and `_exit` (no Swift
/// allocation, no locks, no reference counting). There is one record per process, so only one
/// ``TerminalSession`` can be active at a time.
enum TerminalRestorer {
    private struct Record {
        var armed: Int32
        var input: Int32
        /// Where to write "show cursor"; -1 when that is not a terminal.
        var output: Int32
        /// 1 while the alternate screen is in use: restoring then leaves it too.
        var alternateScreen: Int32
        var settings: termios
    }

    /// The signals after which the terminal is restored and the process exits with 128 + signal.
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    nonisolated(unsafe) private static let record: UnsafeMutablePointer<Record> = {
        let pointer = UnsafeMutablePointer<Record>.allocate(capacity: 1)
        pointer.initialize(
            to: Record(armed: 0, input: -1, output: -1, alternateScreen: 0, settings: termios()))
        return pointer
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var previousActions: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var exitHandlerInstalled = false

    /// Remembers `settings` as what `input` must be put back to, and installs the signal handlers.
    static func arm(input: Int32, output: Int32, settings: termios) throws(TerminalError) {
        lock.lock()
        defer { lock.unlock() }
        let record = Self.record  // initialised here, before any handler can run
        guard record.pointee.armed == 0 else { throw .sessionAlreadyActive }
        record.pointee.input = input
        record.pointee.output = Terminal.isTerminal(output) ? output : -1
        record.pointee.settings = settings
        record.pointee.alternateScreen = 0
        record.pointee.armed = 1
        for signal in handledSignals {
            var action = sigaction()
            setHandler(&action, restoreAndExit)
            sigfillset(&action.sa_mask)
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[signal] = previous
        }
        if !exitHandlerInstalled {
            exitHandlerInstalled = true
            atexit { TerminalRestorer.restoreIfArmed() }
        }
    }

    /// Forgets the record and puts back whatever signal handlers were there before ``arm``.
    static func disarm() {
        lock.lock()
        defer { lock.unlock() }
        record.pointee.armed = 0
        for (signal, var previous) in previousActions {
            sigaction(signal, &previous, nil)
        }
        previousActions.removeAll()
    }

    /// Records whether the alternate screen is in use, so a signal leaves it too.
    static func setAlternateScreen(_ on: Bool) {
        record.pointee.alternateScreen = on ? 1 : 0
    }

    /// Puts the terminal back and shows the cursor, if a session is active. Async-signal-safe.
    static func restoreIfArmed() {
        let record = Self.record
        guard record.pointee.armed != 0 else { return }
        _ = tcsetattr(record.pointee.input, TCSANOW, &record.pointee.settings)
        if record.pointee.output >= 0 {
            if record.pointee.alternateScreen != 0 {
                let leave: StaticString = "\u{1B}[?1049l"
                _ = systemWrite(record.pointee.output, leave.utf8Start, leave.utf8CodeUnitCount)
            }
            let showCursor: StaticString = "\u{1B}[?25h"
            _ = systemWrite(record.pointee.output, showCursor.utf8Start, showCursor.utf8CodeUnitCount)
        }
    }

    private static let restoreAndExit: @convention(c) (Int32) -> Void = { signal in
        TerminalRestorer.restoreIfArmed()
        _exit(128 + signal)
    }

    private static func setHandler(_ action: inout sigaction, _ handler: @convention(c) (Int32) -> Void) {
        #if os(Linux)
            action.__sigaction_handler.sa_handler = handler
        #else
            action.__sigaction_u.__sa_handler = handler
        #endif
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    private let systemWrite = Darwin.write
#endif
