import Foundation
import Grader
import Synchronization

/// One check on its own thread, with its deadline, and what it found.
extension CheckRunner {
    /// What a check's run found, before dependencies decide how to report it.
    struct Run {
        var result: CheckResult
        /// What the check needed that failed (its set-up), when that is why it did not pass.
        var unmetPrecondition: String?
        /// The check used a server that had already stopped in an earlier check.
        var serverHadStopped = false
        /// The server could not be started for this check.
        var launchFailed = false
        /// The server stopped by itself (crashed, exited) while this check ran.
        var serverStoppedDuring = false
    }

    func run(_ check: Check, in context: TestContext) -> (Run, stuck: Bool) {
        let exchangesBefore = context.http.exchangeCount
        let logMark = context.outputMark()
        let clockMovesBefore = context.resources.lock.withLock { context.resources.clockMoves }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let started = ContinuousClock.now
        let language = Language.current  // a thread does not inherit the task's binding
        let thread = Thread {
            Language.$bound.withValue(language) { Self.runBody(of: check, in: context, into: outcome) }
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
        var stuck = false
        if done.wait(timeout: .now() + check.timeout.timeInterval) == .timedOut {
            _ = try? context.stopServer(grace: .zero)
            if done.wait(timeout: .now() + 5) == .timedOut { stuck = true }
            outcome.set(
                Outcome.Value(
                    status: .error,
                    message: Words(
                        "The check did not finish within \(check.timeout.spokenSeconds); your server was stopped. "
                            + "Is a handler stuck in a loop or waiting forever?",
                        id: "Pengecekan ini tidak selesai dalam \(check.timeout.spokenSeconds); server kamu "
                            + "dihentikan. Apakah ada handler yang terjebak di loop atau menunggu selamanya?"
                    ).text
                ), force: true)
        }
        let value = outcome.value
        let failed = value.status != .pass
        if failed { context.letCrashFinish() }
        let log = failed ? context.output(since: logMark) : nil
        // A failure names its exchange when it is about one; an unexpected error may still be
        // explained by the last request the check made.
        let lastExchange =
            value.status == .error && context.http.exchangeCount > exchangesBefore
            ? context.http.lastExchange : nil
        let stopped = context.serverStoppedUnexpectedly
        let (clockMoves, clockOffset) = context.resources.lock.withLock {
            (context.resources.clockMoves, context.resources.clockOffset)
        }
        var failureHint = value.hint ?? check.hint?.text
        // A failure after the check moved the clock may be the server reading the real time.
        if value.status == .fail && clockMoves != clockMovesBefore && clockOffset != .zero {
            let clockHint = TestContext.clockHint(offset: clockOffset)
            failureHint = failureHint.map { $0 + " " + clockHint } ?? clockHint
        }
        let crashed = failed && (value.launchFailed || stopped)
        let result = CheckResult(
            name: check.title.text,
            status: value.status,
            points: check.points,
            message: value.message,
            hint: failed ? failureHint : nil,
            exchange: failed ? (value.exchange ?? lastExchange) : nil,
            serverLog: log,
            duration: (ContinuousClock.now - started).timeInterval,
            crash: crashed ? log.flatMap { CrashOutputParser(learnerRoot: learnerRoot).parse($0.text) } : nil,
            requests: context.http.requestLines(since: exchangesBefore)
        )
        let run = Run(
            result: result, unmetPrecondition: value.unmetPrecondition,
            serverHadStopped: value.serverHadStopped,
            launchFailed: value.launchFailed, serverStoppedDuring: stopped && !value.serverHadStopped)
        return (run, stuck)
    }

    /// The body of `check` on its own thread: what it threw becomes the outcome.
    private static func runBody(of check: Check, in context: TestContext, into outcome: Outcome) {
        do {
            try check.body(context)
            outcome.set(Outcome.Value(status: .pass))
        } catch let failure as CheckFailure {
            outcome.set(
                Outcome.Value(
                    status: .fail, message: failure.message, hint: failure.hint,
                    exchange: failure.exchange,
                    unmetPrecondition: failure.unmetPrecondition,
                    serverHadStopped: failure.serverHadStopped))
        } catch let launch as ServerLaunchError {
            outcome.set(Outcome.Value(status: .error, message: launch.message, launchFailed: true))
        } catch {
            outcome.set(Outcome.Value(status: .fail, message: String(describing: error)))
        }
    }

    /// The result a check's thread reports; the first report wins unless forced by a timeout.
    final class Outcome: Sendable {
        struct Value: Sendable {
            var status: CheckResult.Status
            var message: String?
            var hint: String?
            var exchange: HTTPExchange?
            var unmetPrecondition: String?
            var serverHadStopped = false
            var launchFailed = false
        }

        private let stored = Mutex<Value?>(nil)

        func set(_ value: Value, force: Bool = false) {
            stored.withLock { stored in
                if stored == nil || force { stored = value }
            }
        }

        var value: Value {
            stored.withLock { stored in
                stored
                    ?? Value(
                        status: .error,
                        message: Words(
                            "The check ended without a result.", id: "Pengecekan ini berakhir tanpa hasil."
                        ).text)
            }
        }
    }
}
