#if os(Linux)
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// What a check says when the server, not the check, is at fault: a server that does not read
    /// the controlled clock, one that ignores SIGTERM, one that starts without its configuration.
    @Suite(.timeLimit(.minutes(2)))
    struct KitMessagesTests {
        private func run(_ executable: String, _ arguments: [String], _ checks: [Check]) async throws
            -> GradeReport
        {
            try await offThePoolGrading {
                var runner = CheckRunner(
                    tests: ExerciseTests("kit", checks: checks), serverExecutable: executable)
                runner.serverArguments = arguments
                return runner.run()
            }
        }

        @Test func aServerThatDoesNotReadTheClock_isToldSo() async throws {
            let report = try await run(
                try GraderFixture.path, ["ok"],
                [
                    Check(Words(english: "the clock moved")) { t in
                        try t.advanceClock(by: .minutes(16))
                        try t.requireServerClockMoved(try t.http.get("/hello"))
                    }
                ])
            #expect(
                report.checks.first?.message
                    == "GET /hello → the response has no valid Date header, so the grader cannot tell which time your server thinks it is"
            )
        }

        @Test func aServerThatIgnoresSIGTERM_isKilled_andTheMessageSaysWhy() async throws {
            let report = try await run(
                try GraderFixture.path, ["ignores-sigterm"],
                [
                    Check(Words(english: "SIGTERM stops it"), timeout: .seconds(10)) { t in
                        try t.observeShutdown(timeout: .seconds(1)).expectCleanExit()
                    }
                ])
            let message = try #require(report.checks.first?.message)
            #expect(message.hasPrefix("after SIGTERM your server was still running 1"), "\(message)")
            #expect(
                message.hasSuffix(
                    "so the grader killed it. A graceful shutdown finishes the requests in progress and exits; does main.swift keep running after Server.run() returns?"
                ))
        }

        @Test func aServerThatStartsWithoutItsSecret_failsTheStartCheck() async throws {
            let report = try await run(
                try GraderFixture.path, ["ok"],
                [
                    Check(Words(english: "refuses to start")) { t in
                        _ = try t.expectStartFailure(removing: ["JWT_SECRET"])
                    }
                ])
            #expect(
                report.checks.first?.message
                    == "expected your server to refuse to start without JWT_SECRET, but it started listening. A server that starts without its configuration fails later, at the first request that needs it; check the environment in main.swift, before Server(...).run()."
            )
        }
    }
#endif
