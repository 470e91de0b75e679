import BackendKit
import Foundation
import GraderKit

/// The check that shows a quote still goes through; every breaker check needs it.
private let passes = Words(
    "a quote goes through to a healthy shipping API, once",
    id: "quote sampai ke API pengiriman yang sehat, sekali")

private let opens = Words(
    "after 5 failed quotes in a row the circuit opens: the next quote is answered 503 with Retry-After at once, and the API gets no call",
    id:
        "setelah 5 quote gagal berturut-turut circuit-nya terbuka: quote berikutnya langsung dijawab 503 dengan Retry-After, dan API-nya tidak dipanggil"
)

private let probes = Words(
    "30 seconds after it opened, one quote probes the API, and its success closes the circuit",
    id: "30 detik setelah terbuka, satu quote mencoba API-nya, dan keberhasilannya menutup circuit-nya")

private let clockHint = Words(
    "When the state is open and now is at or after `until`, this call is the probe: set the state to .probing and return .call. Compare with the `now` you are given (request.now, which the grader moves), never Date().",
    id:
        "Kalau state-nya open dan now sudah sama dengan atau melewati `until`, panggilan ini adalah probe-nya: ubah state-nya menjadi .probing lalu kembalikan .call. Bandingkan dengan `now` yang diberikan (request.now, yang dimajukan grader), jangan pernah Date()."
)

private let quote: UpstreamBehaviour = .json(Shipping.quote)

/// The quote's answer and whether the API got a call for it.
private func quoteOnce(_ t: TestContext, order: Int, api: FakeUpstream) throws -> (ClientResponse, calls: Int)
{
    let before = api.requests(to: "/rates").count
    let (response, _) = try Shipping.ask(
        t, order: order, api: api, while: Words("failed or answered", id: "gagal atau menjawab"))
    return (response, api.requests(to: "/rates").count - before)
}

/// Starts the server on a new fake API that fails with 500 `failures` times, then answers `then`,
/// places an order, and makes `failures` quotes fail.
private func failFiveTimes(_ t: TestContext, then: [UpstreamBehaviour] = [quote]) throws -> (
    FakeUpstream, Int
) {
    let api = try Shipping.start(t, environment: ["BACKENDKIT_THREADS": "8"])
    try api.on(.get, "/rates", Array(repeating: .status(500), count: 5) + then)
    let order = try Checkout.placeOrder(t)
    for number in 1...5 {
        let (response, _) = try quoteOnce(t, order: order, api: api)
        guard response.status == 502 else {
            throw response.failure(
                Words(
                    "failed quote \(number) of 5 in a row was answered \(response.status); expected 502, the circuit opens only after the 5th",
                    id:
                        "quote gagal ke-\(number) dari 5 berturut-turut dijawab \(response.status); seharusnya 502, circuit-nya baru terbuka setelah yang ke-5"
                ),
                hint: Words(
                    "Count the failures in a row in .closed(failures:), and open only when the count reaches failureThreshold (5).",
                    id:
                        "Hitung kegagalan berturut-turut di .closed(failures:), dan buka hanya saat hitungannya mencapai failureThreshold (5)."
                ))
        }
    }
    return (api, order)
}

/// Expects the circuit open: 503 with a Retry-After of 1 to 30 seconds, and no call.
private func expectFailsFast(_ t: TestContext, order: Int, api: FakeUpstream, when what: Words, hint: Words)
    throws
{
    let (response, calls) = try quoteOnce(t, order: order, api: api)
    guard response.status == 503, calls == 0 else {
        throw response.failure(
            Words(
                "\(what.en), a quote was answered \(response.status) after \(calls) calls to the API; expected 503 at once and no call",
                id:
                    "\(what[.id]), sebuah quote dijawab \(response.status) setelah \(calls) panggilan ke API; seharusnya langsung 503 tanpa panggilan"
            ), hint: hint)
    }
    let retryAfter = Int(response.headers["Retry-After"] ?? "")
    try require(
        retryAfter.map { (1...30).contains($0) } == true,
        Words(
            "the 503 of an open circuit has Retry-After \(response.headers["Retry-After"] ?? "(none)"); expected the whole seconds left of the cool-down, 1 to 30",
            id:
                "503 dari circuit yang terbuka punya Retry-After \(response.headers["Retry-After"] ?? "(tidak ada)"); seharusnya sisa detik cool-down-nya, 1 sampai 30"
        ),
        hint: Words(
            "In the open state, .failFast(retryAfter:) carries the seconds until `until`, rounded up: Int(until.timeIntervalSince(now).rounded(.up)), at least 1.",
            id:
                "Di state open, .failFast(retryAfter:) membawa sisa detik sampai `until`, dibulatkan ke atas: Int(until.timeIntervalSince(now).rounded(.up)), paling sedikit 1."
        ), response: response)
}

