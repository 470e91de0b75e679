import Foundation
import Grader
import Testing

@testable import Runner

/// What the progress page needs is recorded with each check, and older files still read.
struct ProgressHistoryTests {
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 UTC

    @Test func aCheckWithATally_goesIntoHistory_andKeepsItsFirstFailure() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        let failing = CheckTally(
            passed: 1, total: 3, failure: FailureNote(check: "GET /books answers 200", message: "got 404"))
        progress.recordCheck("db01-schema", passed: false, at: start.addingTimeInterval(60), tally: failing)
        #expect(
            progress.history == [
                CheckRecord(exercise: "db01-schema", at: start.addingTimeInterval(60), passed: 1, total: 3)
            ])
        #expect(progress.state(of: "db01-schema").lastFailure == failing.failure)
        progress.recordCheck(
            "db01-schema", passed: true, at: start.addingTimeInterval(120),
            tally: CheckTally(passed: 3, total: 3))
        #expect(progress.history.map(\.passed) == [1, 3])
        #expect(progress.state(of: "db01-schema").lastFailure == nil)
    }

    @Test func timeSpent_isTheTimeBeforeEachCheck_cappedSoABreakDoesNotCount() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        progress.recordCheck("db01-schema", passed: false, at: start.addingTimeInterval(300))
        progress.recordCheck("db01-schema", passed: false, at: start.addingTimeInterval(300 + 3 * 3600))
        progress.recordCheck("db02-queries", passed: true, at: start.addingTimeInterval(300 + 3 * 3600 + 90))
        #expect(progress.state(of: "db01-schema").secondsSpent == 300 + Int(LearnerProgress.spentTimeCap))
        #expect(progress.state(of: "db02-queries").secondsSpent == 90)
    }

    @Test func history_keepsOnlyTheNewestRuns() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        for index in 0..<(LearnerProgress.historyLimit + 5) {
            progress.recordCheck(
                "db01-schema", passed: false, at: start.addingTimeInterval(Double(index)),
                tally: CheckTally(passed: index, total: 10_000))
        }
        #expect(progress.history.count == LearnerProgress.historyLimit)
        #expect(progress.history.first?.passed == 5)
    }

    @Test func aTallyOfAReportThatDidNotBuild_keepsTheCompilerMessage() {
        let report = GradeReport(exercise: "db01-schema", status: .error, message: "error: missing return")
        #expect(
            CheckTally(report)
                == CheckTally(
                    passed: 0, total: 0, failure: FailureNote(check: nil, message: "error: missing return")))
    }

    @Test func aFileFromBeforeHistory_readsWithEmptyHistoryAndNoTimeSpent() throws {
        let old = """
            {
              "current" : "db01-schema",
              "exercises" : { "db01-schema" : { "attempts" : 2, "hintsShown" : 1, "status" : "failing" } },
              "formatVersion" : 1,
              "startedAt" : "2025-01-01T00:00:00Z"
            }
            """
        guard case .success(let progress) = ProgressCoding.decode(Data(old.utf8)) else {
            Issue.record("an older file must still read")
            return
        }
        #expect(progress.history.isEmpty)
        #expect(progress.lastActivityAt == nil)
        #expect(progress.state(of: "db01-schema").secondsSpent == 0)
        #expect(progress.state(of: "db01-schema").attempts == 2)
    }

    @Test func historyAndTimeSpent_surviveTheStore() throws {
        try withTemporaryDirectory { dir in
            let store = ProgressStore(
                file: dir.appendingPathComponent(".backendlings/progress.json"), firstExercise: "db01-schema",
                currentDirectory: dir)
            _ = try store.createIfMissing(now: start)
            try store.recordCheck(
                "db01-schema", passed: false, at: start.addingTimeInterval(42),
                tally: CheckTally(passed: 0, total: 2, failure: FailureNote(check: "a", message: "<b>")))
            let loaded = try store.load().value
            #expect(loaded.history.count == 1)
            #expect(loaded.state(of: "db01-schema").secondsSpent == 42)
            #expect(loaded.state(of: "db01-schema").lastFailure?.message == "<b>")
        }
    }
}
