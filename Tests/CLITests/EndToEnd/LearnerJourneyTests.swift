import Foundation
import Testing

/// The learner's journey through the real binary: list on a fresh checkout, first run, check,
/// progress, reset. One shared workspace, so the suite runs in order.
@Suite(.serialized, .timeLimit(.minutes(15)))
struct LearnerJourneyTests {
    let pack: URL
    let workspace: URL

    init() throws {
        pack = try E2EFixture.pack()
        workspace = try E2EFixture.freshWorkspace()
    }

    private func run(_ arguments: [String], in directory: URL? = nil) async throws -> (
        status: Int32, output: String
    ) {
        try await E2EFixture.run(
            ["--pack", pack.path, "--workspace", workspace.path] + arguments, in: directory)
    }

    private var learnerFile: URL { workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift") }

    @Test func list_onAFreshCheckout_worksBeforeAnythingElse() async throws {
        let (status, output) = try await run(["list"])
        #expect(status == 0)
        #expect(output.contains("hello01-greeting  Say hello"))
        #expect(output.contains("You have not started yet."))
        #expect(
            !FileManager.default.fileExists(atPath: workspace.appendingPathComponent("Package.swift").path))
    }

    @Test func firstRunWithoutATerminal_createsTheWorkspace_thenExplainsWatchNeedsOne() async throws {
        let (status, output) = try await run([])
        #expect(status == 2)
        #expect(output.contains("Welcome to Backendlings!"))
        #expect(output.contains("Watch mode needs an interactive terminal"))
        #expect(try String(contentsOf: learnerFile, encoding: .utf8) == E2EFixture.starterGreeting)
    }

