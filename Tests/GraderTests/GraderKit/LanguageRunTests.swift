#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    /// Whole runs of `fixture-grader --exercise languages` (checks written with `Words`, with
    /// `Words(english:)` and with plain strings) in each language: everything the grader writes is
    /// in the language `--lang` names, and a text without Indonesian shows its English.
    @Suite(.timeLimit(.minutes(3)))
    struct LanguageRunTests {
        /// Runs the grader on the `ok` fixture with `arguments` added; returns how it ended, what it
        /// printed on stdout and on stderr.
        private func grade(_ arguments: [String]) async throws -> (Grader.ExitStatus, String, String) {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let stdout = mark.directory + "/stdout.txt"
            let stderr = mark.directory + "/stderr.txt"
            let command =
                "grader=\"$0\"; server=\"$1\"; shift; "
                + "\"$grader\" --exercise languages --server \"$server\" \"$@\" > \(stdout) 2> \(stderr)"
            let (status, _) = try await ChildProcess.run(
                executable: "/bin/sh",
                arguments: ["-c", command, try FixtureGraderTests.grader, try GraderFixture.path] + arguments,
                environment: .inherit(
                    adding: mark.environment.merging(["GRADER_FIXTURE_MODE": "ok"]) { a, _ in a }),
                timeout: .seconds(90))
            let out = (try? String(contentsOfFile: stdout, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOfFile: stderr, encoding: .utf8)) ?? ""
            return (status, out, err)
        }

        /// The report as JSON, from a run in `language`.
        private func report(_ language: String) async throws -> GradeReport {
            let (status, out, err) = try await grade(["--lang", language, "--format", "json"])
            #expect(status == .exited(0), "\(err)")
            return try JSONDecoder().decode(GradeReport.self, from: Data(out.utf8))
        }

        /// Ports change from run to run; nothing else in the default text report does.
        private func normalised(_ text: String) -> String {
            text.replacingOccurrences(
                of: #"127\.0\.0\.1:[0-9]+"#, with: "127.0.0.1:PORT", options: .regularExpression)
        }

        @Test func indonesianFailureReport_matchesGolden() async throws {
            let (status, out, err) = try await grade(["--lang", "id"])
            #expect(status == .exited(0), "\(err)")
            ReportGolden.expect(normalised(out), matches: "languages.id.txt")
        }

        @Test func englishFailureReport_matchesGolden() async throws {
            let (status, out, err) = try await grade(["--lang", "en"])
            #expect(status == .exited(0), "\(err)")
            ReportGolden.expect(normalised(out), matches: "languages.en.txt")
        }

        @Test func withoutLang_theReportIsEnglish() async throws {
            let (status, out, err) = try await grade([])
            #expect(status == .exited(0), "\(err)")
            ReportGolden.expect(normalised(out), matches: "languages.en.txt")
        }

        @Test func checksWrittenWithWords_showTheirIndonesian_underLangID() async throws {
            let report = try await report("id")
            #expect(
                report.checks.map(\.name) == [
                    "GET /hello menjawab 200", "GET /hello menjawab 201 Created", "GET /hello is still there",
                    "GET /missing says why in English", "GET /hello bilang goodbye",
                ])
            #expect(report.checks.map(\.status) == [.pass, .fail, .skipped, .fail, .fail])
            #expect(
                report.checks[1].message
                    == "GET /hello → seharusnya status 201 Created, tapi yang datang 200 OK")
            #expect(report.checks[1].hint == "Request yang membuat sesuatu dijawab dengan 201 Created.")
            // A need names its check by the English name; the report names it in the run's language.
            #expect(report.checks[2].needs == "“GET /hello menjawab 201 Created”")
            #expect(
                report.checks[2].message
                    == "Tidak dicek: pengecekan ini butuh “GET /hello menjawab 201 Created”.")
            #expect(report.checks[4].message == "GET /hello → body-nya \"hello\", bukan \"goodbye\"")
        }

        @Test func englishOnlyTexts_fallBackToEnglish_oneByOne_underLangID() async throws {
            let report = try await report("id")
            #expect(report.checks[3].name == "GET /missing says why in English")
            #expect(report.checks[3].message == "GET /missing → the body says not found")
            #expect(report.checks[3].hint == "This pack ships English only.")
            // A translated message with an English-only hint: each text falls back on its own.
            #expect(report.checks[4].hint == "Only the hint is English here.")
        }

        @Test func checksWrittenWithWords_showTheirEnglish_underLangEN() async throws {
            let report = try await report("en")
            #expect(
                report.checks.map(\.name) == [
                    "GET /hello answers 200", "GET /hello answers 201 Created", "GET /hello is still there",
                    "GET /missing says why in English", "GET /hello says goodbye",
                ])
            #expect(report.checks[1].message == "GET /hello → expected status 201 Created, got 200 OK")
            #expect(report.checks[1].hint == "A request that creates something is answered 201 Created.")
            #expect(report.checks[2].message == "Not checked: it needs “GET /hello answers 201 Created”.")
            #expect(report.checks[4].message == "GET /hello → the body is \"hello\", not \"goodbye\"")
        }

        @Test func unknownLanguage_isAUsageError() async throws {
            let (status, out, err) = try await grade(["--lang", "xx"])
            #expect(status == .exited(2))
            #expect(out.isEmpty)
            #expect(err.hasPrefix("--lang must be en or id, not xx.\nUsage: grader "), "\(err)")
        }

        @Test func langWithoutValue_isAUsageError() async throws {
            let (status, _, err) = try await grade(["--lang"])
            #expect(status == .exited(2))
            #expect(err.hasPrefix("--lang needs a value.\n"), "\(err)")
        }
    }
#endif
