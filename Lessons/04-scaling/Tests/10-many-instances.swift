import BackendKit
import Foundation
import GraderKit

/// The burst of the rate-limit checks: small, so a check sends few requests.
private let burst = 5
/// Tokens a minute in the rate-limit checks: one every 10 seconds.
private let perMinute = 6
/// How many instances run behind the front, as in the lesson.
private let instanceCount = 3
/// The cache's time to live in the staleness check.
private let cacheTTL = 30
/// A burst so large that the checks which only create a few links are never limited.
private let unlimited = 1000

/// Starts three instances on the shared database, each with these settings, and returns them
/// with a round-robin front. They are stopped when the check ends (`stopAll`).
private func startFleet(
    _ t: TestContext, burst: Int = burst, extra: [String: String] = [:]
) throws -> (instances: [ServerInstance], front: RoundRobinFront) {
    let settings = [
        "PUBLIC_URL": Shortlinks.publicURL, "RATE_LIMIT_BURST": String(burst),
        "RATE_LIMIT_PER_MINUTE": String(perMinute),
    ]
    let instances = try t.startInstances(
        instanceCount, environment: extra.merging(settings) { given, _ in given })
    return (instances, try t.roundRobin(instances))
}

/// Stops every instance (SIGTERM, a grace period, then SIGKILL), so the next check may start three.
private func stopAll(_ instances: [ServerInstance]) {
    for instance in instances { _ = instance.server.stop() }
}

/// An hour on the server's clock: every bucket an earlier check emptied is full again (a bucket
/// refilled from `request.now` holds at most the burst however long it rested).
private func refillEveryBucket(_ t: TestContext) throws {
    try t.advanceClock(by: .hours(1))
}

/// `GET /<code>` on `instance` must be a 302 to `url`.
private func expectRedirect(
    _ instance: ServerInstance, _ code: String, to url: String, _ why: Words
) throws {
    let response = try instance.http.get("/\(code)")
    try response.expectStatus(302, hint: why)
    try require(
        response.headers["Location"] == url,
        Words(
            "instance \(instance.number) redirected /\(code) to \(response.headers["Location"] ?? "nothing"), expected \(url): \(why.en)",
            id:
                "instance \(instance.number) mengarahkan /\(code) ke \(response.headers["Location"] ?? "tidak ada"), seharusnya \(url): \(why[.id])"
        ),
        response: response)
}

private let sharedLimit = Words(
    "the rate limit holds across instances: one client creates RATE_LIMIT_BURST links in all through the round-robin front, not that many per instance",
    id:
        "batas laju berlaku di semua instance: satu client membuat RATE_LIMIT_BURST link secara total lewat round-robin front, bukan sebanyak itu per instance"
)

