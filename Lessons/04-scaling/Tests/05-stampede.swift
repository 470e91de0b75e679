import BackendKit
import Foundation
import GraderKit

private let oneLookup = Words(
    "100 redirects of one cold code at the same moment read the links table once, and all 100 are redirected",
    id:
        "100 redirect untuk satu code yang belum di-cache pada saat yang sama membaca tabel links sekali saja, dan ke-100-nya di-redirect"
)
private let ownLinks = Words(
    "misses of 8 different codes at the same moment each get their own link",
    id: "miss untuk 8 code berbeda pada saat yang sama masing-masing mendapat link-nya sendiri")
private let parallel = Words(
    "misses of different codes do not wait for each other: 100 cold codes a second stay within 3× the reference's p99",
    id:
        "miss untuk code yang berbeda tidak saling menunggu: 100 code baru per detik tetap dalam 3× p99 solusi acuan"
)
private let freedAfter = Words(
    "after a shared lookup has ended, the next miss of that code reads the database again",
    id: "setelah lookup bersama selesai, miss berikutnya untuk code itu membaca database lagi")
private let failure = Words(
    "when the shared lookup fails, every waiting request gets an answer, and the next request looks the code up again",
    id:
        "saat lookup bersama gagal, setiap request yang menunggu mendapat jawaban, dan request berikutnya mencari code-nya lagi"
)

/// A lookup this slow makes every miss of a burst overlap, on any machine: the requests of a burst
/// reach the server within a few milliseconds.
private let slowLookup = ["LOOKUP_DELAY_MS": "300", "BACKENDKIT_THREADS": "4"]
private let burst = 100

/// The environment of the load comparison: each miss waits 50 ms, so one lookup at a time can
/// answer 20 misses a second, not the 100 sent.
private let comparedLookup = ["LOOKUP_DELAY_MS": "50", "BACKENDKIT_THREADS": "4"]
private let coldCodes = 50

/// The code of the `index`th link the load comparison creates.
private func coldCode(_ index: Int) -> String { "cold-\(index)" }

