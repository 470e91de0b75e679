#if os(Linux)
    import Foundation
    import Grader
    import Synchronization
    import Testing

    @testable import GraderKit

    /// One mistake, one ✗: checks whose preconditions failed are reported as not checked.
    @Suite(.timeLimit(.minutes(2)))
    struct CheckDependencyTests {
        private let answers = Words(english: "GET /hello answers 201")
        private var wrongStatus: Check {
            Check(answers) { t in try t.http.get("/hello").expectStatus(201) }
        }

        @Test func aCheckWhoseNeedFailed_isNotRun_andSaysWhatItNeeds() async throws {
            let ran = Locked(false)
            let report = try await GraderRun.run(
                "ok",
                [
                    wrongStatus,
                    Check(Words(english: "the body says hello"), needs: answers.en) { t in
                        ran.set(true)
                        try t.http.get("/hello").expectStatus(201)
                    },
                    Check(Words(english: "GET /other answers 404")) { t in
                        try t.http.get("/other").expectStatus(404)
                    },
                ])
            #expect(report.checks.map(\.status) == [.fail, .skipped, .pass])
            #expect(report.checks[1].needs == "“GET /hello answers 201”")
            #expect(report.checks[1].message == "Not checked: it needs “GET /hello answers 201”.")
            #expect(report.status == .fail)
            #expect(!ran.value)
        }

        @Test func aNeedOnACheckNotChecked_namesTheFailureAtTheRoot() async throws {
            let report = try await GraderRun.run(
                "ok",
                [
                    wrongStatus,
                    Check(Words(english: "second"), needs: answers.en) { _ in },
                    Check(Words(english: "third"), needs: "second") { _ in },
                ])
            #expect(report.checks.map(\.status) == [.fail, .skipped, .skipped])
            #expect(report.checks[2].needs == "“GET /hello answers 201”")
        }

        @Test func aNeedThatPassed_letsTheCheckRun() async throws {
            let report = try await GraderRun.run(
                "ok",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(Words(english: "then 201"), needs: "GET /hello answers 200") { t in
                        try t.http.get("/hello").expectStatus(201)
                    },
                ])
            #expect(report.checks.map(\.status) == [.pass, .fail])
        }

        @Test func aNeedThatNamesNoEarlierCheck_makesTheRunAnError_beforeAnythingRuns() async throws {
            let report = try await GraderRun.run(
                "ok",
                [
                    Check(Words(english: "first"), needs: "later") { _ in },
                    Check(Words(english: "later")) { _ in },
                ])
            #expect(report.status == .error)
            #expect(
                report.message
                    == "The hidden tests of fixture are broken: the check “first” needs “later”, but no check before it has that name. This is a problem in the lesson pack, not in your code."
            )
        }

        @Test func anUnmetPrecondition_afterAFailure_isNotChecked_andOnItsOwn_isTheFailure() async throws {
            let setUp = { @Sendable (t: TestContext) throws in
                _ = try given(Words(english: "GET /hello to answer 201")) {
                    try t.http.get("/hello").expectStatus(201)
                }
            }
            let afterFailure = try await GraderRun.run(
                "ok", [wrongStatus, Check(Words(english: "uses the set-up"), setUp)])
            #expect(afterFailure.checks.map(\.status) == [.fail, .skipped])
            #expect(afterFailure.checks[1].needs == "GET /hello to answer 201")
            let alone = try await GraderRun.run("ok", [Check(Words(english: "uses the set-up"), setUp)])
            #expect(alone.checks.map(\.status) == [.fail])
            #expect(alone.checks[0].message == "GET /hello → expected status 201 Created, got 200 OK")
        }

        @Test func afterACrash_checksThatFindTheServerStopped_areNotChecked() async throws {
            let report = try await GraderRun.run(
                "crash-mid-response",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(Words(english: "GET /hello still answers")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(Words(english: "a restarted server answers")) { t in
                        try t.restartServer()
                        try t.http.get("/other").expectStatus(200)
                    },
                ])
            #expect(report.checks.map(\.status) == [.fail, .skipped, .fail])
            #expect(report.checks[1].needs == "your server, which stopped during “GET /hello answers 200”")
        }

        @Test func aServerThatCannotStart_givesOneError_andTheRestAreNotRun() async throws {
            let report = try await GraderRun.run(
                "exit-at-once",
                [
                    Check(Words(english: "first")) { t in try t.http.get("/hello").expectStatus(200) },
                    Check(Words(english: "second")) { t in try t.http.get("/hello").expectStatus(200) },
                ])
            #expect(report.status == .error)
            #expect(report.checks.map(\.status) == [.error, .skipped])
            #expect(report.checks[1].needs == "your server to start")
            #expect(report.message == "Your server exited with status 3 before it started listening.")
            #expect(report.serverLog?.text.contains("exit-at-once is exiting with status 3") == true)
        }
    }

    /// A value a check sets and a test reads.
    final class Locked<Value: Sendable>: Sendable {
        private let stored: Mutex<Value>
        init(_ value: Value) { stored = Mutex(value) }
        func set(_ value: Value) { stored.withLock { $0 = value } }
        var value: Value { stored.withLock { $0 } }
    }
#endif
