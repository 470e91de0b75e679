import Foundation

/// Work a server does besides answering requests: expire old sessions every minute, send the
/// e-mails waiting in an outbox, refresh a cache. Created with `server.every(...)` or
/// `server.onDemand(...)`; the server starts it with itself and stops it cleanly at shutdown.
///
/// Runs never overlap: the next run of an `every` job starts `interval` after the previous one
/// ended (the first one `interval` after the server started). `runNow()` asks for a run as soon as
/// possible, for example right after a handler put a message in the outbox; several requests while
/// a run is waiting become one run. An error thrown by a run is logged and the job goes on. At
/// shutdown a run in progress is allowed to finish, and no new run starts. A server's jobs share
/// one thread of their own, so a job that computes or blocks delays other jobs, never a request.
public final class BackgroundJob: @unchecked Sendable {
    // @unchecked Sendable: every `var` is guarded by `lock`; the `let`s are set in init.
    public let name: String
    /// The pause between runs; `nil` for a job that only runs when asked.
    public let interval: Duration?

    private let work: @Sendable () async throws -> Void
    private let lock = NSLock()  // guards everything below
    private var started = false
    private var stopping = false
    private var requested = false
    private var waiter: CheckedContinuation<Void, Never>?
    private var turn = 0  // which wait a timer belongs to, so a late timer cannot end the next wait
    private var runs = 0
    private let finished = DispatchSemaphore(value: 0)
    /// Wakes jobs when their interval has passed. A Dispatch queue rather than `Task.sleep`,
    /// whose wake-up waits for one of Swift's shared threads: busy ones must not delay a job.
    private static let timers = DispatchQueue(label: "BackendKit job timers")

    init(name: String, interval: Duration?, work: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.interval = interval
        self.work = work
    }

    /// How many runs have ended so far, successful or not.
    public var completedRuns: Int { lock.withLock { runs } }

    /// Asks for a run as soon as the job is free. Does nothing after the server began to stop.
    public func runNow() {
        let ready: CheckedContinuation<Void, Never>? = lock.withLock {
            guard !stopping else { return nil }
            guard let waiter else {
                requested = true
                return nil
            }
            self.waiter = nil
            return waiter
        }
        ready?.resume()
    }

    /// Starts the job's loop on `executor` (the server's jobs thread, so a job that blocks never
    /// delays a request or Swift's shared threads); called by the server once it listens.
    func start(logger: Logger, on executor: any TaskExecutor) {
        let first = lock.withLock {
            defer { started = true }
            return !started
        }
        guard first else { return }
        Task(executorPreference: executor) { [self] in
            await self.loop(logger: logger)
            self.finished.signal()
        }
    }

    /// Lets a run in progress finish and starts no other; waits up to `timeout` for that.
    /// Returns `false` when the run was still going at the deadline.
    func stop(waitUpTo timeout: Duration) -> Bool {
        let (wasStarted, ready) = lock.withLock { () -> (Bool, CheckedContinuation<Void, Never>?) in
            stopping = true
            defer { waiter = nil }
            return (started, waiter)
        }
        ready?.resume()
        guard wasStarted else { return true }
        guard finished.wait(timeout: .now() + timeout.timeInterval) == .success else { return false }
        finished.signal()  // a second stop returns at once
        return true
    }

    private func loop(logger: Logger) async {
        while true {
            await nextTurn()
            if lock.withLock({ stopping }) { return }
            do {
                if StatementLog.shared != nil {
                    try await StatementLog.$jobName.withValue(name) { try await work() }
                } else {
                    try await work()
                }
            } catch {
                logger.error("Background job \"\(name)\" failed: \(error)")
            }
            lock.withLock { runs += 1 }
        }
    }

    /// Returns when a run is due: asked for, the interval passed, or the job is stopping.
    private func nextTurn() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow: Bool = lock.withLock {
                if stopping || requested {
                    requested = false
                    return true
                }
                waiter = continuation
                turn += 1
                if let interval {
                    let thisTurn = turn
                    Self.timers.asyncAfter(deadline: .now() + interval.timeInterval) { [weak self] in
                        self?.intervalPassed(turn: thisTurn)
                    }
                }
                return false
            }
            if resumeNow { continuation.resume() }
        }
        lock.withLock { turn += 1 }  // a timer of the wait that just ended finds nothing to wake
    }

    private func intervalPassed(turn expected: Int) {
        let ready: CheckedContinuation<Void, Never>? = lock.withLock {
            guard turn == expected else { return nil }
            defer { waiter = nil }
            return waiter
        }
        ready?.resume()
    }
}
