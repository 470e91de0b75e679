import Foundation
import Testing

@testable import BackendKit

#if canImport(Glibc)
    import Glibc
#endif

/// What the server answers at the edges of HTTP semantics that the fuzz run of issue 9 found wrong:
/// error responses to HEAD, methods it does not implement, and `100 Continue` to a client that left.
@Suite(.timeLimit(.minutes(1)))
struct HTTPSemanticsTests {
    private func routes(_ router: Router) {
        router.get("/hello") { _ in .text("Hello, world!") }
        router.post("/echo") { request in .text(request.bodyText) }
        router.on("PURGE", "/cache") { _ in .text("purged") }
    }

    @Test(arguments: [
        ("HEAD /hello HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n", 400),
        ("HEAD /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("HEAD /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n", 413),
        ("HEAD /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("HEAD /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404),
    ])
    func errorAnswerToHead_hasNoBody(text: String, status: Int) async throws {
        try await withTestServer(routes: routes) { port in
            let (_, raw) = try exchange(text, port: port)
            #expect(raw.hasPrefix("HTTP/1.1 \(status) "), "got \(raw.prefix(300).debugDescription)")
            #expect(raw.hasSuffix("\r\n\r\n"), "a body came with the answer to HEAD: \(raw.debugDescription)")
        }
    }

    @Test func headThatIsNeverFinished_gets408WithoutBody() async throws {
        try await withTestServer(routes: routes) { port in
            let client = try RawClient(port: port, receiveTimeout: 5)
            try client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n")
            let raw = String(decoding: client.readUntilClose(), as: UTF8.self)
            #expect(raw.hasPrefix("HTTP/1.1 408 "), "\(raw.debugDescription)")
            #expect(raw.hasSuffix("\r\n\r\n"), "\(raw.debugDescription)")
        }
    }

    @Test(arguments: ["FOO", "BREW", "get", "Post", "TRACE", "CONNECT"])
    func methodTheServerDoesNotImplement_isAnswered501(method: String) async throws {
        try await withTestServer(routes: routes) { port in
            let (responses, raw) = try exchange(
                "\(method) /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(responses.map(\.status) == [501], "got \(raw.prefix(300).debugDescription)")
            #expect(responses.first?.headers["Allow"] == nil)
        }
    }

    @Test func lowercaseMethod_isExplainedAsCaseSensitive() async throws {
        let router = Router()
        routes(router)
        let response = await router.respond(
            to: Request(method: "get", target: "/hello", headers: ["Host": "x"], body: Data()))
        #expect(response.status == .notImplemented)
        let problem = try JSONValue(parsing: response.body)
        #expect(
            problem["detail"]?.string
                == "This server does not implement the method \"get\". Method names are case-sensitive: did you mean GET?"
        )
        let unknown = await router.respond(
            to: Request(method: "FOO", target: "/hello", headers: ["Host": "x"], body: Data()))
        #expect(
            try JSONValue(parsing: unknown.body)["detail"]?.string
                == "This server does not implement the method \"FOO\".")
    }

    @Test func methodARouteRegistered_isServed_andElsewhereIs405() async throws {
        try await withTestServer(routes: routes) { port in
            let (served, _) = try exchange(
                "PURGE /cache HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(served.map(\.body) == ["purged"])
            let (elsewhere, _) = try exchange(
                "PURGE /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(elsewhere.map(\.status) == [405])
        }
    }

    @Test func expectContinue_fromAClientThatHalfClosed_getsNoInterimResponse() async throws {
        // One event loop, kept busy by a blocking handler while the second client sends its head and
        // half-closes: when the loop reads that head, the end of the stream is already there.
        let busy = DispatchSemaphore(value: 0)
        try await withTestServer(
            configure: { $0.threads = 1 },
            routes: { router in
                router.get("/block") { _ in
                    busy.signal()
                    usleep(500_000)  // blocks the only event loop
                    return .text("done")
                }
                router.post("/echo") { request in .text(request.bodyText) }
            }
        ) { port in
            let blocker = try RawClient(port: port)
            try blocker.send("GET /block HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = busy.wait(timeout: .now() + 10)
            let client = try RawClient(port: port, receiveTimeout: 3)
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            shutdown(client.fd, Int32(SHUT_WR))
            let raw = String(decoding: client.readUntilClose(), as: UTF8.self)
            #expect(!raw.contains("100 Continue"), "\(raw.debugDescription)")
            #expect(try blocker.readResponse().body == "done")
        }
    }
}
