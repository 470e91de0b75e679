import Foundation
import Testing

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

/// The outbound client against a real BackendKit server and against peers that misbehave on
/// purpose: every failure is an `OutboundError` that says what happened, within its deadline.
@Suite(.timeLimit(.minutes(1)))
struct OutboundClientTests {
    /// For the test about the read timeout itself.
    private let quick = OutboundClient.Timeouts(
        connect: .milliseconds(300), read: .milliseconds(300), total: .seconds(2))
    /// For every test whose subject is not a timeout: a loaded CI machine can take far more than
    /// 0.3 s between a peer's last write and its close, and that must not turn into a read timeout.
    private let patient = OutboundClient.Timeouts(
        connect: .seconds(5), read: .seconds(10), total: .seconds(20))

    @Test func getAndPost_reachARealServer_withHeadersAndJSON() async throws {
        try await withTestServer { router in
            router.post("/charges") { request in
                try .json(
                    [
                        "key": .string(request.headers["Idempotency-Key"] ?? ""),
                        "amount": (try request.json())["amount"] ?? .null,
                    ] as JSONValue, status: .created)
            }
            router.get("/api/ping") { request in .text("pong \(request.query["x"] ?? "")") }
        } _: { port in
            let client = try OutboundClient(
                baseURL: "http://127.0.0.1:\(port)/api", defaultHeaders: ["X-Api-Key": "k"])
            let pong = try await client.get("/ping?x=1")
            #expect(pong.status == .ok)
            #expect(pong.bodyText == "pong 1")
            let charge = try await client.post(
                "http://127.0.0.1:\(port)/charges", json: ["amount": 500], headers: ["Idempotency-Key": "abc"]
            )
            #expect(charge.status.code == 201)
            #expect(try charge.json() == ["key": "abc", "amount": 500])
        }
    }

    @Test func chunkedAndCloseDelimitedBodies_areRead() async throws {
        let peer = try ScriptedPeer { fd in
            let head = ScriptedPeer.readHead(fd)
            if head.hasPrefix("GET /chunked") {
                ScriptedPeer.write(
                    fd,
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"
                )
            } else {
                ScriptedPeer.write(fd, "HTTP/1.1 200 OK\r\n\r\nuntil close")
            }
        }
        let client = try OutboundClient(baseURL: "http://127.0.0.1:\(peer.port)", timeouts: patient)
        #expect(try await client.get("/chunked").bodyText == "Wikipedia")
        #expect(try await client.get("/close").bodyText == "until close")
    }

