#if os(Linux)
    import Foundation
    import Synchronization
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Where the `grader-fixture` executable is: next to the test bundle (`.build/debug/`), which SwiftPM
    /// builds first because the test target depends on it.
    enum GraderFixture {
        static var path: String {
            get throws {
                let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                var directory = bundle.deletingLastPathComponent()
                for _ in 0..<4 {
                    let candidate = directory.appendingPathComponent("grader-fixture").path
                    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                    directory = directory.deletingLastPathComponent()
                }
                throw FixtureMissing()
            }
        }

        struct FixtureMissing: Error, CustomStringConvertible {
            var description: String { "grader-fixture was not found next to \(CommandLine.arguments[0])" }
        }

        /// A configuration for one fixture mode, marked with a variable unique to the test so that
        /// `ProcessLeftovers` can find every process the test started, whatever group it moved to.
        static func server(
            _ mode: String,
            mark: ProcessTestMark,
            readinessTimeout: Duration = .seconds(10),
            limits: ProcessLimits = .learnerServer
        ) throws -> LearnerServer.Configuration {
            LearnerServer.Configuration(
                executable: try path,
                arguments: [mode],
                databasePath: mark.directory + "/app.sqlite",
                environment: .inherit(adding: mark.environment),
                readinessTimeout: readinessTimeout,
                limits: limits
            )
        }
    }

    /// A unique environment variable (and a temp folder) for one test. Call `finish()` at the end.
    struct ProcessTestMark {
        static let variable = "GRADER_TEST_MARK"
        let value = UUID().uuidString
        let directory: String

        init() {
            directory = NSTemporaryDirectory() + "grader-process-" + value
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        var environment: [String: String] { [Self.variable: value] }

        /// Shell commands that start `sleep 100` in a session (and process group) of its own and
        /// return only once it is there, so only a sweep by environment can find it.
        var escapedSleeper: String {
            let flag = directory + "/escaped"
            return
                "setsid sh -c 'touch \(flag); exec sleep 100' & while [ ! -e \(flag) ]; do sleep 0.01; done;"
        }

        func finish() {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    /// Scans /proc on its own (not with the code under test) for processes a test left behind.
    enum ProcessLeftovers {
        /// Processes (zombies included) that carry `mark` in their environment or are in `group`.
        static func processes(marked mark: ProcessTestMark, group: Int32? = nil) -> [Int32] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            let needle = Array("\(ProcessTestMark.variable)=\(mark.value)".utf8)
            return names.compactMap(Int32.init).filter { pid in
                guard pid != getpid() else { return false }
                if let group, processGroup(of: pid) == group { return true }
                let environ = URL(fileURLWithPath: "/proc/\(pid)/environ")
                guard let environment = try? Data(contentsOf: environ) else { return false }
                return environment.split(separator: 0).contains { Array($0) == needle }
            }
        }

        /// Waits up to `timeout` for every such process to be gone; returns what is left.
        static func awaitNone(
            marked mark: ProcessTestMark,
            group: Int32? = nil,
            timeout: Duration = .seconds(5)
        ) async -> [Int32] {
            let end = ContinuousClock.now + timeout
            while true {
                let left = processes(marked: mark, group: group)
                if left.isEmpty || ContinuousClock.now >= end { return left }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }

        /// The resident memory of this test process, in bytes.
        static func residentBytesOfThisProcess() -> Int {
            guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else {
                return 0
            }
            let fields = statm.split(separator: " ")
            return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
        }

        /// The state letter of `pid` in /proc (`T`: stopped by a signal), `nil` once it is gone.
        static func state(of pid: Int32) -> String? {
            statFields(of: pid).first.map(String.init)
        }

        /// What the open descriptors of `pid` point at (`socket:[…]`, a path, …).
        static func descriptors(of pid: Int32) -> [String] {
            let directory = "/proc/\(pid)/fd"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            return names.compactMap {
                try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + $0)
            }
        }

        private static func processGroup(of pid: Int32) -> Int32? {
            let fields = statFields(of: pid)
            return fields.count > 2 ? Int32(fields[2]) : nil
        }

        /// The fields of /proc/<pid>/stat after the command name: state, parent, group, ...
        private static func statFields(of pid: Int32) -> [Substring] {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return [] }
            return stat[stat.index(after: close)...].split(separator: " ")
        }
    }

    /// Collects lines from the monitor thread for a test to read.
    final class OutputLineRecorder: Sendable {
        private let lines = Mutex<[OutputLine]>([])

        func record(_ line: OutputLine) { lines.withLock { $0.append(line) } }

        var all: [OutputLine] { lines.withLock { $0 } }
    }

    enum ProcessPolling {
        /// Polls `condition` every 20 ms for up to `timeout`; fails the test when it never holds.
        static func waitUntil(
            timeout: Duration = .seconds(10),
            sourceLocation: SourceLocation = #_sourceLocation,
            _ condition: () -> Bool
        ) async throws {
            let end = ContinuousClock.now + timeout
            while !condition() {
                guard ContinuousClock.now < end else {
                    Issue.record("condition did not hold within \(timeout)", sourceLocation: sourceLocation)
                    return
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }
#endif
