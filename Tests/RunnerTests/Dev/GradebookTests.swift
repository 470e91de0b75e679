import Foundation
import Grader
import Testing

@testable import Runner

/// The class gradebook, from batch results and progress records to the HTML an instructor opens.
struct GradebookTests {
    let pack = FixturePack.inMemory()
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 UTC
    static let hostile = "expected 200, got <script>alert('x')</script> & \"more\""

    func check(_ name: String, _ status: CheckResult.Status, _ message: String? = nil) -> CheckResult {
        CheckResult(name: name, status: status, message: message)
    }

    func result(_ name: String, _ reports: [GradeReport], problem: String? = nil)
        -> BatchGrade.WorkspaceResult
    {
        let exercises = reports.map(BatchGrade.ExerciseResult.init(report:))
        return BatchGrade.WorkspaceResult(
            workspace: name, exercises: exercises, score: exercises.reduce(0) { $0 + $1.score },
            maxScore: exercises.reduce(0) { $0 + $1.maxScore },
            passed: exercises.filter { $0.status == "pass" }.count, problem: problem)
    }

    /// ayu: db01 passes, db02 fails with a hostile message, auth01 does not build.
    /// budi: could not be graded. cici: db01 and db02 fail on the same checks, auth01 passes.
    var results: [BatchGrade.WorkspaceResult] {
        [
            result(
                "ayu",
                [
                    GradeReport(
                        exercise: "db01-schema", status: .pass,
                        checks: [check("table", .pass), check("types", .pass)]),
                    GradeReport(
                        exercise: "db02-queries", status: .fail,
                        checks: [
                            check("select", .pass), check("filter <b>", .fail, Self.hostile),
                            check("sort", .skipped),
                        ]),
                    GradeReport(
                        exercise: "auth01-passwords", status: .error,
                        message: "Your code does not compile yet.",
                        checks: [check("hash", .skipped), check("salt", .skipped)]),
                ]),
            result("budi", [], problem: "it has no Package.swift"),
            result(
                "cici",
                [
                    GradeReport(
                        exercise: "db01-schema", status: .fail,
                        checks: [check("table", .pass), check("types", .fail, "got TEXT")]),
                    GradeReport(
                        exercise: "db02-queries", status: .fail,
                        checks: [
                            check("select", .pass), check("filter <b>", .fail, "got 3 books"),
                            check("sort", .fail, "unsorted"),
                        ]),
                    GradeReport(
                        exercise: "auth01-passwords", status: .pass,
                        checks: [check("hash", .pass), check("salt", .pass)]),
                ]),
        ]
    }

    /// ayu checked db01 twice (failing at 1 min, passing 2 min later) and revealed 2 hints; db02 once.
    var ayuProgress: LearnerProgress {
        var progress = LearnerProgress(startedAt: start, current: "db02-queries")
        _ = progress.recordCheck(
            "db01-schema", passed: false, at: start.addingTimeInterval(60),
            tally: CheckTally(passed: 1, total: 2))
        _ = progress.recordCheck(
            "db01-schema", passed: true, at: start.addingTimeInterval(180),
            tally: CheckTally(passed: 2, total: 2))
        _ = progress.recordCheck(
            "db02-queries", passed: false, at: start.addingTimeInterval(600),
            tally: CheckTally(passed: 1, total: 3))
        progress.exercises["db01-schema"]?.hintsShown = 2
        return progress
    }

    var gradebook: Gradebook {
        Gradebook(pack: pack, results: results, progress: [ayuProgress, nil, nil], language: .en)
    }

