import BackendKit
import Foundation
import GraderKit

/// The bound every check sets: small, so a check holds few requests.
private let maxInFlight = 4

/// Starts the server against the holding preview service, with four event loops (so the
/// requests really run on several threads) and one link to preview; returns its code.
private func startHeld(_ t: TestContext, _ previews: HeldPreviews) throws -> String {
    try Shortlinks.start(
        t,
        environment: previews.environment.merging([
            "MAX_IN_FLIGHT": String(maxInFlight), "BACKENDKIT_THREADS": "4",
        ]) { given, _ in given })
    return try Shortlinks.create(t, url: "https://example.com/worth-a-preview")
}

/// The held previews all completed with 200 once the preview service answered.
private func requireHeldCompleted(_ overload: Overload) throws {
    for response in overload.held {
        try response.expectStatus(
            200,
            hint: Words(
                "The first \(maxInFlight) previews were within MAX_IN_FLIGHT=\(maxInFlight): they wait for the preview service and then answer 200.",
                id:
                    "\(maxInFlight) preview pertama masih di dalam MAX_IN_FLIGHT=\(maxInFlight): mereka menunggu layanan preview lalu menjawab 200."
            ))
    }
}

/// The calls that reached the preview service while it held its answers: exactly `maxInFlight`.
private func requireCalls(_ overload: Overload, _ sent: Int) throws {
    try require(
        overload.callsWhileHeld == maxInFlight,
        overload.callsWhileHeld > maxInFlight
            ? Words(
                "\(overload.callsWhileHeld) of \(sent) previews reached the preview service at once with MAX_IN_FLIGHT=\(maxInFlight): the requests beyond \(maxInFlight) must be refused before they reach a handler",
                id:
                    "\(overload.callsWhileHeld) dari \(sent) preview sampai ke layanan preview bersamaan dengan MAX_IN_FLIGHT=\(maxInFlight): request setelah yang ke-\(maxInFlight) harus ditolak sebelum sampai ke handler"
            )
            : Words(
                "only \(overload.callsWhileHeld) of \(sent) previews reached the preview service, while MAX_IN_FLIGHT=\(maxInFlight) allows \(maxInFlight) at once: the server refuses requests it has room for",
                id:
                    "hanya \(overload.callsWhileHeld) dari \(sent) preview yang sampai ke layanan preview, padahal MAX_IN_FLIGHT=\(maxInFlight) mengizinkan \(maxInFlight) sekaligus: server menolak request yang sebenarnya masih muat"
            ))
}

/// An extra request was refused with 503 and a Retry-After of whole seconds, while the held ones waited.
private func requireShed(_ response: ClientResponse, whileHeld: Bool) throws {
    try require(
        response.status != 200 || whileHeld,
        Words(
            "\(response.requestLine) came while \(maxInFlight) requests were in flight, and was answered 200 only after those finished: it waited in a queue; refuse it at once with 503 instead",
            id:
                "\(response.requestLine) datang saat \(maxInFlight) request sedang berjalan, dan baru dijawab 200 setelah semuanya selesai: ia menunggu di antrean; tolak langsung dengan 503"
        ),
        response: response)
    _ = try response.expectProblem(
        status: 503,
        hint: Words(
            "Over MAX_IN_FLIGHT the answer is 503 Service Unavailable (the server is busy, not the client too fast: that would be 429), as a problem document.",
            id:
                "Di atas MAX_IN_FLIGHT jawabannya 503 Service Unavailable (server-nya yang sibuk, bukan client-nya yang terlalu cepat: itu 429), sebagai problem document."
        ))
    try require(
        whileHeld,
        Words(
            "\(response.requestLine) got its 503 only after the held requests finished: refuse at once, without waiting for a place",
            id:
                "\(response.requestLine) baru mendapat 503-nya setelah request yang ditahan selesai: tolak langsung, tanpa menunggu tempat"
        ),
        response: response)
    let header = try requireValue(
        response.headers["Retry-After"],
        Words(
            "the 503 has no Retry-After header: a client (or a load balancer) cannot tell when to come back",
            id:
                "503-nya tidak punya header Retry-After: client (atau load balancer) tidak tahu kapan harus kembali"
        ),
        response: response)
    try require(
        (Int(header.trimmingCharacters(in: .whitespaces)) ?? 0) >= 1,
        Words(
            "Retry-After is \"\(header)\": it must be a whole number of seconds, at least 1",
            id: "Retry-After berisi \"\(header)\": seharusnya bilangan bulat detik, minimal 1"),
        response: response)
}

