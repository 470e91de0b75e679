import Foundation
import Grader
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What fault and bad-input runs found (issue 9), through the real binary: a garbled generated
/// manifest, check-all with a missing folder, bare `check` inside an exercise folder, `serve`'s
/// readiness and Ctrl-C, and `kill -9` of `check` during grading. One workspace, so in order.
@Suite(.serialized, .timeLimit(.minutes(15)))
struct HardeningTests {
    let pack: URL
    let workspace: URL

    init() throws {
        pack = try E2EFixture.pack("pack-two", secondExercise: true)
        workspace = try E2EFixture.freshWorkspace("workspace-hardening")
    }

    private var options: [String] { ["--pack", pack.path, "--workspace", workspace.path] }

    private func run(_ arguments: [String], in directory: URL? = nil) async throws -> (
        status: Int32, output: String
    ) {
        try await E2EFixture.run(options + arguments, in: directory)
    }

    private func folder(_ exercise: String) -> URL {
        workspace.appendingPathComponent(
            "01-hello/" + (exercise == "hello01-greeting" ? "01-greeting" : "02-again"))
    }

    /// The exercise folder is six levels below the checkout (.build/backendlings/e2e/workspace/module/step).
    private static let fromExerciseFolder = "swift run --package-path ../../../../../.. backendlings"

    private func lines(_ output: String) -> [String] { output.components(separatedBy: "\n") }

