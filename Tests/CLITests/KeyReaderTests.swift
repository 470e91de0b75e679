// Linux only: uses Glibc directly (pseudo-terminals through dlsym, termios layout).
#if canImport(Glibc)
    import Glibc
    import Testing

    @testable import backendlings
    import Runner

    @Suite struct KeyReaderTests {
        /// A pipe whose ends are closed on exec (Glibc's module does not export pipe2).
        private func makePipe() throws -> [Int32] {
            var fds: [Int32] = [0, 0]
            try #require(pipe(&fds) == 0)
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return fds
        }

        @Test func pipeInsteadOfTerminal_isRefusedWithAnExplanation() throws {
            let fds = try makePipe()
            defer {
                close(fds[0])
                close(fds[1])
            }
            #expect(throws: TerminalError.notInteractive) { try KeyReader(fileDescriptor: fds[0]) }
            #expect(
                TerminalError.notInteractive.description
                    == "Watch mode needs an interactive terminal: stdin is not a TTY. "
                    + "Use `\(CommandNaming.current.command("check"))` in scripts."
            )
        }

        @Test func thousandKeysInUnevenChunks_arriveInOrderExactlyOnce() async throws {
            let fds = try makePipe()
            defer { close(fds[0]) }
            let reader = try KeyReader(fileDescriptor: fds[0], requiresTerminal: false)
            let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
            let bytes = (0..<1000).map { letters[$0 % letters.count] }
            var offset = 0
            var chunk = 1
            while offset < bytes.count {
                let end = min(bytes.count, offset + chunk)
                _ = Array(bytes[offset..<end]).withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
                offset = end
                chunk = chunk % 7 + 1
            }
            close(fds[1])  // end of input finishes the stream
            let keys = await collect(reader.keys, count: 1001)
            #expect(keys == bytes.map { Key.character(Character(Unicode.Scalar($0))) })
            reader.stop()
        }

        @Test func terminalKeys_decodeCtrlCAndSwallowArrows() async throws {
            let terminal = try PseudoTerminal.open()
            defer { terminal.close() }
            // Raw settings applied directly: a TerminalSession is process-wide and other suites use one.
            var raw = TerminalSession.rawSettings(from: terminal.settings(), ctrlCIsKey: true)
            try #require(tcsetattr(terminal.follower, TCSANOW, &raw) == 0)
            let reader = try KeyReader(fileDescriptor: terminal.follower)
            terminal.type(Array("h".utf8) + [0x1B, 0x5B, 0x41] + Array("n".utf8) + [3])
            let keys = await collect(reader.keys, count: 4)
            #expect(keys == [.character("h"), .other, .character("n"), .interrupt])
            reader.stop()
        }

        @Test func stop_finishesTheStreamAndCanBeCalledTwice() async throws {
            let fds = try makePipe()
            defer {
                close(fds[0])
                close(fds[1])
            }
            let reader = try KeyReader(fileDescriptor: fds[0], requiresTerminal: false)
            reader.stop()
            reader.stop()
            let keys = await collect(reader.keys, count: 1)
            #expect(keys.isEmpty)
        }
    }
#endif
