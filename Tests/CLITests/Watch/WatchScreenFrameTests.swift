import Foundation
import Grader
import Runner
import Testing

@testable import backendlings

/// The watch screen's frame for a given state and terminal size, compared with golden files: a
/// long failure must leave the header, the status line and the keys on screen, cut to fit.
struct WatchScreenFrameTests {
    private func makeScreen(style: OutputStyle = .plain) throws -> WatchScreen {
        let packRoot = try E2EFixture.pack("pack-frames")
        let pack = try Pack.load(from: packRoot)
        let workspace = Workspace(
            root: E2EFixture.root.appendingPathComponent("workspace-frames"), pack: pack,
            home: E2EFixture.home,
            currentDirectory: E2EFixture.root)
        let context = RunnerContext(
            locations: Locations(home: E2EFixture.home, packRoot: packRoot, workspace: workspace.root),
            pack: pack,
            workspace: workspace)
        return WatchScreen(
            context: context, style: style, exercise: pack.exercises[0], welcome: nil,
            naming: CommandNaming(prefix: "backendlings"), size: { (80, 24) }, write: { _ in },
            time: { _ in "07:10:35" })
    }

    /// A report like a real one with a long failure: six passes, one failure with a 1.5 KB body
    /// and 25 log lines, one more pass.
    static let longFailure: GradeReport = {
        let passed = [
            "the books table has the columns title, author, isbn, year and copies",
            "POST /books stores a complete book and answers 201 with it",
            "a book without a title is refused (NOT NULL)",
            "a book without an author or an ISBN is refused (NOT NULL)",
        ].map { CheckResult(name: $0, status: .pass) }
        let body =
            "["
            + (1...15).map {
                "{\"id\":\($0),\"title\":\"A book with a long title number \($0)\",\"year\":2005}"
            }
            .joined(separator: ",") + "]"
        let log =
            (1...25).map {
                "2026-11-29T07:19:38.\(100 + $0)Z INFO    POST /books 201 0.14ms request_id=f5d355e5af0f31c\($0 % 10)"
            }
            .joined(separator: "\n") + "\n"
        let failed = CheckResult(
            name: "two books with the same ISBN are refused (UNIQUE)", status: .fail,
            message: "expected status 409 Conflict, got 201 Created",
            hint:
                "Add UNIQUE to the isbn column: then the database itself refuses a second book with the same ISBN.",
            exchange: HTTPExchange(
                request: .init(
                    method: "POST", target: "/books", headers: [.init("Content-Type", "application/json")],
                    body:
                        "{\"author\":\"Andrea Hirata\",\"isbn\":\"9780000000005\",\"title\":\"Another title\"}"
                ),
                response: .init(
                    status: 201, reason: "Created",
                    headers: [.init("Content-Type", "application/json"), .init("Location", "/books/3")],
                    body: body)),
            serverLog: CapturedOutput(head: log))
        return GradeReport(
            exercise: "hello01-greeting", status: .fail,
            checks: passed + [
                failed, CheckResult(name: "the books survive a restart of the server", status: .pass),
            ])
    }()

    private func failingScreen() async throws -> WatchScreen {
        let screen = try makeScreen()
        let exercise = await screen.currentExercise
        await screen.apply(.checkStarted(exercise, savedAt: Date()))
        await screen.apply(
            .checkFinished(CheckOutcome(exercise: exercise, report: Self.longFailure, duration: .seconds(1))))
        return screen
    }

