import BackendKit
import Foundation
import GraderKit

/// The burst every check but the bound's sets: small, so a check sends few requests.
private let burst = 5

/// Starts the server with these limits (a new server: the limiter's buckets start empty).
private func startLimited(
    _ t: TestContext, burst: Int = burst, perMinute: Int, extra: [String: String] = [:]
) throws {
    try Shortlinks.start(
        t,
        environment: extra.merging([
            "RATE_LIMIT_BURST": String(burst), "RATE_LIMIT_PER_MINUTE": String(perMinute),
        ]) { given, _ in given })
}

private func createLink(_ t: TestContext, headers: HTTPHeaders = [:]) throws -> ClientResponse {
    try t.http.post("/links", json: ["url": "https://example.com/limited"], headers: headers)
}

/// Moves the server's clock to `before` seconds ahead of the next whole minute, where a fixed
/// window per minute starts again.
private func moveClockBeforeMinute(_ t: TestContext, before: Double) throws {
    let intoMinute = t.serverNow.timeIntervalSince1970.truncatingRemainder(dividingBy: 60)
    var ahead = 60 - intoMinute - before
    if ahead < 0.5 { ahead += 60 }
    try t.advanceClock(by: .milliseconds(Int(ahead * 1000)))
}

private let limited = Words(
    "a client may create RATE_LIMIT_BURST links at once; the next one gets 429 at once, with Retry-After in whole seconds (RFC 6585)",
    id:
        "satu client boleh membuat RATE_LIMIT_BURST link sekaligus; yang berikutnya langsung mendapat 429, dengan Retry-After dalam detik bulat (RFC 6585)"
)
private let ownBucket = Words(
    "each client has its own bucket: another address can still create links while one is limited",
    id: "setiap client punya embernya sendiri: alamat lain masih bisa membuat link saat satu alamat dibatasi")

