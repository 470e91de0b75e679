#if os(Linux)
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// What debugging lessons use: the learner's program run as a command, and the server's open
    /// files counted, against real fixture processes.
    @Suite(.timeLimit(.minutes(2)))
    struct DebuggingToolsTests {
        @Test func learnerProgram_runsWithItsArguments_theServersEnvironmentAndItsOwn_andReportsItsExit()
            async throws
        {
            let report = try await GraderRun.run(
                "ok",
                [
                    Check(Words(english: "the program's run is reported")) { t in
                        let run = try t.runLearnerProgram(
                            arguments: ["report-and-exit", "3", "x"], environment: ["REPORT_VALUE": "seen"])
                        try requireEqual(run.status, .exited(3), Words(english: "the exit status"))
                        try require(!run.succeeded, Words(english: "status 3 counts as a failure"))
                        try requireEqual(
                            run.output, "arguments: 3 x; REPORT_VALUE=seen\n", Words(english: "the output"))
                        try requireEqual(
                            run.command, "grader-fixture report-and-exit 3 x", Words(english: "the command"))
                        let passing = try t.runLearnerProgram(arguments: ["report-and-exit"])
                        try require(passing.succeeded, Words(english: "status 0 counts as success"))
                        try require(
                            passing.output.contains("REPORT_VALUE=unset"),
                            Words(english: "a variable of one run does not reach the next"))
                    }
                ])
            #expect(report.status == .pass, "\(report.checks.map { $0.message ?? "" })")
        }

        @Test func learnerProgramThatDoesNotEnd_isStoppedAtItsTimeout_andTheCheckNamesTheCommand()
            async throws
        {
            let started = ContinuousClock.now
            let report = try await GraderRun.run(
                "ok",
                [
                    Check(Words(english: "a hanging program")) { t in
                        _ = try t.runLearnerProgram(arguments: ["never-listen"], timeout: .seconds(1))
                    }
                ])
            #expect(ContinuousClock.now - started < .seconds(20))
            let message = try #require(report.checks.first?.message)
            #expect(message.hasPrefix("`grader-fixture never-listen` was still running after 1 second"))
            #expect(message.contains("grader-fixture: starting up, but I will never listen"))
        }

        @Test func openDescriptors_growWithEveryLeakingRequest_andNotWithAClosingOne() async throws {
            let report = try await GraderRun.run(
                "leak-on-request",
                [
                    Check(Words(english: "descriptors are counted")) { t in
                        let before = try t.serverOpenFileDescriptors()
                        for _ in 1...20 { try t.http.get("/hello").expectStatus(200) }
                        let afterClosing = try t.serverOpenFileDescriptors()
                        // The last connection may not be closed on the server's side yet.
                        try require(
                            afterClosing <= before + 1,
                            Words(
                                english:
                                    "20 closed requests moved the count from \(before) to \(afterClosing)"))
                        for _ in 1...20 { try t.http.get("/leak").expectStatus(200) }
                        let afterLeaking = try t.serverOpenFileDescriptors()
                        try require(
                            afterLeaking >= afterClosing + 20,
                            Words(
                                english:
                                    "20 leaking requests moved the count from \(afterClosing) to \(afterLeaking)"
                            ))
                    }
                ])
            #expect(report.status == .pass, "\(report.checks.map { $0.message ?? "" })")
        }
    }
#endif
