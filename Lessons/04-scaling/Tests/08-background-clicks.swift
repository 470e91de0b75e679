import Foundation
import GraderKit

#if canImport(Glibc)
    import Glibc
#endif

/// How long the grader holds the database's write lock while redirects are sent. Shorter than
/// BackendKit's busy timeout (5 s), so a write that waits for it still succeeds afterwards.
private let lockHold: Duration = .seconds(2)
/// How long the clicks may take to reach the database once it is free: a few runs of the writer
/// job at its default pace (CLICK_FLUSH_SECONDS=1), generous on a loaded machine.
private let drainDeadline: Duration = .seconds(10)
/// The queue's capacity in the check that fills it.
private let smallCapacity = 10
/// Redirects sent in the shutdown check, all still waiting in the queue when SIGTERM comes.
private let clicksBeforeShutdown = 300

private let answersWhileLocked = Words(
    "a redirect answers while the database is locked for writing, and its click is counted once the lock is free",
    id:
        "redirect tetap menjawab saat database terkunci untuk menulis, dan kliknya terhitung begitu kuncinya lepas"
)
private let bounded = Words(
    "at most CLICK_QUEUE_CAPACITY clicks wait in memory; when the queue is full, a redirect writes its own click and none is lost",
    id:
        "paling banyak CLICK_QUEUE_CAPACITY klik menunggu di memori; saat antreannya penuh, redirect menulis kliknya sendiri dan tidak ada yang hilang"
)
private let drainedOnShutdown = Words(
    "the clicks still waiting are written before the server exits: 300 redirects, SIGTERM, a restart, 300 clicks",
    id:
        "klik yang masih menunggu ditulis sebelum server berhenti: 300 redirect, SIGTERM, restart, 300 klik"
)

/// `GET /links/:code`'s count of clicks.
private func clicks(_ t: TestContext, _ code: String) throws -> (Int, ClientResponse) {
    let response = try t.http.get("/links/\(code)").expectStatus(200)
    let count = try requireValue(
        try response.json()["clicks"]?.int,
        Words(
            "expected the number of clicks in the answer, as {\"clicks\": 3}",
            id: "seharusnya jumlah kliknya ada di jawaban, seperti {\"clicks\": 3}"),
        response: response)
    return (count, response)
}

/// Asks for the count until it is `expected` (the writer job runs on its own pace), failing at once
/// when it is more, and after `drainDeadline` when it never gets there.
private func waitForClicks(_ t: TestContext, _ code: String, expected: Int) throws {
    let deadline = ContinuousClock.now + drainDeadline
    while true {
        let (count, response) = try clicks(t, code)
        try require(
            count <= expected,
            Words(
                "GET /links/\(code) counts \(count) clicks after \(expected) redirects: some clicks were written twice. Remove a batch from the queue once it is written, and only the clicks written.",
                id:
                    "GET /links/\(code) menghitung \(count) klik setelah \(expected) redirect: ada klik yang ditulis dua kali. Keluarkan satu batch dari antrean begitu ia tertulis, dan hanya klik yang tertulis."
            ),
            response: response)
        if count == expected { return }
        try require(
            ContinuousClock.now < deadline,
            Words(
                "GET /links/\(code) still counts \(count) of \(expected) clicks 10 s after the database was free: the clicks waiting in the ClickQueue are not written. start(on:) must register a job with server.every(interval) that calls flush().",
                id:
                    "GET /links/\(code) masih menghitung \(count) dari \(expected) klik 10 detik setelah database bebas: klik yang menunggu di ClickQueue tidak ditulis. start(on:) harus mendaftarkan job dengan server.every(interval) yang memanggil flush()."
            ),
            response: response)
        Thread.sleep(forTimeInterval: 0.05)
    }
}