private let sheds = Words(
    "with MAX_IN_FLIGHT requests waiting, the next ones get 503 with Retry-After at once, while the first ones still wait; those then finish with 200",
    id:
        "saat ada MAX_IN_FLIGHT request yang menunggu, request berikutnya langsung mendapat 503 dengan Retry-After, sementara yang pertama masih menunggu; yang pertama lalu selesai dengan 200"
)

let backpressure = ExerciseTests("scale07-backpressure") {
    Check(
        sheds,
        hint: Words(
            "In the middleware, take a place with enter() before next(request); when there is none, throw HTTPError(.serviceUnavailable, detail: …, headers: [\"Retry-After\": \"1\"]) at once. Never wait for a place: a queue only makes every request slower.",
            id:
                "Di middleware, ambil tempat dengan enter() sebelum next(request); kalau tidak ada, langsung lempar HTTPError(.serviceUnavailable, detail: …, headers: [\"Retry-After\": \"1\"]). Jangan pernah menunggu tempat: antrean hanya membuat setiap request lebih lambat."
        ),
        timeout: .seconds(20)
    ) { t in
        let previews = try HeldPreviews(t)
        let code = try startHeld(t, previews)
        let extra = Array(repeating: "/links/\(code)/preview", count: 3)
        let overload = try Overload.run(t, previews, code: code, held: maxInFlight, extra: extra)
        try requireCalls(overload, maxInFlight + extra.count)
        for (response, whileHeld) in overload.extra { try requireShed(response, whileHeld: whileHeld) }
        try requireHeldCompleted(overload)
    }

    Check(
        Words(
            "/health still answers 200 while the server is full, and every other request is counted",
            id: "/health tetap menjawab 200 saat server-nya penuh, dan setiap request lain ikut dihitung"),
        hint: Words(
            "Let /health through before counting it (a load balancer that sees it fail takes a server that is only busy out of service), and count every other path.",
            id:
                "Loloskan /health sebelum menghitungnya (load balancer yang melihatnya gagal akan mengeluarkan server yang hanya sibuk dari layanan), dan hitung setiap path lain."
        ),
        needs: sheds.en,
        timeout: .seconds(20)
    ) { t in
        let previews = try HeldPreviews(t)
        let code = try startHeld(t, previews)
        let overload = try Overload.run(
            t, previews, code: code, held: maxInFlight, extra: ["/health", "/links/\(code)"])
        let (health, healthWhileHeld) = overload.extra[0]
        try health.expectStatus(
            200,
            hint: Words(
                "/health is never shed: it says the process is alive, which it is.",
                id: "/health tidak pernah ditolak: ia menyatakan prosesnya hidup, dan memang hidup."))
        try require(
            healthWhileHeld,
            Words(
                "/health was answered only after the held requests finished: it must not wait for a place",
                id:
                    "/health baru dijawab setelah request yang ditahan selesai: ia tidak boleh menunggu tempat"
            ),
            response: health)
        let (details, detailsWhileHeld) = overload.extra[1]
        try require(
            details.status == 503 && detailsWhileHeld,
            Words(
                "GET /links/\(code) came while \(maxInFlight) previews were in flight and got \(details.status): every request but /health counts, so it gets 503 at once",
                id:
                    "GET /links/\(code) datang saat \(maxInFlight) preview sedang berjalan dan mendapat \(details.status): setiap request kecuali /health dihitung, jadi ia langsung mendapat 503"
            ),
            response: details)
        try requireHeldCompleted(overload)
    }

    Check(
        Words(
            "a handler that throws gives its place back: after 12 failed requests all MAX_IN_FLIGHT places are free",
            id:
                "handler yang melempar error mengembalikan tempatnya: setelah 12 request yang gagal, semua MAX_IN_FLIGHT tempat kosong lagi"
        ),
        hint: Words(
            "Give the place back in a defer right after taking it: `defer { leave() }` runs when next(request) returns and when it throws (a 404, a 502 from the preview service).",
            id:
                "Kembalikan tempatnya di defer tepat setelah mengambilnya: `defer { leave() }` berjalan saat next(request) selesai maupun saat ia melempar error (404, 502 dari layanan preview)."
        ),
        needs: sheds.en,
        timeout: .seconds(20)
    ) { t in
        let previews = try HeldPreviews(t)
        let code = try startHeld(t, previews)
        for _ in 1...6 { try t.http.get("/links/no-such-code/preview").expectStatus(404) }
        previews.fail(true)
        for _ in 1...6 { try t.http.get("/links/\(code)/preview").expectStatus(502) }
        previews.fail(false)
        let overload = try Overload.run(
            t, previews, code: code, held: maxInFlight, extra: ["/links/\(code)/preview"])
        try require(
            overload.callsWhileHeld == maxInFlight,
            Words(
                "after 6 answers of 404 and 6 of 502 (their handlers threw), only \(overload.callsWhileHeld) of \(maxInFlight) previews got a place with MAX_IN_FLIGHT=\(maxInFlight): a place taken by a request that threw was never given back",
                id:
                    "setelah 6 jawaban 404 dan 6 jawaban 502 (handler-nya melempar error), hanya \(overload.callsWhileHeld) dari \(maxInFlight) preview yang mendapat tempat dengan MAX_IN_FLIGHT=\(maxInFlight): tempat yang diambil request yang melempar error tidak pernah dikembalikan"
            ))
        try requireShed(overload.extra[0].response, whileHeld: overload.extra[0].whileHeld)
        try requireHeldCompleted(overload)
    }

    Check(
        Words(
            "16 previews at the same moment on 4 event loops: exactly MAX_IN_FLIGHT reach the preview service and 12 get 503, twice in a row",
            id:
                "16 preview pada saat yang sama di 4 event loop: tepat MAX_IN_FLIGHT yang sampai ke layanan preview dan 12 mendapat 503, dua kali berturut-turut"
        ),
        hint: Words(
            "\"Is there room? Then take it\" must be one step: one inFlight.withLock { … } that compares and adds, not a read and a later add. Four event loops run requests on four threads at once.",
            id:
                "\"Masih ada tempat? Kalau ya, ambil\" harus satu langkah: satu inFlight.withLock { … } yang membandingkan lalu menambah, bukan membaca lalu menambah belakangan. Empat event loop menjalankan request di empat thread sekaligus."
        ),
        needs: sheds.en,
        timeout: .seconds(30)
    ) { t in
        let previews = try HeldPreviews(t)
        let code = try startHeld(t, previews)
        let sent = 16
        for round in 1...2 {
            previews.hold()
            let shed = RefusalCount(until: sent - maxInFlight) { previews.release() }
            let results = t.concurrently(sent) { _ in
                let response = try t.http.get("/links/\(code)/preview")
                if response.status == 503 { shed.add() }
                return response
            }
            previews.release()
            let statuses = try results.map { try $0.get().status }
            let refused = statuses.filter { $0 == 503 }.count
            let created = statuses.filter { $0 == 200 }.count
            try require(
                refused == sent - maxInFlight && created == maxInFlight,
                Words(
                    "round \(round): \(sent) previews at once with MAX_IN_FLIGHT=\(maxInFlight) gave \(created)× 200 and \(refused)× 503 (statuses \(statuses.sorted())), expected exactly \(maxInFlight) and \(sent - maxInFlight): the count of requests in flight is not exact when loops enter at once",
                    id:
                        "putaran \(round): \(sent) preview sekaligus dengan MAX_IN_FLIGHT=\(maxInFlight) menghasilkan \(created)× 200 dan \(refused)× 503 (status \(statuses.sorted())), seharusnya tepat \(maxInFlight) dan \(sent - maxInFlight): hitungan request yang sedang berjalan tidak tepat saat beberapa loop masuk bersamaan"
                ))
        }
    }
}

/// Counts the 503s of a burst and calls `release` at the `until`th (or never, when fewer come).
private final class RefusalCount: @unchecked Sendable {
    // @unchecked Sendable: `count` is guarded by `lock`; `release` is called once.
    private let lock = NSLock()
    private var count = 0
    private let until: Int
    private let release: @Sendable () -> Void

    init(until: Int, release: @escaping @Sendable () -> Void) {
        self.until = until
        self.release = release
    }

    func add() {
        let reached = lock.withLock {
            count += 1
            return count == until
        }
        if reached { release() }
    }
}