    private func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    @Test func longFailure_at80x24_keepsHeaderStatusAndKeys_andCutsTheReport() async throws {
        let lines = try await failingScreen().frame().lines(columns: 80, rows: 24)
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { TerminalText.width($0) < 80 })
        #expect(lines[1].hasPrefix("hello01-greeting · Say hello"))
        #expect(lines[5].hasPrefix("[fail] 5 of 6 · expected status 409 Conflict, got 201 Created"))
        #expect(lines[23] == "h hint  l list  n next  r rerun  s serve  f full report  p progress  q quit")
        #expect(lines.contains { $0.contains("more lines · press f for the full report") })
        FrameGolden.expect(text(lines), matches: "watch-failing-80x24.txt")
    }

    /// A starter's first run: the first check fails, the seven after it wait for it.
    static let firstRun: GradeReport = {
        let failed = CheckResult(
            name: "POST /books stores a complete book and answers 201 with it", status: .fail,
            message: "expected status 201 Created, got 501 Not Implemented",
            hint: "Insert the book with a bound INSERT, then answer .created(book, location:).",
            exchange: HTTPExchange(
                request: .init(
                    method: "POST", target: "/books", headers: [.init("Content-Type", "application/json")],
                    body:
                        "{\"author\":\"Andrea Hirata\",\"isbn\":\"9789793062792\",\"title\":\"Laskar Pelangi\"}"
                ),
                response: .init(
                    status: 501, reason: "Not Implemented",
                    headers: [.init("Content-Type", "application/problem+json")],
                    body:
                        "{\"status\":501,\"title\":\"Not Implemented\",\"detail\":\"TODO: insert the book\"}")
            ),
            serverLog: CapturedOutput(
                head: (1...6).map { "2026-11-29T07:19:38.10\($0)Z INFO    POST /books 501 0.1\($0)ms\n" }
                    .joined()))
        let waiting = [
            "GET /books/:id answers the book POST /books created, with every field",
            "GET /books/:id for a book that does not exist answers 404 Not Found",
            "a book without a title is refused with 422 and nothing is stored",
            "two books with the same ISBN are refused with 409 Conflict (UNIQUE)",
            "the year must be a whole number between 1450 and next year",
            "the books survive a restart of the server (they are in the file)",
            "values reach the SQL as ? parameters, never as text in the SQL",
        ].map {
            CheckResult(name: $0, status: .skipped, needs: failed.name)
        }
        return GradeReport(exercise: "hello01-greeting", status: .fail, checks: [failed] + waiting)
    }()

    @Test func firstRun_at80x24_foldsTheNotCheckedLines_soTheFailureStaysOnScreen() async throws {
        let screen = try makeScreen()
        let exercise = await screen.currentExercise
        await screen.apply(.checkStarted(exercise, savedAt: Date()))
        await screen.apply(
            .checkFinished(CheckOutcome(exercise: exercise, report: Self.firstRun, duration: .seconds(1))))
        let lines = await screen.frame().lines(columns: 80, rows: 24)
        #expect(lines.count == 24)
        #expect(lines.contains("  SKIP 7 more not checked: each needs a check above to pass first"))
        #expect(!lines.contains { $0.contains("not checked (needs") })
        #expect(lines.contains { $0.contains("expected status 201 Created, got 501 Not Implemented") })
        #expect(lines.contains("    HTTP/1.1 501 Not Implemented"))
        FrameGolden.expect(text(lines), matches: "watch-first-run-80x24.txt")
    }

    @Test func longFailure_at130x45_showsMore() async throws {
        let lines = try await failingScreen().frame().lines(columns: 130, rows: 45)
        #expect(lines.count == 45)
        #expect(lines.allSatisfy { TerminalText.width($0) < 130 })
        FrameGolden.expect(text(lines), matches: "watch-failing-130x45.txt")
    }

    @Test func whileChecking_theStatusSaysWhatIsHappening() async throws {
        let screen = try makeScreen()
        let exercise = await screen.currentExercise
        await screen.apply(.checkStarted(exercise, savedAt: Date()))
        await screen.apply(.stage(.building(progress: nil)))
        #expect(await screen.statusLine() == "Checking… saved 07:10:35 · building your code ")
        await screen.apply(.stage(.grading))
        #expect(
            await screen.statusLine() == "Checking… saved 07:10:35 · running the checks against your server")
    }

    @Test func aTerminalTooSmall_getsOneLineThatSaysSo() async throws {
        let lines = try await failingScreen().frame().lines(columns: 30, rows: 8)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Terminal too small (30x8); m"))
    }

    @Test func aPass_clearsTheHint_andServingShowsBuildTimeAndDatabase() async throws {
        let screen = try await failingScreen()
        await screen.show(hint: .check(name: "two books", text: "Add UNIQUE."))
        #expect(await screen.frame().sections.contains { $0.first == "Hint for “two books”" })
        let exercise = await screen.currentExercise
        let passing = GradeReport(
            exercise: exercise.id, status: .pass,
            checks: [CheckResult(name: "GET /hello answers", status: .pass)])
        await screen.apply(
            .checkFinished(CheckOutcome(exercise: exercise, report: passing, duration: .seconds(1))))
        await screen.apply(
            .serving(
                ServeFollower.Status(
                    exercise: exercise, port: 8080,
                    databaseFile: E2EFixture.root.appendingPathComponent(
                        "workspace-frames/data/hello01-greeting.sqlite"),
                    builtAt: Date()), problem: nil))
        let lines = await screen.frame().lines(columns: 80, rows: 24)
        #expect(!lines.contains { $0.contains("Hint") })
        FrameGolden.expect(text(lines), matches: "watch-passing-serving-80x24.txt")
    }

    @Test func longFailure_inIndonesian_at80x24_fitsWithEveryRegion() async throws {
        try await Language.$bound.withValue(.id) {
            let lines = try await failingScreen().frame().lines(columns: 80, rows: 24)
            #expect(lines.count == 24)
            #expect(lines.allSatisfy { TerminalText.width($0) < 80 }, "\(lines)")
            #expect(lines[0] == "Hello · latihan 1 dari 1")
            #expect(lines[2].hasPrefix("  Baca: "))
            #expect(lines[5].hasPrefix("[fail] 5 dari 6 · "))
            #expect(lines.contains { $0.contains("baris lagi · tekan f untuk laporan lengkap") })
            #expect(
                lines[23] == "h petunjuk  l daftar  n lanjut  r cek  s serve  f laporan  p progres  q keluar")
            FrameGolden.expect(text(lines), matches: "watch-failing-80x24.id.txt")
        }
    }

    @Test func passingAndServing_inIndonesian_at80x24() async throws {
        try await Language.$bound.withValue(.id) {
            let screen = try makeScreen()
            let exercise = await screen.currentExercise
            let passing = GradeReport(
                exercise: exercise.id, status: .pass,
                checks: [CheckResult(name: "GET /hello answers", status: .pass)])
            await screen.apply(.checkStarted(exercise, savedAt: Date()))
            await screen.apply(
                .checkFinished(CheckOutcome(exercise: exercise, report: passing, duration: .seconds(1))))
            await screen.apply(
                .serving(
                    ServeFollower.Status(
                        exercise: exercise, port: 8080,
                        databaseFile: E2EFixture.root.appendingPathComponent(
                            "workspace-frames/data/hello01-greeting.sqlite"),
                        builtAt: Date()), problem: nil))
            let lines = await screen.frame().lines(columns: 80, rows: 24)
            #expect(lines.allSatisfy { TerminalText.width($0) < 80 }, "\(lines)")
            #expect(lines[5] == "[done] lulus · pengecekannya lulus")
            FrameGolden.expect(text(lines), matches: "watch-passing-serving-80x24.id.txt")
            let summary = await screen.exitSummary()
            #expect(summary.hasPrefix("hello01-greeting · lulus\n"), "\(summary)")
        }
    }

    @Test func statusAndSmallTerminal_inIndonesian() async throws {
        try await Language.$bound.withValue(.id) {
            let screen = try makeScreen()
            let exercise = await screen.currentExercise
            await screen.apply(.checkStarted(exercise, savedAt: Date()))
            await screen.apply(.stage(.building(progress: nil)))
            #expect(await screen.statusLine() == "Mengecek… disimpan 07:10:35 · mem-build kodemu ")
            let small = await screen.frame().lines(columns: 30, rows: 8)
            #expect(small.count == 1)
            #expect(small[0].hasPrefix("Terminal terlalu kecil (30x8"))
        }
    }

    @Test func keyBar_namesEveryKey_andFits79ColumnsInBothLanguages() async throws {
        for language in [Language.en, .id] {
            for style in [OutputStyle.plain, .rich] {
                try await Language.$bound.withValue(language) {
                    let keys = try #require(await makeScreen(style: style).frame().footer.last)
                    #expect(TerminalText.width(keys) <= 79, "\(language): \(TerminalText.plain(keys))")
                    let letters = TerminalText.plain(keys).components(separatedBy: WatchScreen.keySeparator)
                        .map { $0.prefix(1) }
                    #expect(letters == ["h", "l", "n", "r", "s", "f", "p", "q"], "\(language)")
                }
            }
        }
    }

    @Test func frameFit_keepsSectionsAndCutsTheReportWithACount() {
        let report = (1...30).map { "line \($0)" }
        let body = WatchFrame.fit(report: report, sections: [["a hint"]], into: 10, key: "f")
        #expect(body.count == 10)
        #expect(body[7] == "… 23 more lines · press f for the full report")
        #expect(body[8] == "")
        #expect(body[9] == "a hint")
    }

    @Test func truncation_countsColumnsNotBytes_andKeepsStylesBalanced() {
        #expect(TerminalText.width("\u{1B}[31m✗\u{1B}[39m abc") == 5)
        #expect(TerminalText.width("日本") == 4)
        #expect(TerminalText.truncated("abcdef", to: 4) == "abc…")
        #expect(TerminalText.truncated("\u{1B}[1mabcdef\u{1B}[22m", to: 4) == "\u{1B}[1mabc…\u{1B}[0m")
        #expect(TerminalText.truncated("abc", to: 4) == "abc")
    }

    @Test func wrapping_keepsTheIndentOfTheFirstRow_styledOrNot() {
        #expect(
            TerminalText.wrapped("  - a long line of words", to: 12, maxRows: 2) == [
                "  - a long", "    line of…",
            ])
        let dim = OutputStyle.rich.dim("- a long line")
        #expect(
            TerminalText.wrapped("  " + dim, to: 10, maxRows: 2).first?.hasPrefix("  \u{1B}[2m- a") == true)
    }
}

/// Golden files for frames, under `Golden/` next to this file; `UPDATE_GOLDEN=1` rewrites them
/// (then review the diff).
enum FrameGolden {
    static let directory = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Golden")

    static func expect(
        _ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = directory.appending(path: name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url, options: .atomic)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing golden file \(name))"
        #expect(
            actual == expected, "frame differs from \(name); UPDATE_GOLDEN=1 rewrites it",
            sourceLocation: sourceLocation)
    }
}
