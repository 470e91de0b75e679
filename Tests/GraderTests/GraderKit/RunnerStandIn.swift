#if os(Linux)
    import Foundation

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// A stand-in for `backendlings check`: `sh` starting the grader and waiting for it, spawned
    /// directly (not as a `ChildProcess`, whose cleanup would hide what a real kill leaves behind).
    /// Like the real runner it names itself in `BACKENDLINGS_PARENT_PID`, so the grader knows whom
    /// to outlive even when that parent dies before the grader looked.
    enum RunnerStandIn {
        /// How a kill of the runner went.
        struct Kill: Sendable {
            /// Whether the awaited process was seen in the awaited state (else the runner was killed
            /// at the deadline).
            var sawProcess: Bool
            /// The graders that were running at the kill: they are re-parented to this (subreaper)
            /// test process, which must reap them.
            var graders: [Int32]
            var instant: ContinuousClock.Instant
        }

        /// How long the grader may take to get its server to the awaited state.
        static let deadline: Duration = .seconds(60)
        static let pollInterval: UInt32 = 20_000  // microseconds

        static func start(grader: String, server: String, environment: [String: String]) throws -> pid_t {
            let script =
                "\(ChildProcess.parentVariable)=$$ \"$0\" --exercise fixture --server \"$1\" --format json"
                + " > /dev/null; echo finished"
            let words = ["/bin/sh", "-c", script, grader, server]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            var merged = ProcessInfo.processInfo.environment
            for (name, value) in environment { merged[name] = value }
            let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for pointer in argv + envp { free(pointer) } }
            var pid: pid_t = 0
            guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, envp) == 0 else {
                throw GraderFixture.FixtureMissing()
            }
            return pid
        }

        /// SIGKILLs `runner` (and reaps it) the moment a marked process called `name` is there and
        /// `isReady` holds for it, or at the deadline. The watch runs on a thread of its own, not on
        /// the cooperative pool: in a full test run other tests' blocking work can hold every pool
        /// thread for seconds, longer than the grader waits on a server that cannot answer.
        static func kill(
            _ runner: pid_t,
            once name: String,
            marked mark: ProcessTestMark,
            isReady: @escaping @Sendable (Int32) -> Bool = { _ in true }
        ) async -> Kill {
            await ChildProcess.onOwnThread {
                let end = ContinuousClock.now + deadline
                var seen = false
                while !seen && ContinuousClock.now < end {
                    seen = processes(named: name, marked: mark).contains(where: isReady)
                    if !seen { usleep(pollInterval) }
                }
                let graders = processes(named: "fixture-grader", marked: mark)
                let instant = ContinuousClock.now
                Glibc.kill(runner, SIGKILL)
                var status: Int32 = 0
                _ = waitpid(runner, &status, 0)
                return Kill(sawProcess: seen, graders: graders, instant: instant)
            }
        }

        /// Marked processes whose command name is `name`.
        static func processes(named name: String, marked mark: ProcessTestMark) -> [Int32] {
            ProcessLeftovers.processes(marked: mark).filter { pid in
                let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
                return comm.trimmingCharacters(in: .whitespacesAndNewlines) == String(name.prefix(15))
            }
        }

        /// Reaps any of `pids` that were re-parented to this (subreaper) test process and exited.
        static func reap(_ pids: [Int32]) {
            for pid in pids {
                var status: Int32 = 0
                _ = waitpid(pid, &status, WNOHANG)
            }
        }
    }
#endif
