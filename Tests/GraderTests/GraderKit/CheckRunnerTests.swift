#if os(Linux)
    import BackendKit
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// GraderKit against real fixture servers: verdicts, messages and recorded exchanges.
    @Suite(.timeLimit(.minutes(2)))
    struct CheckRunnerTests {
        /// Runs the checks on a thread of their own: a grading run blocks while it waits for the server.
        private func run(_ mode: String, _ checks: [Check]) async throws -> GradeReport {
            let fixture = try GraderFixture.path
            return try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    var runner = CheckRunner(
                        tests: ExerciseTests("fixture", checks: checks), serverExecutable: fixture)
                    runner.serverArguments = [mode]
                    continuation.resume(returning: runner.run())
                }
            }
        }

        @Test func passingAndFailingChecks_areReportedInOrder_withTheExchangeOfTheFailure() async throws {
            let report = try await run(
                "ok",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(
                        Words(english: "GET /hello answers 201"), points: 2,
                        hint: Words(english: "Think about it.")
                    ) { t in
                        try t.http.get("/hello").expectStatus(201)
                    },
                    Check(Words(english: "still runs after a failure")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                ])
            #expect(report.status == .fail)
            #expect(report.checks.map(\.status) == [.pass, .fail, .pass])
            #expect(report.score == 2)
            #expect(report.maxScore == 4)
            let failure = try #require(report.checks.first { $0.status == .fail })
            #expect(failure.message == "GET /hello → expected status 201 Created, got 200 OK")
            #expect(failure.hint == "Think about it.")
            #expect(failure.exchange?.request.target == "/hello")
            #expect(failure.exchange?.response?.status == 200)
            #expect(report.serverLog?.text.contains("Listening on http://127.0.0.1:") == true)
        }

        @Test func guardChecks_areMarkedInTheReport_andOthersAreNot() async throws {
            let report = try await run(
                "ok",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    }.asGuard(),
                    Check(Words(english: "GET /hello answers 201")) { t in
                        try t.http.get("/hello").expectStatus(201)
                    },
                ])
            #expect(report.checks.map(\.isGuard) == [true, nil])
            let encoded = String(decoding: try JSONEncoder().encode(report.checks[1]), as: UTF8.self)
            #expect(
                !encoded.contains("isGuard"), "a check that is no guard says nothing about it: \(encoded)")
        }

        @Test func garbageAnswers_areNamedAsNotHTTP() async throws {
            let report = try await run(
                "garbage",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    }
                ])
            #expect(report.checks.first?.status == .fail)
            #expect(report.checks.first?.message?.contains("not an HTTP response") == true)
            #expect(report.checks.first?.exchange?.response == nil)
        }

        @Test func aServerThatNeverAnswers_failsWithinTheClientTimeout() async throws {
            let started = ContinuousClock.now
            let report = try await run(
                "hang-on-request",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        t.http.timeout = .milliseconds(500)
                        try t.http.get("/hello").expectStatus(200)
                    }
                ])
            #expect(report.checks.first?.message?.contains("no response within") == true)
            #expect(ContinuousClock.now - started < .seconds(20))
        }

        @Test func aServerThatCrashesMidResponse_isExplainedAsACrash() async throws {
            let report = try await run(
                "crash-mid-response",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    }
                ])
            let message = try #require(report.checks.first?.message)
            #expect(message.contains("crashed") || message.contains("SIGABRT"), "\(message)")
        }

        @Test func aServerThatExitsAtOnce_makesTheRunAnError_withItsOutput() async throws {
            let report = try await run(
                "exit-at-once",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    }
                ])
            #expect(report.status == .error)
            #expect(report.message?.contains("exited with status 3 before it started listening") == true)
        }

        @Test func aCheckThatOverrunsItsTimeout_isStopped() async throws {
            let report = try await run(
                "hang-on-request",
                [
                    Check(Words(english: "waits forever"), timeout: .seconds(1)) { t in
                        t.http.timeout = .seconds(60)
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(Words(english: "the next check still runs")) { _ in },
                ])
            #expect(report.checks.first?.status == .error)
            #expect(report.checks.first?.message?.contains("did not finish within 1 second;") == true)
            #expect(report.checks.last?.status == .pass)
        }

        @Test func concurrentRequests_allReachTheServer() async throws {
            let report = try await run(
                "ok",
                [
                    Check(Words(english: "20 requests at once")) { t in
                        let results = t.concurrently(20) { _ in try t.http.get("/hello").status }
                        let statuses = results.compactMap { try? $0.get() }
                        try requireEqual(
                            statuses.count, 20, Words(english: "the number of answered requests"))
                    }
                ])
            #expect(report.status == .pass, "\(report.checks.first?.message ?? "")")
        }

        @Test func concurrentlyHoldingTheWriteLock_blocksWritesUntilReleased() async throws {
            let report = try await run(
                "ok",
                [
                    Check(Words(english: "writes wait for the lock")) { t in
                        try t.prepareDatabase { db in try db.execute("CREATE TABLE marks (n INTEGER)") }
                        let path = t.databasePath
                        let results = try t.concurrently(2, holdingWriteLockFor: .milliseconds(400)) { _ in
                            let other = try Database(path: path, maxConnections: 1)
                            try other.execute("PRAGMA busy_timeout = 0")
                            do {
                                try other.execute("INSERT INTO marks (n) VALUES (1)")
                                return "wrote"
                            } catch let error as DatabaseError where error.isBusy {
                                return "busy"
                            }
                        }
                        try requireEqual(
                            results.compactMap { try? $0.get() }, ["busy", "busy"],
                            Words(english: "what writes saw while the lock was held"))
                        try Database(path: path, maxConnections: 1).execute(
                            "INSERT INTO marks (n) VALUES (2)")
                    }
                ])
            #expect(report.status == .pass, "\(report.checks.first?.message ?? "")")
        }

        @Test func aFailuresLog_isWhatTheServerPrintedDuringThatCheck_acrossRestarts() async throws {
            let bench = URL(fileURLWithPath: try GraderFixture.path).deletingLastPathComponent()
                .appendingPathComponent("backendkit-bench").path
            let checks = [
                Check(Words(english: "GET /hello answers 200")) { t in
                    try t.http.get("/hello").expectStatus(200)
                },
                Check(Words(english: "GET /notes/1 answers 418")) { t in
                    try t.restartServer()
                    try t.http.get("/notes/1").expectStatus(418)
                },
            ]
            let report = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(
                        returning: CheckRunner(
                            tests: ExerciseTests("bench", checks: checks), serverExecutable: bench
                        ).run())
                }
            }
            let failure = try #require(report.checks.last)
            #expect(failure.status == .fail)
            let log = try #require(failure.serverLog).text
            #expect(log.contains("GET /notes/1 200"), "\(log)")
            #expect(log.contains("(the server was restarted)"), "\(log)")
            #expect(!log.contains("GET /hello"), "the first check's lines belong to the first check: \(log)")
            #expect(report.checks.first?.serverLog == nil)
            #expect(report.serverLog?.text.contains("GET /hello 200") == true)
        }

        @Test func restart_keepsTheDatabasePath_andGivesANewPort() async throws {
            let report = try await run(
                "ok",
                [
                    Check(Words(english: "restart")) { t in
                        try t.http.get("/hello").expectStatus(200)
                        let path = t.databasePath
                        try t.restartServer()
                        try t.http.get("/hello").expectStatus(200)
                        try requireEqual(
                            t.databasePath, path, Words(english: "the database path after a restart"))
                    }
                ])
            #expect(report.status == .pass, "\(report.checks.first?.message ?? "")")
        }
    }
#endif