let stampede = ExerciseTests("scale05-stampede") {
    Check(
        oneLookup,
        hint: Words(
            "In SingleFlight.run, when the table already has a task for this key, await that task's value instead of calling work() again.",
            id:
                "Di SingleFlight.run, kalau tabelnya sudah punya task untuk key ini, tunggu value task itu, jangan memanggil work() lagi."
        ),
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t, environment: slowLookup)
        try t.enableStatementLog()
        let code = try Shortlinks.create(t, url: "https://example.com/viral")
        let before = try Shortlinks.linkReadCount(t)
        let results = try t.http.sendSimultaneously(burst, RawRequest(.get, "/\(code)"))
        let reads = try Shortlinks.linkReadCount(t) - before
        var redirected = 0
        for result in results {
            if case .success(let response) = result, response.status == 302,
                response.headers["Location"] == "https://example.com/viral"
            {
                redirected += 1
            }
        }
        try require(
            redirected == burst,
            Words(
                "only \(redirected) of the \(burst) redirects of \(code) answered 302 to https://example.com/viral",
                id:
                    "hanya \(redirected) dari \(burst) redirect untuk \(code) yang menjawab 302 ke https://example.com/viral"
            ))
        try require(
            reads == 1,
            Words(
                "the \(burst) redirects of \(code), sent at the same moment while the cache was cold, read the links table \(reads) times: misses of one code that overlap must share one lookup",
                id:
                    "\(burst) redirect untuk \(code), dikirim pada saat yang sama saat cache masih kosong, membaca tabel links \(reads) kali: miss untuk satu code yang bertumpuk harus berbagi satu lookup"
            ))
    }

    Check(
        ownLinks,
        hint: Words(
            "Key the table by the code: a request waits only for work started for its own key.",
            id:
                "Beri key tabelnya dengan code: request hanya menunggu pekerjaan yang dimulai untuk key-nya sendiri."
        ),
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t, environment: slowLookup)
        let codes = try (0..<8).map { index in
            try Shortlinks.create(t, url: "https://example.com/own/\(index)", code: "own-\(index)")
        }
        let results = t.concurrently(codes.count) { index in try t.http.get("/\(codes[index])") }
        for (index, result) in results.enumerated() {
            let response = try result.get().expectStatus(302)
            try requireEqual(
                response.headers["Location"] ?? "", "https://example.com/own/\(index)",
                Words(
                    "the Location of GET /\(codes[index]), one of 8 different codes missed at the same moment (another code's link means the lookups were shared across codes)",
                    id:
                        "Location dari GET /\(codes[index]), salah satu dari 8 code berbeda yang miss pada saat yang sama (link code lain berarti lookup-nya dibagi antar code)"
                ),
                response: response)
        }
    }

    Check(
        parallel,
        hint: Words(
            "Do not make a lookup wait for lookups of other codes (one lock or queue around every lookup): hold the Mutex only to read or change the table, and run the work outside it.",
            id:
                "Jangan buat lookup menunggu lookup code lain (satu lock atau antrean di sekitar setiap lookup): pegang Mutex hanya untuk membaca atau mengubah tabel, dan jalankan pekerjaannya di luarnya."
        ),
        needs: ownLinks.en,
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t, environment: comparedLookup)
        // Each slice of the comparison sends cold-0, cold-1…: the first slice misses every code.
        let plan = LoadPlan(rate: 100, duration: .seconds(2), warmup: .zero)
        try t.compareLoad(
            .get { index in "/\(coldCode(index))" }, plan: plan,
            prepare: { http in
                for index in 0..<coldCodes {
                    _ = try http.post(
                        "/links",
                        json: [
                            "url": .string("https://example.com/cold/\(index)"),
                            "code": .string(coldCode(index)),
                        ]
                    ).expectStatus(201)
                }
            }
        )
        .expectNoErrors(
            hint: Words(
                "Misses of different codes timed out: they waited for each other's lookups.",
                id: "Miss untuk code yang berbeda kehabisan waktu: mereka saling menunggu lookup."
            )
        )
        .expectP99(atMost: 3)
    }

    Check(
        freedAfter,
        hint: Words(
            "Remove the key from the table when its work ends: a finished task left there hands its old result to every later caller.",
            id:
                "Hapus key dari tabel saat pekerjaannya selesai: task yang sudah selesai tapi tertinggal di sana memberikan hasil lamanya ke setiap pemanggil berikutnya."
        ),
        timeout: .seconds(30)
    ) { t in
        try Shortlinks.start(t, environment: slowLookup)
        try t.enableStatementLog()
        let code = try Shortlinks.create(t, url: "https://example.com/first")
        try Shortlinks.expectRedirect(t, code, to: "https://example.com/first")
        try t.http.put("/links/\(code)", json: ["url": "https://example.com/second"]).expectStatus(200)
        let response = try t.http.get("/\(code)").expectStatus(302)
        try require(
            response.headers["Location"] == "https://example.com/second"
                && (try Shortlinks.linkReads(t, for: response).count) == 1,
            Words(
                "after PUT /links/\(code) (which empties its cache entry) the redirect went to \(response.headers["Location"] ?? "nothing") without reading the links table: the lookup that had ended was still in SingleFlight's table",
                id:
                    "setelah PUT /links/\(code) (yang mengosongkan entry cache-nya) redirect-nya menuju \(response.headers["Location"] ?? "tidak ada") tanpa membaca tabel links: lookup yang sudah selesai masih ada di tabel SingleFlight"
            ),
            response: response)
    }

    Check(
        failure,
        hint: Words(
            "Every caller awaits the same task's value, so a thrown error reaches them all; free the key in a defer inside the task, so it is freed when work() throws too.",
            id:
                "Setiap pemanggil menunggu value dari task yang sama, jadi error yang dilempar sampai ke semuanya; bebaskan key-nya di defer di dalam task, supaya ia dibebaskan juga saat work() melempar error."
        ),
        needs: freedAfter.en,
        timeout: .seconds(40)
    ) { t in
        try Shortlinks.start(t, environment: slowLookup)
        try t.enableStatementLog()
        let code = try Shortlinks.create(t, url: "https://example.com/back-soon")
        // The database loses the table for a moment (a failover, a migration gone wrong): the
        // lookup fails for everyone who waits for it.
        let database = try Database(path: t.databasePath, maxConnections: 1)
        try database.execute("ALTER TABLE links RENAME TO links_away")
        let results = try t.http.sendSimultaneously(20, RawRequest(.get, "/\(code)"))
        try database.execute("ALTER TABLE links_away RENAME TO links")
        let answered = results.filter { if case .success = $0 { true } else { false } }.count
        try require(
            answered == results.count,
            Words(
                "only \(answered) of the 20 redirects waiting for one failed lookup got an answer: the others were never woken up; every waiting caller must get the error",
                id:
                    "hanya \(answered) dari 20 redirect yang menunggu satu lookup yang gagal mendapat jawaban: sisanya tidak pernah dibangunkan; setiap pemanggil yang menunggu harus mendapat error-nya"
            ))
        let response = try t.http.get("/\(code)")
        try require(
            response.status == 302 && (try Shortlinks.linkReads(t, for: response).count) == 1,
            Words(
                "once the table was back, GET /\(code) answered \(response.status) without reading the links table: the failed lookup was remembered; free the key when work() throws",
                id:
                    "begitu tabelnya kembali, GET /\(code) menjawab \(response.status) tanpa membaca tabel links: lookup yang gagal diingat; bebaskan key-nya saat work() melempar error"
            ),
            response: response)
    }
}