let circuitBreaker = ExerciseTests("int05-circuit-breaker") {
    Check(
        passes,
        hint: Words(
            "A closed circuit is one that conducts, as in a fuse box: while .closed, decide returns .call and the quote goes out. Only .open stops calls.",
            id:
                "Circuit yang tertutup adalah yang mengalirkan arus, seperti di kotak sekering: selama .closed, decide mengembalikan .call dan quote-nya diteruskan. Hanya .open yang menghentikan panggilan."
        )
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.get, "/rates", [quote])
        let order = try Checkout.placeOrder(t)
        let (response, calls) = try quoteOnce(t, order: order, api: api)
        try response.expectStatus(200)
        try requireEqual(
            calls, 1,
            Words(
                "the calls the shipping API got for one quote",
                id: "panggilan yang diterima API pengiriman untuk satu quote"),
            response: response)
    }

    Check(
        opens,
        hint: Words(
            "In record(success: false): while closed, add one failure; at failureThreshold (5) set .open(until: now + coolDown). In decide: open and now < until is .failFast. The shop then stops hammering an API that is down, and customers get an answer at once.",
            id:
                "Di record(success: false): selama closed, tambah satu kegagalan; di failureThreshold (5) set .open(until: now + coolDown). Di decide: open dan now < until adalah .failFast. Toko lalu berhenti menghantam API yang sedang mati, dan pelanggan langsung mendapat jawaban."
        ),
        needs: passes.en
    ) { t in
        let (api, order) = try failFiveTimes(t)
        try expectFailsFast(
            t, order: order, api: api,
            when: Words("after 5 failures in a row", id: "setelah 5 kegagalan berturut-turut"),
            hint: Words(
                "Open the circuit at the 5th failure in a row: .open(until: now + coolDown).",
                id: "Buka circuit-nya di kegagalan ke-5 berturut-turut: .open(until: now + coolDown)."))
        try t.advanceClock(by: .seconds(29))
        try expectFailsFast(
            t, order: order, api: api,
            when: Words("29 seconds after it opened", id: "29 detik setelah terbuka"),
            hint: Words(
                "The cool-down is 30 seconds (coolDown) of the server's clock: until = now + 30.",
                id: "Cool-down-nya 30 detik (coolDown) di jam server: until = now + 30."))
    }

    Check(
        Words(
            "failures that a success interrupts do not add up: 4 failures, a success, 4 failures leave the circuit closed",
            id:
                "kegagalan yang diselingi keberhasilan tidak dijumlahkan: 4 gagal, 1 sukses, 4 gagal membiarkan circuit-nya tertutup"
        ),
        hint: Words(
            "A success resets the count: record(success: true) sets .closed(failures: 0). The breaker is for a service that is down, not one that fails now and then.",
            id:
                "Keberhasilan mengulang hitungannya dari nol: record(success: true) men-set .closed(failures: 0). Breaker ini untuk layanan yang mati, bukan yang sesekali gagal."
        ),
        needs: opens.en
    ) { t in
        let api = try Shipping.start(t)
        let fourFailures: [UpstreamBehaviour] = Array(repeating: .status(500), count: 4)
        try api.on(.get, "/rates", fourFailures + [quote] + fourFailures + [quote])
        let order = try Checkout.placeOrder(t)
        for number in 1...10 {
            let (response, calls) = try quoteOnce(t, order: order, api: api)
            try require(
                response.status != 503 && calls == 1,
                Words(
                    "quote \(number) of 4 failures, a success and 4 failures was answered \(response.status) after \(calls) calls: the circuit opened though no 5 failures came in a row",
                    id:
                        "quote ke-\(number) dari 4 gagal, 1 sukses, dan 4 gagal dijawab \(response.status) setelah \(calls) panggilan: circuit-nya terbuka padahal tidak ada 5 kegagalan berturut-turut"
                ), response: response)
        }
    }

    Check(probes, hint: clockHint, needs: opens.en) { t in
        let (api, order) = try failFiveTimes(t)
        try t.advanceClock(by: .seconds(31))
        let (probe, calls) = try quoteOnce(t, order: order, api: api)
        guard probe.status == 200, calls == 1 else {
            try t.requireServerClockMoved(probe)
            throw probe.failure(
                Words(
                    "31 seconds after the circuit opened, a quote was answered \(probe.status) after \(calls) calls to the API; the cool-down is over, so one call goes through and gets the API's quote",
                    id:
                        "31 detik setelah circuit-nya terbuka, sebuah quote dijawab \(probe.status) setelah \(calls) panggilan ke API; cool-down-nya sudah selesai, jadi satu panggilan diteruskan dan mendapat quote dari API"
                ), hint: clockHint)
        }
        let (next, nextCalls) = try quoteOnce(t, order: order, api: api)
        try require(
            next.status == 200 && nextCalls == 1,
            Words(
                "after a successful probe the next quote was answered \(next.status) after \(nextCalls) calls; the circuit is closed again, so it goes through",
                id:
                    "setelah probe yang berhasil, quote berikutnya dijawab \(next.status) setelah \(nextCalls) panggilan; circuit-nya sudah tertutup lagi, jadi ia diteruskan"
            ),
            hint: Words(
                "A success closes the circuit: record(success: true) sets .closed(failures: 0).",
                id: "Keberhasilan menutup circuit-nya: record(success: true) men-set .closed(failures: 0)."),
            response: next)
    }

    Check(
        Words(
            "while the probe is under way, other quotes fail fast: of 5 quotes at the same moment, exactly one reaches the API",
            id:
                "selama probe berjalan, quote lain gagal cepat: dari 5 quote pada saat yang sama, tepat satu yang sampai ke API"
        ),
        hint: Words(
            "The first call after the cool-down sets .probing inside the same withLock that saw the cool-down over; .probing answers every other call .failFast. Otherwise every customer who arrives in that moment calls an API that may still be down.",
            id:
                "Panggilan pertama setelah cool-down men-set .probing di dalam withLock yang sama yang melihat cool-down-nya selesai; .probing menjawab setiap panggilan lain dengan .failFast. Kalau tidak, setiap pelanggan yang datang saat itu memanggil API yang mungkin masih mati."
        ),
        needs: probes.en
    ) { t in
        // The probe's answer takes 700 ms: the other four arrive while it is under way.
        let (api, order) = try failFiveTimes(t, then: [.delay(.milliseconds(700), then: quote)])
        try t.advanceClock(by: .seconds(31))
        t.http.timeout = Shipping.bound
        let results = t.concurrently(5) { _ in
            try t.http.get("/orders/\(order)/shipping?postcode=\(Shipping.postcode)")
        }
        let statuses = try results.map { try $0.get().status }
        let calls = api.requests(to: "/rates").count - 5
        try require(
            calls == 1 && statuses.filter { $0 == 200 }.count == 1
                && statuses.filter { $0 == 503 }.count == 4,
            Words(
                "5 quotes at the same moment after the cool-down made \(calls) calls to the API and were answered \(statuses.sorted().map(String.init).joined(separator: ", ")); expected one probe (200) and four 503 at once",
                id:
                    "5 quote pada saat yang sama setelah cool-down membuat \(calls) panggilan ke API dan dijawab \(statuses.sorted().map(String.init).joined(separator: ", ")); seharusnya satu probe (200) dan empat 503 langsung"
            ))
    }

    Check(
        Words(
            "a failed probe opens the circuit again for another 30 seconds",
            id: "probe yang gagal membuka circuit-nya lagi untuk 30 detik berikutnya"),
        hint: Words(
            "In record(success: false) while .probing: .open(until: now + coolDown), a new cool-down from the probe's failure. Not .closed(failures: 1): the API just proved it is still down.",
            id:
                "Di record(success: false) saat .probing: .open(until: now + coolDown), cool-down baru sejak probe-nya gagal. Bukan .closed(failures: 1): API-nya baru saja membuktikan bahwa ia masih mati."
        ),
        needs: probes.en
    ) { t in
        let (api, order) = try failFiveTimes(t, then: [.status(500), quote])
        try t.advanceClock(by: .seconds(31))
        let (probe, calls) = try quoteOnce(t, order: order, api: api)
        try require(
            probe.status == 502 && calls == 1,
            Words(
                "the probe to an API that still fails was answered \(probe.status) after \(calls) calls; expected 502 after one call",
                id:
                    "probe ke API yang masih gagal dijawab \(probe.status) setelah \(calls) panggilan; seharusnya 502 setelah satu panggilan"
            ), response: probe)
        try expectFailsFast(
            t, order: order, api: api,
            when: Words("right after a failed probe", id: "tepat setelah probe yang gagal"),
            hint: Words(
                "A failed probe opens the circuit again: .open(until: now + coolDown).",
                id: "Probe yang gagal membuka circuit-nya lagi: .open(until: now + coolDown)."))
        try t.advanceClock(by: .seconds(20))
        try expectFailsFast(
            t, order: order, api: api,
            when: Words("20 seconds after a failed probe", id: "20 detik setelah probe yang gagal"),
            hint: Words(
                "The new cool-down starts when the probe failed: until = now + coolDown, at that moment, not the old until.",
                id:
                    "Cool-down yang baru dimulai saat probe-nya gagal: until = now + coolDown, pada saat itu, bukan until yang lama."
            ))
        try t.advanceClock(by: .seconds(11))
        let (again, againCalls) = try quoteOnce(t, order: order, api: api)
        try require(
            again.status == 200 && againCalls == 1,
            Words(
                "31 seconds after the failed probe, a quote was answered \(again.status) after \(againCalls) calls; the next probe goes through",
                id:
                    "31 detik setelah probe yang gagal, sebuah quote dijawab \(again.status) setelah \(againCalls) panggilan; probe berikutnya diteruskan"
            ), hint: clockHint, response: again)
    }
}
