import BackendKit
import Foundation
import GraderKit

/// One scrape of `GET /metrics` and the answer it came from, so a failure shows the exchange.
private struct Scrape {
    let metrics: MetricsScrape
    let answer: ClientResponse

    /// The value of `name` with exactly `labels`, 0 when the series is not there (yet).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        metrics.value(name, labels) ?? 0
    }

    /// How many series `name` has.
    func seriesCount(_ name: String) -> Int { metrics.samples(named: name).count }

    /// Up to 12 series of `name`, one per line, for a message that shows what is there instead.
    func listing(_ name: String) -> String {
        let samples = metrics.samples(named: name)
        guard !samples.isEmpty else {
            return Words("(no \(name) series at all)", id: "(sama sekali tidak ada series \(name))").text
        }
        let lines = samples.prefix(12).map { sample in
            let labels = sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
            return "  \(sample.name){\(labels.joined(separator: ","))} \(Self.number(sample.value))"
        }
        let more = samples.count > 12 ? ["  … \(samples.count - 12) more"] : []
        return (lines + more).joined(separator: "\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

private func scrape(_ t: TestContext) throws -> Scrape {
    try Shop.ensureStarted(t)
    let answer = try t.http.get("/metrics", headers: ["Accept": "text/plain"]).expectStatus(200)
    return Scrape(metrics: try answer.prometheusMetrics(), answer: answer)
}

private let counterName = "http_requests_total"
private let histogramName = "http_request_duration_seconds"
private let gaugeName = "http_requests_in_flight"

/// The labels of one counter series.
private func labels(_ method: String, _ route: String, _ status: Int) -> [String: String] {
    ["method": method, "route": route, "status": String(status)]
}

/// Requires that `series` of the counter grew by exactly `expected` between two scrapes.
private func expectCounted(
    _ expected: Int, _ request: String, _ series: [String: String], before: Scrape, after: Scrape,
    hint: Words
) throws {
    let grown = after.value(counterName, series) - before.value(counterName, series)
    guard grown != Double(expected) else { return }
    let shown = series.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
    throw after.answer.failure(
        Words(
            "after \(request), \(counterName){\(shown)} should have grown by \(expected); it grew by \(Scrape.number(grown))\(elsewhere(series, before: before, after: after, grown: grown).en). The counter's series now:\n\(after.listing(counterName))",
            id:
                "setelah \(request), \(counterName){\(shown)} seharusnya bertambah \(expected); ia bertambah \(Scrape.number(grown))\(elsewhere(series, before: before, after: after, grown: grown)[.id]). Series counter-nya sekarang:\n\(after.listing(counterName))"
        ), hint: hint)
}

/// Where the requests went instead, when the expected series did not grow: the series of the same
/// method and route under another status (a refusal counted as 500), or of the same method and
/// status under another route (a raw path). Empty when no such series grew.
private func elsewhere(_ series: [String: String], before: Scrape, after: Scrape, grown: Double) -> Words {
    guard grown == 0 else { return Words(verbatim: "") }
    let moved = after.metrics.samples(named: counterName).first { sample in
        let sameMethod = sample.labels["method"] == series["method"]
        let sameRoute = sample.labels["route"] == series["route"]
        let sameStatus = sample.labels["status"] == series["status"]
        // The grader's own scrapes are counted under /metrics between the two: never a suspect.
        return sameMethod && sameRoute != sameStatus && sample.labels["route"] != "/metrics"
            && sample.value > before.value(counterName, sample.labels)
    }
    guard let moved else { return Words(verbatim: "") }
    if moved.labels["route"] == series["route"] {
        let status = moved.labels["status"] ?? ""
        return Words(
            ": it was counted under status=\"\(status)\" instead",
            id: ": ia dihitung di bawah status=\"\(status)\"")
    }
    let route = moved.labels["route"] ?? ""
    return Words(
        ": it was counted under route=\"\(route)\" instead, a series of its own",
        id: ": ia dihitung di bawah route=\"\(route)\", sebuah series tersendiri")
}

private let exposition = Words(
    "GET /metrics answers 200 in the Prometheus text format 0.0.4, with http_requests_total a counter, http_request_duration_seconds a histogram and http_requests_in_flight a gauge",
    id:
        "GET /metrics menjawab 200 dalam format teks Prometheus 0.0.4, dengan http_requests_total sebuah counter, http_request_duration_seconds sebuah histogram, dan http_requests_in_flight sebuah gauge"
)

private let byTemplateHint = Words(
    "Label with the route template, RouteTemplates.template(for: request.path): /orders/7 and /orders/8 are one series, {method=\"GET\",route=\"/orders/:id\",status=\"200\"}. The labels are exactly method, route and status, given in the order they were registered.",
    id:
        "Beri label dengan template route, RouteTemplates.template(for: request.path): /orders/7 dan /orders/8 adalah satu series, {method=\"GET\",route=\"/orders/:id\",status=\"200\"}. Label-nya tepat method, route, dan status, diberikan dengan urutan saat didaftarkan."
)

private let refusalHint = Words(
    "A refusal reaches the middleware as an HTTPError thrown by next(request): catch it, count it with error.status.code, and throw it again. A counter that only sees returned answers misses every 404 and 422, the requests an alert is written for.",
    id:
        "Penolakan sampai ke middleware sebagai HTTPError yang dilempar oleh next(request): tangkap, hitung dengan error.status.code, lalu lempar lagi. Counter yang hanya melihat jawaban yang di-return melewatkan setiap 404 dan 422, request yang justru dibuatkan alert."
)

let ops04Metrics = ExerciseTests("ops04-metrics") {
    Check(
        Words(
            "the checkout still takes orders and shows them",
            id: "checkout-nya tetap menerima pesanan dan menampilkannya")
    ) { t in
        let order = try Shop.placeOrder(t)
        try t.http.get("/orders/\(order)").expectStatus(200)
    }.asGuard()

    Check(
        exposition,
        hint: Words(
            "Register the three in init with registry.counter(…), registry.histogram(…) and registry.gauge(…), keep them in properties, and answer GET /metrics with registry.response(): it writes the text and the Content-Type Prometheus expects.",
            id:
                "Daftarkan ketiganya di init dengan registry.counter(…), registry.histogram(…), dan registry.gauge(…), simpan di property, lalu jawab GET /metrics dengan registry.response(): ia menulis teksnya dan Content-Type yang diharapkan Prometheus."
        )
    ) { t in
        let first = try scrape(t)
        let expected = [counterName: "counter", histogramName: "histogram", gaugeName: "gauge"]
        for (name, type) in expected.sorted(by: { $0.key < $1.key }) {
            let found = try requireValue(
                first.metrics.types[name],
                Words(
                    "there is no \(name) in /metrics (no # TYPE \(name) \(type) line)",
                    id: "tidak ada \(name) di /metrics (tidak ada baris # TYPE \(name) \(type))"),
                response: first.answer)
            try require(
                found == type,
                Words("\(name) is a \(found), not a \(type)", id: "\(name) adalah \(found), bukan \(type)"),
                response: first.answer)
        }
    }

    Check(
        Words(
            "requests are counted by route template: three GET /orders/<id> add exactly 3 to http_requests_total{method=\"GET\",route=\"/orders/:id\",status=\"200\"}, one POST /orders 1 to its 201",
            id:
                "request dihitung per template route: tiga GET /orders/<id> menambah tepat 3 ke http_requests_total{method=\"GET\",route=\"/orders/:id\",status=\"200\"}, satu POST /orders menambah 1 ke 201-nya"
        ),
        hint: byTemplateHint,
        needs: exposition.en
    ) { t in
        let first = try Shop.placeOrder(t, customer: "Ayu")
        let second = try Shop.placeOrder(t, customer: "Budi")
        let before = try scrape(t)
        try t.http.get("/orders/\(first)").expectStatus(200)
        try t.http.get("/orders/\(second)").expectStatus(200)
        try t.http.get("/orders/\(first)").expectStatus(200)
        _ = try Shop.placeOrder(t, customer: "Citra")
        let after = try scrape(t)
        try expectCounted(
            3, "GET /orders/\(first), /orders/\(second), /orders/\(first)", labels("GET", "/orders/:id", 200),
            before: before, after: after, hint: byTemplateHint)
        try expectCounted(
            1, "POST /orders", labels("POST", "/orders", 201), before: before, after: after,
            hint: byTemplateHint)
    }

    Check(
        Words(
            "refusals are counted under their own status: a 404, a 422 and a refused webhook each add 1 to their series",
            id:
                "penolakan dihitung di bawah status-nya sendiri: 404, 422, dan webhook yang ditolak masing-masing menambah 1 ke series-nya"
        ),
        hint: refusalHint,
        needs: exposition.en
    ) { t in
        let before = try scrape(t)
        try t.http.get("/orders/999999").expectStatus(404)
        try t.http.post("/orders", json: ["customer": "Dewi", "amount": -5]).expectStatus(422)
        let refused = try Shop.deliver(t, Data("{}".utf8), signature: "t=1,v1=00")
        try require(
            (400..<500).contains(refused.status),
            Words(
                "a webhook with a forged signature should be refused with a 4xx (step 1 of Module 6)",
                id: "webhook dengan tanda tangan palsu seharusnya ditolak dengan 4xx (langkah 1 Modul 6)"),
            response: refused)
        let after = try scrape(t)
        try expectCounted(
            1, "GET /orders/999999 (404)", labels("GET", "/orders/:id", 404), before: before, after: after,
            hint: refusalHint)
        try expectCounted(
            1, "POST /orders with a negative amount (422)", labels("POST", "/orders", 422), before: before,
            after: after, hint: refusalHint)
        try expectCounted(
            1, "POST /webhooks/payments with a forged signature (\(refused.status))",
            labels("POST", "/webhooks/payments", refused.status), before: before, after: after,
            hint: refusalHint)
    }

    Check(
        Words(
            "a request that fails with 500 is counted under status 500",
            id: "request yang gagal dengan 500 dihitung di bawah status 500"),
        hint: Words(
            "An error that is not an HTTPError is a failure: BackendKit answers it with 500. Catch it apart (catch { … }), count it with status 500 and throw it again; the failures are what an error-rate alert counts.",
            id:
                "Error yang bukan HTTPError adalah kegagalan: BackendKit menjawabnya dengan 500. Tangkap secara terpisah (catch { … }), hitung dengan status 500, lalu lempar lagi; kegagalan itulah yang dihitung alert error rate."
        ),
        needs: exposition.en
    ) { t in
        let first = try Shop.placeOrder(t, customer: "Eka")
        let second = try Shop.placeOrder(t, customer: "Fajar")
        try Shop.deliver(t, Shop.paidEvent("evt_ops_m\(first)", order: first, paymentID: "pay_m_\(first)"))
            .expectStatus(200)
        let before = try scrape(t)
        // One payment cannot pay two orders (a unique index): the database refuses the second
        // delivery, and the handler lets that error escape, so BackendKit answers 500.
        try Shop.deliver(t, Shop.paidEvent("evt_ops_n\(second)", order: second, paymentID: "pay_m_\(first)"))
            .expectStatus(500)
        let after = try scrape(t)
        try expectCounted(
            1, "a webhook that failed with 500", labels("POST", "/webhooks/payments", 500), before: before,
            after: after,
            hint: Words(
                "Count the errors that are not HTTPError too, with status 500, before you throw them again.",
                id:
                    "Hitung juga error yang bukan HTTPError, dengan status 500, sebelum kamu melemparnya lagi."
            ))
    }

    Check(
        Words(
            "a scanner's 30 different paths and 10 unknown order ids add at most two series to each metric, not 40: route \"unmatched\" and \"/orders/:id\"",
            id:
                "30 path berbeda dari scanner dan 10 id pesanan yang tidak ada menambah paling banyak dua series ke setiap metric, bukan 40: route \"unmatched\" dan \"/orders/:id\""
        ),
        hint: Words(
            "Every label value makes a series of its own, kept by Prometheus for weeks: a path no route matches is AccessLog.unmatched, never request.path, in the counter and in the histogram alike. Anyone can send you a million different paths.",
            id:
                "Setiap nilai label membuat series sendiri, yang disimpan Prometheus berminggu-minggu: path yang tidak cocok dengan route mana pun adalah AccessLog.unmatched, jangan pernah request.path, di counter maupun di histogram. Siapa saja bisa mengirimimu sejuta path berbeda."
        ),
        needs: exposition.en
    ) { t in
        let before = try scrape(t)
        for index in 1...30 {
            _ = try t.http.get(index % 3 == 0 ? "/wp-login-\(index).php" : "/scan/\(index)").expectStatus(404)
        }
        for id in 700_001...700_010 { _ = try t.http.get("/orders/\(id)").expectStatus(404) }
        let after = try scrape(t)
        for name in [counterName, histogramName + "_count"] {
            let added = after.seriesCount(name) - before.seriesCount(name)
            try require(
                added <= 2,
                Words(
                    "40 requests for 40 different paths added \(added) series to \(name): one for each path no route has, instead of one, \"unmatched\". Its series now:\n\(after.listing(name))",
                    id:
                        "40 request untuk 40 path berbeda menambah \(added) series ke \(name): satu untuk setiap path yang tidak punya route, bukan satu, \"unmatched\". Series-nya sekarang:\n\(after.listing(name))"
                ), response: after.answer)
        }
        try expectCounted(
            30, "30 paths no route has", labels("GET", AccessLogName.unmatched, 404), before: before,
            after: after,
            hint: Words(
                "A path no route matches is counted under route \"unmatched\" (AccessLog.unmatched) with its 404.",
                id:
                    "Path yang tidak cocok dengan route mana pun dihitung di route \"unmatched\" (AccessLog.unmatched) dengan 404-nya."
            ))
    }

    Check(
        Words(
            "every request is in the histogram too: for each route, http_request_duration_seconds_count equals the sum of its http_requests_total",
            id:
                "setiap request juga ada di histogram: untuk setiap route, http_request_duration_seconds_count sama dengan jumlah http_requests_total-nya"
        ),
        hint: Words(
            "Observe the duration wherever you count the request: after an answer, an HTTPError and any other error alike. One private function that does both keeps them from drifting apart.",
            id:
                "Catat durasinya di setiap tempat kamu menghitung request: setelah jawaban, HTTPError, maupun error lain. Satu fungsi private yang melakukan keduanya menjaga supaya keduanya tidak berbeda."
        ),
        needs: exposition.en
    ) { t in
        let order = try Shop.placeOrder(t, customer: "Gita")
        try t.http.get("/orders/\(order)").expectStatus(200)
        try t.http.get("/orders/\(order)/ledger").expectStatus(200)
        try t.http.get("/orders/888888").expectStatus(404)
        try t.http.post("/orders", json: ["customer": "", "amount": 1000]).expectStatus(422)
        _ = try t.http.get("/nothing-here")
        let after = try scrape(t)
        var counted: [String: Double] = [:]
        for sample in after.metrics.samples(named: counterName) {
            counted[sample.labels["route"] ?? "", default: 0] += sample.value
        }
        for route in ["/orders", "/orders/:id", "/orders/:id/ledger", AccessLogName.unmatched] {
            let observed = after.value(histogramName + "_count", ["route": route])
            try require(
                observed == counted[route, default: 0],
                Words(
                    "route \(route): http_requests_total adds up to \(Scrape.number(counted[route, default: 0])) requests, but \(histogramName)_count{route=\"\(route)\"} is \(Scrape.number(observed)). The histogram's counts:\n\(after.listing(histogramName + "_count"))",
                    id:
                        "route \(route): http_requests_total berjumlah \(Scrape.number(counted[route, default: 0])) request, tapi \(histogramName)_count{route=\"\(route)\"} bernilai \(Scrape.number(observed)). Hitungan histogram-nya:\n\(after.listing(histogramName + "_count"))"
                ), response: after.answer)
        }
    }

    Check(
        Words(
            "durations are in seconds: an order that waits 400 ms for the database's lock lands above the 0.25 bucket, within 2.5, and adds 0.3 to 2.5 to _sum",
            id:
                "durasi dalam detik: pesanan yang menunggu lock database selama 400 ms masuk di atas bucket 0.25, di dalam 2.5, dan menambah 0.3 sampai 2.5 ke _sum"
        ),
        hint: Words(
            "Take ContinuousClock.now before next(request) and observe the Duration itself, duration.observe(ContinuousClock.now - started, labels: [route]): BackendKit turns it into seconds, the unit Prometheus expects. Milliseconds (400) land in +Inf only, and every dashboard reads them as minutes.",
            id:
                "Ambil ContinuousClock.now sebelum next(request) dan catat Duration-nya langsung, duration.observe(ContinuousClock.now - started, labels: [route]): BackendKit mengubahnya menjadi detik, satuan yang diharapkan Prometheus. Milidetik (400) hanya masuk ke +Inf, dan setiap dashboard membacanya sebagai menit."
        ),
        needs: exposition.en
    ) { t in
        _ = try Shop.placeOrder(t, customer: "Hadi")
        let before = try scrape(t)
        let results = try t.concurrently(1, holdingWriteLockFor: .milliseconds(400)) { _ in
            try t.http.post("/orders", json: ["customer": "Indah", "amount": .number(Double(Shop.amount))])
        }
        _ = try results[0].get().expectStatus(201)
        let after = try scrape(t)
        let route = ["route": "/orders"]
        func grown(_ name: String, _ labels: [String: String]) -> Double {
            after.value(name, labels) - before.value(name, labels)
        }
        let fast = grown(histogramName + "_bucket", route.merging(["le": "0.25"]) { $1 })
        let within = grown(histogramName + "_bucket", route.merging(["le": "2.5"]) { $1 })
        let sum = grown(histogramName + "_sum", route)
        try require(
            after.metrics.value(histogramName + "_bucket", route.merging(["le": "0.25"]) { $1 }) != nil
                && after.metrics.value(histogramName + "_bucket", route.merging(["le": "2.5"]) { $1 }) != nil,
            Words(
                "\(histogramName){route=\"/orders\"} has no buckets le=\"0.25\" and le=\"2.5\": register it with buckets: Histogram.defaultBuckets",
                id:
                    "\(histogramName){route=\"/orders\"} tidak punya bucket le=\"0.25\" dan le=\"2.5\": daftarkan dengan buckets: Histogram.defaultBuckets"
            ), response: after.answer)
        try require(
            fast == 0 && within == 1 && sum >= 0.3 && sum <= 2.5,
            Words(
                "the order waited about 0.4 s, but it added \(Scrape.number(fast)) to the le=\"0.25\" bucket (expected 0), \(Scrape.number(within)) to le=\"2.5\" (expected 1) and \(sum) to _sum (expected about 0.4)"
                    + (sum > 2.5 ? ": that is milliseconds, not seconds" : "")
                    + (fast > 0 ? ": the time was measured without the wait for the database" : ""),
                id:
                    "pesanan itu menunggu sekitar 0,4 detik, tapi ia menambah \(Scrape.number(fast)) ke bucket le=\"0.25\" (seharusnya 0), \(Scrape.number(within)) ke le=\"2.5\" (seharusnya 1), dan \(sum) ke _sum (seharusnya sekitar 0,4)"
                    + (sum > 2.5 ? ": itu milidetik, bukan detik" : "")
                    + (fast > 0 ? ": waktunya diukur tanpa penantian database" : "")
            ), response: after.answer)
    }

    Check(
        Words(
            "http_requests_in_flight counts the requests being answered: 1 during a scrape (the scrape itself), and 1 again after three refused requests",
            id:
                "http_requests_in_flight menghitung request yang sedang dijawab: 1 selama scrape (scrape itu sendiri), dan 1 lagi setelah tiga request yang ditolak"
        ),
        hint: Words(
            "inFlight.increment() before next(request), and defer { inFlight.decrement() } right after it: defer runs on every way out, a return and a throw alike. A gauge that goes up and not down on a 404 climbs for ever, and the alert on it fires on a quiet night.",
            id:
                "inFlight.increment() sebelum next(request), lalu defer { inFlight.decrement() } tepat setelahnya: defer berjalan di setiap jalan keluar, baik return maupun throw. Gauge yang naik tapi tidak turun pada 404 terus naik selamanya, dan alert-nya berbunyi di malam yang sepi."
        ),
        needs: exposition.en
    ) { t in
        let idle = try scrape(t)
        try require(
            idle.value(gaugeName) == 1,
            Words(
                "while the grader's GET /metrics was being answered, \(gaugeName) was \(Scrape.number(idle.value(gaugeName))), not 1 (that request itself)",
                id:
                    "selama GET /metrics dari grader sedang dijawab, \(gaugeName) bernilai \(Scrape.number(idle.value(gaugeName))), bukan 1 (request itu sendiri)"
            ), response: idle.answer)
        try t.http.get("/orders/777777").expectStatus(404)
        _ = try t.http.get("/scan/in-flight")
        try t.http.post("/orders", json: ["customer": "Joko"]).expectStatus(422)
        let later = try scrape(t)
        try require(
            later.value(gaugeName) == 1,
            Words(
                "after three refused requests (two 404s, a 422) were answered, \(gaugeName) is \(Scrape.number(later.value(gaugeName))), not 1: each refusal left one behind",
                id:
                    "setelah tiga request yang ditolak (dua 404, satu 422) dijawab, \(gaugeName) bernilai \(Scrape.number(later.value(gaugeName))), bukan 1: setiap penolakan meninggalkan satu"
            ), response: later.answer)
    }
}

/// The `route` of a request no route answers, as `AccessLog.unmatched` names it in the server.
private enum AccessLogName {
    static let unmatched = "unmatched"
}
