import BackendKit
import Foundation
import GraderKit

/// Enough links that the starter's stats page (one query per link) takes long enough to measure.
private let slowPageLinks = 1_500
/// Time in the grader that is not in the server: sockets, parsing. Generous on a loaded machine.
private let clientOverheadMilliseconds = 2.0
/// How much of a 1,500-statement page's time must be its statements, at least (it is nearly all).
private let minimumDatabaseShare = 0.25

private let everyAnswer = Words(
    "every answer carries Server-Timing with app and db durations in milliseconds, errors and 404s too",
    id:
        "setiap jawaban membawa Server-Timing dengan durasi app dan db dalam milidetik, termasuk error dan 404"
)
private let honestApp = Words(
    "app;dur is the whole request: never longer than the grader waited, and most of it for a slow request",
    id:
        "app;dur adalah seluruh request: tidak pernah lebih lama dari waktu tunggu grader, dan hampir seluruhnya untuk request yang lambat"
)
private let honestDatabase = Words(
    "db counts exactly the statements the request ran, and its time is part of app's",
    id: "db menghitung persis statement yang dijalankan request itu, dan waktunya bagian dari waktu app")
private let databaseAddsUp = Words(
    "db;dur adds up every statement's time: for a page of 1,500 statements it is most of app;dur",
    id:
        "db;dur menjumlahkan waktu setiap statement: untuk halaman dengan 1.500 statement nilainya sebagian besar dari app;dur"
)
private let perRequest = Words(
    "each request counts only its own statements, also while other requests run at the same moment",
    id: "setiap request hanya menghitung statement miliknya, juga saat request lain berjalan bersamaan")

/// Sends a request and measures how long the grader waited for the whole answer.
private func timed(_ send: () throws -> ClientResponse) throws -> (ClientResponse, milliseconds: Double) {
    let clock = ContinuousClock()
    let started = clock.now
    let response = try send()
    return (response, (clock.now - started) / .milliseconds(1))
}

