import BackendKit
import Foundation
import GraderKit

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
}
