import BackendKit
import Foundation
import Grader
import Testing

@testable import Runner

/// Watch mode's progress page (`p`), on real sockets: one server per session, the same address on
/// every ask, nothing left listening after `stop()`, and a port in use reported and retried.
@Suite(.timeLimit(.minutes(2)))
struct SessionProgressPageTests {
    let pack = FixturePack.inMemory()

    func withStore(_ body: (ProgressStore) async throws -> Void) async throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "session-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ProgressStore(
            file: dir.appendingPathComponent(".backendlings/progress.json"), firstExercise: "db01-schema",
            currentDirectory: dir)
        _ = try store.createIfMissing(now: Date())
        try await body(store)
    }

    @Test func askingTwice_givesTheSameServer_andStopClosesIt() async throws {
        try await withStore { store in
            let page = SessionProgressPage(pack: pack, store: store)
            #expect(page.runningURL == nil, "nothing runs before the first ask")
            let url = try page.url()
            #expect(url.hasPrefix("http://127.0.0.1:") && url.hasSuffix("/"), "\(url)")
            #expect(try page.url() == url)
            let client = try OutboundClient(baseURL: String(url.dropLast()))
            let response = try await client.get("/")
            #expect(response.status.code == 200)
            #expect(String(decoding: response.body, as: UTF8.self).contains("exercise-db01-schema"))

            page.stop()
            #expect(page.runningURL == nil)
            await #expect(throws: OutboundError.self) { _ = try await client.get("/") }
            page.stop()  // stopping twice is harmless
        }
    }

    @Test func aPortInUse_throws_andTheNextAskTriesAgain() async throws {
        try await withStore { store in
            let first = SessionProgressPage(pack: pack, store: store)
            let taken = try #require(Int(try first.url().split(separator: ":").last?.dropLast() ?? ""))
            let second = SessionProgressPage(pack: pack, store: store, port: taken)
            #expect(throws: (any Error).self) { _ = try second.url() }
            #expect(second.runningURL == nil)
            first.stop()
            #expect(try second.url() == "http://127.0.0.1:\(taken)/")
            second.stop()
        }
    }
}
