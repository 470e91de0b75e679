#if os(Linux)
    import BackendKit
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// The controlled clock and the statement log on a real BackendKit process (backendkit-bench),
    /// switched on by environment exactly as the grader does.
    @Suite(.timeLimit(.minutes(1)))
    struct BenchProcessTests {
        private func bench(_ folder: URL, _ environment: [String: String]) throws -> LearnerServer {
            try LearnerServer.start(
                .init(
                    executable: try KitBinaries.bench,
                    databasePath: folder.appendingPathComponent("bench.sqlite").path,
                    environment: .inherit(adding: environment)))
        }

        private func date(_ port: Int) throws -> Date {
            let client = HTTPClient(endpoint: { port }, diagnose: { nil })
            return try requireValue(try client.get("/hello").serverDate, Words(english: "no Date header"))
        }

        @Test func offsetFile_movesTheDateHeader_atOnce_andAcrossRestarts() async throws {
            try await offThePoolGrading {
                try KitBinaries.withFolder { folder in
                    let file = folder.appendingPathComponent("offset")
                    let server = try bench(folder, [ControlledClock.environmentVariable: file.path])
                    defer { server.stop() }
                    #expect(abs(try date(server.port).timeIntervalSinceNow) < 3)
                    try ControlledClock.write(.seconds(3600), to: file)
                    #expect(abs(try date(server.port).timeIntervalSinceNow - 3600) < 3)
                    try server.restart()
                    #expect(
                        abs(try date(server.port).timeIntervalSinceNow - 3600) < 3,
                        "a restarted server reads the same file")
                    try ControlledClock.write(.zero, to: file)
                    #expect(abs(try date(server.port).timeIntervalSinceNow) < 3)
                }
            }
        }

        @Test func statementLog_recordsEachStatementWithItsRequestID_andNothingWhenOff() async throws {
            try await offThePoolGrading {
                try KitBinaries.withFolder { folder in
                    let log = folder.appendingPathComponent("statements.jsonl")
                    let server = try bench(folder, [StatementLogReader.environmentVariable: log.path])
                    defer { server.stop() }
                    let client = HTTPClient(endpoint: { server.port }, diagnose: { nil })
                    client.tagsRequests = true
                    let response = try client.get("/db/42").expectStatus(200)
                    try client.get("/hello").expectStatus(200)
                    let id = try #require(
                        response.exchange.request.headers.first { $0.name == "X-Request-Id" }?.value)
                    let all = try StatementLogReader.read(log)
                    let mine = all.filter { $0.requestID == id }
                    #expect(mine.map(\.sql) == ["SELECT id, name, price FROM items WHERE id = ?"])
                    #expect(mine.first?.transaction == nil && mine.first?.succeeded == true)
                    #expect(mine.first?.processID == Int(server.processID))
                    let startup = all.filter { $0.requestID == nil }
                    #expect(startup.contains { $0.sql.hasPrefix("CREATE TABLE IF NOT EXISTS items") })
                    let inserts = startup.filter { $0.sql.hasPrefix("INSERT INTO items") }
                    #expect(
                        inserts.count == 1000 && Set(inserts.map(\.transaction)).count == 1,
                        "the seed runs in one transaction")

                    let quiet = try bench(
                        folder.appendingPathComponent("..").appendingPathComponent(folder.lastPathComponent),
                        [:])
                    defer { quiet.stop() }
                    let before = (try? Data(contentsOf: log))?.count
                    _ = try HTTPClient(endpoint: { quiet.port }, diagnose: { nil }).get("/db/1")
                    #expect(
                        (try? Data(contentsOf: log))?.count == before,
                        "without the variable nothing is logged")
                }
            }
        }
        @Test func statementLog_connectionSettings_areLoggedOutsideTheRequestThatOpenedTheConnection()
            async throws
        {
            try await offThePoolGrading {
                try KitBinaries.withFolder { folder in
                    let log = folder.appendingPathComponent("statements.jsonl")
                    let server = try bench(
                        folder, [StatementLogReader.environmentVariable: log.path, "BACKENDKIT_THREADS": "8"])
                    defer { server.stop() }
                    let client = HTTPClient(endpoint: { server.port }, diagnose: { nil })
                    client.tagsRequests = true
                    // Requests at once make the pool open more connections while they run.
                    for result in Concurrently.run(64, { index in try client.get("/db/\(index + 1)").status })
                    {
                        #expect(try result.get() == 200)
                    }
                    let all = try StatementLogReader.read(log)
                    let opened = all.filter { $0.sql.hasPrefix("PRAGMA busy_timeout") }
                    #expect(opened.allSatisfy { $0.requestID == nil }, "the settings of every connection")
                    let tagged = all.filter { $0.requestID != nil }
                    #expect(
                        tagged.count == 64 && tagged.allSatisfy { $0.sql.hasPrefix("SELECT id, name, price") }
                    )
                }
            }
        }
    }
#endif
