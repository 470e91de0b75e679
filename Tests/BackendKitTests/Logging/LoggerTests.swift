import Foundation
import Testing

@testable import BackendKit

struct LoggerTests {
    private let time = Date(timeIntervalSince1970: 1_795_000_000.25)

    @Test func textLine_hasTimeLevelMessageAndSortedMetadata() {
        let line = LogLineFormatter.format(
            level: .info, message: "Borrowed a book", metadata: ["request_id": "ab12", "book": 7], as: .text,
            time: time)
        #expect(line == "2026-11-18T11:06:40.250Z INFO    Borrowed a book book=7 request_id=ab12\n")
    }

    @Test func textLine_quotesValuesWithSpaces() {
        let line = LogLineFormatter.format(
            level: .warning, message: "x", metadata: ["title": "Laskar Pelangi"], as: .text, time: time)
        #expect(line.hasSuffix("WARNING x title=\"Laskar Pelangi\"\n"))
    }

    @Test func multiLineMessage_keepsItsMetadataOnTheFirstLine() {
        let line = LogLineFormatter.format(
            level: .error, message: "SQLite error: no such table\n  SQL: SELECT 1",
            metadata: ["request_id": "ab12"], as: .text, time: time)
        #expect(
            line
                == "2026-11-18T11:06:40.250Z ERROR   SQLite error: no such table request_id=ab12\n      SQL: SELECT 1\n"
        )
    }

    @Test func jsonLine_isOneObjectWithTypedValues() throws {
        let line = LogLineFormatter.format(
            level: .info, message: "request",
            metadata: ["status": 200, "duration_ms": 0.5, "path": "/books/\"7\""], as: .json, time: time)
        #expect(line.hasSuffix("}\n"))
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "request")
        #expect(object["status"] as? Int == 200)
        #expect(object["path"] as? String == "/books/\"7\"")
        #expect(object["time"] as? String == "2026-11-18T11:06:40.250Z")
    }

    @Test func levelsBelowTheConfiguredOne_areSkipped() {
        let lines = LockedLines()
        let logger = Logger(level: .warning, output: .collect { lines.append($0) })
        logger.debug("no")
        logger.info("no")
        logger.warning("yes")
        logger.error("yes")
        #expect(lines.all.count == 2)
    }

    @Test func environment_choosesLevelAndFormat_andFallsBackOnNonsense() {
        let json = Logger.fromEnvironment(["LOG_LEVEL": "DEBUG", "LOG_FORMAT": "json"])
        #expect(json.level == .debug && json.format == .json)
        let fallback = Logger.fromEnvironment(["LOG_LEVEL": "loud", "LOG_FORMAT": "xml"])
        #expect(fallback.level == .info && fallback.format == .text)
    }

    @Test func accessLog_writesOneLinePerRequest_withTheRequestID() async throws {
        let lines = LockedLines()
        try await withTestServer(
            configure: {
                $0.logger = Logger(level: .info, format: .json, output: .collect { lines.append($0) })
            },
            routes: { $0.get("/hello") { _ in .text("hi") } }
        ) { port in
            let client = try RawClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Request-Id: trace-42\r\n\r\n")
            _ = try client.readResponse()
        }
        let access = try #require(lines.all.first { $0.contains("\"message\":\"request\"") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(access.utf8)) as? [String: Any])
        #expect(object["request_id"] as? String == "trace-42")
        #expect(object["method"] as? String == "GET")
        #expect(object["path"] as? String == "/hello")
        #expect(object["status"] as? Int == 200)
        #expect(object["duration_ms"] is Double || object["duration_ms"] is Int)
    }
}
