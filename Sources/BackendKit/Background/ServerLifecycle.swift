import Foundation

/// A server's background jobs and before-exit hooks: started with the server, stopped after its
/// last request, in that order, so a hook can drain what the jobs left (send the outbox) and still
/// use everything the handlers used.
///
/// Jobs run on a thread of their own (an `EventLoop` used as their task executor), hooks on another
/// made at shutdown: a job body that blocks (SQLite calls do) then delays neither requests, nor
/// Swift's few shared threads, nor the hooks.
final class ServerLifecycle: @unchecked Sendable {
    // @unchecked Sendable: `jobs`, `exitHooks`, `logger` and `jobsLoop` are guarded by `lock`.
    struct ExitHook {
        let name: String
        let work: @Sendable () async throws -> Void
    }

    private let lock = NSLock()  // guards the lists and `logger`
    private var jobs: [BackgroundJob] = []
    private var exitHooks: [ExitHook] = []
    private var logger: Logger?
    private var jobsLoop: EventLoop?

    func add(_ job: BackgroundJob) {
        let running = lock.withLock { () -> (Logger, EventLoop)? in
            jobs.append(job)
            guard let logger else { return nil }  // not started yet: start() starts it
            if jobsLoop == nil { jobsLoop = Self.thread(named: "BackendKit jobs") }
            return jobsLoop.map { (logger, $0) }
        }
        if let (logger, loop) = running { job.start(logger: logger, on: loop) }
    }

    func addExitHook(_ hook: ExitHook) {
        lock.withLock { exitHooks.append(hook) }
    }

    /// Starts every job; later ones start as they are added. The jobs' thread exists only for a
    /// server that has jobs.
    func start(logger: Logger) {
        let (all, loop) = lock.withLock { () -> ([BackgroundJob], EventLoop?) in
            self.logger = logger
            if jobsLoop == nil && !jobs.isEmpty { jobsLoop = Self.thread(named: "BackendKit jobs") }
            return (jobs, jobsLoop)
        }
        guard let loop else { return }
        for job in all { job.start(logger: logger, on: loop) }
    }

    private static func thread(named name: String) -> EventLoop? {
        guard let loop = try? EventLoop(index: -1) else { return nil }
        loop.start(name: name) {}
        return loop
    }

    /// Stops the jobs (each run in progress may finish within `jobGrace`), then runs the exit hooks
    /// in the order they were added, each within `hookTimeout`. Logs what overran; never throws.
    func stop(jobGrace: Duration, hookTimeout: Duration, logger: Logger) {
        let (all, hooks, loop) = lock.withLock { (jobs, exitHooks, jobsLoop) }
        let deadline = ContinuousClock.now + jobGrace
        var jobOverran = false
        for job in all where !job.stop(waitUpTo: max(.zero, deadline - ContinuousClock.now)) {
            jobOverran = true
            logger.warning("Shutdown: background job \"\(job.name)\" was still running after \(jobGrace).")
        }
        if !jobOverran { loop?.stopAndWait() }  // a job still running holds its thread until exit
        guard !hooks.isEmpty, let hookLoop = Self.thread(named: "BackendKit before-exit") else { return }
        var hookOverran = false
        for hook in hooks {
            let done = DispatchSemaphore(value: 0)
            Task(executorPreference: hookLoop) {
                do {
                    try await hook.work()
                } catch {
                    logger.error("Before-exit hook \"\(hook.name)\" failed: \(error)")
                }
                done.signal()
            }
            if done.wait(timeout: .now() + hookTimeout.timeInterval) == .timedOut {
                hookOverran = true
                logger.warning(
                    "Shutdown: before-exit hook \"\(hook.name)\" did not finish within \(hookTimeout).")
            }
        }
        if !hookOverran { hookLoop.stopAndWait() }
    }
}