    @Test func bareCheckInsideAnExerciseFolder_checksThatExercise() async throws {
        _ = try await run([])
        let (status, output) = try await run(["check"], in: folder("hello02-again"))
        #expect(status == 1, "\(output)")
        #expect(
            lines(output).contains(
                // From inside the checkout, the command is named as it works from that folder.
                "Edit ., then run \(Self.fromExerciseFolder) check hello02-again again (or use watch mode: \(Self.fromExerciseFolder))."
            ),
            "\(output)")
        let progress = try await run(["progress", "--json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(progress.output.utf8)) as? [String: Any])
        let exercises = try #require(json["exercises"] as? [String: [String: Any]])
        #expect(exercises["hello02-again"]?["attempts"] as? Int == 1)
        #expect((exercises["hello01-greeting"]?["attempts"] as? Int ?? 0) == 0)
    }

    @Test func checkAll_checksTheOthers_andNamesAMissingFolderInTheSummary() async throws {
        _ = try await run([])
        let missing = folder("hello02-again")
        let aside = workspace.appendingPathComponent("aside-02-again")
        try? FileManager.default.removeItem(at: aside)
        try FileManager.default.moveItem(at: missing, to: aside)
        defer { try? FileManager.default.moveItem(at: aside, to: missing) }
        let (status, output) = try await run(["check-all"], in: workspace)
        #expect(status == 1, "\(output)")
        let summary = lines(output)
        #expect(
            summary.contains("  [fail] hello01-greeting  0/1 — GET /hello answers 200 with Hello, world!"),
            "\(output)")
        #expect(
            summary.contains(
                "  [fail] hello02-again     - — folder missing: run backendlings reset hello02-again"),
            "\(output)")
        #expect(summary.contains("0 of 2 exercises pass."), "\(output)")
        #expect(
            summary.contains("Not checked, because their folders are missing: 01-hello/02-again."),
            "\(output)")
    }

    @Test func garbledGeneratedManifest_isRegenerated_andNeverCountsAgainstTheLearner() async throws {
        _ = try await run([])
        let learnerFile = folder("hello01-greeting").appendingPathComponent("Greeting.swift")
        try E2EFixture.solvedGreeting.write(to: learnerFile, atomically: true, encoding: .utf8)
        #expect(try await run(["check", "hello01-greeting"]).status == 0)

        let manifest = workspace.appendingPathComponent("Package.swift")
        let generated = try String(contentsOf: manifest, encoding: .utf8)
        let garbled = String(generated.prefix(generated.count / 2)) + "\u{0}garbage((("
        try garbled.write(to: manifest, atomically: true, encoding: .utf8)
        let (status, output) = try await run(["check", "hello01-greeting"], in: workspace)
        #expect(status == 0, "\(output)")
        let notice = try #require(
            lines(output).first { $0.hasPrefix("note: Package.swift was not") }, "\(output)")
        let backup = String(
            notice.dropFirst(
                "note: Package.swift was not the one backendlings generates, so it was generated again. Your version is saved in "
                    .count
            ).dropLast())
        #expect(backup.hasPrefix(".backendlings/backups/Package.swift-"), "\(notice)")
        #expect(try String(contentsOf: workspace.appendingPathComponent(backup), encoding: .utf8) == garbled)
        #expect(try String(contentsOf: manifest, encoding: .utf8) == generated)
        #expect(!output.contains("does not compile"), "\(output)")
        let progress = try await run(["progress", "--json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(progress.output.utf8)) as? [String: Any])
        let exercises = try #require(json["exercises"] as? [String: [String: Any]])
        #expect(exercises["hello01-greeting"]?["status"] as? String == "done")
        try E2EFixture.starterGreeting.write(to: learnerFile, atomically: true, encoding: .utf8)
    }

    @Test func packChosenElsewhere_isNamedAsSeenFromHere_withTheOneErrorPrefix() async throws {
        let broken = try E2EFixture.pack("pack-hardening-broken")
        let manifest = broken.appendingPathComponent("Lessons/pack.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(
            of: "\"title\": \"Say hello\",", with: "")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let (status, output) = try await E2EFixture.run(["--pack", broken.path, "list"], in: E2EFixture.root)
        #expect(status == 2)
        #expect(
            output
                == "Error: pack-hardening-broken/Lessons/pack.json: modules[0].exercises[0]: missing field \"title\"\n"
        )
    }

    @Test func serveOnABusyPort_isReportedAtOnce() async throws {
        _ = try await run([])
        let (listener, port) = try Self.listen()
        defer { close(listener) }
        let started = ContinuousClock.now
        let (status, output) = try await run(["serve", "hello01-greeting", "--port", String(port)])
        let elapsed = ContinuousClock.now - started
        #expect(status == 2, "\(output)")
        #expect(
            lines(output).contains(
                "Error: Port \(port) is already in use (maybe another `swift run backendlings serve` is running). Stop it, "
                    + "or choose another port: swift run backendlings serve --port \(port + 1)"), "\(output)")
        // The build is cached; the verdict names the busy port instead of waiting out serve's
        // 10-second readiness window (which would end with "not ready"). Its time is bounded
        // loosely: the whole suite shares the cores.
        #expect(!output.contains("within 10 seconds"), "\(output)")
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }

    @Test func serveInterruptedWithCtrlC_alwaysEndsByThatSignal() async throws {
        _ = try await run([])
        for _ in 0..<3 {
            let (listener, port) = try Self.listen()
            close(listener)
            let ready = LineFlag()
            let serve = try ChildProcess(
                executable: E2EFixture.binary,
                arguments: options + ["serve", "hello01-greeting", "--port", String(port)],
                environment: .inherit(
                    adding: ["NO_COLOR": "1"], removing: ["BACKENDLINGS_PACK", "BACKENDLINGS_WORKSPACE"]),
                standardError: .mergedIntoStandardOutput,
                onLine: { line in if line.text.contains("server runs at") { ready.set() } })
            try await offThePool { ready.wait(timeout: 300) }
            #expect(ready.isSet, "\(serve.output.text)")
            serve.sendSignal(SIGINT)
            let status = await serve.wait(timeout: .seconds(20))
            #expect(status == .signaled(SIGINT), "\(serve.output.text)")
            await serve.terminate(grace: .zero)
        }
    }

    @Test func killDashNineOfCheck_duringGrading_leavesNoGraderAndNoServerRunning() async throws {
        _ = try await run([])
        // A handler that blocks, so grading is still going on when check is killed.
        let slow =
            "import Foundation\n\nfunc greeting() -> String {\n    Thread.sleep(forTimeInterval: 30)\n    return \"late\"\n}\n"
        let learnerFile = folder("hello02-again").appendingPathComponent("Greeting.swift")
        try slow.write(to: learnerFile, atomically: true, encoding: .utf8)
        defer { try? E2EFixture.starterGreeting.write(to: learnerFile, atomically: true, encoding: .utf8) }
        let mark = "HARDENING_MARK=" + UUID().uuidString
        let check = try DetachedProcess.spawn(
            E2EFixture.binary, options + ["check", "hello02-again"], adding: ["NO_COLOR=1", mark],
            removing: ["BACKENDLINGS_PACK", "BACKENDLINGS_WORKSPACE"])
        let server = workspace.appendingPathComponent(".build/debug/hello02-again").resolvingSymlinksInPath()
            .path
        let seen = try await DetachedProcess.waitFor(mark: mark, timeout: .seconds(400)) { pid in
            DetachedProcess.executable(of: pid) == server
        }
        #expect(seen, "the learner's server never started")
        let before = DetachedProcess.processes(marked: mark)
        kill(check, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(check, &status, 0)
        let killed = ContinuousClock.now
        var left = DetachedProcess.processes(marked: mark)
        while !left.isEmpty && ContinuousClock.now - killed < .seconds(10) {
            try await Task.sleep(for: .milliseconds(50))
            left = DetachedProcess.processes(marked: mark)
        }
        let elapsed = ContinuousClock.now - killed
        DetachedProcess.reap(before)
        #expect(
            left.isEmpty,
            "still running \(elapsed) after check was killed: \(left.map(DetachedProcess.executable))")
    }

    /// A listening socket on a free port of 127.0.0.1.
    static func listen() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && Glibc.listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw POSIXError(.EADDRINUSE) }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}

