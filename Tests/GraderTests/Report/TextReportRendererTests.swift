import Testing

@testable import Grader

struct TextReportRendererTests {
    typealias F = ReportFixtures
    let renderer = TextReportRenderer(style: UnicodeTextStyle())

    func failingReport(_ failed: CheckResult, log: CapturedOutput? = nil) -> GradeReport {
        GradeReport(exercise: "http01", status: .fail, checks: [F.check("first"), failed], serverLog: log)
    }

    @Test func failureWithoutAnExchange_hasNoRequestResponseOrCurl() {
        let failed = F.check(
            "the books table exists", .fail, message: "expected a table named books, found none",
            hint: "Run the CREATE TABLE when the store opens.")
        #expect(
            renderer.render(failingReport(failed), title: "Schema") == """
                http01 · Schema
                  ✓ first
                  ✗ the books table exists

                ✗ the books table exists
                  expected a table named books, found none

                  Hint: Run the CREATE TABLE when the store opens.

                1 of 2 checks passed · score 1/2

                """)
    }

    @Test func exchangeWithoutAResponse_showsTheProblemInstead() {
        let failed = F.check(
            "GET /books answers", .error,
            message:
                "GET /books → the connection was reset: your server closed it abruptly without answering.",
            exchange: F.exchange(
                F.request(headers: []), nil,
                problem: "the connection was reset: your server closed it abruptly without answering."))
        #expect(
            renderer.render(failingReport(failed)) == """
                http01
                  ✓ first
                  ✗ GET /books answers

                ✗ GET /books answers
                  GET /books → the connection was reset: your server closed it abruptly without answering.

                  Request
                    GET /books HTTP/1.1
                  Response
                    No response: the connection was reset: your server closed it abruptly without answering.

                  Try it yourself (run `backendlings serve` in another terminal):
                    curl -i http://127.0.0.1:8080/books

                1 of 2 checks passed · score 1/2

                """)
    }

    @Test func binaryResponseBody_isDescribedNotPrinted() {
        let body = "\u{FFFD}PNG\r\n\u{1A}\n\u{0}\u{0}\u{FFFD}\u{FFFD}"
        let failed = F.check(
            "cover", .fail, message: "expected JSON",
            exchange: F.exchange(
                F.request(headers: []),
                F.response(headers: [("Content-Type", "image/png")], body: body, bodyBytesOmitted: 4000)))
        let text = renderer.render(failingReport(failed))
        #expect(text.contains("\n    Content-Type: image/png\n    (4,012 bytes of binary data)\n"))
        #expect(!text.contains("PNG"))
    }

    @Test func emptyResponseBody_isSaidOutLoud() {
        let failed = F.check(
            "create", .fail, message: "expected status 201, got 204",
            exchange: F.exchange(
                F.request("POST", "/books", headers: [], body: "{}"),
                F.response(204, "No Content", headers: [])))
        #expect(
            renderer.render(failingReport(failed)).contains(
                """
                  Request
                    POST /books HTTP/1.1
                    {}
                  Response
                    HTTP/1.1 204 No Content
                    (empty body)

                  Try it yourself (run `backendlings serve` in another terminal):
                    curl -i -X POST http://127.0.0.1:8080/books --data-raw '{}'
                """))
    }

    @Test func messageThatAlreadyStartsWithTheRequest_isNotPrefixedTwice() {
        let failed = F.check(
            "book", .fail, message: "GET /books/1 → expected status 200, got 404",
            exchange: F.exchange(
                F.request("GET", "/books/1", headers: []), F.response(404, "Not Found", headers: [])))
        let text = renderer.render(failingReport(failed))
        #expect(text.contains("\n  GET /books/1 → expected status 200, got 404\n"))
        #expect(!text.contains("GET /books/1 → GET /books/1"))
    }

    @Test func multiLineBody_piped_getsANote() {
        let failed = F.check(
            "create", .fail, message: "expected status 201, got 400",
            exchange: F.exchange(
                F.request("POST", "/books", headers: [], body: "{\n\"title\": \"Dune\"\n}"),
                F.response(400, "Bad Request", headers: [], body: "bad")))
        #expect(
            renderer.render(failingReport(failed)).contains(
                """
                    printf '{\\n"title": "Dune"\\n}' | curl -i -X POST http://127.0.0.1:8080/books --data-binary @-
                    (printf sends the body exactly, line breaks and all.)
                """))
    }

    @Test func logLines_loseColourCodesAndControlCharacters() {
        let log = CapturedOutput(head: "\u{1B}[31mERROR\u{1B}[0m boom\u{7}\r\n\u{1B}]0;title\u{7}next\n")
        let failed = F.check("x", .fail, message: "no")
        #expect(
            renderer.render(failingReport(failed, log: log)).contains(
                """
                  Your server's last log lines
                    ERROR boom\u{FFFD}
                    next

                """))
    }

    @Test func logTail_showsAtMostTenLines() {
        let log = CapturedOutput(head: (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n")
        let text = renderer.render(failingReport(F.check("x", .fail, message: "no"), log: log))
        #expect(text.contains("    line 21\n"))
        #expect(!text.contains("    line 20\n"))
        #expect(text.contains("    line 30\n\n1 of 2"))
    }

    @Test func errorRun_withEmptyLog_saysTheServerPrintedNothing() {
        let report = GradeReport(
            exercise: "db01", status: .error,
            message: "Your server exited with status 3 before it started listening.",
            serverLog: CapturedOutput(head: ""))
        #expect(
            renderer.render(report) == """
                db01

                ✗ Your server exited with status 3 before it started listening.

                  Your server printed nothing.

                No checks ran.

                """)
    }

    @Test func errorRun_withoutAMessage_stillSaysSomething() {
        let report = GradeReport(exercise: "db01", status: .error)
        #expect(
            renderer.render(report) == """
                db01

                ✗ The grader could not run the checks, and it did not say why.

                No checks ran.

                """)
    }

    @Test func errorRun_withChecks_listsThemAboveTheMessage() {
        let report = GradeReport(
            exercise: "db01", status: .error, message: "The grader crashed.",
            checks: [F.check("a"), F.check("b", .error, message: "gone")])
        #expect(
            renderer.render(report) == """
                db01
                  ✓ a
                  ✗ b

                ✗ The grader crashed.

                1 of 2 checks passed · score 1/2

                """)
    }

    @Test func compilerOutput_isCutAtFortyLinesWithACount() {
        let text = renderer.render(F.compilerErrorRun())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains("  … 60 more lines"))
        #expect(lines.count == 46)  // header, blank, 40 message lines, marker, blank, summary, final ""
    }

    @Test func singleCheck_summaryIsGrammatical() {
        let passed = GradeReport(exercise: "e", status: .pass, checks: [F.check("a", points: 3)])
        #expect(renderer.render(passed).hasSuffix("\nThe check passed · score 3/3\n"))
        let failed = GradeReport(exercise: "e", status: .fail, checks: [F.check("a", .fail, message: "no")])
        #expect(renderer.render(failed).hasSuffix("\n0 of 1 check passed · score 0/1\n"))
    }

    @Test func durations_appearOnlyInVerboseMode() {
        let report = GradeReport(
            exercise: "e", status: .pass, checks: [F.check("a", duration: 1.2345)], duration: 2)
        #expect(!renderer.render(report).contains("s)"))
        let verbose = TextReportRenderer(style: UnicodeTextStyle(), showsDurations: true).render(report)
        #expect(verbose == "e\n  ✓ a (1.23 s)\n\nThe check passed · score 1/1 · 2.00 s\n")
    }

    @Test func plainStyle_usesWordsAndBackticks() {
        let report = GradeReport(
            exercise: "e", status: .fail,
            checks: [
                F.check("a"), F.check("b", .fail, message: "no", exchange: F.exchange()),
                F.check("c", .skipped),
            ])
        let text = TextReportRenderer(style: PlainTextStyle()).render(report)
        #expect(text.hasPrefix("e\n  PASS a\n  FAIL b\n  SKIP c (not run)\n\nFAIL b\n"))
        #expect(text.contains("  Try it yourself (run `backendlings serve` in another terminal):\n"))
    }

    @Test func worstCaseFailure_staysAroundSixtyLines() {
        let hugeBody = (1...500).map { #"{"id":\#($0),"title":"Book \#($0)"}"# }.joined(separator: ",\n")
        let failed = F.check(
            "list", .fail, message: (1...30).map { "diff line \($0)" }.joined(separator: "\n"),
            hint: "Look at the ORDER BY.",
            exchange: F.exchange(
                F.request("POST", "/books", body: (1...50).map { "field\($0)=x" }.joined(separator: "\n")),
                F.response(body: hugeBody, bodyBytesOmitted: 100_000)))
        let checks = (1...9).map { F.check("check \($0)") } + [failed]
        let log = CapturedOutput(head: String(repeating: "log line\n", count: 500))
        let report = GradeReport(exercise: "e", status: .fail, checks: checks, serverLog: log)
        let lineCount =
            renderer.render(report).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        // 57 lines besides the response body (the multi-line request body adds the printf note),
        // so the body shrinks from 20 lines to its minimum of 5.
        #expect(lineCount == 62)
        #expect(renderer.render(report).contains("\n    {\"id\":5,\"title\":\"Book 5\"},\n    … "))
    }

    @Test func aFailuresOwnLog_isShownInsteadOfTheRunsLastLines() {
        var failed = F.check(
            "GET /books answers 200", .fail,
            message: "GET /books → expected status 200 OK, got 500 Internal Server Error")
        failed.serverLog = CapturedOutput(head: "ERROR  no such table: books request_id=ab12\n")
        let text = renderer.render(
            failingReport(failed, log: CapturedOutput(head: "Listening on http://127.0.0.1:1\nlater line\n")))
        #expect(
            text.contains(
                """
                  Your server's log during this check
                    ERROR  no such table: books request_id=ab12
                """))
        #expect(!text.contains("later line"))
    }
}