let backgroundClicks = ExerciseTests("scale08-background-clicks") {
    Check(
        answersWhileLocked,
        hint: Words(
            "In record(_:), append the click to `waiting` and return: the redirect must not run the INSERT itself. The job that start(on:) registers with server.every writes them with flush().",
            id:
                "Di record(_:), tambahkan kliknya ke `waiting` lalu return: redirect tidak boleh menjalankan INSERT sendiri. Job yang didaftarkan start(on:) dengan server.every menulisnya lewat flush()."
        ),
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t)
        let code = try Shortlinks.create(t, url: "https://example.com/locked")
        _ = try t.http.get("/\(code)").expectStatus(302)
        let started = ContinuousClock.now
        // Four clients, five redirects each, while the grader holds the write lock: the lock is
        // released at `started + lockHold` or later, so an answer before that came while it was held.
        let results = try t.concurrently(4, holdingWriteLockFor: lockHold) { _ in
            var lastAnswer = ContinuousClock.now
            for _ in 0..<5 {
                _ = try t.http.get("/\(code)").expectStatus(302)
                lastAnswer = .now
            }
            return lastAnswer
        }
        for result in results {
            try require(
                try result.get() < started + lockHold,
                Words(
                    "GET /\(code) answered only after the grader released the database's write lock (held for 2 s): the redirect still waits for its INSERT. Put the click in the ClickQueue and return; the background job writes it.",
                    id:
                        "GET /\(code) baru menjawab setelah grader melepas write lock database (dipegang 2 detik): redirect-nya masih menunggu INSERT-nya. Masukkan kliknya ke ClickQueue lalu return; job di latar belakang yang menulisnya."
                ))
        }
        try waitForClicks(t, code, expected: 21)
        // Written clicks must have left the queue: the flush before exit must not write them again.
        try t.restartServer()
        let (count, response) = try clicks(t, code)
        try require(
            count == 21,
            Words(
                "GET /links/\(code) counted 21 clicks, but \(count) after a restart: the clicks already written were written again. Remove a batch from `waiting` once write(batch) succeeded.",
                id:
                    "GET /links/\(code) menghitung 21 klik, tapi \(count) setelah restart: klik yang sudah tertulis ditulis lagi. Keluarkan satu batch dari `waiting` begitu write(batch) berhasil."
            ),
            response: response)
    }

    Check(
        bounded,
        hint: Words(
            "Compare waiting.count with capacity inside the same withLock that appends. When it is full, call write([click]) for this one click: never drop it, and never append past capacity (a Task per click is a queue without a bound too).",
            id:
                "Bandingkan waiting.count dengan capacity di dalam withLock yang sama dengan yang menambahkan. Kalau penuh, panggil write([click]) untuk klik yang satu ini: jangan dibuang, dan jangan menambah melewati capacity (satu Task per klik juga antrean tanpa batas)."
        ),
        needs: answersWhileLocked.en,
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t, environment: ["CLICK_QUEUE_CAPACITY": "\(smallCapacity)"])
        let code = try Shortlinks.create(t, url: "https://example.com/full")
        let sent = 4 * smallCapacity
        let started = ContinuousClock.now
        let results = try t.concurrently(1, holdingWriteLockFor: lockHold) { _ in
            var answers: [ContinuousClock.Instant] = []
            for _ in 0..<sent {
                _ = try t.http.get("/\(code)").expectStatus(302)
                answers.append(.now)
            }
            return answers
        }
        let answers = try results[0].get()
        try waitForClicks(t, code, expected: sent)
        let whileLocked = answers.filter { $0 < started + lockHold }.count
        // The queue holds `capacity`; the writer may hold one more batch it took out of it.
        try require(
            whileLocked <= 2 * smallCapacity,
            Words(
                "\(whileLocked) of \(sent) redirects answered while the database was locked, so \(whileLocked) clicks waited in memory with CLICK_QUEUE_CAPACITY=\(smallCapacity): the queue has no bound. When it is full, write the click in the redirect.",
                id:
                    "\(whileLocked) dari \(sent) redirect menjawab saat database terkunci, jadi \(whileLocked) klik menunggu di memori padahal CLICK_QUEUE_CAPACITY=\(smallCapacity): antreannya tidak punya batas. Kalau penuh, tulis kliknya di redirect."
            ))
    }

    Check(
        drainedOnShutdown,
        hint: Words(
            "In start(on:), also register server.beforeExit(\"write the last clicks\") { try flush() }: it runs after the last request was answered and before the server exits.",
            id:
                "Di start(on:), daftarkan juga server.beforeExit(\"write the last clicks\") { try flush() }: ia berjalan setelah request terakhir dijawab dan sebelum server berhenti."
        ),
        needs: answersWhileLocked.en,
        timeout: .seconds(30)
    ) { t in
        // The writer's timer never fires during the check: every click still waits at SIGTERM.
        try Shortlinks.start(t, environment: ["CLICK_FLUSH_SECONDS": "300"])
        let code = try Shortlinks.create(t, url: "https://example.com/shutdown")
        for _ in 0..<clicksBeforeShutdown {
            _ = try t.http.get("/\(code)").expectStatus(302)
        }
        let status = try t.signalServer(SIGTERM)
        try require(
            status != nil,
            Words(
                "the server was still running 10 s after SIGTERM: writing the waiting clicks must not take that long",
                id:
                    "server-nya masih berjalan 10 detik setelah SIGTERM: menulis klik yang menunggu tidak boleh selama itu"
            ))
        let (count, response) = try clicks(t, code)  // starts the server again on the same database
        try require(
            count == clicksBeforeShutdown,
            Words(
                "after \(clicksBeforeShutdown) redirects, SIGTERM and a restart, GET /links/\(code) counts \(count) clicks: "
                    + (count < clicksBeforeShutdown
                        ? "the clicks still waiting in the queue were lost when the server stopped."
                        : "some were written twice."),
                id:
                    "setelah \(clicksBeforeShutdown) redirect, SIGTERM dan restart, GET /links/\(code) menghitung \(count) klik: "
                    + (count < clicksBeforeShutdown
                        ? "klik yang masih menunggu di antrean hilang saat server berhenti."
                        : "ada yang ditulis dua kali.")
            ),
            response: response)
    }
}
