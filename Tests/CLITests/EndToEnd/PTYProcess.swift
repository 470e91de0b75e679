#if canImport(Glibc)
    import Foundation
    import Glibc

    /// Runs a program with a pseudo-terminal as its stdin, stdout and stderr, the way a person's
    /// terminal would, and records everything it draws. For driving watch mode from a test.
    final class PTYProcess: @unchecked Sendable {
        // @unchecked Sendable: `screen` and `reader` are guarded by `lock`; the `let`s are set in init.
        let pid: pid_t
        private let terminal: PseudoTerminal
        private let lock = NSLock()
        private var screen = ""
        private var reader: Thread?

        /// `language` is set as `BACKENDLINGS_LANG` (English by default, so the first-run language
        /// question never waits for a key); `nil` leaves `environment` as it is, for tests of the
        /// question itself.
        init(
            _ executable: String, _ arguments: [String], environment: [String: String],
            columns: Int = 80, rows: Int = 24, language: String? = "en"
        ) throws {
            var environment = environment
            if let language { environment["BACKENDLINGS_LANG"] = language }
            terminal = try PseudoTerminal.open()
            terminal.setSize(columns: columns, rows: rows)
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
                posix_spawn_file_actions_adddup2(&actions, terminal.follower, target)
            }
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
            posix_spawnattr_setpgroup(&attributes, 0)
            let argv = ([executable] + arguments).map { strdup($0) } + [nil]
            let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer {
                for pointer in argv { free(pointer) }
                for pointer in envp { free(pointer) }
            }
            var child: pid_t = 0
            let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
            guard status == 0 else {
                throw PseudoTerminal.Unavailable(description: "posix_spawn failed: \(status)")
            }
            pid = child
            let leader = terminal.leader
            let thread = Thread { [weak self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let count = buffer.withUnsafeMutableBytes { Glibc.read(leader, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    guard let self else { break }
                    self.lock.withLock { self.screen += String(decoding: buffer[0..<count], as: UTF8.self) }
                }
            }
            thread.start()
            reader = thread
        }

        deinit {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            terminal.close()
        }

        /// Everything the program has written so far, escape sequences included.
        var output: String { lock.withLock { screen } }

        func type(_ text: String) { terminal.type(Array(text.utf8)) }

        /// Resizes the terminal and tells the program, as a terminal window does.
        func resize(columns: Int, rows: Int) {
            terminal.setSize(columns: columns, rows: rows)
            kill(pid, SIGWINCH)
        }

        /// The last complete frame the watch screen drew, one string per screen row, escape
        /// sequences removed. Frames start at the top-left corner (`ESC [ H`), end each row with
        /// "clear to end of line" and end with "clear below" (`ESC [ J`).
        var lastFrame: [String]? {
            let text = output
            guard let end = text.range(of: "\u{1B}[J", options: .backwards),
                let start = text.range(
                    of: "\u{1B}[H", options: .backwards, range: text.startIndex..<end.lowerBound)
            else { return nil }
            return text[start.upperBound..<end.lowerBound].components(separatedBy: "\u{1B}[K\r\n").map {
                PTYProcess.plain(String($0.replacingOccurrences(of: "\u{1B}[K", with: "")))
            }
        }

        /// `text` without escape sequences.
        static func plain(_ text: String) -> String {
            var result = ""
            var escape = 0  // 0 text, 1 after ESC, 2 inside CSI
            for scalar in text.unicodeScalars {
                switch escape {
                case 1: escape = scalar == "[" ? 2 : 0
                case 2: if (0x40...0x7E).contains(scalar.value) { escape = 0 }
                default:
                    if scalar == "\u{1B}" { escape = 1 } else { result.unicodeScalars.append(scalar) }
                }
            }
            return result
        }

        /// The terminal's current settings, as the program left them.
        var terminalSettings: termios { terminal.settings() }

        /// Waits for the program to exit; its exit status, or nil after `timeout`.
        func waitForExit(timeout: Duration) -> Int32? {
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                }
                usleep(20_000)
            }
            return nil
        }
    }
#endif
