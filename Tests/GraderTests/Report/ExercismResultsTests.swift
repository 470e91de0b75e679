import Foundation
import Testing

@testable import Grader

struct ExercismResultsTests {
    typealias F = ReportFixtures

    /// The encoded file, read back as a dictionary, so tests see what Exercism sees.
    func json(_ report: GradeReport) throws -> [String: Any] {
        let data = try ExercismResults(report: report).jsonData()
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func tests(_ report: GradeReport) throws -> [[String: Any]] {
        try #require(json(report)["tests"] as? [[String: Any]])
    }

    @Test func everyCheckStatus_mapsToAnExercismStatus() throws {
        let report = GradeReport(
            exercise: "e", status: .fail,
            checks: [
                F.check("passed"), F.check("failed", .fail, message: "no"),
                F.check("errored", .error, message: "gone"),
                F.check("skipped", .skipped),
                CheckResult(name: "not checked", status: .skipped, needs: "“failed”"),
            ])
        let tests = try tests(report)
        #expect(tests.map { $0["status"] as? String } == ["pass", "fail", "error", "error", "error"])
        #expect(
            tests.map { $0["message"] as? String } == [
                nil, "no", "gone", "Not run because an earlier check failed.",
                "Not checked (needs “failed”): fix the failing check first.",
            ])
    }

    @Test func runStatus_followsTheReport_butNeverPassesWithAFailedCheck() {
        #expect(ExercismResults.status(of: F.passingRun()) == .pass)
        #expect(ExercismResults.status(of: F.failingRun()) == .fail)
        #expect(ExercismResults.status(of: F.erroringRun()) == .error)
        let inconsistent = GradeReport(exercise: "e", status: .pass, checks: [F.check("a", .skipped)])
        #expect(ExercismResults.status(of: inconsistent) == .fail)
    }

    @Test func topLevelMessage_isPresentOnlyForErrors() throws {
        #expect(try json(F.failingRun())["message"] == nil)
        #expect(try json(F.passingRun())["message"] == nil)
        let message = try #require(try json(F.erroringRun())["message"] as? String)
        #expect(
            message.hasPrefix(
                "Your server exited with status 1 before it started listening.\n\nYour server's last log lines:\n"
            ))
    }

    @Test func errorWithoutChecks_leavesOutTests_butPassAndFailAlwaysHaveThem() throws {
        #expect(try json(F.erroringRun())["tests"] == nil)
        #expect(try json(GradeReport(exercise: "e", status: .pass))["tests"] as? [Any] != nil)
    }

    @Test func extensions_scoreMaxScoreAndExercise_areAtTheTopLevel() throws {
        let json = try json(F.failingRun())
        #expect(json["version"] as? Int == 3)
        #expect(json["score"] as? Int == 2)
        #expect(json["max_score"] as? Int == 4)
        #expect(json["exercise"] as? String == "db03-filters")
    }

    @Test func topLevelMessage_isCutTo65535Bytes_evenWithMultibyteCharacters() throws {
        let long = String(repeating: "é日🙂 compiler says no\n", count: 5_000)
        let report = GradeReport(
            exercise: "e", status: .error, message: long, serverLog: CapturedOutput(head: "last words\n"))
        let message = try #require(ExercismResults(report: report).message)
        #expect(message.utf8.count <= 65_535)
        #expect(message.utf8.count > 65_000)
        #expect(
            message.hasSuffix(
                "\n… (cut short: the rest did not fit in results.json)\n\nYour server's last log lines:\nlast words"
            ))
        #expect(message.hasPrefix("é日🙂 compiler says no\n"))
    }

    @Test func shortMessage_isNotCut() throws {
        let message = try #require(ExercismResults(report: F.compilerErrorRun()).message)
        #expect(message == F.compilerOutput(lines: 100))
    }

    @Test func output_holdsTheLastLogLines_within500Bytes_onTheFirstFailureOnly() throws {
        let log = CapturedOutput(
            head: (1...40).map { "2026-11-29T05:11:06.1\($0)Z INFO  request number \($0)" }.joined(
                separator: "\n"))
        let report = GradeReport(
            exercise: "e", status: .fail,
            checks: [F.check("a"), F.check("b", .fail, message: "no"), F.check("c", .fail, message: "no")],
            serverLog: log)
        let tests = try tests(report)
        let output = try #require(tests[1]["output"] as? String)
        #expect(output.utf8.count <= 500)
        #expect(output.hasSuffix("request number 40"))
        #expect(output.hasPrefix("2026-"), "the output starts with a whole line")
        #expect(tests[0]["output"] == nil)
        #expect(tests[2]["output"] == nil)
    }

    @Test func output_ofOneHugeLogLine_keepsItsEnd() throws {
        let log = CapturedOutput(head: String(repeating: "x", count: 2_000) + "THE END")
        let report = GradeReport(
            exercise: "e", status: .fail, checks: [F.check("b", .fail, message: "no")], serverLog: log)
        let output = try #require(try tests(report)[0]["output"] as? String)
        #expect(output.utf8.count == 500)
        #expect(output.hasSuffix("xTHE END"))
    }

    @Test func testCode_isOnEveryTest_theRequestsSent_orWhatTheCheckChecks() throws {
        var report = F.failingRun()
        report.checks[0].requests = ["POST /books", "GET /books"]
        let tests = try tests(report)
        #expect(
            tests.map { $0["test_code"] as? String } == [
                "POST /books\nGET /books",
                "Sends no request of its own. It checks: ?author= filters by author",
                "GET /books?sort=year",
                "Not run. It checks: ?sort=title,year is refused",
            ])
        #expect(tests.allSatisfy { $0["task_id"] == nil })
    }

    @Test func failedTestMessage_containsTheExchangeAndCurlLine_inPlainText() throws {
        let message = try #require(try tests(F.failingRun())[2]["message"] as? String)
        #expect(message.contains("\nResponse\n  HTTP/1.1 200 OK\n"))
        #expect(
            message.contains(
                "\n  curl -i 'http://127.0.0.1:8080/books?sort=year' -H 'Accept: application/json'\n"))
        #expect(
            message.hasSuffix(
                "\n\nHint: ORDER BY needs the column name in the SQL text, so pick it from a fixed list."))
        #expect(!message.contains("\u{1B}"))
    }

    @Test func baseURL_reachesTheCurlLines() throws {
        let data = try ExercismResults(report: F.failingRun(), baseURL: "http://localhost:9999").jsonData()
        #expect(
            String(decoding: data, as: UTF8.self).contains("curl -i 'http://localhost:9999/books?sort=year'"))
    }
}
