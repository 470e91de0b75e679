extension Server {
    /// Runs `work` every `interval` while the server runs (first after one interval; runs never
    /// overlap), and stops it cleanly at shutdown. Returns the job, whose `runNow()` asks for an
    /// extra run at once.
    ///
    /// ```swift
    /// let server = Server(router: router)
    /// server.every(.seconds(60), "expire sessions") {
    ///     try db.execute("DELETE FROM sessions WHERE expires_at < ?", ServerClock.system.now)
    /// }
    /// server.run()
    /// ```
    @discardableResult
    public func every(
        _ interval: Duration, _ name: String, _ work: @escaping @Sendable () async throws -> Void
    ) -> BackgroundJob {
        let job = BackgroundJob(name: name, interval: max(interval, .milliseconds(1)), work: work)
        lifecycle.add(job)
        return job
    }

    /// A job that runs only when asked (`job.runNow()`), for example by a handler that just queued
    /// work; stopped cleanly at shutdown like the others.
    @discardableResult
    public func onDemand(_ name: String, _ work: @escaping @Sendable () async throws -> Void) -> BackgroundJob
    {
        let job = BackgroundJob(name: name, interval: nil, work: work)
        lifecycle.add(job)
        return job
    }

    /// Runs `work` once during graceful shutdown, after the last request has been answered and the
    /// background jobs have stopped, and before `run()` returns: the place to drain an outbox or
    /// flush a buffer so nothing accepted is lost. Each hook gets
    /// `configuration.timeouts.beforeExit` (10 s by default); one that overruns is abandoned.
    public func beforeExit(_ name: String, _ work: @escaping @Sendable () async throws -> Void) {
        lifecycle.addExitHook(ServerLifecycle.ExitHook(name: name, work: work))
    }
}
