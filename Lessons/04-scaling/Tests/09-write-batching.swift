import BackendKit
import Foundation
import GraderKit
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Redirects whose clicks wait in the queue until the writer's one flush at SIGTERM.
private let batchedClicks = 50
/// The largest import the route takes.
private let bulkSize = 1000

private let clicksInOneTransaction = Words(
    "the writer stores a batch of waiting clicks in one transaction, not one per click",
    id: "penulisnya menyimpan satu batch klik yang menunggu dalam satu transaction, bukan satu per klik")
private let bulkInOneTransaction = Words(
    "POST /links/bulk stores 1000 links in one transaction",
    id: "POST /links/bulk menyimpan 1000 link dalam satu transaction")
private let allOrNothing = Words(
    "an import with one taken code answers 409 and stores none of its links",
    id: "impor dengan satu code yang sudah dipakai menjawab 409 dan tidak menyimpan satu pun link-nya")
private let sharedCodeOnce = Words(
    "two imports at the same moment that share a code: exactly one is stored, the other answers 409",
    id:
        "dua impor pada saat yang sama yang berbagi satu code: tepat satu yang tersimpan, yang lain menjawab 409"
)

/// How many transactions the statements ran in: one per transaction id, and one for each
/// statement outside a transaction (SQLite commits it by itself).
private func transactionCount(_ statements: [LoggedStatement]) -> Int {
    Set(statements.compactMap(\.transaction)).count + statements.filter { $0.transaction == nil }.count
}

/// The statements that change a table: what holds the write lock.
private func writes(_ statements: [LoggedStatement]) -> [LoggedStatement] {
    statements.filter {
        let sql = $0.sql.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        return sql.hasPrefix("INSERT") || sql.hasPrefix("UPDATE") || sql.hasPrefix("DELETE")
    }
}

/// The write load: imports of `bulkSize` links at the same moment, threads sending single creates
/// one after another until every import has answered, and redirects whose clicks wake the writer.
private let loadImports = 4
private let createThreads = 4
/// Clicks waiting before the load starts: the load's first redirect makes a whole batch
/// (ClickQueue.batchLimit, 500), which wakes the click writer at once, in the middle of the imports.
private let waitingClicks = 499
/// How long the load waits for the click writer's batch to be stored, in seconds: far more than it
/// takes (well under a second on the reference solution), so it only ends a load whose writer failed.
private let batchDeadline = 15.0
/// How much longer than the reference solution's whole load one create may wait.
private let createWaitRatio = 3.0
/// The load's server: an event loop for every request of the load, no rate limit in the way, and no
/// click writer timer (only the whole batch wakes it).
private let writeLoadEnvironment = [
    "BACKENDKIT_THREADS": "16", "RATE_LIMIT_BURST": "10000", "CLICK_FLUSH_SECONDS": "300",
]

private let underWriteLoad = Words(
    "4 imports of 1000 links, the click writer and single POST /links at the same moment: all succeed, none with database is locked, and no create waits 3× as long as the reference's whole load",
    id:
        "4 impor berisi 1000 link, penulis klik, dan POST /links tunggal pada saat yang sama: semuanya berhasil, tidak ada yang gagal dengan database is locked, dan tidak ada create yang menunggu 3× selama seluruh beban di solusi acuan"
)

private func secondsSince(_ start: ContinuousClock.Instant) -> Double {
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
}

/// One request of the write load, as it ended.
private struct LoadOutcome: Sendable {
    var request: Words
    var isCreate = false
    var status: Int?
    var seconds: Double
    /// Why it has no status: the client's error, or what did not happen.
    var failure: Words?

    var succeeded: Bool { status.map { (200..<400).contains($0) } ?? false }

    var line: Words {
        let ended = status.map { Words(verbatim: String($0)) } ?? failure ?? Words(verbatim: "?")
        let time = String(format: "%.2f", seconds)
        return Words(
            "\(request.en) → \(ended.en) after \(time) s",
            id: "\(request[.id]) → \(ended[.id]) setelah \(time) detik")
    }
}

/// The lines of `outcomes` (at most `limit`), in both languages.
private func lines(_ outcomes: some Sequence<LoadOutcome>, limit: Int) -> Words {
    let shown = outcomes.prefix(limit).map(\.line)
    return Words(
        shown.map(\.en).joined(separator: "; "), id: shown.map { $0[.id] }.joined(separator: "; "))
}

/// How many imports of the load have answered, and whether the load is over: every import answered
/// and the click writer's batch stored (or given up on).
private final class LoadProgress: Sendable {
    let state = Mutex((importsAnswered: 0, over: false))
}

