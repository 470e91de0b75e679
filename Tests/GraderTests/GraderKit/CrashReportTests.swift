#if os(Linux)
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// A learner server that traps: the report shows Swift's message and the learner's line, not the
    /// runtime's page of threads, registers and images.
    @Suite(.timeLimit(.minutes(2)))
    struct CrashReportTests {
        /// `Tests/Fixtures/grader-fixture/Trap.swift`, where the fixture's "learner code" is.
        private static let trapFile = URL(filePath: #filePath).deletingLastPathComponent()
            .appending(path: "../../Fixtures/grader-fixture/Trap.swift").standardized

        private static func line(containing text: String, in file: URL) throws -> Int {
            let lines = try String(contentsOf: file, encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            return try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == text }) + 1
        }

        @Test func aNilUnwrapInAHandler_isReportedWithTheFatalErrorLine_andTheLearnersFileAndLine()
            async throws
        {
            let report = try await GraderRun.run(
                "trap-on-request",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                    Check(Words(english: "GET /books/5 answers 404")) { t in
                        try t.http.get("/books/5").expectStatus(404)
                    },
                    Check(Words(english: "GET /hello still answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    },
                ])
            #expect(report.checks.map(\.status) == [.pass, .fail, .skipped])
            let crash = try #require(report.checks[1].crash)
            let line = try Self.line(containing: "return title!", in: Self.trapFile)
            #expect(crash.location?.fileAndLine == "Tests/Fixtures/grader-fixture/Trap.swift:\(line)")
            #expect(crash.location?.source == "return title!")

            let text = TextReportRenderer(style: UnicodeTextStyle()).render(report)
            #expect(
                text.contains("Fatal error: Unexpectedly found nil while unwrapping an Optional value"),
                "\(text)")
            #expect(text.contains("Tests/Fixtures/grader-fixture/Trap.swift:\(line)"), "\(text)")
            #expect(text.contains("\(line) | return title!"), "\(text)")
            #expect(
                text.contains("grader-fixture: looking up book 5"), "the log lines before the crash: \(text)")
            #expect(
                text.contains(
                    "not checked (needs your server, which stopped during “GET /books/5 answers 404”)"))
            for noise in [
                "Images (", "Registers:", "Thread 0", "No response: no response", "Its last lines of output",
            ] {
                #expect(!text.contains(noise), "\(noise) in:\n\(text)")
            }
            let json = String(decoding: try ExercismResults.encode(report), as: UTF8.self)
            #expect(json.contains("Trap.swift:\(line)"))
            #expect(!json.contains("Images ("))
            #expect(!JUnitReport.render(report).contains("Images ("))
        }

        @Test func anErrorThrownAtStart_isAnErrorRun_thatSaysWhatWasThrownAndWhere() async throws {
            let report = try await GraderRun.run(
                "throw-at-start",
                [
                    Check(Words(english: "GET /hello answers 200")) { t in
                        try t.http.get("/hello").expectStatus(200)
                    }
                ])
            #expect(report.status == .error)
            let crash = try #require(report.crash)
            #expect(crash.message.first?.contains("Fatal error: Error raised at top level: ") == true)
            #expect(
                crash.message.first?.contains(#"MigrationFailed(reason: "near \"CREAT\": syntax error")"#)
                    == true)
            #expect(crash.location?.file == "Tests/Fixtures/grader-fixture/main.swift")
            let text = TextReportRenderer(style: UnicodeTextStyle()).render(report)
            #expect(text.contains("crashed (killed by signal SIGILL"), "\(text)")
            #expect(text.contains("Error raised at top level"), "\(text)")
            #expect(text.contains("grader-fixture: migrating the database"), "\(text)")
            #expect(!text.contains("Images ("), "\(text)")
        }
    }
#endif
