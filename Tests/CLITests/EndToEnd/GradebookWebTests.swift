import Foundation
import Grader
import Testing

/// `dev grade`'s gradebook.html in a real browser (headless Chromium, skipped with a note when it is
/// not installed), and a hostile learner's server that must not stall the batch.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct GradebookWebTests {
    static let hostile = "<img src=x onerror=alert(1)>"

    /// Answers with HTML that must show as text in the gradebook.
    static let hostileGreeting = """
        /// The text GET /hello answers with.
        func greeting() -> String { "\(hostile)" }
        """

    /// Leaves a process behind in a session of its own, then floods its output and never answers.
    static let runawayGreeting = """
        import Foundation

        /// The text GET /hello answers with.
        func greeting() -> String {
            _ = try? Process.run(URL(fileURLWithPath: "/usr/bin/setsid"), arguments: ["sleep", "\(runawayMarker)"])
            while true { print(String(repeating: "flood ", count: 200)) }
        }
        """
    static let runawayMarker = "3171"

    @Test func gradebook_showsEveryLearnerInTheBrowser_sortsAndExplains_withoutConsoleErrors() async throws {
        let pack = try E2EFixture.pack()
        let solved = try E2EFixture.freshWorkspace("gradebook-ayu")
        let failing = try E2EFixture.freshWorkspace("gradebook-budi")
        let broken = try E2EFixture.freshWorkspace("gradebook-cici")
        for workspace in [solved, failing, broken] {
            _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        }
        let file = "01-hello/01-greeting/Greeting.swift"
        try E2EFixture.solvedGreeting.write(
            to: solved.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try Self.hostileGreeting.write(
            to: failing.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try E2EFixture.brokenGreeting.write(
            to: broken.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try Self.progress.write(
            to: failing.appendingPathComponent(".backendlings/progress.json"), atomically: true,
            encoding: .utf8)
        let output = E2EFixture.root.appendingPathComponent("gradebook-grades")
        try? FileManager.default.removeItem(at: output)

        let (status, text) = try await E2EFixture.run([
            "--pack", pack.path, "dev", "grade", solved.path, failing.path, broken.path, "--output",
            output.path,
        ])
        #expect(status == 0, "\(text)")
        let page = output.appendingPathComponent("gradebook.html")
        #expect(text.contains("The gradebook: \(page.path)"), "\(text)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains(Self.hostile), "the server's answer is escaped in the file")

        guard let browser = Self.chromium() else {
            print(
                "GradebookWebTests: skipped the browser checks: Chromium is not installed (apt-get install -y chromium)"
            )
            return
        }
        let (dom, console) = try Self.dumpDOM(browser, page, fragment: "sort=\(Self.totalColumn)")
        #expect(console.isEmpty, "\(console)")
        #expect(
            dom.contains(
                "<p id=\"summary\">3 learners · 1 exercises · Class score: <strong>1/3</strong> (33%)</p>"),
            "\(dom)")
        #expect(dom.contains("<th colspan=\"2\" class=\"module\">Hello</th>"))
        let order = ["gradebook-ayu", "gradebook-budi", "gradebook-cici"].map {
            dom.range(of: "data-learner=\"\($0)\"")?.lowerBound
        }
        #expect(
            order[0] != nil && order[0]! < order[1]! && order[1]! < order[2]!, "sorted by total, best first")
        #expect(dom.contains("aria-sort=\"descending\""), "the sorted column is marked")
        #expect(
            dom.contains(
                "<td class=\"cell pass\" data-col=\"1\" data-value=\"1.0000\" data-exercise=\"hello01-greeting\" title=\"passes\">"
                    + "<span class=\"score\">1/1</span>"), "\(dom)")
        #expect(
            dom.contains(
                "<span class=\"attempts\" title=\"attempts\">3</span> · <span class=\"first-pass\" title=\"first pass after\">–</span> · <span class=\"hints\" title=\"hints\">1/2</span>"
            ), "budi's progress")
        #expect(dom.contains("<td class=\"cell error\""), "cici's code does not build")
        #expect(dom.contains("&lt;img src=x onerror=alert(1)&gt;"), "budi's failure, escaped")
        #expect(!dom.contains("<img"), "no element came from a learner")
        #expect(dom.contains("<div class=\"stuck\" id=\"stuck-hello01-greeting\">"))
        #expect(
            dom.contains(
                "<span class=\"count\">2 of 3</span> <span class=\"check\">GET /hello answers 200 with Hello, world!</span>"
            ))

        let (shown, shownConsole) = try Self.dumpDOM(
            browser, page, fragment: "show=gradebook-budi:hello01-greeting")
        #expect(shownConsole.isEmpty, "\(shownConsole)")
        let detail = try #require(shown.range(of: "<div id=\"detail-body\">"), "\(shown)")
        let panel = shown[detail.upperBound...].prefix(2_000)
        #expect(
            panel.hasPrefix("<div class=\"why\"><h3><span class=\"who\">gradebook-budi</span>"), "\(panel)")
        #expect(panel.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(panel)")
    }

    @Test func devGrade_aServerThatForksFloodsAndNeverAnswers_cannotStallTheBatchOrOutliveIt() async throws {
        let pack = try E2EFixture.pack()
        let runaway = try E2EFixture.freshWorkspace("gradebook-runaway")
        let solved = try E2EFixture.freshWorkspace("gradebook-after-runaway")
        for workspace in [runaway, solved] {
            _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        }
        let file = "01-hello/01-greeting/Greeting.swift"
        try Self.runawayGreeting.write(
            to: runaway.appendingPathComponent(file), atomically: true, encoding: .utf8)
        try E2EFixture.solvedGreeting.write(
            to: solved.appendingPathComponent(file), atomically: true, encoding: .utf8)
        let output = E2EFixture.root.appendingPathComponent("gradebook-runaway-grades")
        try? FileManager.default.removeItem(at: output)

        let started = ContinuousClock.now
        let (status, text) = try await E2EFixture.run([
            "--pack", pack.path, "dev", "grade", runaway.path, solved.path, "--output", output.path,
        ])
        let took = ContinuousClock.now - started
        #expect(status == 0, "\(text)")
        #expect(text.contains("gradebook-runaway: 0 of 1 exercises pass, score 0/1"), "\(text)")
        #expect(text.contains("gradebook-after-runaway: 1 of 1 exercises pass, score 1/1"), "\(text)")
        #expect(took < .seconds(180), "the check's own timeout ends it: \(took)")
        #expect(Self.processes(withArgument: Self.runawayMarker).isEmpty, "the forked process was killed")
        let summary = try Data(contentsOf: output.appendingPathComponent("summary.json"))
        #expect(summary.count < 200_000, "a flood does not flood the summary: \(summary.count) bytes")
    }

    /// The column of the overall total: learner, the exercise, the module's total, then the total.
    static let totalColumn = 3

    static let progress = """
        {
          "current" : "hello01-greeting",
          "exercises" : {
            "hello01-greeting" : { "attempts" : 3, "hintsShown" : 1, "secondsSpent" : 1260, "status" : "failing" }
          },
          "formatVersion" : 1,
          "startedAt" : "2026-12-01T10:00:00Z"
        }

        """

    static func chromium() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return nil
    }

    /// Loads the page from disk in headless Chromium and returns the DOM after its script ran, and
    /// every console message or refused load the browser logged.
    static func dumpDOM(_ browser: String, _ page: URL, fragment: String) throws -> (String, [String]) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gradebook-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let (_, output) = try ChildProcess.run(
            executable: browser,
            arguments: [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=\(profile.path)",
                "--enable-logging=stderr", "--v=0", "--virtual-time-budget=3000", "--dump-dom",
                page.absoluteString + "#" + fragment,
            ],
            timeout: .seconds(120))
        let text = output.text
        let console = text.split(separator: "\n").map(String.init).filter {
            $0.contains(":CONSOLE") || $0.contains("Refused to") || $0.contains("Uncaught")
        }
        return (text, console)
    }

    /// Processes whose command line has `argument` as one of its words.
    static func processes(withArgument argument: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { $0.allSatisfy(\.isNumber) }.compactMap { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            return words.first.map { URL(fileURLWithPath: $0).lastPathComponent } == "sleep"
                && words.contains(argument)
                ? pid : nil
        }
    }
}
