#if os(Linux)
    import Foundation
    import Grader
    import Testing

    /// BackendKit's startup contract, checked on a real process: `backendkit-bench` is a BackendKit
    /// server like every mini-backend, started the way the grader starts learners' servers.
    @Suite(.timeLimit(.minutes(1)))
    struct StartupContractTests {
        private var bench: String {
            get throws {
                let fixture = try GraderFixture.path
                return URL(fileURLWithPath: fixture).deletingLastPathComponent().appendingPathComponent(
                    "backendkit-bench"
                ).path
            }
        }

        @Test func server_printsItsListeningLine_servesItsRoutes_andStopsCleanlyOnSIGTERM() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "contract-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = folder.appendingPathComponent("bench.sqlite").path
            let server = try LearnerServer.start(.init(executable: try bench, databasePath: database))

            let hello = try RawHTTPProbe.get(port: server.port, path: "/hello").text
            #expect(hello.contains("HTTP/1.1 200 OK"))
            #expect(hello.hasSuffix("Hello, world!"))
            #expect(
                try RawHTTPProbe.get(port: server.port, path: "/notes/7").text.hasSuffix(
                    #"{"id":7,"tags":["bench","json"],"title":"Note 7"}"#))
            #expect(
                try RawHTTPProbe.get(port: server.port, path: "/db/7").text.hasSuffix(
                    #"{"id":7,"name":"Item 7","price":8.75}"#))
            #expect(FileManager.default.fileExists(atPath: database), "DATABASE_PATH was not used")

            let lines = server.output.text.split(separator: "\n").filter { $0.hasPrefix("Listening on ") }
            #expect(lines == ["Listening on http://127.0.0.1:\(server.port)"])

            server.sendSignal(SIGTERM)
            #expect(server.waitForExitBlocking(timeout: .seconds(15)) == .exited(0))
            #expect(server.output.text.contains("Received SIGTERM"))
        }

        @Test func invalidPort_isExplained_andExits1() throws {
            let (status, output) = try ChildProcess.run(
                executable: try bench,
                environment: .inherit(adding: [
                    "PORT": "eighty", "DATABASE_PATH": "/tmp/unused-\(UUID().uuidString).sqlite",
                ]),
                timeout: .seconds(20))
            #expect(status == .exited(1))
            #expect(output.text.contains("PORT must be a number from 0 to 65535"))
        }
    }
#endif
