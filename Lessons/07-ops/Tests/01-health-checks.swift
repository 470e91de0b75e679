import BackendKit
import Foundation
import GraderKit

private let readyWhenHealthy = Words(
    "GET /readyz answers 200 {\"status\":\"ready\"} when the database answers and is migrated",
    id: "GET /readyz menjawab 200 {\"status\":\"ready\"} saat database menjawab dan sudah dimigrasi")

private let notReadyWhenLocked = Words(
    "while another process holds the database's write lock, GET /readyz answers 503 within the probe's time and GET /livez still 200; once the lock is free, /readyz is 200 again",
    id:
        "selama proses lain memegang write lock database, GET /readyz menjawab 503 dalam waktu probe dan GET /livez tetap 200; begitu lock-nya lepas, /readyz kembali 200"
)

private let askEveryTimeHint = Words(
    "Call probe.schemaVersion() inside ready(), for every request: readiness is a question about now. A value computed at start, or a \"ready\" remembered from the first probe, stays true while the database is gone.",
    id:
        "Panggil probe.schemaVersion() di dalam ready(), untuk setiap request: readiness adalah pertanyaan tentang saat ini. Nilai yang dihitung saat start, atau \"ready\" yang diingat dari probe pertama, tetap true walau database-nya sudah tidak bisa dipakai."
)

private let slowProbeHint = Words(
    "Ask the database through the given probe (probe.schemaVersion()): its own connection gives up on a lock after 250 ms. A new Database, or the requests' connections, wait 5 seconds for the lock, longer than any probe waits for you.",
    id:
        "Tanyakan ke database lewat probe yang sudah disediakan (probe.schemaVersion()): koneksinya sendiri menyerah pada lock setelah 250 ms. Database baru, atau koneksi milik request, menunggu lock selama 5 detik, lebih lama dari probe mana pun mau menunggu kamu."
)

private let detailsHint = Words(
    "Answer {\"status\":\"not ready\",\"reason\":NotReady.databaseUnavailable.rawValue} and put the error itself in request.logger.warning(...). Probe URLs are often reachable from outside, and a database error tells an attacker what you run and where.",
    id:
        "Jawab {\"status\":\"not ready\",\"reason\":NotReady.databaseUnavailable.rawValue} dan taruh error-nya sendiri di request.logger.warning(...). URL probe sering bisa diakses dari luar, dan error database memberi tahu penyerang apa yang kamu jalankan dan di mana."
)

/// Expects a 503 from `/readyz` with exactly `reason`, and none of `secrets` (pieces of the error) in
/// the body.
private func expectNotReady(
    _ answer: ClientResponse, reason: NotReadyReason, leaks: [String], situation: Words
) throws {
    try answer.expectStatus(503)
    try answer.expectContentType("application/json")
    let body = answer.text.lowercased()
    if let leaked = leaks.first(where: { body.contains($0.lowercased()) }) {
        throw answer.failure(
            Words(
                "\(situation.en), the 503 answer contains \"\(leaked)\": a piece of the error itself. The answer names the reason only; the error belongs in the log",
                id:
                    "\(situation[.id]), jawaban 503-nya berisi \"\(leaked)\": potongan dari error-nya sendiri. Jawabannya hanya menyebut alasannya; error-nya tempatnya di log"
            ), hint: detailsHint)
    }
    let members = try Shop.members(answer)
    try requireEqual(
        members.status, "not ready",
        Words("the status member of the 503 answer", id: "member status jawaban 503"),
        response: answer)
    try requireEqual(
        members.reason, reason.rawValue,
        Words(
            "the reason member \(situation.en)", id: "member reason \(situation[.id])"),
        response: answer)
}

/// The reasons the lesson names, as the learner's `HealthRoutes.NotReady` spells them.
private enum NotReadyReason: String {
    case databaseUnavailable = "database unavailable"
    case migrationsPending = "migrations not finished"
}

