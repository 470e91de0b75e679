#if os(Linux)
    import Glibc

    /// What the fixture does, chosen by its first argument.
    enum Mode: String, CaseIterable {
        /// A tiny correct server: `GET /hello` answers 200 `hello`; SIGTERM exits 0 as the contract asks.
        case ok
        /// Prints a line to stderr and exits with status 3 before listening.
        case exitAtOnce = "exit-at-once"
        /// Prints one line that is not the listening line, then sleeps forever.
        case neverListen = "never-listen"
        /// Listens and accepts connections but never answers.
        case hangOnRequest = "hang-on-request"
        /// Sends half a response, then calls abort() (SIGABRT).
        case crashMidResponse = "crash-mid-response"
        /// Writes exactly 50 MiB of lines to stdout, then serves like `ok`.
        case floodOutput = "flood-output"
        /// Starts itself as `sigterm-ignoring-child` (which ignores SIGTERM and moves to a process group
        /// of its own, so only the run-id sweep can find it), then serves like `ok`.
        case forkIgnoresSigterm = "fork-ignores-sigterm"
        /// The child of `fork-ignores-sigterm`.
        case sigtermIgnoringChild = "sigterm-ignoring-child"
        /// Listens, then allocates and touches memory without end.
        case allocUnbounded = "alloc-unbounded"
        /// Answers every request with random bytes that are not HTTP.
        case garbage
        /// Sleeps 2 seconds, then serves like `ok`.
        case slowStart = "slow-start"
        /// Serves like `ok` but ignores SIGTERM.
        case ignoresSigterm = "ignores-sigterm"
        /// Listens, but prints `Listening on http://127.0.0.1:0` instead of its real port.
        case announcePortZero = "announce-port-zero"
        /// Listens on one port and announces another, on which nothing listens (it is bound, not
        /// listening, so connecting to it is refused at once).
        case announceWrongPort = "announce-wrong-port"
        /// Prints its listening line, then stops itself with SIGSTOP; serves like `ok` if continued.
        case stopAfterListening = "stop-after-listening"
        /// Prints its listening line, opens files until it has no descriptor left, then serves: every
        /// accept fails with EMFILE, so connections wait unanswered.
        case exhaustDescriptors = "exhaust-descriptors"

        /// The environment variable that names the mode when there is no argument (a grader passes
        /// none to its server).
        static let variable = "GRADER_FIXTURE_MODE"
        /// `GET /hello` answers like `ok`; any other request force-unwraps nil (SIGILL, Swift's
        /// "Fatal error" and backtrace), as a learner's handler might.
        case trapOnRequest = "trap-on-request"
        /// Throws an error from top-level code before listening ("Error raised at top level").
        case throwAtStart = "throw-at-start"
        /// Serves like `ok`, and every `GET /leak` opens /dev/null and never closes it, as a handler
        /// that forgets a file on an error path does.
        case leakOnRequest = "leak-on-request"
        /// Not a server: prints its other arguments and REPORT_VALUE, then exits with the status its
        /// second argument names (0 without one), as a learner's program in a test mode would.
        case reportAndExit = "report-and-exit"

        /// Bytes `flood-output` writes before its listening line: far more than the rest of a
        /// parallel test run allocates meanwhile, so keeping them would show in the grader's memory.
        static let floodBytes = 200 * 1024 * 1024

        func run() -> Never {
            switch self {
            case .ok:
                signal(SIGTERM) { _ in _exit(0) }
                FixtureServer.listen().serve(.hello)
            case .exitAtOnce:
                writeLine("grader-fixture: exit-at-once is exiting with status 3", to: 2)
                exit(3)
            case .neverListen:
                writeLine("grader-fixture: starting up, but I will never listen", to: 1)
                sleepForever()
            case .hangOnRequest:
                FixtureServer.listen().serve(.hang)
            case .crashMidResponse:
                FixtureServer.listen().serve(.crash)
            case .floodOutput:
                flood(bytes: Self.floodBytes)
                FixtureServer.listen().serve(.hello)
            case .forkIgnoresSigterm:
                startSigtermIgnoringChild()
                FixtureServer.listen().serve(.hello)
            case .sigtermIgnoringChild:
                signal(SIGTERM, SIG_IGN)
                setpgid(0, 0)
                var ready: UInt8 = 1
                _ = write(3, &ready, 1)
                close(3)
                sleepForever()
            case .allocUnbounded:
                _ = FixtureServer.listen()
                allocateForever()
            case .garbage:
                FixtureServer.listen().serve(.garbage)
            case .slowStart:
                sleep(2)
                FixtureServer.listen().serve(.hello)
            case .ignoresSigterm:
                signal(SIGTERM, SIG_IGN)
                FixtureServer.listen().serve(.hello)
            case .announcePortZero:
                signal(SIGTERM) { _ in _exit(0) }
                FixtureServer.listen(announcing: { _ in 0 }).serve(.hello)
            case .announceWrongPort:
                signal(SIGTERM) { _ in _exit(0) }
                let elsewhere = FixtureServer.reservePort()
                FixtureServer.listen(announcing: { _ in elsewhere }).serve(.hello)
            case .stopAfterListening:
                signal(SIGTERM) { _ in _exit(0) }
                let server = FixtureServer.listen()
                raise(SIGSTOP)
                server.serve(.hello)
            case .exhaustDescriptors:
                signal(SIGTERM) { _ in _exit(0) }
                let server = FixtureServer.listen()
                useUpDescriptors()
                server.serve(.hello)
            case .trapOnRequest:
                FixtureServer.listen().serve(.trap)
            case .throwAtStart:
                sleepForever()  // main.swift throws before it gets here
            case .leakOnRequest:
                signal(SIGTERM) { _ in _exit(0) }
                FixtureServer.listen().serve(.leak)
            case .reportAndExit:
                let rest = CommandLine.arguments.dropFirst(2)
                let value = getenv("REPORT_VALUE").map { String(cString: $0) } ?? "unset"
                writeLine("arguments: \(rest.joined(separator: " ")); REPORT_VALUE=\(value)", to: 1)
                exit(rest.first.flatMap { Int32($0) } ?? 0)
            }
        }
    }
#endif
