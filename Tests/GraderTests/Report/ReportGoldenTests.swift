import Testing

@testable import Grader

/// Every output of every kind of run, compared byte for byte with a reviewed golden file.
/// See ``ReportGolden`` for how to update them.
struct ReportGoldenTests {
    enum Run: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case passing, failing, erroring, compilerError, notChecked, crashed

        var report: GradeReport {
            switch self {
            case .passing: ReportFixtures.passingRun()
            case .failing: ReportFixtures.failingRun()
            case .erroring: ReportFixtures.erroringRun()
            case .compilerError: ReportFixtures.compilerErrorRun()
            case .notChecked: ReportFixtures.notCheckedRun()
            case .crashed: ReportFixtures.crashedRun(log: (try? CrashSamples.text("server")) ?? "")
            }
        }

        var title: String {
            switch self {
            case .passing: "Add a book"
            case .failing: "Filtering and ordering"
            case .erroring, .compilerError: "Create the books table"
            case .notChecked: "A health check"
            case .crashed: "Insert and fetch books"
            }
        }

        var testDescription: String { rawValue }
    }

    @Test(arguments: Run.allCases)
    func plainText_matchesGolden(run: Run) {
        let text = TextReportRenderer(style: PlainTextStyle()).render(run.report, title: run.title)
        ReportGolden.expect(text, matches: "\(run.rawValue).plain.txt")
    }

    @Test(arguments: Run.allCases)
    func unicodeText_matchesGolden(run: Run) {
        let text = TextReportRenderer(style: UnicodeTextStyle()).render(run.report, title: run.title)
        ReportGolden.expect(text, matches: "\(run.rawValue).unicode.txt")
    }

    /// The labels in Indonesian around the report's own texts (which the grader wrote in its run's
    /// language; these fixtures are English), for the runs whose layout differs most.
    @Test(arguments: [Run.failing, .erroring, .notChecked, .crashed])
    func indonesianLabels_matchGolden(run: Run) {
        let text = Language.$bound.withValue(.id) {
            TextReportRenderer(style: UnicodeTextStyle()).render(run.report, title: run.title)
        }
        ReportGolden.expect(text, matches: "\(run.rawValue).id.txt")
    }

    @Test func verboseText_showsDurations_matchesGolden() {
        let run = Run.failing
        let text = TextReportRenderer(style: UnicodeTextStyle(), showsDurations: true).render(
            run.report, title: run.title)
        ReportGolden.expect(text, matches: "failing.verbose.txt")
    }

    @Test(arguments: Run.allCases)
    func resultsJSON_matchesGolden(run: Run) throws {
        let data = try ExercismResults(report: run.report).jsonData()
        ReportGolden.expect(String(decoding: data, as: UTF8.self), matches: "\(run.rawValue).results.json")
    }

    @Test(arguments: Run.allCases)
    func junitXML_matchesGolden(run: Run) {
        ReportGolden.expect(JUnitReport.render(run.report), matches: "\(run.rawValue).junit.xml")
    }

    @Test func staticShortcuts_giveTheSameBytesAsTheGoldenFiles() throws {
        let run = Run.failing
        ReportGolden.expect(
            TextReportRenderer.render(run.report, title: run.title), matches: "failing.unicode.txt")
        let data = try ExercismResults.encode(run.report)
        ReportGolden.expect(String(decoding: data, as: UTF8.self), matches: "failing.results.json")
    }
}
