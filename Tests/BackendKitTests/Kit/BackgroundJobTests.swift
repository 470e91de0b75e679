import Foundation
import Synchronization
import Testing

@testable import BackendKit

/// Jobs that run every N seconds or on demand, stopped at shutdown, and before-exit hooks.
@Suite(.timeLimit(.minutes(1)))
struct BackgroundJobTests {
    private final class Log: Sendable {
        private let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    private func server(_ router: Router) -> Server {
        var configuration = ServerConfiguration()
        configuration.threads = 1
        configuration.logger = Logger(level: .error, output: .collect { _ in })
        return Server(router: router, configuration: configuration)
    }

    @Test func everyJob_runsRepeatedly_whileTheServerRuns() throws {
        let server = server(Router())
        let job = server.every(.milliseconds(30), "tick") {}
        try server.start()
        let deadline = ContinuousClock.now + .seconds(5)
        while job.completedRuns < 3 && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        server.shutdown(grace: .milliseconds(100))
        let runs = job.completedRuns
        #expect(runs >= 3, "\(runs) runs within 5 s at every 30 ms")
        Thread.sleep(forTimeInterval: 0.1)
        #expect(job.completedRuns == runs, "no run after shutdown")
    }

    @Test func onDemandJob_runsWhenAHandlerAsks_andRequestsCoalesce() throws {
        let log = Log()
        let router = Router()
        let server = server(router)
        let job = server.onDemand("outbox") {
            log.add("run")
            usleep(50_000)
        }
        router.post("/queue") { _ in
            job.runNow()
            return .noContent()
        }
        let port = try server.start()
        let client = try RawClient(port: port)
        for _ in 0..<3 {
            try client.send("POST /queue HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            _ = try client.readResponse()
        }
        Thread.sleep(forTimeInterval: 0.3)
        server.shutdown(grace: .milliseconds(100))
        #expect(
            (1...2).contains(log.all.count),
            "three quick requests give one run, plus at most one queued: \(log.all)")
    }

    @Test func shutdown_letsARunFinish_thenRunsBeforeExitHooksInOrder_afterTheLastRequest() throws {
        let log = Log()
        let router = Router()
        let server = server(router)
        router.get("/slow") { _ in
            try await Task.sleep(for: .milliseconds(200))
            log.add("request")
            return .text("done")
        }
        let job = server.onDemand("long") {
            log.add("job started")
            usleep(300_000)  // a blocking job holds only the jobs' thread
            log.add("job finished")
        }
        server.beforeExit("first") { log.add("hook 1") }
        server.beforeExit("second") { log.add("hook 2") }
        let port = try server.start()
        let client = try RawClient(port: port)
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        job.runNow()
        Thread.sleep(forTimeInterval: 0.05)
        server.shutdown(grace: .seconds(2))
        #expect(try client.readResponse().body == "done")
        // The run and the request overlap, in whichever order a busy machine finishes them; what
        // shutdown promises is that both end before the hooks, which run in order.
        let entries = log.all
        #expect(entries.count == 5, "\(entries)")
        #expect(Set(entries.prefix(3)) == ["job started", "request", "job finished"], "\(entries)")
        #expect(entries.firstIndex(of: "job started")! < entries.firstIndex(of: "job finished")!)
        #expect(Array(entries.suffix(2)) == ["hook 1", "hook 2"], "\(entries)")
    }

    @Test func aHookThatOverruns_isAbandonedAfterItsTimeout() throws {
        var configuration = ServerConfiguration()
        configuration.threads = 1
        configuration.timeouts.beforeExit = .milliseconds(200)
        let lines = Log()
        configuration.logger = Logger(level: .warning, output: .collect { lines.add($0) })
        let server = Server(router: Router(), configuration: configuration)
        server.beforeExit("stuck") { try await Task.sleep(for: .seconds(30)) }
        try server.start()
        let started = ContinuousClock.now
        server.shutdown(grace: .milliseconds(100))
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(
            lines.all.contains { $0.contains("before-exit hook \"stuck\" did not finish within 0.2 seconds") }
        )
    }
}