    @Test func cells_joinTheGradersVerdictWithTheLearnersProgress() {
        let ayu = gradebook.rows[0]
        #expect(
            ayu.cells[0]
                == Gradebook.Cell(
                    exercise: "db01-schema", status: "pass", score: .init(score: 2, maxScore: 2), attempts: 2,
                    firstPassSeconds: 180, hintsShown: 2, hintsTotal: 3, failingCheck: nil,
                    failingMessage: nil))
        #expect(ayu.cells[1].failingCheck == "filter <b>")
        #expect(ayu.cells[1].failingMessage == Self.hostile)
        #expect(ayu.cells[1].firstPassSeconds == nil)
        #expect(ayu.cells[2].failingCheck == nil, "nothing ran: no check failed, the build did")
        #expect(ayu.cells[2].failingMessage == "Your code does not compile yet.")
        #expect(ayu.moduleTotals == [.init(score: 3, maxScore: 5), .init(score: 0, maxScore: 2)])
        #expect(ayu.total == .init(score: 3, maxScore: 7))
        #expect(gradebook.rows[1].problem == "it has no Package.swift")
        #expect(gradebook.rows[2].cells.map(\.attempts) == [0, 0, 0], "no progress record: zeros")
    }

    @Test func stuck_countsLearnersFailingEachCheck_mostFailedFirst() {
        #expect(
            gradebook.stuck
                == [
                    Gradebook.StuckExercise(
                        exercise: "db01-schema", title: "Create the books table", passing: 1, graded: 2,
                        checks: [
                            .init(name: "types", failing: 1, example: "got TEXT"),
                            .init(name: "table", failing: 0),
                        ]),
                    Gradebook.StuckExercise(
                        exercise: "db02-queries", title: "Query the books", passing: 0, graded: 2,
                        checks: [
                            .init(name: "filter <b>", failing: 2, example: Self.hostile),
                            .init(name: "sort", failing: 2, example: "unsorted"),
                            .init(name: "select", failing: 0),
                        ]),
                    Gradebook.StuckExercise(
                        exercise: "auth01-passwords", title: "Hash passwords", passing: 1, graded: 2,
                        checks: [
                            .init(name: "hash", failing: 1, example: "Your code does not compile yet."),
                            .init(name: "salt", failing: 1, example: "Your code does not compile yet."),
                        ]),
                ])
    }

    @Test func html_showsScoresTotalsAndFailures_escapingWhatLearnersSent() {
        let html = gradebook.html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>Gradebook · Fixture</title>"))
        #expect(
            html.contains(
                "<p id=\"summary\">3 learners · 3 exercises · Class score: <strong>7/14</strong> (50%)</p>"))
        #expect(
            html.contains(
                "<th colspan=\"3\" class=\"module\">Databases</th><th colspan=\"2\" class=\"module\">Accounts</th>"
            ))
        #expect(
            html.contains(
                "<td class=\"cell pass\" data-col=\"1\" data-value=\"1.0000\" data-exercise=\"db01-schema\" title=\"passes\">"
                    + "<span class=\"score\">2/2</span><span class=\"meta\"><span class=\"attempts\" title=\"attempts\">2</span> · "
                    + "<span class=\"first-pass\" title=\"first pass after\">3 min</span> · "
                    + "<span class=\"hints\" title=\"hints\">2/3</span></span></td>"))
        let escaped =
            "expected 200, got &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
        #expect(
            html.contains(
                "<td class=\"cell fail\" data-col=\"2\" data-value=\"0.3333\" data-exercise=\"db02-queries\" tabindex=\"0\" "
                    + "title=\"filter &lt;b&gt;: \(escaped)\">"))
        #expect(
            html.contains(
                "<div class=\"why\" hidden><h3><span class=\"who\">ayu</span> · <code>db02-queries</code> · filter &lt;b&gt;</h3>"
                    + "<pre>\(escaped)</pre></div>"))
        #expect(html.contains("<td class=\"subtotal\" data-col=\"3\" data-value=\"0.6000\">3/5</td>"))
        #expect(html.contains("<td class=\"total\" data-col=\"6\" data-value=\"0.4286\">3/7</td>"))
        #expect(
            html.contains(
                "<td class=\"problem\" colspan=\"5\">could not be graded: it has no Package.swift</td>"))
        #expect(
            html.contains(
                "<li title=\"\(escaped)\"><span class=\"bar\"><span style=\"width:100%\"></span></span>"
                    + "<span class=\"count\">2 of 2</span> <span class=\"check\">filter &lt;b&gt;</span></li>"
            ))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("src=\"http"), "no external assets")
    }

    @Test func html_speaksIndonesianWhenTheRunDoes() {
        let html = Gradebook(pack: pack, results: results, progress: [ayuProgress, nil, nil], language: .id)
            .html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"id\">"))
        #expect(html.contains("<title>Daftar nilai · Fixture</title>"))
        #expect(html.contains("3 peserta · 3 latihan · Nilai kelas: <strong>7/14</strong> (50%)"))
        #expect(html.contains("<h2>Di mana kelas tersendat</h2>"))
        #expect(html.contains("<span class=\"count\">2 dari 2</span>"))
        #expect(html.contains("tidak bisa dinilai: it has no Package.swift"))
        #expect(html.contains("title=\"lulus pertama setelah\">3 menit</span>"))
        #expect(!html.contains(">Gradebook<"))
    }

    @Test func firstPassTime_countsOnlyTheChecksUpToTheFirstPass() {
        var progress = ayuProgress
        _ = progress.recordCheck(
            "db01-schema", passed: false, at: start.addingTimeInterval(900),
            tally: CheckTally(passed: 1, total: 2))
        #expect(progress.secondsUntilFirstPass(of: "db01-schema") == 180)
        #expect(progress.secondsUntilFirstPass(of: "db02-queries") == nil)
    }

    @Test func reading_takesProgressFromEachFolder_withoutWritingIt() throws {
        try withTemporaryDirectory { dir in
            let ayu = dir.appendingPathComponent("ayu")
            let file = ayu.appendingPathComponent(".backendlings/progress.json")
            try writeFixture(String(decoding: ProgressCoding.encode(ayuProgress), as: UTF8.self), to: file)
            let before = try FileSystem.contentsOfDirectory(file.deletingLastPathComponent())
            let book = Gradebook.reading(
                pack: pack, results: results, folders: [ayu, dir.appendingPathComponent("budi"), dir],
                language: .en)
            #expect(book == gradebook)
            #expect(
                try FileSystem.contentsOfDirectory(file.deletingLastPathComponent()) == before,
                "no lock file, no backup")
        }
    }
}