/// Set once from the output thread; waited for by a test.
private final class LineFlag: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let value = Mutex(false)

    func set() {
        value.withLock {
            if !$0 { semaphore.signal() }
            $0 = true
        }
    }

    func wait(timeout seconds: Double) { _ = semaphore.wait(timeout: .now() + seconds) }

    var isSet: Bool { value.withLock { $0 } }
}

/// A process started with plain `posix_spawn`, output to /dev/null: unlike a `ChildProcess`, nothing
/// sweeps up after it, so a test sees exactly what a killed `backendlings` leaves behind.
enum DetachedProcess {
    static func spawn(_ executable: String, _ arguments: [String], adding: [String], removing: Set<String>)
        throws -> pid_t
    {
        let environment =
            ProcessInfo.processInfo.environment.filter { !removing.contains($0.key) }.map {
                "\($0.key)=\($0.value)"
            }
            + adding
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { throw POSIXError(.ENOENT) }
        return pid
    }

    /// Processes whose environment holds `mark` (`NAME=value`), this test process excepted.
    static func processes(marked mark: String) -> [Int32] {
        let needle = Array(mark.utf8)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap(Int32.init).filter { pid in
            guard pid != getpid(),
                let environment = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))
            else { return false }
            return environment.split(separator: 0).contains { Array($0) == needle }
        }
    }

    static func executable(of pid: Int32) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) ?? "?"
    }

    /// Waits until a marked process satisfies `test`.
    static func waitFor(mark: String, timeout: Duration, _ test: (Int32) -> Bool) async throws -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if processes(marked: mark).contains(where: test) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    /// Reaps any of `pids` re-parented to this test process (a child subreaper) that have exited.
    static func reap(_ pids: [Int32]) {
        for pid in pids {
            var status: Int32 = 0
            _ = waitpid(pid, &status, WNOHANG)
        }
    }
}
