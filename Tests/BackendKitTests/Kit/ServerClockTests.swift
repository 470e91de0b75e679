import Foundation
import Testing

@testable import BackendKit

/// The clock handlers read, and the offset file the grader moves it with.
@Suite(.timeLimit(.minutes(1)))
struct ServerClockTests {
    private let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func fixedAndAdvancedClocks_sayWhatTheyWereGiven() {
        let clock = ServerClock.fixed(epoch)
        #expect(clock.now == epoch)
        #expect(clock.advanced(by: .seconds(960)).now == epoch.addingTimeInterval(960))
    }

    @Test func offsetFile_isReadWhenItChanges_andMissingMeansNoOffset() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "clock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("offset").path
        let file = ClockOffsetFile(path: path)
        #expect(file.offsetSeconds() == 0)
        try Data("960.5\n".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        #expect(rename(path + ".tmp", path) == 0)
        #expect(file.offsetSeconds() == 960.5)
        try Data("-30".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        #expect(rename(path + ".tmp", path) == 0)
        #expect(file.offsetSeconds() == -30)
        try Data("not a number".utf8).write(to: URL(fileURLWithPath: path + ".tmp"))
        #expect(rename(path + ".tmp", path) == 0)
        #expect(file.offsetSeconds() == -30, "a broken file keeps the last good offset")
        try FileManager.default.removeItem(atPath: path)
        #expect(file.offsetSeconds() == 0)
    }

    @Test func offsetFile_isOnlyUsedWhenTheVariableIsSet() {
        #expect(ClockOffsetFile.fromEnvironment([:]) == nil)
        #expect(ClockOffsetFile.fromEnvironment(["BACKENDKIT_CLOCK_OFFSET_FILE": ""]) == nil)
        #expect(ClockOffsetFile.fromEnvironment(["BACKENDKIT_CLOCK_OFFSET_FILE": "/x"])?.path == "/x")
    }

    @Test func requestNow_andTheDateHeader_followTheServersClock() async throws {
        let clock = ServerClock.fixed(epoch)
        try await withTestServer(configure: { $0.clock = clock }) { router in
            router.get("/now") { request in .text(String(Int(request.now.timeIntervalSince1970))) }
        } _: { port in
            let client = try RawClient(port: port)
            try client.send("GET /now HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.body == "1700000000")
            #expect(response.headers["Date"] == "Tue, 14 Nov 2023 22:13:20 GMT")
        }
    }
}
