#if os(Linux)
    import BackendKit
    import Foundation
    import Grader
    import Synchronization
    import Testing

    @testable import GraderKit

    /// A failed check's replay script, run with sh against a real server, sends what the check sent.
    @Suite(.timeLimit(.minutes(2)))
    struct ReplayScriptRunTests {
        /// What a server received, in order.
        final class Received: Sendable {
            struct Request: Equatable, CustomStringConvertible, Sendable {
                var method: String
                var target: String
                var contentType: String?
                var accept: String?
                var body: [UInt8]
                var description: String {
                    "\(method) \(target) \(contentType ?? "-") \(accept ?? "-") \(body)"
                }
            }
            private let requests = Mutex<[Request]>([])
            func add(_ request: Request) { requests.withLock { $0.append(request) } }
            var all: [Request] { requests.withLock { $0 } }
        }

        static let quoted = #"{"title":"O'Reilly's \"$HOME\" `date` 100% \\ done"}"#
        static let multiline = "line one\n\tline two\r\n"
        static let notUTF8: [UInt8] = [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D]

        /// The requests the checks send, as the server must see them.
        static let expected: [Received.Request] = [
            .init(
                method: "POST", target: "/notes", contentType: "application/json", accept: "application/json",
                body: Array(#"{"title":"first"}"#.utf8)),
            .init(
                method: "GET", target: "/books?sort=year&author=Le%20Guin", accept: "application/json",
                body: []),
            .init(
                method: "POST", target: "/notes", contentType: "application/json", accept: "application/json",
                body: Array(quoted.utf8)),
            .init(
                method: "PUT", target: "/notes/1", contentType: "text/plain", accept: "text/plain",
                body: Array(multiline.utf8)),
            .init(method: "POST", target: "/raw", accept: "application/json", body: notUTF8),
            .init(method: "DELETE", target: "/notes/1", accept: "application/json", body: []),
        ]

        static let checks = [
            Check(Words(english: "set-up")) { t in try t.http.post("/notes", json: ["title": "first"]) },
            Check(Words(english: "sends every kind of request")) { t in
                try t.http.get("/books?sort=year&author=Le%20Guin")
                try t.http.send(
                    .post, "/notes", headers: ["Content-Type": "application/json"], body: Data(quoted.utf8))
                try t.http.send(
                    .put, "/notes/1", headers: ["Content-Type": "text/plain", "Accept": "text/plain"],
                    body: Data(multiline.utf8))
                try t.http.send(.post, "/raw", body: Data(notUTF8))
                try t.http.delete("/notes/1")
                try fail(Words(english: "fails on purpose, after six requests"))
            },
        ]

        @Test func theScript_sendsEveryRequestOfTheRunInOrder_byteForByte() async throws {
            let directory = FileManager.default.temporaryDirectory.appending(
                path: "replay-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let report = try await GraderRun.run("ok", Self.checks, replayDirectory: directory)
            #expect(report.checks.map(\.status) == [.pass, .fail])
            #expect(report.checks[0].replayScript == nil)
            let script = try #require(report.checks[1].replayScript)
            #expect(script == directory.appending(path: "check-02.sh").path)

            let received = Received()
            let router = Router()
            for method in [HTTPMethod.get, .post, .put, .patch, .delete] {
                router.on(method, "/*") { request in
                    received.add(
                        .init(
                            method: request.method.rawValue, target: request.target,
                            contentType: request.headers["Content-Type"], accept: request.headers["Accept"],
                            body: Array(request.body)))
                    return .text("ok")
                }
            }
            var configuration = ServerConfiguration()
            configuration.logger = Logger(level: .error, output: .collect { _ in })
            let server = Server(router: router, configuration: configuration)
            let port = try server.start()
            defer { server.shutdown(grace: .milliseconds(100)) }

            let (status, output) = try await ChildProcess.run(
                executable: "/bin/sh", arguments: [script],
                environment: .inherit(adding: ["BASE_URL": "http://127.0.0.1:\(port)"]), timeout: .seconds(30)
            )
            let printed = output.text
            #expect(status == .exited(0), "\(printed)")
            #expect(received.all == Self.expected, "\(printed)")
            #expect(printed.contains("  POST /notes → 200"), "\(printed)")
            #expect(printed.contains(">>> DELETE /notes/1"), "\(printed)")
            #expect(printed.contains("fails on purpose, after six requests"), "\(printed)")
        }

        @Test func aNewRun_removesTheScriptsOfTheLastOne() async throws {
            let directory = FileManager.default.temporaryDirectory.appending(
                path: "replay-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            _ = try await GraderRun.run("ok", Self.checks, replayDirectory: directory)
            #expect(FileManager.default.fileExists(atPath: directory.appending(path: "check-02.sh").path))
            let passing = try await GraderRun.run(
                "ok", [Check(Words(english: "passes")) { t in try t.http.get("/hello") }],
                replayDirectory: directory)
            #expect(passing.status == .pass)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
#endif
