import Foundation
import Grader

/// Runs an exercise's checks in order against one learner server and builds the report.
///
/// Every check runs on its own thread with a deadline. A check that overruns is stopped by killing
/// the server (which unblocks whatever it waited for); if even that does not free it, the remaining
/// checks are reported as not run rather than risking a hung grader.
///
/// One mistake gives one ✗: a check whose needed checks did not pass is not run, and a check that
/// failed only because it could not be set up after an earlier failure (an unmet precondition, a
/// server that had already crashed or never started) is reported as "not checked (needs …)".
struct CheckRunner {
    let tests: ExerciseTests
    let serverExecutable: String
    var serverArguments: [String] = []
    /// Where to write a replay script for each failed check; `nil` writes none.
    var replayDirectory: URL?
    /// The learner's folder, for crash reports: the first frame inside it is the one shown.
    var learnerRoot: String?
    /// The reference solution, for checks that compare with it (`--reference`).
    var reference: ReferenceServer?
    /// The exercise's untouched starter, for checks that run something against it (`--starter`).
    var starter: ReferenceServer?
    /// The learner's exercise folder, for checks that read a file in it (`--learner-folder`).
    var learnerFolder: URL?

    init(tests: ExerciseTests, serverExecutable: String) {
        self.tests = tests
        self.serverExecutable = serverExecutable
        self.learnerRoot = CrashOutputParser.learnerRoot(forExecutable: serverExecutable)
    }

    func run() -> GradeReport {
        let started = ContinuousClock.now
        if let problem = CheckDependencies.problem(in: tests) {
            return GradeReport(exercise: tests.exerciseID, status: .error, message: problem)
        }
        let workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backendlings-grade-\(tests.exerciseID)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }
        removeOldReplayScripts()

        let context = TestContext(
            exerciseID: tests.exerciseID, serverExecutable: serverExecutable,
            serverArguments: serverArguments, workDirectory: workDirectory, reference: reference,
            starter: starter, learnerFolder: learnerFolder)
        var dependencies = CheckDependencies()
        var results: [CheckResult] = []
        var stuckEarlier = false
        for (index, check) in tests.checks.enumerated() {
            if stuckEarlier {
                results.append(
                    CheckResult(
                        name: check.title.text, status: .skipped, points: check.points,
                        message: Words(
                            "Not run: an earlier check could not be stopped.",
                            id: "Tidak dijalankan: pengecekan sebelumnya tidak bisa dihentikan."
                        ).text))
                continue
            }
            // A server that cannot answer fails every later check the same way: one verdict.
            if let needs = context.runEndingNeed
                ?? dependencies.unmetNeed(
                    of: check, results: results, checks: tests.checks)
            {
                results.append(Self.notChecked(check, needs: needs))
                continue
            }
            context.replay.append(.check(index: index + 1, name: check.title.text))
            let (run, stuck) = self.run(check, in: context)
            var result = dependencies.resolve(run, of: check, earlier: results)
            if result.isProblem {
                result.replayScript = writeReplayScript(for: result, index: index, context: context)
            }
            results.append(result)
            stuckEarlier = stuck
        }
        for (index, check) in tests.checks.enumerated() where check.isGuard { results[index].isGuard = true }
        let log = context.output
        context.tearDown()
        let status = overallStatus(results)
        return GradeReport(
            exercise: tests.exerciseID,
            status: status,
            message: status == .error ? results.first?.message : nil,
            checks: results,
            serverLog: log.head.isEmpty && log.tail.isEmpty ? nil : log,
            duration: (ContinuousClock.now - started).timeInterval,
            crash: status == .error ? results.first?.crash : nil
        )
    }

    static func notChecked(_ check: Check, needs: String) -> CheckResult {
        CheckResult(
            name: check.title.text, status: .skipped, points: check.points,
            message: CheckDependencies.notCheckedMessage(needs: needs), needs: needs)
    }

    private func overallStatus(_ results: [CheckResult]) -> GradeReport.Status {
        if results.allSatisfy({ $0.status == .pass }) { return .pass }
        if !results.isEmpty && results.allSatisfy({ $0.status == .error || $0.status == .skipped })
            && results.first?.status == .error
        {
            return .error
        }
        return .fail
    }
}
