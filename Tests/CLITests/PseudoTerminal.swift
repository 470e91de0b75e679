// Linux only: uses Glibc directly (pseudo-terminals through dlsym, termios layout).
#if canImport(Glibc)
    import Glibc

    /// A real pseudo-terminal pair for tests: the `follower` end is a TTY (isatty is true, termios works),
    /// and bytes written to the `leader` end arrive on it as if typed.
    ///
    /// posix_openpt, grantpt, unlockpt and ptsname are not exported by Swift's Glibc module, so they are
    /// looked up with dlsym. Both ends are opened with O_CLOEXEC and closed by ``close()``.
    struct PseudoTerminal {
        let leader: Int32
        let follower: Int32

        private typealias IntFunction = @convention(c) (Int32) -> Int32
        private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

        struct Unavailable: Error, CustomStringConvertible {
            var description: String
        }

        static func open() throws -> PseudoTerminal {
            let library = dlopen(nil, RTLD_NOW)
            guard let openSymbol = dlsym(library, "posix_openpt"),
                let grantSymbol = dlsym(library, "grantpt"),
                let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname")
            else { throw Unavailable(description: "the C library has no posix_openpt") }
            let openLeader = unsafeBitCast(openSymbol, to: IntFunction.self)
            let grant = unsafeBitCast(grantSymbol, to: IntFunction.self)
            let unlock = unsafeBitCast(unlockSymbol, to: IntFunction.self)
            let name = unsafeBitCast(nameSymbol, to: NameFunction.self)

            let leader = openLeader(O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard leader >= 0 else { throw Unavailable(description: "posix_openpt failed, errno \(errno)") }
            guard grant(leader) == 0, unlock(leader) == 0, let path = name(leader) else {
                Glibc.close(leader)
                throw Unavailable(description: "grantpt/unlockpt/ptsname failed, errno \(errno)")
            }
            let follower = Glibc.open(path, O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard follower >= 0 else {
                Glibc.close(leader)
                throw Unavailable(description: "opening \(String(cString: path)) failed, errno \(errno)")
            }
            return PseudoTerminal(leader: leader, follower: follower)
        }

        /// Types `bytes` on the terminal.
        func type(_ bytes: [UInt8]) {
            _ = bytes.withUnsafeBytes { Glibc.write(leader, $0.baseAddress, $0.count) }
        }

        /// What the program wrote to the terminal: reads until `byteCount` bytes arrived or 5 s passed.
        func readOutput(byteCount: Int) -> String {
            var output: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 256)
            while output.count < byteCount {
                var poller = pollfd(fd: leader, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 5000) > 0 else { break }
                let count = buffer.withUnsafeMutableBytes { Glibc.read(leader, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                output += buffer[0..<count]
            }
            return String(decoding: output, as: UTF8.self)
        }

        /// Sets the window size the program reads with TIOCGWINSZ.
        func setSize(columns: Int, rows: Int) {
            var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
            _ = ioctl(leader, UInt(TIOCSWINSZ), &size)
        }

        func settings() -> termios {
            var settings = termios()
            _ = tcgetattr(follower, &settings)
            return settings
        }

        func close() {
            Glibc.close(follower)
            Glibc.close(leader)
        }
    }

    /// Collects an async sequence's elements until `count` arrived or `timeout` passed.
    func collect<S: AsyncSequence & Sendable>(
        _ sequence: S, count: Int, timeout: Duration = .seconds(10)
    ) async -> [S.Element] where S.Element: Sendable {
        await withTaskGroup(of: [S.Element]?.self) { group in
            group.addTask {
                var items: [S.Element] = []
                do {
                    for try await item in sequence {
                        items.append(item)
                        if items.count == count { break }
                    }
                } catch {}
                return items
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            var result: [S.Element] = []
            for await outcome in group {
                if let outcome {
                    result = outcome
                    group.cancelAll()
                    break
                }
            }
            group.cancelAll()
            return result
        }
    }
#endif
