import BackendKit
import Foundation
import Grader
import Testing

/// `backendlings progress --web` with the real binary: it prints its URL, serves the page from the
/// workspace's progress, and Ctrl-C ends it.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ProgressWebTests {
    static let hostile = "got <img src=x onerror=alert(1)> instead"

    @Test func progressWeb_printsItsURL_servesTheWorkspacesProgress_andStopsOnCtrlC() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-progress-web")
        _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        try Self.progressJSON.write(
            to: workspace.appendingPathComponent(".backendlings/progress.json"), atomically: true,
            encoding: .utf8)
        let child = try ChildProcess(
            executable: E2EFixture.binary,
            arguments: [
                "--pack", pack.path, "--workspace", workspace.path, "progress", "--web", "--port", "0",
            ],
            environment: .inherit(
                adding: ["NO_COLOR": "1"], removing: ["BACKENDLINGS_PACK", "BACKENDLINGS_WORKSPACE"]))
        defer { _ = child.terminate() }
        let url = try #require(await Self.url(printedBy: child), "\(child.output.text)")
        #expect(child.output.text.hasPrefix("Your progress page: http://127.0.0.1:"), "\(child.output.text)")

        let client = try OutboundClient(baseURL: String(url.dropLast()))
        let page = try await client.get("/")
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(page.status.code == 200)
        #expect(html.contains("<tr id=\"exercise-hello01-greeting\" class=\"failing current\">"), "\(html)")
        #expect(html.contains("got &lt;img src=x onerror=alert(1)&gt; instead"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<td>3</td>"), "three attempts")

        #expect(child.sendSignal(SIGINT))
        let status = await child.wait(timeout: .seconds(5))
        #expect(status == .signaled(SIGINT) || status == .exited(130), "\(String(describing: status))")
        await #expect(throws: OutboundError.self) { _ = try await client.get("/") }
    }

    @Test func portWithoutWeb_isAUsageError() async throws {
        let (status, output) = try await E2EFixture.run(["progress", "--port", "8000"])
        #expect(status == 64)
        #expect(
            output.contains("Invalid value '8000' for '--port <port>': expected --web with it."), "\(output)")
    }

    /// Waits for the `Your progress page: URL` line.
    static func url(printedBy child: ChildProcess) async -> String? {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            let text = child.output.text
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                return String(text[range])
            }
            if child.hasExited { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return nil
    }

    static let progressJSON = """
        {
          "current" : "hello01-greeting",
          "exercises" : {
            "hello01-greeting" : {
              "attempts" : 3, "hintsShown" : 1, "lastCheckedAt" : "2026-12-01T10:20:00Z",
              "lastFailure" : { "check" : "GET /hello answers 200 with Hello, world!", "message" : "\(hostile)" },
              "secondsSpent" : 1260, "status" : "failing"
            }
          },
          "formatVersion" : 1,
          "history" : [
            { "at" : "2026-12-01T10:05:00Z", "exercise" : "hello01-greeting", "passed" : 0, "total" : 1 },
            { "at" : "2026-12-01T10:20:00Z", "exercise" : "hello01-greeting", "passed" : 0, "total" : 1 }
          ],
          "startedAt" : "2026-12-01T10:00:00Z"
        }

        """
}
