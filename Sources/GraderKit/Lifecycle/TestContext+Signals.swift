import Foundation
import Grader

#if canImport(Glibc)
    import Glibc
#endif

/// Graceful-shutdown checks: send a signal while requests are in flight and watch what happens.
///
/// ```swift
/// let seen = try t.observeShutdown(SIGTERM, inFlight: 3) { http in try http.get("/slow?ms=800") }
/// try seen.expectStoppedAccepting().expectInFlightCompleted().expectCleanExit()
/// ```
extension TestContext {
    /// How often the grader tries a new connection while the server shuts down.
    static let acceptProbeInterval: Duration = .milliseconds(20)

    /// Starts `inFlight` requests with `request` (on their own threads), waits `settle` so they
    /// reach the server, sends `signal` to the main server (or to `instance`), then watches: tries a
    /// new connection every 20 ms until one is refused, collects the in-flight answers, and waits up
    /// to `timeout` for the exit. A server still running then is killed.
    public func observeShutdown(
        _ signal: Int32 = SIGTERM, of instance: ServerInstance? = nil, inFlight: Int = 0,
        settle: Duration = .milliseconds(250), timeout: Duration = .seconds(15),
        _ request: @escaping @Sendable (HTTPClient) throws -> ClientResponse = { try $0.get("/") }
    ) throws -> ShutdownObservation {
        let target: LearnerServer
        let client: HTTPClient
        if let instance {
            target = instance.server
            client = instance.http
        } else {
            _ = try runningPort()
            guard let running = lock.withLock({ server }) else {
                throw CheckFailure(Words("the server is not running", id: "server-nya tidak sedang berjalan"))
            }
            target = running
            client = http
        }
        let port = target.port
        let outputBefore = TestContext.byteCount(target.output)
        let requests = Concurrently.start(inFlight) { _ in try request(client) }
        Thread.sleep(forTimeInterval: settle.timeInterval)
        let signalled = ContinuousClock.now
        target.sendSignal(signal)
        var stoppedAccepting: Duration?
        var status: ExitStatus?
        while ContinuousClock.now - signalled < timeout {
            if stoppedAccepting == nil {
                if let probe = LoopbackSocket.connect(port: port) {
                    close(probe)
                } else {
                    stoppedAccepting = ContinuousClock.now - signalled
                }
            }
            if let exited = target.waitForExitBlocking(timeout: Self.acceptProbeInterval) {
                status = exited
                break
            }
        }
        let duration = ContinuousClock.now - signalled
        if status == nil { target.stop(grace: .zero) }
        if stoppedAccepting == nil && status != nil { stoppedAccepting = duration }
        let results = requests.wait()
        if instance == nil {
            lock.withLock {
                finishedOutputs.append(target.output)
                server = nil
            }
        }
        target.waitForPendingOutput()
        let output = TestContext.text(of: target.output, from: outputBefore)
        return ShutdownObservation(
            signalName: SignalName.of(signal), exitStatus: status, duration: duration,
            stoppedAcceptingAfter: stoppedAccepting, inFlight: results, output: output)
    }
}

/// "SIGTERM" for 15.
enum SignalName {
    static func of(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        case SIGHUP: "SIGHUP"
        case SIGQUIT: "SIGQUIT"
        case SIGKILL: "SIGKILL"
        case SIGUSR1: "SIGUSR1"
        case SIGUSR2: "SIGUSR2"
        default: "signal \(signal)"
        }
    }
}
