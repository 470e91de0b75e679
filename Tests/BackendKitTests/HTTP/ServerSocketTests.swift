import Foundation
import Synchronization
import Testing

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(1)))
struct ServerSocketTests {
    private func routes(_ router: Router) {
        router.get("/hello") { _ in .text("Hello, world!") }
        router.post("/echo") { request in .text(request.bodyText) }
        router.get("/boom") { _ in throw CancellationError() }
        router.get("/slow") { _ in
            try await Task.sleep(for: .milliseconds(400))
            return .text("slow done")
        }
    }

    @Test func keepAlive_servesSeveralRequestsOnOneConnection() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port)
            for _ in 0..<3 {
                try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try client.readResponse()
                #expect(response.status == 200)
                #expect(response.body == "Hello, world!")
                #expect(response.headers["Date"] != nil)
                #expect(response.headers["Connection"] == nil)
            }
        }
    }

    @Test func pipelinedRequests_areAnsweredInOrder() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\none"
                    + "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nthree"
            )
            let bodies = try (0..<3).map { _ in try client.readResponse().body }
            #expect(bodies == ["one", "slow done", "three"])
        }
    }

    @Test func chunkedRequestBody_reachesTheHandler() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"
            )
            #expect(try client.readResponse().body == "Wikipedia")
        }
    }

    @Test func expectContinue_getsInterimResponseBeforeTheBody() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            #expect(try client.readResponse().status == 100)
            try client.send("data")
            #expect(try client.readResponse().body == "data")
        }
    }

    @Test func head_sendsHeadersWithoutBody() async throws {
        try await withTestServer(routes: routes) { port in
            let (_, raw) = try exchange(
                "HEAD /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(raw.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(raw.contains("Content-Length: 13\r\n"))
            #expect(raw.hasSuffix("\r\n\r\n"))
        }
    }

    @Test func connectionClose_isHonoured() async throws {
        try await withTestServer(routes: routes) { port in
            let (responses, _) = try exchange(
                "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(responses.count == 1)
            #expect(responses.first?.headers["Connection"] == "close")
        }
    }

    @Test func http10_isAnsweredThenClosed() async throws {
        try await withTestServer(routes: routes) { port in
            let (responses, _) = try exchange("GET /hello HTTP/1.0\r\n\r\n", port: port)
            #expect(responses.map(\.status) == [200])
        }
    }

    @Test(arguments: [
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): v\r\n" }.joined() + "\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 17000) + "\r\n\r\n", 431),
        (
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n"
                + String(repeating: "z", count: 70000), 413
        ),
        ("GARBAGE\r\n\r\n", 400),
        ("GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505),
    ])
    func limitOrSyntaxViolation_isAnsweredWithItsStatus_thenClosed(text: String, status: Int) async throws {
        try await withTestServer(routes: routes) { port in
            let (responses, raw) = try exchange(text, port: port)
            #expect(responses.map(\.status) == [status], "got \(raw.prefix(200))")
            #expect(responses.first?.headers["Connection"] == "close")
            #expect(responses.first?.headers["Content-Type"] == "application/problem+json")
        }
    }

    @Test func slowClient_gets408() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port, receiveTimeout: 5)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n")
            let responses = RawResponse.parseAll(client.readUntilClose())
            #expect(responses.map(\.status) == [408])
        }
    }

    @Test func idleKeepAliveConnection_isClosedQuietly() async throws {
        try await withTestServer(
            configure: { $0.timeouts.idleConnection = .milliseconds(300) }, routes: routes
        ) { port in
            let client = try RawClient(port: port, receiveTimeout: 5)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse()
            #expect(client.readUntilClose().isEmpty)
        }
    }

    @Test func throwingHandler_gets500_andServerKeepsServing() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port)
            try client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try client.readResponse()
            #expect(first.status == 500)
            #expect(first.body.contains("requestId"))
            #expect(try client.readResponse().status == 200)
        }
    }

    @Test func clientRequestID_isKeptForTheRequest() async throws {
        try await withTestServer(routes: { $0.get("/id") { .text($0.id) } }) { port in
            let client = try RawClient(port: port)
            try client.send(
                "GET /id HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc-123\r\n\r\nGET /id HTTP/1.1\r\nHost: x\r\nX-Request-Id: bad id!\r\n\r\n"
            )
            #expect(try client.readResponse().body == "abc-123")
            #expect(try client.readResponse().body.count == 16)
        }
    }

    @Test func gracefulShutdown_finishesTheRequestInFlight_andRefusesNewOnes() async throws {
        let release = LockedFlag()
        let router = Router()
        router.get("/slow") { _ in
            while !release.isSet { try await Task.sleep(for: .milliseconds(10)) }
            return .text("finished")
        }
        var configuration = ServerConfiguration()
        configuration.logger = Logger(level: .error, output: .collect { _ in })
        let server = Server(router: router, configuration: configuration)
        let port = try server.start()
        let client = try RawClient(port: port)
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        let stopped = Thread.detachNewThreadWithResult { server.shutdown(grace: .seconds(20)) }
        // Wait until the listener is gone, so the handler finishes while the server is draining.
        let deadline = ContinuousClock.now + .seconds(10)
        while (try? RawClient(port: port)) != nil && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(throws: (any Error).self) { _ = try RawClient(port: port) }
        release.set()
        let response = try client.readResponse()
        #expect(response.body == "finished")
        #expect(response.headers["Connection"] == "close")
        stopped.wait()
    }

    @Test func gracefulShutdown_abandonsRequestsAfterTheGracePeriod() async throws {
        let handler = HandlerProgress()
        let router = Router()
        router.get("/forever") { _ in
            handler.mark(started: true)
            try await Task.sleep(for: .seconds(30))
            handler.mark(finished: true)
            return .text("never")
        }
        var configuration = ServerConfiguration()
        configuration.logger = Logger(level: .error, output: .collect { _ in })
        let server = Server(router: router, configuration: configuration)
        let port = try server.start()
        let client = try RawClient(port: port)
        try client.send("GET /forever HTTP/1.1\r\nHost: x\r\n\r\n")
        // The request is in flight once its handler runs: shut down only then.
        let deadline = ContinuousClock.now + .seconds(10)
        while !handler.started && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(handler.started, "the handler never started, so no request was in flight")
        server.shutdown(grace: .milliseconds(300))
        // Shutdown returned while the handler still slept: the grace period, not the handler, ended it.
        #expect(!handler.finished)
        #expect(client.isClosedByPeer())
    }

    @Test func busyPortAtStart_isExplained() throws {
        let first = Server(router: Router(), configuration: ServerConfiguration())
        let port = try first.start()
        defer { first.shutdown(grace: .zero) }
        var configuration = ServerConfiguration()
        configuration.port = port
        #expect(throws: ServerError.portInUse(host: "127.0.0.1", port: port)) {
            try Server(router: Router(), configuration: configuration).start()
        }
    }
}

/// A flag one thread sets and others poll.
final class LockedFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}

extension Thread {
    /// Runs `body` on a new thread; the returned semaphore is signalled when it finishes.
    static func detachNewThreadWithResult(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done
    }
}

/// What a test's handler has done so far, read from the test while the handler runs.
private final class HandlerProgress: Sendable {
    private let state = Mutex((started: false, finished: false))
    var started: Bool { state.withLock { $0.started } }
    var finished: Bool { state.withLock { $0.finished } }
    func mark(started: Bool) { state.withLock { $0.started = started } }
    func mark(finished: Bool) { state.withLock { $0.finished = finished } }
}