    @Test func refusedConnection_isNamed_andNeverReachedTheUpstream() async throws {
        let closed = try OutboundClient(baseURL: "http://127.0.0.1:1", timeouts: patient)
        await #expect(throws: OutboundError.connectionRefused(url: "http://127.0.0.1:1/x")) {
            try await closed.get("/x")
        }
        #expect(!OutboundError.connectionRefused(url: "").mayHaveReachedUpstream)
        #expect(
            OutboundError.readTimeout(url: "", after: .seconds(1), receivedBytes: 0).mayHaveReachedUpstream)
    }

    @Test func silentUpstream_hitsTheReadTimeout() async throws {
        let peer = try ScriptedPeer { fd in
            _ = ScriptedPeer.readHead(fd)
            Thread.sleep(forTimeInterval: 3)  // without the read timeout the call would end in closedEarly
        }
        let client = try OutboundClient(baseURL: "http://127.0.0.1:\(peer.port)", timeouts: quick)
        await #expect(
            throws: OutboundError.readTimeout(
                url: "http://127.0.0.1:\(peer.port)/", after: .milliseconds(300), receivedBytes: 0)
        ) {
            try await client.get("/")
        }
    }

    @Test func tricklingUpstream_hitsTheTotalTimeout() async throws {
        let peer = try ScriptedPeer { fd in
            _ = ScriptedPeer.readHead(fd)
            ScriptedPeer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n")
            for _ in 0..<100 {
                ScriptedPeer.write(fd, "x")
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        let timeouts = OutboundClient.Timeouts(
            connect: .seconds(5), read: .seconds(5), total: .milliseconds(700))
        let client = try OutboundClient(baseURL: "http://127.0.0.1:\(peer.port)", timeouts: timeouts)
        await #expect(
            throws: OutboundError.totalTimeout(
                url: "http://127.0.0.1:\(peer.port)/", after: .milliseconds(700))
        ) {
            try await client.get("/")
        }
    }

    @Test func oversizedResponse_isRefused() async throws {
        let peer = try ScriptedPeer { fd in
            _ = ScriptedPeer.readHead(fd)
            ScriptedPeer.write(
                fd, "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + String(repeating: "x", count: 5000))
        }
        let client = try OutboundClient(
            baseURL: "http://127.0.0.1:\(peer.port)", timeouts: patient, maxResponseBytes: 1000)
        await #expect(
            throws: OutboundError.responseTooLarge(url: "http://127.0.0.1:\(peer.port)/", limit: 1000)
        ) {
            try await client.get("/")
        }
    }

    private static let half = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf"

    @Test func resetsEarlyClosesAndGarbage_areEachNamed() async throws {
        let peer = try ScriptedPeer { fd in
            let head = ScriptedPeer.readHead(fd)
            if head.hasPrefix("GET /reset") {
                var linger = linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            } else if head.hasPrefix("GET /half") {
                ScriptedPeer.write(fd, Self.half)
            } else {
                ScriptedPeer.write(fd, "SSH-2.0-OpenSSH\r\n\r\n")
            }
        }
        let base = "http://127.0.0.1:\(peer.port)"
        let client = try OutboundClient(baseURL: base, timeouts: patient)
        await #expect(throws: OutboundError.connectionReset(url: base + "/reset", receivedBytes: 0)) {
            try await client.get("/reset")
        }
        await #expect(
            throws: OutboundError.closedEarly(url: base + "/half", receivedBytes: Self.half.utf8.count)
        ) { try await client.get("/half") }
        await #expect(
            throws: OutboundError.malformedResponse(
                url: base + "/junk", detail: "the status line \"SSH-2.0-OpenSSH\" is not HTTP/1.x.")
        ) {
            try await client.get("/junk")
        }
    }

    @Test func badConfiguration_isRefusedBeforeAnyCall() {
        #expect(throws: OutboundError.unsupportedScheme(url: "https://pay.example")) {
            try OutboundClient(baseURL: "https://pay.example")
        }
        #expect(throws: OutboundError.invalidURL("pay.example", reason: "it must start with http://")) {
            try OutboundClient(baseURL: "pay.example")
        }
        #expect(throws: OutboundError.missingEnvironment("PAYMENTS_URL")) {
            try OutboundClient.fromEnvironment("PAYMENTS_URL", environment: [:])
        }
        #expect(
            OutboundError.missingEnvironment("PAYMENTS_URL").description
                == "The environment variable PAYMENTS_URL is not set; it should hold the service's URL, such as http://127.0.0.1:9000."
        )
    }

    @Test func cancelling_endsAWaitingCall_withCancelled() async throws {
        let peer = try ScriptedPeer { fd in
            _ = ScriptedPeer.readHead(fd)
            var byte: UInt8 = 0
            _ = recv(fd, &byte, 1, 0)  // silent until the client goes away
        }
        let client = try OutboundClient(
            baseURL: "http://127.0.0.1:\(peer.port)",
            timeouts: .init(connect: .seconds(1), read: .seconds(5), total: .seconds(5)))
        let task = Task { try await client.get("/") }
        try await Task.sleep(for: .milliseconds(100))
        task.cancel()
        await #expect(throws: OutboundError.cancelled(url: "http://127.0.0.1:\(peer.port)/")) {
            try await task.value
        }
    }

    @Test func cancel_unblocksTheExchangeThread_atOnce() throws {
        let peer = try ScriptedPeer { fd in
            _ = ScriptedPeer.readHead(fd)
            Thread.sleep(forTimeInterval: 2)
        }
        let url = try OutboundURL(parsing: "http://127.0.0.1:\(peer.port)/")
        let exchange = OutboundExchange(
            url: url, timeouts: .init(connect: .seconds(1), read: .seconds(5), total: .seconds(5)),
            maxResponseBytes: 100)
        let ended = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? exchange.perform(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), isHead: false)
            ended.signal()
        }
        Thread.sleep(forTimeInterval: 0.1)
        let started = ContinuousClock.now
        exchange.cancel()
        // The peer answers only after 2 s, so ending well before that is the cancel, with room for
        // a machine busy compiling.
        #expect(ended.wait(timeout: .now() + 1.5) == .success)
        #expect(ContinuousClock.now - started < .milliseconds(1500))
    }
}
