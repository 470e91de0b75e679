import Foundation

/// A server's background jobs and before-exit hooks: started with the server, stopped after its
/// last request, in that order, so a hook can drain what the jobs left (send the outbox) and still
/// use everything the handlers used.
final class ServerLifecycle: @unchecked Sendable {
    struct ExitHook {
        let name: String
        let work: @Sendable () async throws -> Void
    }

    private let lock = NSLock()  // guards the lists and `logger`
    private var jobs: [BackgroundJob] = []
    private var exitHooks: [ExitHook] = []
    private var logger: Logger?

    func add(_ job: BackgroundJob) {
        let running = lock.withLock {
            jobs.append(job)
            return logger
        }
        if let running { job.start(logger: running) }
    }

    func addExitHook(_ hook: ExitHook) {
        lock.withLock { exitHooks.append(hook) }
    }

    /// Starts every job; later ones start as they are added.
    func start(logger: Logger) {
        let all = lock.withLock {
            self.logger = logger
            return jobs
        }
        for job in all { job.start(logger: logger) }
    }

    /// Stops the jobs (each run in progress may finish within `jobGrace`), then runs the exit hooks
    /// in the order they were added, each within `hookTimeout`. Logs what overran; never throws.
    func stop(jobGrace: Duration, hookTimeout: Duration, logger: Logger) {
        let (all, hooks) = lock.withLock { (jobs, exitHooks) }
        let deadline = ContinuousClock.now + jobGrace
        for job in all where !job.stop(waitUpTo: max(.zero, deadline - ContinuousClock.now)) {
            logger.warning("Shutdown: background job \"\(job.name)\" was still running after \(jobGrace).")
        }
        for hook in hooks {
            let done = DispatchSemaphore(value: 0)
            Task.detached {
                do {
                    try await hook.work()
                } catch {
                    logger.error("Before-exit hook \"\(hook.name)\" failed: \(error)")
                }
                done.signal()
            }
            if done.wait(timeout: .now() + hookTimeout.timeInterval) == .timedOut {
                logger.warning(
                    "Shutdown: before-exit hook \"\(hook.name)\" did not finish within \(hookTimeout).")
            }
        }
    }
}
