import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Puts the terminal into the key-at-a-time mode the watch screen needs (no line buffering, no echo,
/// Ctrl-C delivered as a key) and guarantees the learner gets their normal terminal back.
///
/// The original settings are restored by ``end()`` (call it, or use ``withRawMode(input:output:_:)``,
/// which calls it even when the body throws), by `deinit`, by `exit()`, and by SIGINT, SIGTERM and
/// SIGHUP (which then exit with 130, 143 and 129). Output processing is left on, so `\n` still starts
/// a new line. Only one session can be active per process.
final class TerminalSession: @unchecked Sendable {
    // @unchecked Sendable: its three `var` flags are guarded by `lock`; the rest is set in init.
    let input: Int32
    let output: Int32
    private let original: termios
    private let lock = NSLock()
    /// Becomes true only once raw mode is on, so a failed `init` never touches another session.
    private var isActive = false
    private var cursorHidden = false
    private var onAlternateScreen = false
    private let raw: termios

    /// Enters raw mode on `input`.
    /// - Parameter ctrlCIsKey: `true` (the default) turns off the terminal's signal keys, so Ctrl-C
    ///   arrives as ``Key/interrupt`` and the caller decides how to stop. `false` keeps them: Ctrl-C
    ///   then sends SIGINT, which restores the terminal and exits 130 even if the caller is busy.
    /// - Throws: ``TerminalError/notInteractive`` when `input` is not a terminal.
    init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, ctrlCIsKey: Bool = true)
        throws(TerminalError)
    {
        guard Terminal.isTerminal(input) else { throw .notInteractive }
        var settings = termios()
        guard tcgetattr(input, &settings) == 0 else { throw .systemCall(call: "tcgetattr", code: errno) }
        self.input = input
        self.output = output
        self.original = settings
        try TerminalRestorer.arm(input: input, output: output, settings: settings)
        var raw = Self.rawSettings(from: settings, ctrlCIsKey: ctrlCIsKey)
        self.raw = raw
        guard tcsetattr(input, TCSANOW, &raw) == 0 else {
            let code = errno
            TerminalRestorer.disarm()
            throw .systemCall(call: "tcsetattr", code: code)
        }
        isActive = true
    }

    deinit { end() }

    /// Runs `body` in raw mode and restores the terminal afterwards, whether `body` returns or throws.
    static func withRawMode<T>(
        input: Int32 = STDIN_FILENO,
        output: Int32 = STDOUT_FILENO,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (TerminalSession) async throws -> T
    ) async throws -> T {
        let session = try TerminalSession(input: input, output: output)
        defer { session.end() }
        return try await body(session)
    }

    /// Restores the original settings and shows the cursor again. Safe to call more than once.
    func end() {
        lock.lock()
        defer { lock.unlock() }
        guard isActive else { return }
        isActive = false
        var settings = original
        _ = tcsetattr(input, TCSANOW, &settings)
        if onAlternateScreen { Terminal.write(Terminal.leaveAlternateScreen, to: output) }
        if cursorHidden { Terminal.write(Terminal.showCursor, to: output) }
        TerminalRestorer.disarm()
    }

    /// Switches to the alternate screen (left again by `leaveAlternateScreen`, `end`, or a signal).
    func enterAlternateScreen() {
        lock.withLock {
            onAlternateScreen = true
            TerminalRestorer.setAlternateScreen(true)
            Terminal.write(Terminal.enterAlternateScreen, to: output)
        }
    }

    func leaveAlternateScreen() {
        lock.withLock {
            guard onAlternateScreen else { return }
            onAlternateScreen = false
            TerminalRestorer.setAlternateScreen(false)
            Terminal.write(Terminal.leaveAlternateScreen, to: output)
        }
    }

    /// Gives the terminal back in its original mode for a while (to a pager); ``resume()`` takes it
    /// again. The restorer stays armed, so a signal still restores everything.
    func suspend() {
        lock.withLock {
            guard isActive else { return }
            var settings = original
            _ = tcsetattr(input, TCSANOW, &settings)
            Terminal.write(Terminal.showCursor, to: output)
        }
    }

    func resume() {
        lock.withLock {
            guard isActive else { return }
            var settings = raw
            _ = tcsetattr(input, TCSANOW, &settings)
            if cursorHidden { Terminal.write(Terminal.hideCursor, to: output) }
        }
    }

    func hideCursor() {
        lock.lock()
        defer { lock.unlock() }
        cursorHidden = true
        Terminal.write(Terminal.hideCursor, to: output)
    }

    func showCursor() {
        lock.lock()
        defer { lock.unlock() }
        cursorHidden = false
        Terminal.write(Terminal.showCursor, to: output)
    }

    func clearScreen() {
        Terminal.write(Terminal.clearScreen, to: output)
    }

    /// Non-canonical (keys arrive one at a time), no echo, no Ctrl-S/Ctrl-Q flow control; reads
    /// return as soon as one byte is there.
    static func rawSettings(from settings: termios, ctrlCIsKey: Bool) -> termios {
        var raw = settings
        var localFlags = ICANON | ECHO | IEXTEN
        if ctrlCIsKey { localFlags |= ISIG }
        raw.c_lflag &= ~tcflag_t(localFlags)
        raw.c_iflag &= ~tcflag_t(IXON)
        withUnsafeMutableBytes(of: &raw.c_cc) { controlCharacters in
            controlCharacters[Int(VMIN)] = 1
            controlCharacters[Int(VTIME)] = 0
        }
        return raw
    }
}
