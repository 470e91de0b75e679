import Foundation
import Testing

@testable import Runner

/// The rules of progress: what a check records, how hints are revealed, when `next` may move on.
struct ProgressOperationsTests {
    let pack = FixturePack.inMemory()
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 UTC

    @Test func checks_countAttempts_andKeepTheFirstPass() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        let t1 = start.addingTimeInterval(60)
        let t2 = start.addingTimeInterval(120)
        let t3 = start.addingTimeInterval(180)
        #expect(progress.recordCheck("db01-schema", passed: false, at: t1).status == .failing)
        progress.recordCheck("db01-schema", passed: true, at: t2)
        let last = progress.recordCheck("db01-schema", passed: false, at: t3)
        #expect(
            last
                == ExerciseProgress(
                    status: .failing, attempts: 3, firstPassedAt: t2, lastCheckedAt: t3, secondsSpent: 180))
        #expect(progress.state(of: "db02-queries") == ExerciseProgress())
    }

    @Test func hints_areRevealedInOrder_andStopAtTheLast() throws {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        let schema = try #require(pack.exercise(id: "db01-schema"))
        let shown = (0..<4).compactMap { _ in progress.revealHint(for: schema) }
        #expect(shown.map(\.index) == [0, 1, 2, 2])
        #expect(
            shown.map(\.text) == [
                "Look at CREATE TABLE.", "Columns need types.", "id INTEGER PRIMARY KEY",
                "id INTEGER PRIMARY KEY",
            ])
        #expect(shown.map(\.isLast) == [false, false, true, true])
        #expect(shown.map(\.noneLeft) == [false, false, false, true])
        #expect(progress.state(of: "db01-schema").hintsShown == 3)
        #expect(progress.hintsUsed == 3)
    }

    @Test func aPass_isNeverForgotten_aLaterFailureMakesItDoneButBroken() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        #expect(progress.state(of: "db01-schema").standing == .pending)
        progress.recordCheck("db01-schema", passed: false, at: start)
        #expect(progress.state(of: "db01-schema").standing == .failing)
        #expect(!progress.isDone("db01-schema"))
        progress.recordCheck("db01-schema", passed: true, at: start.addingTimeInterval(60))
        #expect(progress.state(of: "db01-schema").standing == .done)
        progress.recordCheck("db01-schema", passed: false, at: start.addingTimeInterval(120))
        #expect(progress.state(of: "db01-schema").standing == .broken)
        #expect(progress.isDone("db01-schema"), "a pass stays a pass")
        #expect(progress.doneCount(in: pack) == 1)
        #expect(progress.brokenCount(in: pack) == 1)
        #expect(progress.summary(for: pack).first?.broken == 1)
        progress.recordCheck("db01-schema", passed: true, at: start.addingTimeInterval(180))
        #expect(progress.state(of: "db01-schema").standing == .done)
        #expect(progress.brokenCount(in: pack) == 0)
    }

    @Test func next_afterAPassThatBrokeAgain_movesOn() throws {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        progress.recordCheck("db01-schema", passed: true, at: start)
        progress.recordCheck("db01-schema", passed: false, at: start)
        #expect(try progress.advance(in: pack) == .movedTo(try #require(pack.exercise(id: "db02-queries"))))
    }

    @Test func next_beforeTheCurrentIsDone_isRefused() throws {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        progress.recordCheck("db01-schema", passed: false, at: start)
        let error = try #require(throws: ProgressError.self) { try progress.advance(in: pack) }
        #expect(
            error.description
                == "Finish db01-schema first: its checks have not passed yet. "
                + "Run `\(CommandNaming.current.command("check db01-schema"))` to see what is left.")
        #expect(progress.current == "db01-schema")
    }

    @Test func next_skipsDoneExercises_andCongratulatesAtTheEnd() throws {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        progress.recordCheck("db01-schema", passed: true, at: start)
        progress.recordCheck("db02-queries", passed: true, at: start)
        let moved = try progress.advance(in: pack)
        #expect(moved == .movedTo(try #require(pack.exercise(id: "auth01-passwords"))))
        #expect(progress.current == "auth01-passwords")
        progress.recordCheck("auth01-passwords", passed: true, at: start)
        let finished = try progress.advance(in: pack)
        #expect(finished == .finishedAll)
        #expect(finished.message == "You finished every exercise!")
        #expect(progress.current == "auth01-passwords")
    }

    @Test func next_wrapsRoundToAnEarlierOpenExercise() throws {
        var progress = LearnerProgress(startedAt: start, current: "auth01-passwords")
        progress.recordCheck("auth01-passwords", passed: true, at: start)
        progress.recordCheck("db01-schema", passed: true, at: start)
        #expect(try progress.advance(in: pack) == .movedTo(try #require(pack.exercise(id: "db02-queries"))))
    }

    @Test func removedCurrentExercise_fallsBackToTheFirstOpenOne() {
        var progress = LearnerProgress(startedAt: start, current: "gone-from-pack")
        progress.recordCheck("db01-schema", passed: true, at: start)
        #expect(progress.currentExercise(in: pack)?.id == "db02-queries")
    }

    @Test func summary_countsDonePerModule_andTimeSinceStart() {
        var progress = LearnerProgress(startedAt: start, current: "db01-schema")
        progress.recordCheck("db01-schema", passed: true, at: start)
        progress.recordCheck("db02-queries", passed: false, at: start)
        progress.recordCheck("removed-exercise", passed: true, at: start)
        let summary = progress.summary(for: pack)
        #expect(summary.map(\.module.id) == ["databases", "auth"])
        #expect(summary.map(\.done) == [1, 0])
        #expect(summary.map(\.total) == [2, 1])
        #expect(progress.doneCount(in: pack) == 1)
        #expect(progress.elapsed(at: start.addingTimeInterval(5400)) == 5400)
        #expect(progress.elapsed(at: start.addingTimeInterval(-10)) == 0)
    }
}