    @Test func check_failsOnTheStarter_passesWithTheSolution_andProgressRecordsIt() async throws {
        _ = try await run([])
        let failing = try await run(["check", "hello01-greeting"])
        #expect(failing.status == 1)
        #expect(failing.output.contains("FAIL GET /hello answers 200 with Hello, world!"))
        #expect(failing.output.contains("expected the body to be \"Hello, world!\", got \"TODO\""))
        #expect(failing.output.contains("curl -i http://127.0.0.1:8080/hello"))
        let replay = workspace.appendingPathComponent(".backendlings/repro/hello01-greeting/check-01.sh")
        #expect(failing.output.contains("Replay the whole check"), "\(failing.output)")
        #expect(failing.output.contains("repro/hello01-greeting/check-01.sh"), "\(failing.output)")
        let script = try String(contentsOf: replay, encoding: .utf8)
        #expect(script.contains("show 'GET /hello' \"$BASE_URL\"/hello"), "\(script)")

        try E2EFixture.solvedGreeting.write(to: learnerFile, atomically: true, encoding: .utf8)
        let passing = try await run(["check"])
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.contains("The check passed"))
        #expect(
            !FileManager.default.fileExists(atPath: replay.path), "a passed check leaves no replay script")

        let progress = try await run(["progress", "--json"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(progress.output.utf8)) as? [String: Any])
        let exercises = try #require(json["exercises"] as? [String: [String: Any]])
        #expect(exercises["hello01-greeting"]?["status"] as? String == "done")
        #expect(exercises["hello01-greeting"]?["attempts"] as? Int == 2)
        #expect(json["done"] as? Int == 1)
    }

    @Test func rebuilds_showCompilerErrors_andPickUpNewFiles() async throws {
        _ = try await run([])
        try E2EFixture.solvedGreeting.write(to: learnerFile, atomically: true, encoding: .utf8)
        #expect(try await run(["check"]).status == 0)  // the first build goes through SwiftPM

        // The next builds reuse SwiftPM's recorded commands: a compile error must still be shown.
        try (E2EFixture.solvedGreeting + "let broken: Int = \"text\"\n").write(
            to: learnerFile, atomically: true, encoding: .utf8)
        let broken = try await run(["check"])
        #expect(broken.status == 1)
        #expect(broken.output.contains("Your code does not compile yet"), "\(broken.output)")
        #expect(
            broken.output.contains(
                "Greeting.swift:5:19: error: cannot convert value of type 'String' to specified type 'Int'"),
            "\(broken.output)")

        // A new file changes the package's structure: SwiftPM plans again and the file is part of the build.
        try E2EFixture.starterGreeting.replacingOccurrences(of: "\"TODO\"", with: "helloText").write(
            to: learnerFile, atomically: true, encoding: .utf8)
        try "let helloText = \"Hello, world!\"\n".write(
            to: learnerFile.deletingLastPathComponent().appendingPathComponent("Text.swift"),
            atomically: true, encoding: .utf8)
        let fixed = try await run(["check"])
        #expect(fixed.status == 0, "\(fixed.output)")
    }

    @Test func everySaveIsCompiled_alsoOneThatKeepsTheOldModificationTime_andADeclarationOthersUse()
        async throws
    {
        _ = try await run([])
        func save(_ text: String, keepingModificationTime: Bool = false) throws {
            let old = try FileManager.default.attributesOfItem(atPath: learnerFile.path)[.modificationDate]
            try text.write(to: learnerFile, atomically: true, encoding: .utf8)
            if keepingModificationTime, let old {
                try FileManager.default.setAttributes(
                    [.modificationDate: old], ofItemAtPath: learnerFile.path)
            }
        }
        func answer() async throws -> String {
            let checked = try await run(["check"])
            if checked.status == 0 { return "Hello, world!" }
            let got = checked.output.components(separatedBy: "got \"").dropFirst().first
            return got?.components(separatedBy: "\"").first ?? checked.output
        }
        let punctuated = { (mark: String) in
            E2EFixture.solvedGreeting.replacingOccurrences(of: "world!", with: "world\(mark)")
        }
        try save(E2EFixture.solvedGreeting)
        #expect(try await answer() == "Hello, world!")  // through SwiftPM, which records its commands
        try save(punctuated("?"))
        #expect(try await answer() == "Hello, world?")
        // A copy tool or a save within the same second leaves the time the compiler driver compares.
        try save(E2EFixture.solvedGreeting, keepingModificationTime: true)
        #expect(try await answer() == "Hello, world!")
        try save(punctuated("!!"))
        #expect(try await answer() == "Hello, world!!")  // one file compiled alone
        // main.swift calls greeting(): a new signature must recompile it too, or the link fails.
        try save(
            E2EFixture.solvedGreeting.replacingOccurrences(
                of: "func greeting() -> String {\n    \"Hello, world!\"",
                with: "func greeting(_ name: String = \"world\") -> String {\n    \"Hello, \\(name)...\""))
        #expect(try await answer() == "Hello, world...")
        try save(E2EFixture.solvedGreeting)
        #expect(try await answer() == "Hello, world!")
    }

    @Test func reset_savesTheLearnersVersionToANamedBackup_beforeRestoringTheStarter() async throws {
        _ = try await run([])
        let mine = "// my own attempt\nfunc greeting() -> String { \"mine\" }\n"
        try mine.write(to: learnerFile, atomically: true, encoding: .utf8)
        let (status, output) = try await run(["reset", "hello01-greeting"])
        #expect(status == 0)
        let line = try #require(
            output.split(separator: "\n").first { $0.hasPrefix("Saved your version of hello01-greeting to ") }
        )
        let shown = line.dropFirst("Saved your version of hello01-greeting to ".count).dropLast()
        let backup =
            shown.hasPrefix("/")
            ? URL(fileURLWithPath: String(shown))
            : URL(
                fileURLWithPath: String(shown),
                relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        #expect(
            try String(contentsOf: backup.appendingPathComponent("Greeting.swift"), encoding: .utf8) == mine)
        #expect(try String(contentsOf: learnerFile, encoding: .utf8) == E2EFixture.starterGreeting)
    }

    @Test func aPassIsNeverForgotten_afterAResetTheExerciseIsDoneButFailingAgain() async throws {
        _ = try await run([])
        try E2EFixture.solvedGreeting.write(to: learnerFile, atomically: true, encoding: .utf8)
        #expect(try await run(["check"]).status == 0)
        #expect(try await run(["reset", "hello01-greeting"]).status == 0)
        #expect(try await run(["check"]).status == 1)

        let list = try await run(["list"]).output
        #expect(list.contains("Fixture pack · 1 of 1 exercises done (1 failing again)"), "\(list)")
        #expect(
            list.contains("  [done!] hello01-greeting  Say hello  passed before, failing now  <- current"),
            "\(list)")
        #expect(
            list.contains(
                "[done] passed, [done!] passed before, failing now, [fail] failing, [todo] not started, <- current"
            ))
        let progress = try await run(["progress"]).output
        #expect(progress.contains("  Done:        1 of 1 exercises (100%)"), "\(progress)")
        #expect(progress.contains("Failing again: hello01-greeting"))
        #expect(progress.contains("!!!!!!!!!!!!!!!!!!!!"), "the bar shows the broken exercise")
        let solution = try await run(["solution", "hello01-greeting"])
        #expect(solution.status == 0, "solution keys on passed once: \(solution.output)")
        #expect(solution.output.contains("\"Hello, world!\""))
    }

    @Test func commandsFromASubfolderOfTheWorkspace_findTheWorkspace() async throws {
        _ = try await run([])
        let folder = workspace.appendingPathComponent("01-hello")
        let (status, output) = try await E2EFixture.run(["--pack", pack.path, "list"], in: folder)
        #expect(status == 0)
        #expect(!output.contains("You have not started yet."))
    }

    @Test func hint_revealsOneMoreEachTime_andSolutionStaysHiddenUntilPassed() async throws {
        _ = try await run([])
        #expect(try await run(["hint"]).output.contains("Hint 1 of 2"))
        let last = try await run(["hint"]).output
        #expect(last.contains("Hint 2 of 2"))
        #expect(last.contains("That was the last hint."))
        let none = try await run(["hint"]).output
        #expect(none.contains("No more hints · hello01-greeting: you have seen all 2."), "\(none)")
        #expect(!none.contains("Hint 2 of 2"))
        let hidden = try await run(["solution", "hello01-greeting"])
        #expect(hidden.status == 1)
        #expect(!hidden.output.contains("Hello, world!\""))
        let forced = try await run(["solution", "hello01-greeting", "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("\"Hello, world!\""))
    }

    #if canImport(Glibc)
        /// Drives watch mode in a real pseudo-terminal: the first check runs by itself, one save
        /// triggers exactly one more, and `q` quits cleanly.
        @Test func watch_aSaveTriggersExactlyOneRecheck_andQQuits() async throws {
            _ = try await run([])
            let process = try PTYProcess(
                E2EFixture.binary, ["--pack", pack.path, "--workspace", workspace.path, "watch"],
                environment: ProcessInfo.processInfo.environment.merging(["TERM": "xterm", "NO_COLOR": "1"]) {
                    _, new in new
                }
            )
            let firstCheck = await waitForAttempts(1, timeout: .seconds(600))
            #expect(firstCheck, "no first check; screen: \(process.output.suffix(800))")
            let firstVerdict = await waitUntil(.seconds(30)) {
                process.lastFrame?.contains { $0.hasPrefix("[fail] 0 of 1") } == true
            }
            #expect(firstVerdict, "\(process.lastFrame ?? [])")

            // Save the way editors do: write a temporary file, rename it over the original.
            let temporary = learnerFile.deletingLastPathComponent().appendingPathComponent(
                ".Greeting.swift.tmp")
            try E2EFixture.solvedGreeting.write(to: temporary, atomically: false, encoding: .utf8)
            _ = rename(temporary.path, learnerFile.path)
            // A key pressed while the check runs is handled once, not lost or doubled: this h shows
            // the failing check's own hint, the next one the exercise's first hint.
            process.type("h")
            let secondCheck = await waitForAttempts(2, timeout: .seconds(120))
            #expect(secondCheck, "the save did not trigger a check")
            let passes = await waitUntil(.seconds(30)) { process.output.contains("This exercise passes!") }
            #expect(passes)
            try await Task.sleep(for: .seconds(3))
            #expect(attempts() == 2, "one save must trigger exactly one check")
            #expect(process.output.contains("Hint for “GET /hello answers 200 with Hello, world!”"))
            #expect(hintsShown() == 0, "the check's own hint comes first")
            process.type("h")
            let exerciseHint = await waitUntil(.seconds(10)) { process.output.contains("Hint 1 of 2") }
            #expect(exerciseHint)
            #expect(hintsShown() == 1, "one h must reveal exactly one hint")

            process.type("q")
            let exitStatus = try await offThePool { process.waitForExit(timeout: .seconds(20)) }
            #expect(exitStatus == 0)
            let restored = process.terminalSettings
            #expect(restored.c_lflag & tcflag_t(ICANON) != 0, "the terminal was left in raw mode")
            #expect(restored.c_lflag & tcflag_t(ECHO) != 0, "the terminal was left without echo")
            let normalScreen = process.output.components(separatedBy: "\u{1B}[?1049l").last ?? ""
            #expect(normalScreen.contains("hello01-greeting · passes"), "\(normalScreen)")
            #expect(normalScreen.contains("1 of 1 exercises done. Your progress is saved"))
        }
    #endif

    private func hintsShown() -> Int {
        progressEntry()?["hintsShown"] as? Int ?? 0
    }

    private func progressEntry() -> [String: Any]? {
        let file = workspace.appendingPathComponent(".backendlings/progress.json")
        guard let data = try? Data(contentsOf: file),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let exercises = json["exercises"] as? [String: [String: Any]]
        else { return nil }
        return exercises[E2EFixture.exerciseID]
    }

    private func attempts() -> Int {
        let file = workspace.appendingPathComponent(".backendlings/progress.json")
        guard let data = try? Data(contentsOf: file),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let exercises = json["exercises"] as? [String: [String: Any]]
        else { return 0 }
        return exercises[E2EFixture.exerciseID]?["attempts"] as? Int ?? 0
    }

    private func waitForAttempts(_ count: Int, timeout: Duration) async -> Bool {
        await waitUntil(timeout) { attempts() >= count }
    }

    /// Polls `condition` with suspending sleeps, so waiting never holds a cooperative thread.
    private func waitUntil(_ timeout: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