let rateLimits = ExerciseTests("scale06-rate-limits") {
    Check(
        limited,
        hint: Words(
            "In take, spend one token when there is one and return nil; otherwise return the wait. In the middleware, throw HTTPError(.tooManyRequests, detail: …, headers: [\"Retry-After\": …]) at once: never sleep until a token comes back.",
            id:
                "Di take, pakai satu token kalau ada dan kembalikan nil; kalau tidak ada, kembalikan waktu tunggunya. Di middleware, langsung lempar HTTPError(.tooManyRequests, detail: …, headers: [\"Retry-After\": …]): jangan pernah tidur sampai token-nya kembali."
        ),
        timeout: .seconds(20)
    ) { t in
        try startLimited(t, perMinute: 6)
        for index in 1...burst {
            try createLink(t).expectStatus(
                201,
                hint: Words(
                    "New link \(index) of \(burst) is within the burst (RATE_LIMIT_BURST=\(burst)): it is created.",
                    id:
                        "Link baru ke-\(index) dari \(burst) masih di dalam burst (RATE_LIMIT_BURST=\(burst)): link-nya dibuat."
                ))
        }
        // A limiter that waits for a token instead of refusing would hold this for 10 seconds.
        let patience = t.http.timeout
        t.http.timeout = .seconds(3)
        defer { t.http.timeout = patience }
        let refused = try createLink(t)
        _ = try refused.expectProblem(
            status: 429,
            hint: Words(
                "Link \(burst + 1) is over the burst: answer 429 Too Many Requests at once, as a problem document (throw HTTPError).",
                id:
                    "Link ke-\(burst + 1) sudah melewati burst: langsung jawab 429 Too Many Requests, sebagai problem document (lempar HTTPError)."
            ))
        try RateLimited.retryAfter(refused)
    }

    Check(
        Words(
            "tokens come back one by one at RATE_LIMIT_PER_MINUTE on the server's clock, also across a minute boundary, and never more than the burst",
            id:
                "token kembali satu per satu sebesar RATE_LIMIT_PER_MINUTE menurut jam server, juga saat melewati pergantian menit, dan tidak pernah lebih dari burst"
        ),
        hint: Words(
            "Refill from the time since the bucket's `updated`, taken from request.now: add elapsed × perMinute / 60 tokens, at most burst. A counter per calendar minute (a fixed window) lets a whole burst through again at every minute boundary.",
            id:
                "Isi ulang dari waktu sejak `updated` milik ember itu, diambil dari request.now: tambahkan elapsed × perMinute / 60 token, paling banyak burst. Penghitung per menit kalender (fixed window) meloloskan satu burst penuh lagi di setiap pergantian menit."
        ),
        needs: limited.en,
        timeout: .seconds(20)
    ) { t in
        try startLimited(t, perMinute: 60)
        try moveClockBeforeMinute(t, before: 1.5)
        let first = try RateLimited.createUntilRefused(t.http, max: burst + 1)
        try requireEqual(
            first.created, burst,
            Words(
                "the links created at once with RATE_LIMIT_BURST=\(burst)",
                id: "jumlah link yang dibuat sekaligus dengan RATE_LIMIT_BURST=\(burst)"),
            response: first.refusal)
        try t.advanceClock(by: .seconds(3))
        let later = try RateLimited.createUntilRefused(t.http, max: burst + 1)
        try require(
            later.created == 3,
            later.created < 3
                ? Words(
                    "3 seconds later on the server's clock (RATE_LIMIT_PER_MINUTE=60: a token a second), \(later.created) more links were created, expected 3: the tokens must come back with request.now",
                    id:
                        "3 detik kemudian menurut jam server (RATE_LIMIT_PER_MINUTE=60: satu token per detik), \(later.created) link lagi dibuat, seharusnya 3: token-nya harus kembali menurut request.now"
                )
                : Words(
                    "3 seconds later, just past a minute boundary, \(later.created) more links were created, expected 3 (a token a second): a count per minute starts again at every minute and lets a second burst through",
                    id:
                        "3 detik kemudian, tepat setelah pergantian menit, \(later.created) link lagi dibuat, seharusnya 3 (satu token per detik): hitungan per menit mulai lagi di setiap menit dan meloloskan burst kedua"
                ),
            response: later.refusal)
        try t.advanceClock(by: .hours(1))
        let rested = try RateLimited.createUntilRefused(t.http, max: burst + 2)
        try require(
            rested.created == burst,
            Words(
                "after an hour without requests, \(rested.created) links were created at once, expected \(burst): a bucket holds at most RATE_LIMIT_BURST tokens, however long it rested",
                id:
                    "setelah satu jam tanpa request, \(rested.created) link dibuat sekaligus, seharusnya \(burst): ember menampung paling banyak RATE_LIMIT_BURST token, selama apa pun ia beristirahat"
            ),
            response: rested.refusal)
    }

    Check(
        Words(
            "Retry-After is the wait until the next token, rounded up: 10 seconds at 6 a minute, then 1, then the link is created",
            id:
                "Retry-After adalah waktu tunggu sampai token berikutnya, dibulatkan ke atas: 10 detik untuk 6 per menit, lalu 1, lalu link-nya dibuat"
        ),
        hint: Words(
            "The wait is (1 − tokens) / (perMinute / 60) seconds; send Int(wait.rounded(.up)). Rounded down, a client that obeys comes back a moment too early and is refused again.",
            id:
                "Waktu tunggunya (1 − tokens) / (perMinute / 60) detik; kirim Int(wait.rounded(.up)). Kalau dibulatkan ke bawah, client yang patuh datang kembali sedikit terlalu cepat dan ditolak lagi."
        ),
        needs: limited.en
    ) { t in
        try startLimited(t, perMinute: 6)
        let first = try RateLimited.createUntilRefused(t.http, max: burst + 1)
        let refusal = try requireValue(
            first.refusal,
            Words(
                "\(burst + 1) links were created at once with RATE_LIMIT_BURST=\(burst)",
                id: "\(burst + 1) link dibuat sekaligus dengan RATE_LIMIT_BURST=\(burst)"))
        let wait = try RateLimited.retryAfter(refusal)
        try requireEqual(
            wait, 10,
            Words(
                "Retry-After right after the bucket ran dry at 6 tokens a minute (one every 10 s)",
                id: "Retry-After tepat setelah embernya habis pada 6 token per menit (satu setiap 10 detik)"),
            response: refusal)
        try t.advanceClock(by: .seconds(9))
        let almost = try createLink(t)
        try almost.expectStatus(
            429,
            hint: Words(
                "9 of the 10 seconds have passed: the token is not back yet.",
                id: "9 dari 10 detik sudah lewat: token-nya belum kembali."))
        try requireEqual(
            try RateLimited.retryAfter(almost), 1,
            Words(
                "Retry-After 9 seconds into a 10-second wait",
                id: "Retry-After setelah 9 detik dari waktu tunggu 10 detik"),
            response: almost)
        try t.advanceClock(by: .seconds(1))
        try createLink(t).expectStatus(
            201,
            hint: Words(
                "Retry-After is over on the server's clock: the token is back.",
                id: "Retry-After sudah habis menurut jam server: token-nya sudah kembali."))
    }

    Check(
        Words(
            "a made-up X-Forwarded-For does not escape the limit: the client is the TCP peer",
            id: "X-Forwarded-For karangan tidak lolos dari batasnya: client-nya adalah peer TCP"),
        hint: Words(
            "Anybody can send X-Forwarded-For, a new one with every request. Key the bucket on request.peer?.host: this app has no proxy of its own whose header it could trust.",
            id:
                "Siapa pun bisa mengirim X-Forwarded-For, yang baru di setiap request. Kunci embernya dengan request.peer?.host: aplikasi ini tidak punya proxy sendiri yang header-nya bisa dipercaya."
        ),
        needs: limited.en
    ) { t in
        try startLimited(t, perMinute: 6)
        var created = 0
        for index in 1...(burst + 1) {
            let response = try createLink(t, headers: ["X-Forwarded-For": "198.51.100.\(index)"])
            guard response.status == 201 else { break }
            created += 1
            try require(
                created <= burst,
                Words(
                    "\(created) links were created from one peer at once, each request with another X-Forwarded-For: the limit follows a header the client writes",
                    id:
                        "\(created) link dibuat dari satu peer sekaligus, setiap request dengan X-Forwarded-For yang lain: batasnya mengikuti header yang ditulis client"
                ),
                response: response)
        }
    }

    Check(
        ownBucket,
        hint: Words(
            "Keep one Bucket per client in the dictionary, keyed by request.peer?.host, not one bucket for everybody: otherwise one busy client blocks all the others.",
            id:
                "Simpan satu Bucket per client di dictionary, dengan kunci request.peer?.host, bukan satu ember untuk semua orang: kalau tidak, satu client yang sibuk memblokir semua client lain."
        ),
        needs: limited.en
    ) { t in
        try startLimited(t, perMinute: 6)
        let own = try RateLimited.createUntilRefused(t.http, max: burst + 1)
        try require(
            own.refusal != nil,
            Words(
                "\(burst + 1) links were created at once from 127.0.0.1",
                id: "\(burst + 1) link dibuat sekaligus dari 127.0.0.1"))
        let other = try OtherClients.createLink(t, from: "127.0.0.2")
        try require(
            other.status == 201,
            Words(
                "while 127.0.0.1 was limited, POST /links from 127.0.0.2 (its first request) got \(other.status), expected 201: a client has its own bucket",
                id:
                    "saat 127.0.0.1 dibatasi, POST /links dari 127.0.0.2 (request pertamanya) mendapat \(other.status), seharusnya 201: setiap client punya embernya sendiri"
            ))
    }

    Check(
        Words(
            "only POST /links is limited: redirects, reads and /health still answer while a client's bucket is empty",
            id:
                "hanya POST /links yang dibatasi: redirect, pembacaan, dan /health tetap menjawab saat ember sebuah client kosong"
        ),
        hint: Words(
            "Pass every request that is not POST /links straight on to next(request), before taking a token: a redirect costs nothing and must never be refused.",
            id:
                "Teruskan setiap request yang bukan POST /links langsung ke next(request), sebelum mengambil token: redirect tidak ada biayanya dan tidak boleh ditolak."
        ),
        needs: limited.en
    ) { t in
        try startLimited(t, perMinute: 6)
        let code = try Shortlinks.create(t, url: "https://example.com/still-redirects")
        _ = try RateLimited.createUntilRefused(t.http, max: burst + 1)
        for _ in 1...3 {
            try t.http.get("/\(code)").expectStatus(
                302,
                hint: Words(
                    "The redirect is not POST /links: it is never limited.",
                    id: "Redirect bukan POST /links: ia tidak pernah dibatasi."))
        }
        try t.http.get("/links/\(code)").expectStatus(200)
        try t.http.get("/stats").expectStatus(200)
        try t.http.get("/health").expectStatus(200)
    }

    Check(
        Words(
            "20 POST /links at the same moment (8 event loops) create exactly RATE_LIMIT_BURST links; the others get 429",
            id:
                "20 POST /links pada saat yang sama (8 event loop) membuat tepat RATE_LIMIT_BURST link; sisanya mendapat 429"
        ),
        hint: Words(
            "Read the bucket, refill it, spend the token and store it back inside one buckets.withLock { … }, before the request goes on. A check now and a charge later (after the link was created) lets every request that arrives meanwhile through.",
            id:
                "Baca embernya, isi ulang, pakai token-nya, dan simpan kembali di dalam satu buckets.withLock { … }, sebelum request-nya diteruskan. Mengecek sekarang dan memotong nanti (setelah link-nya dibuat) meloloskan setiap request yang datang di antaranya."
        ),
        needs: limited.en,
        timeout: .seconds(20)
    ) { t in
        try startLimited(t, perMinute: 6, extra: ["BACKENDKIT_THREADS": "8"])
        _ = try t.http.get("/health")
        // The write lock holds every creation at its INSERT, so no request has finished before all
        // of them have passed the limiter.
        let results = try t.concurrently(20, holdingWriteLockFor: .milliseconds(300)) { _ in
            try t.http.post("/links", json: ["url": "https://example.com/at-once"])
        }
        var statuses: [Int] = []
        for result in results { statuses.append(try result.get().status) }
        let created = statuses.filter { $0 == 201 }.count
        try require(
            created == burst && statuses.allSatisfy { $0 == 201 || $0 == 429 },
            Words(
                "20 requests at the same moment with RATE_LIMIT_BURST=\(burst): \(created) links were created (statuses \(statuses.sorted())), expected exactly \(burst) and 429 for the others",
                id:
                    "20 request pada saat yang sama dengan RATE_LIMIT_BURST=\(burst): \(created) link dibuat (status \(statuses.sorted())), seharusnya tepat \(burst) dan 429 untuk sisanya"
            ))
    }

    Check(
        Words(
            "the limiter remembers at most RATE_LIMIT_MAX_CLIENTS clients, and forgets the one seen least recently first",
            id:
                "limiter mengingat paling banyak RATE_LIMIT_MAX_CLIENTS client, dan yang paling lama tidak terlihat dilupakan lebih dulu"
        ),
        hint: Words(
            "Before adding a client to a full map, remove the buckets that are full again and, if there are none, the one whose `updated` is oldest (every take sets it, so it is the least recently seen, not the first added).",
            id:
                "Sebelum menambahkan client ke map yang sudah penuh, hapus ember yang sudah penuh lagi dan, kalau tidak ada, ember yang `updated`-nya paling lama (setiap take mengisinya, jadi itu yang paling lama tidak terlihat, bukan yang pertama ditambahkan)."
        ),
        needs: ownBucket.en,
        timeout: .seconds(30)
    ) { t in
        let maxClients = 20
        try startLimited(
            t, burst: 2, perMinute: 6, extra: ["RATE_LIMIT_MAX_CLIENTS": String(maxClients)])
        try OtherClients.expectLeastRecentlySeenForgotten(t, maxClients: maxClients)
    }
}