let healthChecks = ExerciseTests("ops01-health-checks") {
    Check(
        Words(
            "the checkout still works: POST /orders places an order and GET /orders/:id shows it",
            id: "checkout-nya tetap bekerja: POST /orders membuat pesanan dan GET /orders/:id menampilkannya")
    ) { t in
        try Shop.start(t)
        let order = try Shop.placeOrder(t)
        let shown = try t.http.get("/orders/\(order)").expectStatus(200)
        try requireEqual(
            try shown.json()["status"]?.string, "pending",
            Words("the new order's status", id: "status pesanan baru"), response: shown)
    }.asGuard()

    Check(
        Words(
            "GET /livez answers 200 {\"status\":\"alive\"} and runs no SQL",
            id: "GET /livez menjawab 200 {\"status\":\"alive\"} dan tidak menjalankan SQL apa pun"),
        hint: Words(
            "live() returns try .json([\"status\": \"alive\"]) and nothing else. If liveness asks the database, a database outage makes the orchestrator restart every instance at once, and the restarts fix nothing.",
            id:
                "live() mengembalikan try .json([\"status\": \"alive\"]) dan tidak lebih. Kalau liveness bertanya ke database, gangguan database membuat orchestrator me-restart semua instance sekaligus, dan restart itu tidak memperbaiki apa pun."
        )
    ) { t in
        try Shop.ensureStarted(t)
        try t.enableStatementLog()  // restarts the server with the same settings
        let answer = try Shop.probe(
            t, "/livez",
            slowHint: Words(
                "live() answers at once, without waiting for anything.",
                id: "live() langsung menjawab, tanpa menunggu apa pun."))
        try answer.expectStatus(200)
        try answer.expectContentType("application/json")
        try requireEqual(
            try Shop.members(answer).status, "alive",
            Words("the status member of GET /livez", id: "member status di GET /livez"), response: answer)
        let statements = try t.statements(for: answer)
        if let first = statements.first {
            throw answer.failure(
                Words(
                    "GET /livez ran \(statements.count) SQL statement(s), first \(first.sql.prefix(120)). Liveness must not depend on the database: when the database is down, every instance would be restarted at once",
                    id:
                        "GET /livez menjalankan \(statements.count) statement SQL, yang pertama \(first.sql.prefix(120)). Liveness tidak boleh bergantung pada database: saat database mati, semua instance akan di-restart sekaligus"
                ))
        }
    }

    Check(
        readyWhenHealthy,
        hint: Words(
            "When probe.schemaVersion() returns a version of at least CheckoutStore.schemaVersion, answer try .json([\"status\": \"ready\"]) with 200.",
            id:
                "Kalau probe.schemaVersion() mengembalikan versi minimal CheckoutStore.schemaVersion, jawab try .json([\"status\": \"ready\"]) dengan 200."
        )
    ) { t in
        try Shop.ensureStarted(t)
        let answer = try Shop.probe(t, "/readyz", slowHint: slowProbeHint)
        try answer.expectStatus(200)
        try answer.expectContentType("application/json")
        try requireEqual(
            try Shop.members(answer).status, "ready",
            Words("the status member of GET /readyz", id: "member status di GET /readyz"), response: answer)
    }

    Check(notReadyWhenLocked, hint: askEveryTimeHint, needs: readyWhenHealthy.en) { t in
        try Shop.ensureStarted(t)
        _ = try Shop.probe(t, "/readyz", slowHint: slowProbeHint).expectStatus(200)
        try Shop.whileLocked(t) {
            let answer = try Shop.probe(t, "/readyz", slowHint: slowProbeHint)
            switch answer.status {
            case 503: break
            case 200...299:
                throw answer.failure(
                    Words(
                        "GET /readyz answered \(answer.status) while the database's write lock was held by another process: no order and no webhook could be stored, yet traffic would still be sent here",
                        id:
                            "GET /readyz menjawab \(answer.status) selagi write lock database dipegang proses lain: tidak ada pesanan atau webhook yang bisa disimpan, tapi traffic tetap akan dikirim ke sini"
                    ), hint: askEveryTimeHint)
            case 500:
                throw answer.failure(
                    Words(
                        "GET /readyz answered 500 while the database was locked: the probe's error escaped ready(). Catch it and answer 503 Service Unavailable, the status that says \"not ready, send traffic elsewhere\"",
                        id:
                            "GET /readyz menjawab 500 selagi database terkunci: error dari probe lolos keluar dari ready(). Tangkap error-nya dan jawab 503 Service Unavailable, status yang berarti \"belum siap, kirim traffic ke tempat lain\""
                    ),
                    hint: Words(
                        "do { version = try probe.schemaVersion() } catch { request.logger.warning(...); return 503 }",
                        id:
                            "do { version = try probe.schemaVersion() } catch { request.logger.warning(...); return 503 }"
                    ))
            default:
                try answer.expectStatus(503)
            }
            let live = try Shop.probe(
                t, "/livez",
                slowHint: Words(
                    "live() must not wait for the database.", id: "live() tidak boleh menunggu database."))
            try live.expectStatus(
                200,
                hint: Words(
                    "Liveness is about the process, not the database: keep answering 200 while the database is locked.",
                    id:
                        "Liveness tentang prosesnya, bukan database-nya: tetap jawab 200 selama database terkunci."
                ))
        }
        let again = try Shop.probe(t, "/readyz", slowHint: slowProbeHint)
        guard again.status == 200 else {
            throw again.failure(
                Words(
                    "once the lock was released, GET /readyz still answered \(again.status): a \"not ready\" that is remembered keeps the instance out of traffic after the database recovered",
                    id:
                        "setelah lock-nya dilepas, GET /readyz masih menjawab \(again.status): \"not ready\" yang diingat membuat instance ini tetap tidak menerima traffic padahal database sudah pulih"
                ), hint: askEveryTimeHint)
        }
    }

    Check(
        Words(
            "a 503 from GET /readyz is {\"status\":\"not ready\",\"reason\":\"database unavailable\"}, without the error's text",
            id:
                "jawaban 503 dari GET /readyz adalah {\"status\":\"not ready\",\"reason\":\"database unavailable\"}, tanpa teks error-nya"
        ),
        hint: detailsHint,
        needs: notReadyWhenLocked.en
    ) { t in
        let file = URL(fileURLWithPath: t.databasePath).lastPathComponent
        let answer = try Shop.whileLocked(t) { try Shop.probe(t, "/readyz", slowHint: slowProbeHint) }
        try expectNotReady(
            answer, reason: .databaseUnavailable,
            leaks: ["locked", "busy", "sqlite", "BEGIN", "transaction", "user_version", file, "error"],
            situation: Words(
                "while the database was locked", id: "selama database terkunci"))
    }

    Check(
        Words(
            "when a migration fails at start, GET /livez answers 200 and GET /readyz 503 {\"status\":\"not ready\",\"reason\":\"migrations not finished\"}",
            id:
                "saat migrasi gagal ketika start, GET /livez menjawab 200 dan GET /readyz 503 {\"status\":\"not ready\",\"reason\":\"migrations not finished\"}"
        ),
        hint: Words(
            "The database answers, but its schema version (probe.schemaVersion()) is below CheckoutStore.schemaVersion: the tables this code needs are not all there. Answer 503 with NotReady.migrationsPending until they are.",
            id:
                "Database-nya menjawab, tapi versi schema-nya (probe.schemaVersion()) di bawah CheckoutStore.schemaVersion: tabel yang dibutuhkan kode ini belum semuanya ada. Jawab 503 dengan NotReady.migrationsPending sampai semuanya ada."
        ),
        needs: readyWhenHealthy.en
    ) { t in
        // Two orders paid by one payment, from before version 2 made payment_id unique: migration 2
        // fails on them, as a real migration fails on data nobody expected.
        try t.prepareDatabase { db in
            try db.executeScript(
                """
                DROP INDEX IF EXISTS orders_by_payment;
                PRAGMA user_version = 1;
                """)
            for customer in ["Dewi", "Eko"] {
                try db.execute(
                    """
                    INSERT INTO orders (customer, amount, status, created_at, paid_at, payment_id)
                    VALUES (?, ?, 'paid', '2026-11-30T08:00:00Z', '2026-11-30T08:01:00Z', 'pay_twice')
                    """, customer, Shop.amount)
            }
        }
        try Shop.start(t)
        let live = try Shop.probe(
            t, "/livez",
            slowHint: Words("live() answers at once.", id: "live() langsung menjawab."))
        try live.expectStatus(
            200,
            hint: Words(
                "A failed migration is not fixed by a restart: the same migration fails again. Liveness stays 200; readiness says what is wrong.",
                id:
                    "Migrasi yang gagal tidak diperbaiki dengan restart: migrasi yang sama akan gagal lagi. Liveness tetap 200; readiness yang menyebut apa yang salah."
            ))
        let answer = try Shop.probe(t, "/readyz", slowHint: slowProbeHint)
        guard answer.status != 200 else {
            throw answer.failure(
                Words(
                    "GET /readyz answered 200 while migration 2 had failed and the schema was at version 1: requests would reach code whose tables and indexes are not there",
                    id:
                        "GET /readyz menjawab 200 padahal migrasi 2 gagal dan schema-nya masih di versi 1: request akan sampai ke kode yang tabel dan index-nya belum ada"
                ))
        }
        try expectNotReady(
            answer, reason: .migrationsPending,
            leaks: ["UNIQUE", "constraint", "orders_by_payment", "pay_twice", "error"],
            situation: Words("after the migration failed", id: "setelah migrasinya gagal"))
    }
}
