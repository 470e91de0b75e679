import BackendKit
import Foundation
import Grader
import Testing

@testable import Runner

/// `progress --web`'s server, on a real socket: the page and its JSON show the record, escape every
/// value, and follow new checks.
@Suite(.timeLimit(.minutes(2)))
struct ProgressPageServerTests {
    let pack = FixturePack.inMemory()
    let start = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01 00:00:00 UTC
    static let hostile = "expected 200, got <script>alert('x')</script> & \"more\""

    /// A store with db01 done then failing again (with a hostile message) and db02 failing.
    func makeStore(_ dir: URL) throws -> ProgressStore {
        let store = ProgressStore(
            file: dir.appendingPathComponent(".backendlings/progress.json"), firstExercise: "db01-schema",
            currentDirectory: dir)
        _ = try store.createIfMissing(now: start)
        try store.recordCheck(
            "db01-schema", passed: true, at: start.addingTimeInterval(120),
            tally: CheckTally(passed: 2, total: 2))
        try store.recordCheck(
            "db01-schema", passed: false, at: start.addingTimeInterval(240),
            tally: CheckTally(
                passed: 1, total: 2, failure: FailureNote(check: "GET /books <b>", message: Self.hostile)))
        try store.recordCheck(
            "db02-queries", passed: false, at: start.addingTimeInterval(300),
            tally: CheckTally(
                passed: 0, total: 3, failure: FailureNote(check: nil, message: "does not compile")))
        _ = try store.setCurrent("db01-schema")
        return store
    }

    func withServer(_ body: (ProgressStore, OutboundClient) async throws -> Void) async throws {
        let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try makeStore(dir)
        let server = ProgressPageServer(pack: pack, store: store, port: 0, language: .en)
        let port = try server.start()
        defer { server.shutdown() }
        #expect(server.url == "http://127.0.0.1:\(port)/")
        try await body(store, try OutboundClient(baseURL: "http://127.0.0.1:\(port)"))
    }

    @Test func thePage_showsModulesExercisesStatusAndTheLatestFailure_escaped() async throws {
        try await withServer { _, client in
            let response = try await client.get("/")
            #expect(response.status.code == 200)
            #expect(response.headers["Content-Type"] == "text/html; charset=utf-8")
            #expect(response.headers["Content-Security-Policy"]?.contains("default-src 'none'") == true)
            let html = String(decoding: response.body, as: UTF8.self)
            #expect(html.contains("<h2>Databases <small>1/2</small></h2>"))
            #expect(html.contains("<tr id=\"exercise-db01-schema\" class=\"broken current\">"))
            #expect(html.contains("<td class=\"status\">done, failing now</td>"))
            #expect(html.contains("<tr id=\"exercise-db02-queries\" class=\"failing\">"))
            #expect(html.contains("<tr id=\"exercise-auth01-passwords\" class=\"pending\">"))
            #expect(html.contains("Latest failure: GET /books &lt;b&gt;</h3>"))
            #expect(
                html.contains(
                    "expected 200, got &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;"
                ))
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("<b>"))
            #expect(html.contains("<svg id=\"chart\""))
            #expect(html.contains("<polyline class=\"line\""))
            #expect(
                html.contains(
                    "<div class=\"total\" id=\"total-time\"><span class=\"label\">Time spent</span><span class=\"value\">5 min</span>"
                ))
        }
    }

    @Test func theJSON_followsNewChecks_throughItsRevision() async throws {
        try await withServer { store, client in
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let first = try decoder.decode(
                ProgressSnapshot.self, from: try await client.get("/progress.json").body)
            #expect(first.done == 1)
            #expect(first.total == 3)
            #expect(first.current?.failure?.message == Self.hostile)
            #expect(first.chart.map(\.checksPassing) == [2, 1, 1])
            #expect(first.modules.flatMap(\.exercises).map(\.attempts) == [2, 1, 0])
            try store.recordCheck(
                "db02-queries", passed: true, at: start.addingTimeInterval(400),
                tally: CheckTally(passed: 3, total: 3))
            let second = try decoder.decode(
                ProgressSnapshot.self, from: try await client.get("/progress.json").body)
            #expect(second.revision != first.revision)
            #expect(second.done == 2)
            #expect(second.chart.last?.checksPassing == 4)
        }
    }

    @Test func thePage_speaksIndonesian_whenAsked_andAnswers404Elsewhere() async throws {
        try await withServer { _, client in
            let html = String(decoding: try await client.get("/?lang=id").body, as: UTF8.self)
            #expect(html.contains("<html lang=\"id\">"))
            #expect(html.contains("Progres kamu"))
            #expect(html.contains("<td class=\"status\">selesai, sekarang gagal</td>"))
            #expect(try await client.get("/elsewhere").status.code == 404)
        }
    }

    @Test func theScriptHash_inThePolicy_isTheHashOfThePagesScript() {
        let hash = Data(SHA256.hash(ProgressPageHTML.script)).base64EncodedString()
        #expect(
            ProgressPageServer.headers("text/html")["Content-Security-Policy"]?.contains("'sha256-\(hash)'")
                == true)
        #expect(
            ProgressPageHTML.render(
                ProgressSnapshot(
                    pack: pack, progress: LearnerProgress(startedAt: start, current: "db01-schema"),
                    language: .en)
            ).contains("<script>\(ProgressPageHTML.script)</script>"))
    }
}