let manyInstances = ExerciseTests("scale10-many-instances") {
    Check(
        Words(
            "a link created through one instance redirects on every instance at once, also where the code was just asked for",
            id:
                "link yang dibuat lewat satu instance langsung bisa di-redirect di setiap instance, juga di instance yang baru saja menanyakan code itu"
        ),
        hint: Words(
            "Every instance reads links from the same database. An instance that answered 404 for a code must not remember the 404: the next request reads the database again.",
            id:
                "Setiap instance membaca link dari database yang sama. Instance yang menjawab 404 untuk sebuah code tidak boleh mengingat 404 itu: request berikutnya membaca database lagi."
        )
    ) { t in
        let (instances, _) = try startFleet(t, burst: unlimited)
        defer { stopAll(instances) }
        let code = "fleet-new"
        for instance in instances.dropFirst() {
            try instance.http.get("/\(code)").expectStatus(
                404,
                hint: Words(
                    "No link has this code yet.", id: "Belum ada link dengan code ini."))
        }
        let url = "https://example.com/made-on-one"
        try instances[0].http.post("/links", json: ["url": .string(url), "code": .string(code)])
            .expectStatus(201)
        for instance in instances {
            try expectRedirect(
                instance, code, to: url,
                Words(
                    "the link exists in the database every instance reads; a remembered 404 hides it",
                    id:
                        "link-nya ada di database yang dibaca setiap instance; 404 yang diingat menyembunyikannya"
                ))
        }
    }.asGuard()

    Check(
        Words(
            "a changed or deleted link is right on every instance at most CACHE_TTL_SECONDS after the change, however often it is followed",
            id:
                "link yang diubah atau dihapus sudah benar di setiap instance paling lama CACHE_TTL_SECONDS setelah perubahannya, sesering apa pun ia diikuti"
        ),
        hint: Words(
            "An instance forgets only the codes it changed itself; the others trust their copy until it expires. So the expiry must count from when the link was read from the database, never from its last use: a hot link that renews its entry at every redirect stays stale for ever.",
            id:
                "Sebuah instance hanya melupakan code yang ia ubah sendiri; instance lain memercayai salinannya sampai kedaluwarsa. Jadi kedaluwarsanya harus dihitung dari saat link dibaca dari database, bukan dari pemakaian terakhirnya: link populer yang memperbarui entry-nya di setiap redirect akan basi selamanya."
        ),
        timeout: .seconds(20)
    ) { t in
        let (instances, _) = try startFleet(
            t, burst: unlimited, extra: ["CACHE_TTL_SECONDS": String(cacheTTL)])
        defer { stopAll(instances) }
        let before = "https://example.com/before"
        let after = "https://example.com/after"
        let code = try Shortlinks.create(t, url: before, code: "fleet-change", on: instances[0])
        for instance in instances { _ = try instance.http.get("/\(code)").expectStatus(302) }
        try instances[0].http.put("/links/\(code)", json: ["url": .string(after)]).expectStatus(200)
        try expectRedirect(
            instances[0], code, to: after,
            Words(
                "the instance that made the change forgets its copy at once",
                id: "instance yang membuat perubahan langsung melupakan salinannya"))
        // Two thirds of the time to live later, instance 2 follows the link again.
        try t.advanceClock(by: .seconds(cacheTTL * 2 / 3))
        _ = try instances[1].http.get("/\(code)").expectStatus(302)
        try t.advanceClock(by: .seconds(cacheTTL / 3 + 1))
        for instance in instances {
            try expectRedirect(
                instance, code, to: after,
                Words(
                    "CACHE_TTL_SECONDS (\(cacheTTL)) after the change every copy has expired, also one followed in the meantime",
                    id:
                        "CACHE_TTL_SECONDS (\(cacheTTL)) setelah perubahannya setiap salinan sudah kedaluwarsa, juga salinan yang diikuti di antaranya"
                ))
        }
        try instances[0].http.delete("/links/\(code)").expectStatus(204)
        try t.advanceClock(by: .seconds(cacheTTL + 1))
        for instance in instances {
            try instance.http.get("/\(code)").expectStatus(
                404,
                hint: Words(
                    "The link was deleted more than CACHE_TTL_SECONDS ago: no instance may still redirect it.",
                    id:
                        "Link-nya sudah dihapus lebih dari CACHE_TTL_SECONDS yang lalu: tidak boleh ada instance yang masih me-redirect-nya."
                ))
        }
    }.asGuard()

    Check(
        sharedLimit,
        hint: Words(
            "Three instances, three Mutex maps: each gives the client its own burst. Keep the buckets in the rate_limits table, which every instance reads and writes.",
            id:
                "Tiga instance, tiga map Mutex: masing-masing memberi client burst-nya sendiri. Simpan embernya di tabel rate_limits, yang dibaca dan ditulis setiap instance."
        ),
        timeout: .seconds(20)
    ) { t in
        // The checks before created a few links with a burst of 1000: this client's bucket is full.
        let (instances, front) = try startFleet(t)
        defer { stopAll(instances) }
        let result = try RateLimited.createUntilRefused(front.http, max: instanceCount * burst + 1)
        try require(
            result.created == burst,
            result.created > burst
                ? Words(
                    "one client created \(result.created) links through the front of \(instanceCount) instances with RATE_LIMIT_BURST=\(burst), expected \(burst): each instance keeps its own buckets",
                    id:
                        "satu client membuat \(result.created) link lewat front dengan \(instanceCount) instance dan RATE_LIMIT_BURST=\(burst), seharusnya \(burst): setiap instance menyimpan embernya sendiri"
                )
                : Words(
                    "a client that had created only 2 links created \(result.created) more, expected \(burst) (RATE_LIMIT_BURST)",
                    id:
                        "client yang baru membuat 2 link hanya bisa membuat \(result.created) lagi, seharusnya \(burst) (RATE_LIMIT_BURST)"
                ),
            response: result.refusal)
        if let refusal = result.refusal { _ = try RateLimited.retryAfter(refusal) }
    }

    Check(
        Words(
            "a token that came back on the server's clock is spent once, on whichever instance asks first; the others say how long to wait",
            id:
                "token yang kembali menurut jam server dipakai sekali, di instance mana pun yang meminta lebih dulu; instance lain menyebut berapa lama harus menunggu"
        ),
        hint: Words(
            "Refill from the row's updated_at with the `now` you are given (request.now), and store the row back with its new tokens and updated_at, so the next instance starts from what this one left.",
            id:
                "Isi ulang dari updated_at milik barisnya dengan `now` yang diberikan (request.now), dan simpan barisnya kembali dengan tokens dan updated_at yang baru, supaya instance berikutnya mulai dari yang ditinggalkan instance ini."
        ),
        needs: sharedLimit.en,
        timeout: .seconds(20)
    ) { t in
        let (instances, front) = try startFleet(t)
        defer { stopAll(instances) }
        try refillEveryBucket(t)
        let first = try RateLimited.createUntilRefused(front.http, max: burst + 1)
        try require(
            first.created == burst,
            Words(
                "after an hour on the server's clock one client created \(first.created) links at once, expected \(burst): the tokens must come back with request.now, not with Date()",
                id:
                    "setelah satu jam menurut jam server satu client membuat \(first.created) link sekaligus, seharusnya \(burst): token-nya harus kembali menurut request.now, bukan Date()"
            ),
            response: first.refusal)
        try t.advanceClock(by: .seconds(60 / perMinute))
        try instances[1].http.post("/links", json: ["url": "https://example.com/token"]).expectStatus(
            201,
            hint: Words(
                "10 seconds later (RATE_LIMIT_PER_MINUTE=\(perMinute)) one token is back, for any instance.",
                id:
                    "10 detik kemudian (RATE_LIMIT_PER_MINUTE=\(perMinute)) satu token kembali, untuk instance mana pun."
            ))
        let refused = try instances[2].http.post("/links", json: ["url": "https://example.com/token"])
        try refused.expectStatus(
            429,
            hint: Words(
                "Instance 2 spent the only token that came back: instance 3 must see the empty bucket.",
                id:
                    "Instance 2 sudah memakai satu-satunya token yang kembali: instance 3 harus melihat ember yang kosong."
            ))
        try requireEqual(
            try RateLimited.retryAfter(refused), 60 / perMinute,
            Words(
                "Retry-After on instance 3 right after instance 2 spent the token",
                id: "Retry-After di instance 3 tepat setelah instance 2 memakai token-nya"),
            response: refused)
    }

    Check(
        Words(
            "20 POST /links at the same moment on three instances create exactly RATE_LIMIT_BURST links; the others get 429",
            id:
                "20 POST /links pada saat yang sama di tiga instance membuat tepat RATE_LIMIT_BURST link; sisanya mendapat 429"
        ),
        hint: Words(
            "Read the row, refill, spend and write it back inside one database.transaction { tx in … }. A read before the transaction, or a Mutex instead of it, lets requests on other instances read the same tokens and all spend them: a lock in one process is nothing to the other two.",
            id:
                "Baca barisnya, isi ulang, pakai, dan tulis kembali di dalam satu database.transaction { tx in … }. Membaca sebelum transaction, atau Mutex sebagai gantinya, membuat request di instance lain membaca token yang sama dan semuanya memakainya: lock di satu proses tidak berarti apa-apa bagi dua proses lainnya."
        ),
        needs: sharedLimit.en,
        timeout: .seconds(30)
    ) { t in
        let (instances, _) = try startFleet(t, extra: ["BACKENDKIT_THREADS": "8"])
        defer { stopAll(instances) }
        // A client no check has seen yet, so its bucket is full without moving the clock.
        let client = "127.0.0.9"
        // The grader holds the write lock while all 20 arrive: every request has read the bucket,
        // or is waiting to, before any can write it.
        let ports = instances.map(\.port)
        let results = try t.concurrently(20, holdingWriteLockFor: .milliseconds(300)) { index in
            try OtherClients.createLink(t, from: client, port: ports[index % instanceCount])
        }
        var statuses: [Int] = []
        for result in results { statuses.append(try result.get().status) }
        let created = statuses.filter { $0 == 201 }.count
        try require(
            created == burst && statuses.allSatisfy { $0 == 201 || $0 == 429 },
            Words(
                "20 requests from \(client) at the same moment on \(instanceCount) instances with RATE_LIMIT_BURST=\(burst): \(created) links were created (statuses \(statuses.sorted())), expected exactly \(burst) and 429 for the others",
                id:
                    "20 request dari \(client) pada saat yang sama di \(instanceCount) instance dengan RATE_LIMIT_BURST=\(burst): \(created) link dibuat (status \(statuses.sorted())), seharusnya tepat \(burst) dan 429 untuk sisanya"
            ))
    }

    Check(
        Words(
            "the rate_limits table keeps at most RATE_LIMIT_MAX_CLIENTS clients, and forgets the one seen least recently first",
            id:
                "tabel rate_limits menyimpan paling banyak RATE_LIMIT_MAX_CLIENTS client, dan yang paling lama tidak terlihat dilupakan lebih dulu"
        ),
        hint: Words(
            "For a client the table does not know, count its rows first; at RATE_LIMIT_MAX_CLIENTS, DELETE the rows whose bucket is full again and, when there are none, the row with the oldest updated_at. Deleting every row forgets the clients that are limited right now.",
            id:
                "Untuk client yang belum dikenal tabelnya, hitung dulu barisnya; pada RATE_LIMIT_MAX_CLIENTS, DELETE baris yang embernya sudah penuh lagi dan, kalau tidak ada, baris dengan updated_at paling lama. Menghapus semua baris melupakan client yang sedang dibatasi."
        ),
        timeout: .seconds(30)
    ) { t in
        let maxClients = 20
        try Shortlinks.start(
            t,
            environment: [
                "RATE_LIMIT_BURST": "2", "RATE_LIMIT_PER_MINUTE": String(perMinute),
                "RATE_LIMIT_MAX_CLIENTS": String(maxClients),
            ])
        try OtherClients.expectLeastRecentlySeenForgotten(t, maxClients: maxClients)
    }

    Check(
        Words(
            "clicks on every instance are counted once: 30 redirects through the front, every instance stopped, 30 clicks",
            id:
                "klik di setiap instance dihitung sekali: 30 redirect lewat front, semua instance dihentikan, 30 klik"
        ),
        hint: Words(
            "Each instance keeps its own queue of clicks; before it exits, it must write what waits there. The count comes from the clicks table, which they all share.",
            id:
                "Setiap instance punya antrean kliknya sendiri; sebelum berhenti, ia harus menulis yang masih menunggu di sana. Jumlahnya dibaca dari tabel clicks, yang dipakai bersama oleh semuanya."
        ),
        timeout: .seconds(30)
    ) { t in
        // A writer job that waits a minute: the clicks are still queued when SIGTERM comes.
        let (instances, front) = try startFleet(t, burst: unlimited, extra: ["CLICK_FLUSH_SECONDS": "60"])
        let code = try Shortlinks.create(
            t, url: "https://example.com/counted", code: "fleet-clicks", on: instances[0])
        let redirects = 30
        for _ in 1...redirects { _ = try front.http.get("/\(code)").expectStatus(302) }
        stopAll(instances)
        let details = try t.http.get("/links/\(code)").expectStatus(200)
        try requireEqual(
            try details.json()["clicks"]?.int, redirects,
            Words(
                "the clicks of GET /links/\(code) after \(redirects) redirects spread over \(instanceCount) instances and their SIGTERM",
                id:
                    "klik dari GET /links/\(code) setelah \(redirects) redirect yang tersebar di \(instanceCount) instance dan SIGTERM-nya"
            ),
            response: details)
    }.asGuard()
}