/// Sends one request of the load and notes how it ended and how long it took.
private func timed(_ request: String, isCreate: Bool = false, _ send: () throws -> ClientResponse)
    -> LoadOutcome
{
    let start = ContinuousClock.now
    var outcome = LoadOutcome(request: Words(verbatim: request), isCreate: isCreate, seconds: 0)
    do {
        outcome.status = try send().status
    } catch let failure as CheckFailure {
        outcome.failure = Words(verbatim: failure.message)
    } catch {
        outcome.failure = Words(verbatim: "\(error)")
    }
    outcome.seconds = secondsSince(start)
    return outcome
}

/// The write load on one server (`http`): a link to click, `waitingClicks` clicks waiting, then
/// `loadImports` imports, `createThreads` threads of single creates and one thread of redirects
/// released together, until every import answered and the click batch is stored. Returns every
/// request's outcome and how long the whole load took.
private func writeLoad(_ t: TestContext, on http: HTTPClient, tag: String) throws -> (
    outcomes: [LoadOutcome], seconds: Double
) {
    let code = try Shortlinks.create(url: "https://example.com/clicked/\(tag)", via: http)
    let preloaded = t.concurrently(4) { index in
        for _ in 0..<(waitingClicks / 4 + (index < waitingClicks % 4 ? 1 : 0)) {
            try http.get("/\(code)").expectStatus(302)
        }
    }
    for result in preloaded { try result.get() }

    let progress = LoadProgress()
    let start = ContinuousClock.now
    let results = t.concurrently(loadImports + createThreads + 1) { index -> [LoadOutcome] in
        if index < loadImports {
            defer { progress.state.withLock { $0.importsAnswered += 1 } }
            let links = (0..<bulkSize).map {
                JSONValue.object(["url": .string("https://example.com/load/\(tag)/\(index)/\($0)")])
            }
            return [
                timed("POST /links/bulk (import \(index + 1))") {
                    try http.post("/links/bulk", json: bulk(links))
                }
            ]
        }
        var outcomes: [LoadOutcome] = []
        if index < loadImports + createThreads {
            // Single creates one after another until the load is over, at least two.
            while outcomes.count < 2 || !progress.state.withLock({ $0.over }) {
                let name = "\(index - loadImports + 1).\(outcomes.count + 1)"
                let url = "https://example.com/single/\(tag)/\(name)"
                outcomes.append(
                    timed("POST /links (create \(name))", isCreate: true) {
                        try http.post("/links", json: ["url": .string(url)])
                    })
            }
            return outcomes
        }
        // Redirects until every import has answered: the first makes the whole batch that wakes the
        // writer. Then wait for that batch to be stored, which ends the load.
        defer { progress.state.withLock { $0.over = true } }
        while outcomes.isEmpty || progress.state.withLock({ $0.importsAnswered }) < loadImports {
            outcomes.append(timed("GET /\(code) (click \(outcomes.count + 1))") { try http.get("/\(code)") })
        }
        while true {
            let details = try? http.get("/links/\(code)")
            if let clicks = try? details?.json()["clicks"]?.int, clicks > waitingClicks { return outcomes }
            guard secondsSince(start) < batchDeadline else {
                let stored = (try? details?.json()["clicks"]?.int).flatMap { $0 }.map(String.init) ?? "?"
                outcomes.append(
                    LoadOutcome(
                        request: Words(
                            "the click writer's batch of \(waitingClicks + 1) clicks",
                            id: "batch \(waitingClicks + 1) klik milik penulis klik"),
                        seconds: secondsSince(start),
                        failure: Words(
                            "not stored (GET /links/\(code) counts \(stored))",
                            id: "tidak tersimpan (GET /links/\(code) menghitung \(stored))")))
                return outcomes
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
    let seconds = secondsSince(start)
    return (try results.flatMap { try $0.get() }, seconds)
}

private func linkCount(_ t: TestContext, codeLike pattern: String = "%") throws -> Int {
    try t.database().queryOne("SELECT count(*) AS n FROM links WHERE code LIKE ?", pattern)?.int("n") ?? 0
}

private func bulk(_ links: [JSONValue]) -> JSONValue {
    .object(["links": .array(links)])
}

let writeBatching = ExerciseTests("scale09-write-batching") {
    Check(
        clicksInOneTransaction,
        hint: Words(
            "In writeClicks, wrap the loop in try database.transaction { tx in … } and run each INSERT on tx: one BEGIN IMMEDIATE and one COMMIT for the whole batch.",
            id:
                "Di writeClicks, bungkus loop-nya dengan try database.transaction { tx in … } dan jalankan setiap INSERT di tx: satu BEGIN IMMEDIATE dan satu COMMIT untuk seluruh batch."
        ),
        timeout: .seconds(30)
    ) { t in
        // The writer's timer never fires: the 50 clicks wait for the one flush at SIGTERM.
        try Shortlinks.start(t, environment: ["CLICK_FLUSH_SECONDS": "300"])
        try t.enableStatementLog()
        let code = try Shortlinks.create(t, url: "https://example.com/batched")
        for _ in 0..<batchedClicks {
            _ = try t.http.get("/\(code)").expectStatus(302)
        }
        try require(
            try t.signalServer(SIGTERM) != nil,
            Words(
                "the server was still running 10 s after SIGTERM",
                id: "server-nya masih berjalan 10 detik setelah SIGTERM"))
        let inserts = try writes(t.loggedStatements).filter {
            $0.requestID == nil && $0.sql.uppercased().contains("INTO CLICKS")
        }
        let transactions = transactionCount(inserts)
        try require(
            !inserts.isEmpty && transactions == 1,
            Words(
                "the \(batchedClicks) clicks waiting at SIGTERM were written with \(inserts.count) INSERTs in \(transactions) transactions: write a batch in one transaction.",
                id:
                    "\(batchedClicks) klik yang menunggu saat SIGTERM ditulis dengan \(inserts.count) INSERT dalam \(transactions) transaction: tulis satu batch dalam satu transaction."
            ))
        let response = try t.http.get("/links/\(code)").expectStatus(200)
        try requireEqual(
            try response.json()["clicks"]?.int, batchedClicks,
            Words("the clicks counted after the restart", id: "jumlah klik yang terhitung setelah restart"),
            response: response)
    }

    Check(
        bulkInOneTransaction,
        hint: Words(
            "In importLinks, one database.transaction { tx in … } around the whole loop, not one per link: a transaction per link is 1000 commits, and 1000 turns at the write lock.",
            id:
                "Di importLinks, satu database.transaction { tx in … } di sekeliling seluruh loop, bukan satu per link: satu transaction per link berarti 1000 commit, dan 1000 giliran memegang write lock."
        ),
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t)
        try t.enableStatementLog()
        let before = try linkCount(t)
        let links = (0..<bulkSize).map {
            JSONValue.object(["url": .string("https://example.com/bulk/\($0)")])
        }
        let response = try t.http.post("/links/bulk", json: bulk(links)).expectStatus(201)
        try requireEqual(
            try response.json()["links"]?.array?.count, bulkSize,
            Words("the number of links in the answer", id: "jumlah link di jawabannya"), response: response)
        let ran = try writes(t.statements(for: response))
        let transactions = transactionCount(ran)
        try require(
            transactions == 1,
            Words(
                "POST /links/bulk with \(bulkSize) links wrote in \(transactions) transactions: store the whole import in one.",
                id:
                    "POST /links/bulk dengan \(bulkSize) link menulis dalam \(transactions) transaction: simpan seluruh impornya dalam satu."
            ),
            response: response)
        try requireEqual(
            try linkCount(t) - before, bulkSize,
            Words("the number of new rows in links", id: "jumlah baris baru di links"), response: response)
    }

    Check(
        allOrNothing,
        hint: Words(
            "Let CodeTaken leave the transaction's closure (throw it, do not catch it inside): the transaction then rolls back every link the import stored before it.",
            id:
                "Biarkan CodeTaken keluar dari closure transaction-nya (lempar, jangan ditangkap di dalam): transaction-nya lalu membatalkan semua link yang sudah disimpan impor itu sebelumnya."
        ),
        needs: bulkInOneTransaction.en
    ) { t in
        try Shortlinks.create(t, url: "https://example.com/taken", code: "taken-code")
        let before = try linkCount(t)
        let links = (0..<20).map { index in
            JSONValue.object([
                "url": .string("https://example.com/mixed/\(index)"),
                "code": .string(index == 12 ? "taken-code" : "mixed-\(index)"),
            ])
        }
        let response = try t.http.post("/links/bulk", json: bulk(links)).expectStatus(
            409,
            hint: Words(
                "The 13th link's code is taken: the import must be refused as a whole.",
                id: "Code link ke-13 sudah dipakai: impornya harus ditolak seluruhnya."))
        let stored = try linkCount(t) - before
        try require(
            stored == 0,
            Words(
                "the import was refused, but \(stored) of its links were stored: they must be rolled back with it",
                id: "impornya ditolak, tapi \(stored) link-nya tersimpan: link-link itu harus ikut dibatalkan"
            ),
            response: response)
    }

    Check(
        sharedCodeOnce,
        hint: Words(
            "Check each code inside the transaction that inserts it (tx.queryOne, then tx.query INSERT), never in a read before it: BEGIN IMMEDIATE makes the second import wait, and then it finds the code taken.",
            id:
                "Periksa setiap code di dalam transaction yang meng-insert-nya (tx.queryOne, lalu tx.query INSERT), jangan di pembacaan sebelumnya: BEGIN IMMEDIATE membuat impor kedua menunggu, lalu ia menemukan code-nya sudah dipakai."
        ),
        needs: allOrNothing.en,
        timeout: .seconds(30)
    ) { t in
        // Four event loops, so both imports really run at once; the grader's write lock makes both
        // read before either can write.
        try Shortlinks.start(t, environment: ["BACKENDKIT_THREADS": "4"])
        let results = try t.concurrently(2, holdingWriteLockFor: .seconds(1)) { index in
            let links = (0..<5).map { item in
                JSONValue.object([
                    "url": .string("https://example.com/race/\(index)/\(item)"),
                    "code": .string(item == 4 ? "shared-code" : "race-\(index)-\(item)"),
                ])
            }
            return try t.http.post("/links/bulk", json: bulk(links))
        }
        let statuses = try results.map { try $0.get().status }.sorted()
        let stored = try linkCount(t, codeLike: "shared-code")
        try require(
            statuses == [201, 409] && stored == 1,
            Words(
                "two imports of the code shared-code at the same moment answered \(statuses) and stored it \(stored) times: exactly one 201 and one 409 were expected, and one row",
                id:
                    "dua impor code shared-code pada saat yang sama menjawab \(statuses) dan menyimpannya \(stored) kali: seharusnya tepat satu 201 dan satu 409, dan satu baris"
            ))
    }

    Check(
        underWriteLoad,
        hint: Words(
            "Inside db.transaction, only the statements: no pause, no slow call, nothing per link that takes time. The write lock is held until the closure returns, and every other writer (a create, the click writer, another import) waits for it, at most busy_timeout (5 s), then fails with database is locked.",
            id:
                "Di dalam db.transaction, hanya statement-nya: tanpa jeda, tanpa panggilan yang lambat, tanpa pekerjaan per link yang makan waktu. Write lock dipegang sampai closure-nya selesai, dan setiap penulis lain (create, penulis klik, impor lain) menunggunya, paling lama busy_timeout (5 detik), lalu gagal dengan database is locked."
        ),
        needs: bulkInOneTransaction.en,
        timeout: .seconds(60)
    ) { t in
        try Shortlinks.start(t, environment: writeLoadEnvironment)
        let reference = try t.referenceHTTP()
        reference.timeout = .seconds(20)
        let referenceLoad = try writeLoad(t, on: reference, tag: "reference")
        let referenceFailures = lines(referenceLoad.outcomes.filter { !$0.succeeded }, limit: 3)
        try require(
            referenceLoad.outcomes.allSatisfy(\.succeeded),
            Words(
                "the reference solution failed under the write load: \(referenceFailures.en). This is a problem in the lesson pack (or a very busy machine), not in your code.",
                id:
                    "solusi acuan gagal di bawah beban tulis: \(referenceFailures[.id]). Ini masalah di paket pelajaran (atau mesin yang sangat sibuk), bukan di kodemu."
            ))

        let timeout = t.http.timeout
        t.http.timeout = .seconds(20)  // a writer gives up after busy_timeout, 5 s: see its answer
        defer { t.http.timeout = timeout }
        let load = try writeLoad(t, on: t.http, tag: "yours")
        let failed = load.outcomes.filter { !$0.succeeded }
        let locked = t.serverOutput.contains("database is locked")
        try require(
            failed.isEmpty,
            Words(
                "under the write load \(failed.count) of \(load.outcomes.count) requests failed, for example \(lines(failed, limit: 4).en)\(locked ? "; your server logged database is locked" : ""). A writer waits at most busy_timeout (5 s) for the write lock: some transaction held it far longer than its statements take.",
                id:
                    "di bawah beban tulis \(failed.count) dari \(load.outcomes.count) request gagal, misalnya \(lines(failed, limit: 4)[.id])\(locked ? "; server kamu mencatat database is locked" : ""). Seorang penulis menunggu write lock paling lama busy_timeout (5 detik): ada transaction yang memegangnya jauh lebih lama daripada waktu statement-nya."
            ))
        let slowest = try requireValue(
            load.outcomes.filter(\.isCreate).max { $0.seconds < $1.seconds },
            Words("no single create was sent", id: "tidak ada create tunggal yang terkirim"))
        let allowed = referenceLoad.seconds * createWaitRatio
        try require(
            slowest.seconds <= allowed,
            Words(
                "under the write load your slowest single create, \(slowest.line.en), waited longer than 3× the reference solution's whole load (4 imports, the clicks and every create: \(String(format: "%.2f", referenceLoad.seconds)) s). A create waits that long only when a transaction holds the write lock far longer than its statements take.",
                id:
                    "di bawah beban tulis create tunggal kamu yang paling lambat, \(slowest.line[.id]), menunggu lebih lama daripada 3× seluruh beban di solusi acuan (4 impor, klik-kliknya, dan semua create: \(String(format: "%.2f", referenceLoad.seconds)) detik). Create menunggu selama itu hanya kalau ada transaction yang memegang write lock jauh lebih lama daripada waktu statement-nya."
            ))
    }
}
