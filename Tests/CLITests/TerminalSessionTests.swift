// Linux only: uses Glibc directly (pseudo-terminals through dlsym, termios layout).
#if canImport(Glibc)
    import Glibc
    import Testing

    @testable import backendlings

    /// Sessions change process-wide state (signal handlers, one active session), so these run one at a time.
    @Suite(.serialized) struct TerminalSessionTests {
        private func isRaw(_ settings: termios) -> Bool {
            settings.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0
        }

        private func sameSettings(_ a: termios, _ b: termios) -> Bool {
            var a = a
            var b = b
            return withUnsafeBytes(of: &a) { x in withUnsafeBytes(of: &b) { y in x.elementsEqual(y) } }
        }

        @Test func nonTerminalInput_isRefused() throws {
            let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
            try #require(devNull >= 0)
            defer { close(devNull) }
            #expect(throws: TerminalError.notInteractive) {
                try TerminalSession(input: devNull, output: devNull)
            }
        }

        @Test func session_entersRawModeAndEndRestoresTheExactOriginal() throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let original = terminal.settings()
            #expect(!isRaw(original))
            let session = try TerminalSession(input: terminal.follower, output: terminal.follower)
            #expect(isRaw(terminal.settings()))
            session.end()
            #expect(sameSettings(terminal.settings(), original))
            session.end()
            #expect(sameSettings(terminal.settings(), original))
        }

        @Test func ctrlCIsKeyFalse_keepsSignalKeys() throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let session = try TerminalSession(
                input: terminal.follower, output: terminal.follower, ctrlCIsKey: false)
            defer { session.end() }
            let settings = terminal.settings()
            #expect(settings.c_lflag & tcflag_t(ISIG) != 0)
            #expect(settings.c_lflag & tcflag_t(ICANON | ECHO) == 0)
        }

        struct Boom: Error {}

        @Test func withRawMode_restoresTheTerminalWhenTheBodyThrows() async throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let original = terminal.settings()
            await #expect(throws: Boom.self) {
                try await TerminalSession.withRawMode(input: terminal.follower, output: terminal.follower) {
                    _ in
                    #expect(isRaw(terminal.settings()))
                    throw Boom()
                }
            }
            #expect(sameSettings(terminal.settings(), original))
        }

        @Test func droppingTheSession_restoresTheTerminal() throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let original = terminal.settings()
            do {
                let session = try TerminalSession(input: terminal.follower, output: terminal.follower)
                #expect(isRaw(terminal.settings()))
                _ = session
            }
            #expect(sameSettings(terminal.settings(), original))
        }

        @Test func secondSession_isRefusedUntilTheFirstEnds() throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let first = try TerminalSession(input: terminal.follower, output: terminal.follower)
            #expect(throws: TerminalError.sessionAlreadyActive) {
                try TerminalSession(input: terminal.follower, output: terminal.follower)
            }
            #expect(isRaw(terminal.settings()))  // the refused one did not undo the first
            first.end()
            let second = try TerminalSession(input: terminal.follower, output: terminal.follower)
            second.end()
        }

        @Test func hideCursor_isUndoneByEnd() throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            let session = try TerminalSession(input: terminal.follower, output: terminal.follower)
            session.hideCursor()
            session.end()
            #expect(terminal.readOutput(byteCount: 12) == "\u{1B}[?25l\u{1B}[?25h")
        }
    }
#endif
