import Testing

@testable import Grader

/// What a replay script says and sends, compared with a reviewed golden file; the script is also
/// run against a real server in `ReplayScriptRunTests`.
struct ReplayScriptTests {
    static let steps: [ReplayStep] = [
        .check(index: 1, name: "POST /tasks answers 201 Created with the new task"),
        .request(
            ReplayRequest(
                method: "POST", target: "/tasks",
                headers: [.init("Accept", "application/json"), .init("Content-Type", "application/json")],
                body: Array(#"{"title":"O'Reilly's \"notes\""}"#.utf8))),
        .check(index: 2, name: "the tasks survive a restart"),
        .restart,
        .request(
            ReplayRequest(
                method: "GET", target: "/tasks?status=todo&tag[]=a",
                headers: [.init("Accept", "application/json")])),
        .check(index: 3, name: "twenty requests at once create twenty tasks"),
        .skipped(
            "the grader wrote to the database file itself before starting your server (rows to work on, or an older schema)"
        ),
        .note(
            "The grader sent the next requests from 2 clients at the same moment; here they go one after another."
        ),
        .request(
            ReplayRequest(
                method: "PUT", target: "/tasks/1",
                headers: [.init("Content-Type", "text/plain"), .init("Cookie", "session=abc")],
                body: Array("line one\n\ttwo %s".utf8), usesCookieJar: true)),
        .request(
            ReplayRequest(
                method: "POST", target: "/raw", headers: [.init("Accept", "application/json")],
                body: [0x7B, 0xFF, 0x27, 0x2D])),
        .request(
            ReplayRequest(method: "HEAD", target: "/tasks/1", headers: [.init("Accept", "application/json")])),
        .request(
            ReplayRequest(
                method: "DELETE", target: "/tasks/1", headers: [.init("Accept", "application/json")])),
    ]

    static let script = ReplayScript(
        exercise: "api02-crud", checkIndex: 3, checkName: "twenty requests at once create twenty tasks",
        failureMessage: "expected 20 tasks, got 19\nthe last one was lost", steps: steps,
        scriptPath: "/home/ayu/backendlings/workspace/.backendlings/repro/api02-crud/check-03.sh")

    @Test func aScript_matchesGolden() {
        ReportGolden.expect(Self.script.render(), matches: "replay.sh")
    }

    @Test func aCheckWithoutRequests_hasNothingToReplay() {
        var script = Self.script
        script.steps = [
            .check(index: 1, name: "a"), .request(ReplayRequest(method: "GET", target: "/")),
            .check(index: 2, name: "b"),
        ]
        script.checkIndex = 2
        script.checkName = "b"
        #expect(!script.hasRequests)
        #expect(Self.script.hasRequests)
    }

    @Test func everyCurlLine_reachesCurlWithTheRecordedArguments() throws {
        for shell in ShellRoundTrip.shells {
            let line = ReplayCurl(
                request: ReplayRequest(
                    method: "POST", target: "/books?q=it's", headers: [.init("X-Note", #"a "b" $c `d`"#)],
                    body: Array("x'y".utf8))
            ).line(quiet: false)
            let invocation = try ShellRoundTrip.run(
                #"BASE_URL=http://h; show() { shift; curl "$@"; }; "# + line, shell: shell)
            #expect(
                invocation.arguments == [
                    "-X", "POST", "http://h/books?q=it's", "-H", #"X-Note: a "b" $c `d`"#, "-H", "Accept:",
                    "-H",
                    "Content-Type:", "--data-raw", "x'y",
                ], "\(shell)")
        }
    }

    @Test func bytesThatAreNotUTF8_arePipedThroughPrintfUnchanged() throws {
        let bytes: [UInt8] = [0x2D, 0x7B, 0xFF, 0xFE, 0x25, 0x5C, 0x27, 0x0A]
        let line = ReplayCurl(request: ReplayRequest(method: "POST", target: "/raw", body: bytes)).line(
            quiet: true)
        for shell in ShellRoundTrip.shells {
            let invocation = try ShellRoundTrip.run(
                #"BASE_URL=http://h; quiet() { shift; curl "$@"; }; "# + line, shell: shell)
            #expect(invocation.standardInput == bytes, "\(shell)")
            #expect(invocation.arguments.suffix(2) == ["--data-binary", "@-"])
        }
    }
}
