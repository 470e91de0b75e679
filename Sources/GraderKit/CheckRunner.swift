import Foundation
import Grader

/// Runs an exercise's checks in order against one learner server and builds the report.
///
/// Every check runs on its own thread with a deadline. A check that overruns is stopped by killing
/// the server (which unblocks whatever it waited for); if even that does not free it, the remaining
/// checks are reported as not run rather than risking a hung grader.
struct CheckRunner {
    let tests: ExerciseTests
    let serverExecutable: String
    var serverArguments: [String] = []
    /// The reference solution, for checks that compare with it (`--reference`).
    var reference: ReferenceServer?

    func run() -> GradeReport {
        let started = ContinuousClock.now
        let workDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("backendlings-grade-\(tests.exerciseID)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: workDirectory) }

        let context = TestContext(
            exerciseID: tests.exerciseID, serverExecutable: serverExecutable,
            serverArguments: serverArguments, workDirectory: workDirectory, reference: reference)
        var results: [CheckResult] = []
        var abandoned = false
        for check in tests.checks {
            if abandoned {
                results.append(
                    CheckResult(
                        name: check.name, status: .skipped, points: check.points,
                        message: "Not run: an earlier check could not be stopped."))
                continue
            }
            let (result, stuck) = run(check, in: context)
            results.append(result)
            abandoned = stuck
        }
        let log = context.output
        context.tearDown()
        return GradeReport(
            exercise: tests.exerciseID,
            status: overallStatus(results),
            message: overallMessage(results),
            checks: results,
            serverLog: log.head.isEmpty && log.tail.isEmpty ? nil : log,
            duration: (ContinuousClock.now - started).timeInterval
        )
    }

    private func run(_ check: Check, in context: TestContext) -> (CheckResult, stuck: Bool) {
        let exchangesBefore = context.http.exchangeCount
        let logMark = context.outputMark()
        let clockMovesBefore = context.resources.lock.withLock { context.resources.clockMoves }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let started = ContinuousClock.now
        let thread = Thread {
            do {
                try check.body(context)
                outcome.set(.pass, message: nil, hint: nil, exchange: nil)
            } catch let failure as CheckFailure {
                outcome.set(.fail, message: failure.message, hint: failure.hint, exchange: failure.exchange)
            } catch let launch as ServerLaunchError {
                outcome.set(.error, message: launch.description, hint: nil, exchange: nil)
            } catch {
                outcome.set(.fail, message: String(describing: error), hint: nil, exchange: nil)
            }
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        var stuck = false
        if done.wait(timeout: .now() + check.timeout.timeInterval) == .timedOut {
            _ = try? context.stopServer(grace: .zero)
            if done.wait(timeout: .now() + 5) == .timedOut { stuck = true }
            outcome.set(
                .error,
                message:
                    "The check did not finish within \(check.timeout.spokenSeconds); your server was stopped. Is a handler stuck in a loop or waiting forever?",
                hint: nil, exchange: nil, force: true)
        }
        let (status, message, hint, exchange) = outcome.value
        // A failure names its exchange when it is about one; an unexpected error may still be
        // explained by the last request the check made.
        let lastExchange =
            status == .error && context.http.exchangeCount > exchangesBefore ? context.http.lastExchange : nil
        let (clockMoves, clockOffset) = context.resources.lock.withLock {
            (context.resources.clockMoves, context.resources.clockOffset)
        }
        var failureHint = hint ?? check.hint
        if status == .fail && clockMoves != clockMovesBefore && clockOffset != .zero {
            let clockHint = TestContext.clockHint(offset: clockOffset)
            failureHint = failureHint.map { $0 + " " + clockHint } ?? clockHint
        }
        return (
            CheckResult(
                name: check.name,
                status: status,
                points: check.points,
                message: message,
                hint: status == .pass ? nil : failureHint,
                exchange: status == .pass ? nil : (exchange ?? lastExchange),
                serverLog: status == .pass ? nil : context.output(since: logMark),
                duration: (ContinuousClock.now - started).timeInterval
            ),
            stuck
        )
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

    private func overallMessage(_ results: [CheckResult]) -> String? {
        guard overallStatus(results) == .error else { return nil }
        return results.first?.message
    }

    /// The result a check's thread reports; the first report wins unless forced by a timeout.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (CheckResult.Status, String?, String?, HTTPExchange?)?

        func set(
            _ status: CheckResult.Status, message: String?, hint: String?, exchange: HTTPExchange?,
            force: Bool = false
        ) {
            lock.withLock {
                if stored == nil || force { stored = (status, message, hint, exchange) }
            }
        }

        var value: (CheckResult.Status, String?, String?, HTTPExchange?) {
            lock.withLock { stored ?? (.error, "The check ended without a result.", nil, nil) }
        }
    }
}