let measure = ExerciseTests("scale01-measure") {
    Check(everyAnswer) { t in
        try Shortlinks.start(t)
        let created = try t.http.post("/links", json: ["url": "https://example.com/a"]).expectStatus(201)
        _ = try ServerTimingHeader.read(created)
        let code = try created.json()["code"]?.string ?? ""
        _ = try ServerTimingHeader.read(try t.http.get("/\(code)").expectStatus(302))
        _ = try ServerTimingHeader.read(try t.http.get("/health").expectStatus(200))
        _ = try ServerTimingHeader.read(try t.http.get("/no-such-code").expectStatus(404))
        _ = try ServerTimingHeader.read(try t.http.post("/links", json: ["url": "ftp://x"]).expectStatus(422))
        // A failure that is not an HTTPError (here the database's: the clicks table is gone) is when
        // the timing matters most. Starting again makes the table again, for the next checks.
        try Database(path: t.databasePath, maxConnections: 1).execute("DROP TABLE clicks")
        let failed = try t.http.get("/\(code)").expectStatus(500)
        try require(
            failed.headers["Server-Timing"] != nil,
            Words(
                "the 500 answer to GET /\(code), whose click could not be stored (the grader removed the clicks table), has no Server-Timing header",
                id:
                    "jawaban 500 untuk GET /\(code), yang click-nya tidak bisa disimpan (grader menghapus tabel clicks), tidak punya header Server-Timing"
            ),
            hint: Words(
                "Catch every error around next(request), not only HTTPError: any other error becomes a 500 problem document (the same one BackendKit sends) that also gets the header.",
                id:
                    "Tangkap semua error di sekitar next(request), bukan hanya HTTPError: error lain diubah jadi dokumen problem 500 (sama dengan yang dikirim BackendKit) yang juga mendapat header-nya."
            ),
            response: failed)
        _ = try ServerTimingHeader.read(failed)
        try t.restartServer()
    }

    Check(
        honestApp,
        hint: Words(
            "Take the time before calling next(request) and again after it, with ContinuousClock, and write milliseconds: duration / .milliseconds(1).",
            id:
                "Ambil waktunya sebelum memanggil next(request) dan lagi sesudahnya, dengan ContinuousClock, lalu tulis dalam milidetik: duration / .milliseconds(1)."
        ),
        needs: everyAnswer.en,
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t)
        _ = try Shortlinks.seed(t, links: slowPageLinks)
        _ = try t.http.get("/stats?limit=5")  // starts the server again and warms it up
        let (response, waited) = try timed { try t.http.get("/stats?limit=5").expectStatus(200) }
        let app = try ServerTimingHeader.read(response).metric("app")?.duration ?? 0
        try require(
            app <= waited + clientOverheadMilliseconds,
            Words(
                "app;dur=\(app) but the grader had the whole answer after \(String(format: "%.1f", waited)) ms: the server claims more time than passed",
                id:
                    "app;dur=\(app) padahal grader sudah menerima seluruh jawabannya setelah \(String(format: "%.1f", waited)) ms: server mengaku memakai waktu lebih lama dari yang berlalu"
            ),
            response: response)
        try require(
            app >= waited / 2,
            Words(
                "app;dur=\(app) for a request the grader waited \(String(format: "%.1f", waited)) ms for: the server's own time should be most of it (is it in seconds, or taken before the handler ran?)",
                id:
                    "app;dur=\(app) untuk request yang ditunggu grader \(String(format: "%.1f", waited)) ms: waktu server sendiri seharusnya sebagian besar darinya (apakah dalam detik, atau diambil sebelum handler berjalan?)"
            ),
            response: response)
    }

    Check(
        honestDatabase,
        hint: Words(
            "timeDatabase must add one statement and its duration to RequestTimings.current every time it runs, and the middleware must bind RequestTimings.$current around next(request).",
            id:
                "timeDatabase harus menambahkan satu statement dan durasinya ke RequestTimings.current setiap kali dijalankan, dan middleware harus mengikat RequestTimings.$current di sekitar next(request)."
        ),
        needs: everyAnswer.en,
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t)
        let codes = try Shortlinks.seed(t, links: 40, first: 10_000)
        try t.enableStatementLog()
        for target in ["/stats?limit=5", "/\(codes[3])", "/links/\(codes[7])", "/health"] {
            let response = try t.http.get(target)
            let header = try ServerTimingHeader.read(response)
            let ran = try t.statements(for: response).count
            try requireEqual(
                header.databaseStatements ?? -1, ran,
                Words(
                    "the statements db;desc counts for \(target) (the statement log saw \(ran))",
                    id:
                        "jumlah statement yang dihitung db;desc untuk \(target) (statement log melihat \(ran))"
                ),
                response: response)
            let app = header.metric("app")?.duration ?? 0
            let database = header.metric("db")?.duration ?? 0
            try require(
                database <= app,
                Words(
                    "db;dur=\(database) is longer than app;dur=\(app): the database part cannot take longer than the whole request",
                    id:
                        "db;dur=\(database) lebih lama dari app;dur=\(app): bagian database tidak mungkin lebih lama dari seluruh request"
                ),
                response: response)
            try require(
                ran == 0 || database > 0,
                Words(
                    "db;dur is 0 for \(target), which ran \(ran) statements: add each statement's time",
                    id:
                        "db;dur bernilai 0 untuk \(target), yang menjalankan \(ran) statement: tambahkan waktu setiap statement"
                ),
                response: response)
        }
    }

    Check(
        databaseAddsUp,
        hint: Words(
            "addStatement must add each statement's duration to the time spent so far (+=), not replace it (=).",
            id:
                "addStatement harus menambahkan durasi setiap statement ke waktu yang sudah terpakai (+=), bukan menggantinya (=)."
        ),
        needs: honestDatabase.en,
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t)
        _ = try Shortlinks.seed(t, links: slowPageLinks, first: 20_000)
        _ = try t.http.get("/stats?limit=5")  // starts the server again and warms it up
        let response = try t.http.get("/stats?limit=5").expectStatus(200)
        let header = try ServerTimingHeader.read(response)
        let app = header.metric("app")?.duration ?? 0
        let database = header.metric("db")?.duration ?? 0
        let statements = header.databaseStatements ?? 0
        try require(
            database >= app * minimumDatabaseShare,
            Words(
                "db;dur=\(database) for a page that ran \(statements) statements in app;dur=\(app): almost all of that page's time is its statements, so db must be most of app (is only the last statement's time kept?)",
                id:
                    "db;dur=\(database) untuk halaman yang menjalankan \(statements) statement dalam app;dur=\(app): hampir seluruh waktu halaman itu dipakai statement-nya, jadi db seharusnya sebagian besar dari app (apakah hanya waktu statement terakhir yang disimpan?)"
            ),
            response: response)
    }

    Check(
        perRequest,
        hint: Words(
            "Keep the counts in a RequestTimings made for each request and found through the task-local RequestTimings.current, never in a global variable.",
            id:
                "Simpan hitungannya di RequestTimings yang dibuat untuk setiap request dan ditemukan lewat task-local RequestTimings.current, jangan pernah di variabel global."
        ),
        needs: honestDatabase.en,
        timeout: .seconds(30)
    ) { t in
        // Four event loops, so the requests really run at the same time on their own threads.
        try Shortlinks.start(t, environment: ["BACKENDKIT_THREADS": "4"])
        let codes = try Shortlinks.seed(t, links: 4, first: 30_000)
        try t.enableStatementLog()
        _ = try t.http.get("/\(codes[0])")
        // Each redirect looks its link up, then waits to store its click until the grader lets go of
        // the write lock: all four are in the middle of their work at the same moment, every run.
        let results = try t.concurrently(4, holdingWriteLockFor: .milliseconds(500)) { index in
            try t.http.get("/\(codes[index])")
        }
        for result in results {
            let response = try result.get().expectStatus(302)
            let counted = try ServerTimingHeader.read(response).databaseStatements ?? -1
            let ran = try t.statements(for: response).count
            try requireEqual(
                counted, ran,
                Words(
                    "db;desc of \(response.requestLine), one of four redirects answered at the same moment (the statement log saw it run \(ran))",
                    id:
                        "db;desc dari \(response.requestLine), salah satu dari empat redirect yang dijawab bersamaan (statement log melihatnya menjalankan \(ran))"
                ),
                response: response)
        }
    }
}
