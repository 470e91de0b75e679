import BackendKit
import Foundation
import GraderKit

/// The check that shows a shipment is made at all; the retry checks need it.
private let ships = Words(
    "POST /orders/:id/shipment asks the shipping API once, with an Idempotency-Key, and answers 201 with the tracking number",
    id:
        "POST /orders/:id/shipment bertanya ke API pengiriman sekali, dengan Idempotency-Key, dan menjawab 201 dengan nomor resinya"
)

private let retriesOnce = Words(
    "a shipping API that answers 503, then resets the connection, is called again until it makes the label: three calls with one Idempotency-Key",
    id:
        "API pengiriman yang menjawab 503, lalu me-reset koneksi, dipanggil lagi sampai ia membuat label-nya: tiga panggilan dengan satu Idempotency-Key"
)

private let backsOff = Words(
    "the pauses between retries are a backoff from 0 up to 100, 200 and 400 ms: not at once, and not longer",
    id:
        "jeda di antara retry adalah backoff dari 0 sampai 100, 200, dan 400 ms: tidak langsung, dan tidak lebih lama"
)

private let retryAfter = Words(
    "a 503 with Retry-After: 1 is retried after that second, not sooner",
    id: "503 dengan Retry-After: 1 di-retry setelah satu detik itu, tidak lebih cepat")

private let keyHint = Words(
    "Make the key once, before the loop, from what the operation is: \"order-\\(order.id)-shipment\". Send it as the Idempotency-Key header of every attempt: the API makes one label per key. A new key (a UUID) per attempt or per request makes every retry a new label.",
    id:
        "Buat key-nya sekali, sebelum loop, dari apa operasinya: \"order-\\(order.id)-shipment\". Kirim sebagai header Idempotency-Key di setiap percobaan: API-nya membuat satu label per key. Key baru (UUID) di setiap percobaan atau setiap request membuat setiap retry menjadi label baru."
)

/// The label the fake shipping API makes.
private let label: UpstreamBehaviour = .json(["tracking_number": "JX0001ID"], status: 201)

/// The lesson's Retry.maxAttempts: the first call and three retries.
private let maxAttempts = 4

/// The ceilings of the three pauses: `Retry.baseDelay × 2^(retry - 1)`.
private let ceilings: [Duration] = [.milliseconds(100), .milliseconds(200), .milliseconds(400)]

/// The pauses of the backoff check, per shipment, kept for the jitter check that reads them.
private final class Pauses: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: [[Duration]] = []

    var all: [[Duration]] {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// Every call the API got, grouped by Idempotency-Key, in arrival order.
private func callsByKey(_ api: FakeUpstream) -> [String: [UpstreamRequest]] {
    Dictionary(grouping: api.requests(to: "/shipments")) { $0.headers["Idempotency-Key"] ?? "" }
}

private func milliseconds(_ pauses: [Duration]) -> String {
    pauses.map { duration in
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) ms"
    }.joined(separator: ", ")
}

let retries = ExerciseTests("int04-retries") {
    let pauses = Pauses()

    Check(
        ships,
        hint: Words(
            "client.post(\"/shipments\", json: [\"order_id\": …, \"postcode\": …, \"value\": …], headers: [\"Idempotency-Key\": key]), then decode the 201's Shipment and return it.",
            id:
                "client.post(\"/shipments\", json: [\"order_id\": …, \"postcode\": …, \"value\": …], headers: [\"Idempotency-Key\": key]), lalu decode Shipment dari jawaban 201 dan kembalikan."
        )
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [label])
        let order = try Checkout.placeOrder(t)
        let (response, _) = try Shipping.ship(
            t, order: order, api: api, while: Words("answered at once", id: "langsung menjawab"))
        try response.expectStatus(201)
        try requireEqual(
            try response.json()["tracking_number"]?.string, "JX0001ID",
            Words("the tracking number in the answer", id: "nomor resi di jawabannya"), response: response)
        let calls = api.requests(to: "/shipments")
        try requireEqual(
            calls.count, 1,
            Words(
                "the calls the shipping API got for one shipment",
                id: "panggilan yang diterima API pengiriman untuk satu pengiriman"),
            response: response)
        let body = calls[0].json
        try require(
            body?["order_id"]?.int == order && body?["postcode"]?.string == Shipping.postcode
                && body?["value"]?.int == Checkout.amount,
            Words(
                "POST /shipments was sent \(calls[0].text); expected {\"order_id\": \(order), \"postcode\": \"\(Shipping.postcode)\", \"value\": \(Checkout.amount)}",
                id:
                    "POST /shipments dikirim dengan \(calls[0].text); seharusnya {\"order_id\": \(order), \"postcode\": \"\(Shipping.postcode)\", \"value\": \(Checkout.amount)}"
            ), response: response)
        try require(
            !(calls[0].headers["Idempotency-Key"] ?? "").isEmpty,
            Words(
                "POST /shipments was sent without an Idempotency-Key: a POST sent again without one makes a second label, and the customer pays for two parcels",
                id:
                    "POST /shipments dikirim tanpa Idempotency-Key: POST yang dikirim ulang tanpa key membuat label kedua, dan pelanggan membayar dua paket"
            ), hint: keyHint, response: response)
    }

    Check(retriesOnce, hint: keyHint, needs: ships.en) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [.status(503), .reset, label])
        let order = try Checkout.placeOrder(t)
        let (response, _) = try Shipping.ship(
            t, order: order, api: api,
            while: Words("answered 503, then reset the connection", id: "menjawab 503, lalu me-reset koneksi")
        )
        let calls = api.requests(to: "/shipments")
        guard response.status == 201 else {
            throw response.failure(
                Words(
                    "answered \(response.status) after \(calls.count) calls; the third call would have made the label, expected 201",
                    id:
                        "dijawab \(response.status) setelah \(calls.count) panggilan; panggilan ketiga akan membuat label-nya, seharusnya 201"
                ),
                hint: Words(
                    "A 503 and a reset connection are failures of the moment: with the Idempotency-Key, send the same request again, up to Retry.maxAttempts (4) calls in all.",
                    id:
                        "503 dan koneksi yang di-reset adalah kegagalan sesaat: dengan Idempotency-Key, kirim request yang sama lagi, sampai Retry.maxAttempts (4) panggilan seluruhnya."
                ))
        }
        try requireEqual(
            calls.count, 3,
            Words("the calls the shipping API got", id: "panggilan yang diterima API pengiriman"),
            response: response)
        let keys = calls.map { $0.headers["Idempotency-Key"] ?? "(none)" }
        try require(
            Set(keys).count == 1,
            Words(
                "the three calls carried the Idempotency-Keys \(keys.joined(separator: ", ")): every attempt of one operation must carry the same key, or the API makes a label for each",
                id:
                    "ketiga panggilan membawa Idempotency-Key \(keys.joined(separator: ", ")): setiap percobaan dari satu operasi harus membawa key yang sama, kalau tidak API-nya membuat label untuk masing-masing"
            ), hint: keyHint, response: response)
    }

    Check(
        Words(
            "a second POST for the same order sends the same Idempotency-Key, so the API makes one label for the order",
            id:
                "POST kedua untuk pesanan yang sama mengirim Idempotency-Key yang sama, jadi API-nya membuat satu label untuk pesanan itu"
        ),
        hint: keyHint,
        needs: ships.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [label])
        let order = try Checkout.placeOrder(t)
        let what = Words("answered at once", id: "langsung menjawab")
        for _ in 1...2 {
            try Shipping.ship(t, order: order, api: api, while: what).response.expectStatus(201)
        }
        let keys = api.requests(to: "/shipments").map { $0.headers["Idempotency-Key"] ?? "(none)" }
        try require(
            Set(keys).count == 1,
            Words(
                "two POST /orders/\(order)/shipment sent the Idempotency-Keys \(keys.joined(separator: " and ")): a customer whose first request timed out and who clicks again gets a second label",
                id:
                    "dua POST /orders/\(order)/shipment mengirim Idempotency-Key \(keys.joined(separator: " dan ")): pelanggan yang request pertamanya timeout lalu mengklik lagi mendapat label kedua"
            ))
    }

    Check(
        Words(
            "a 400 or 422 from the shipping API is not retried: one call, and 502",
            id: "400 atau 422 dari API pengiriman tidak di-retry: satu panggilan, lalu 502"),
        hint: Words(
            "Retry only 408, 429, 500, 502, 503 and 504. A 400 or 422 says the request itself is wrong: sent again, it gets the same answer, and only adds load.",
            id:
                "Retry hanya 408, 429, 500, 502, 503, dan 504. 400 atau 422 berarti request-nya sendiri yang salah: dikirim lagi, ia mendapat jawaban yang sama, dan hanya menambah beban."
        ),
        needs: ships.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(
            .post, "/shipments",
            [
                .json(["error": "postcode_not_served"], status: 422),
                .json(["error": "bad_request"], status: 400),
                label,
            ])
        for status in [422, 400] {
            let order = try Checkout.placeOrder(t)
            let before = api.requests(to: "/shipments").count
            let what = Words("answered \(status)", id: "menjawab \(status)")
            let (response, _) = try Shipping.ship(t, order: order, api: api, while: what)
            let calls = api.requests(to: "/shipments").count - before
            try require(
                calls == 1,
                Words(
                    "the shipping API answered \(status) and your server called it \(calls) times for one shipment",
                    id:
                        "API pengiriman menjawab \(status) dan server kamu memanggilnya \(calls) kali untuk satu pengiriman"
                ), response: response)
            try Shipping.expectFailure(response, 502, what: what)
        }
    }

    Check(
        Words(
            "a shipping API that keeps answering 503 gets at most 4 calls, then the customer gets 502",
            id:
                "API pengiriman yang terus menjawab 503 mendapat paling banyak 4 panggilan, lalu pelanggan mendapat 502"
        ),
        hint: Shipping.retriesHint,
        needs: retriesOnce.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [.status(503)])
        let order = try Checkout.placeOrder(t)
        let what = Words("kept answering 503", id: "terus menjawab 503")
        let (response, _) = try Shipping.ship(t, order: order, api: api, while: what)
        let calls = api.requests(to: "/shipments").count
        try require(
            calls == maxAttempts,
            Words(
                "the shipping API that kept answering 503 got \(calls) calls for one shipment; expected \(maxAttempts): the first and three retries",
                id:
                    "API pengiriman yang terus menjawab 503 mendapat \(calls) panggilan untuk satu pengiriman; seharusnya \(maxAttempts): yang pertama dan tiga retry"
            ), hint: Shipping.retriesHint, response: response)
        try Shipping.expectFailure(response, 502, what: what)
    }

    Check(
        backsOff,
        hint: Words(
            "Before retry n, try await Task.sleep(for: Retry.backoff(retry: n)), where backoff is random from 0 to 100 ms × 2^(n-1). Retrying at once hammers a service that is trying to recover; waiting seconds keeps the customer waiting.",
            id:
                "Sebelum retry ke-n, try await Task.sleep(for: Retry.backoff(retry: n)), dengan backoff acak dari 0 sampai 100 ms × 2^(n-1). Retry yang langsung menghantam layanan yang sedang berusaha pulih; menunggu berdetik-detik membuat pelanggan menunggu."
        ),
        needs: retriesOnce.en,
        timeout: .seconds(30)
    ) { t in
        let api = try Shipping.start(t)
        let shipments = 4
        let failing: [UpstreamBehaviour] = [.status(503), .status(503), .status(503), label]
        try api.on(.post, "/shipments", Array(repeating: failing, count: shipments).flatMap { $0 })
        for _ in 1...shipments {
            let order = try Checkout.placeOrder(t)
            let what = Words("answered 503 three times", id: "menjawab 503 tiga kali")
            try Shipping.ship(t, order: order, api: api, while: what).response.expectStatus(201)
        }
        let all = api.requests(to: "/shipments")
        try require(
            all.count == shipments * 4,
            Words(
                "the shipping API got \(all.count) calls for \(shipments) shipments that each failed three times; expected \(shipments * 4)",
                id:
                    "API pengiriman mendapat \(all.count) panggilan untuk \(shipments) pengiriman yang masing-masing gagal tiga kali; seharusnya \(shipments * 4)"
            ))
        // Grouped by key: the key check passed, so each shipment's calls share one key.
        let gaps = callsByKey(api).values.map(\.gaps)
        // Full jitter pauses 0 to 700 ms per shipment, 350 ms on average: 1.4 s for four. Less than
        // 300 ms in all is a pause that never happened (a total that small has odds below 1 in 10^6).
        let total = gaps.flatMap { $0 }.reduce(Duration.zero, +)
        try require(
            total >= .milliseconds(300),
            Words(
                "the \(shipments * 3) retries paused \(Shipping.seconds(total)) in all (\(gaps.map { milliseconds($0) }.joined(separator: "; "))): they come at once, hammering an API that is trying to recover",
                id:
                    "\(shipments * 3) retry itu berhenti \(Shipping.seconds(total)) seluruhnya (\(gaps.map { milliseconds($0) }.joined(separator: "; "))): semuanya langsung datang, menghantam API yang sedang berusaha pulih"
            ))
        // Each pause is at most its ceiling; 300 ms more is a call's own time on a busy machine.
        for shipment in gaps {
            for (index, gap) in shipment.enumerated() where index < ceilings.count {
                try require(
                    gap <= ceilings[index] + .milliseconds(300),
                    Words(
                        "retry \(index + 1) came \(milliseconds([gap])) after the call before it (\(milliseconds(shipment))); its pause is at most \(milliseconds([ceilings[index]]))",
                        id:
                            "retry ke-\(index + 1) datang \(milliseconds([gap])) setelah panggilan sebelumnya (\(milliseconds(shipment))); jedanya paling lama \(milliseconds([ceilings[index]]))"
                    ))
            }
        }
        pauses.all = gaps
    }

    Check(
        Words(
            "the pauses are jittered: the retries of several shipments do not come at the same moments",
            id: "jedanya diberi jitter: retry dari beberapa pengiriman tidak datang pada saat yang sama"),
        hint: Words(
            "Full jitter: a random pause from 0 to the ceiling, Int.random(in: 0...ceiling), not the ceiling itself. When a service comes back, every client that waited exactly 100, 200, 400 ms arrives in the same instant, and knocks it down again.",
            id:
                "Full jitter: jeda acak dari 0 sampai batas atasnya, Int.random(in: 0...ceiling), bukan batas atas itu sendiri. Saat sebuah layanan pulih, setiap client yang menunggu tepat 100, 200, 400 ms datang pada saat yang sama, dan menjatuhkannya lagi."
        ),
        needs: backsOff.en
    ) { _ in
        let gaps = pauses.all
        // A pause of exactly its ceiling (no jitter) is never shorter than it. Full jitter makes
        // one of twelve at least 20% shorter with odds of more than 1 - 10^-7.
        let shorter = gaps.flatMap { shipment in
            shipment.enumerated().filter {
                $0.offset < ceilings.count && $0.element < ceilings[$0.offset] * 4 / 5
            }
        }
        try require(
            !shorter.isEmpty,
            Words(
                "every pause of \(gaps.count) shipments was its full ceiling (\(gaps.map { milliseconds($0) }.joined(separator: "; "))): all clients that failed together retry together",
                id:
                    "setiap jeda dari \(gaps.count) pengiriman sama dengan batas atasnya (\(gaps.map { milliseconds($0) }.joined(separator: "; "))): semua client yang gagal bersamaan juga retry bersamaan"
            ))
    }

    Check(
        retryAfter,
        hint: Words(
            "Read answer.headers[\"Retry-After\"]: a number of seconds (RFC 9110 §10.2.3). When it is there, and not more than Retry.maxRetryAfter, pause exactly that long instead of the backoff: the service told you when it can take the request.",
            id:
                "Baca answer.headers[\"Retry-After\"]: jumlah detik (RFC 9110 §10.2.3). Kalau ada, dan tidak lebih dari Retry.maxRetryAfter, berhentilah persis selama itu, bukan selama backoff: layanannya sudah memberi tahu kapan ia bisa menerima request-nya."
        ),
        needs: retriesOnce.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [.status(503, headers: ["Retry-After": "1"]), label])
        let order = try Checkout.placeOrder(t)
        let (response, _) = try Shipping.ship(
            t, order: order, api: api,
            while: Words("answered 503 with Retry-After: 1", id: "menjawab 503 dengan Retry-After: 1"))
        try response.expectStatus(201)
        let gaps = api.requests(to: "/shipments").gaps
        guard let gap = gaps.first else { return }
        try require(
            gap >= .milliseconds(950),
            Words(
                "the retry came \(milliseconds([gap])) after a 503 with Retry-After: 1; the API asked for 1000 ms",
                id:
                    "retry-nya datang \(milliseconds([gap])) setelah 503 dengan Retry-After: 1; API-nya meminta 1000 ms"
            ),
            response: response)
    }

    Check(
        Words(
            "a Retry-After longer than 2 seconds is not waited for: one call, and 502 at once",
            id: "Retry-After yang lebih lama dari 2 detik tidak ditunggu: satu panggilan, lalu langsung 502"),
        hint: Shipping.retriesHint,
        needs: retriesOnce.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.post, "/shipments", [.status(503, headers: ["Retry-After": "120"]), label])
        let order = try Checkout.placeOrder(t)
        let what = Words("answered 503 with Retry-After: 120", id: "menjawab 503 dengan Retry-After: 120")
        let (response, _) = try Shipping.ship(t, order: order, api: api, while: what)
        try Shipping.expectFailure(response, 502, what: what)
        let calls = api.requests(to: "/shipments").count
        try requireEqual(
            calls, 1,
            Words(
                "the calls the shipping API got after asking for 2 minutes of quiet",
                id: "panggilan yang diterima API pengiriman setelah meminta 2 menit tenang"),
            hint: Shipping.retriesHint, response: response)
    }

    Check(
        Words(
            "other requests are answered while a shipment pauses before its retry",
            id: "request lain tetap dijawab selama sebuah pengiriman berhenti sejenak sebelum retry-nya"),
        hint: Words(
            "Pause with try await Task.sleep(for: pause): it suspends this handler only. Thread.sleep (or usleep, or a DispatchSemaphore) holds the server's thread, and every customer on it waits out the pause too.",
            id:
                "Berhentilah sejenak dengan try await Task.sleep(for: pause): itu hanya menangguhkan handler ini. Thread.sleep (atau usleep, atau DispatchSemaphore) menahan thread server, dan setiap pelanggan di thread itu ikut menunggu jedanya."
        ),
        needs: retryAfter.en
    ) { t in
        // One event loop, so a handler that blocks its thread holds up every other request.
        let api = try Shipping.start(t, environment: ["BACKENDKIT_THREADS": "1"])
        try api.on(.post, "/shipments", [.status(503, headers: ["Retry-After": "1"]), label])
        let order = try Checkout.placeOrder(t)
        let shipped = Flag()
        let results = t.concurrently(2) { client -> (ClientResponse, Duration, Bool) in
            if client == 0 {
                defer { shipped.set() }
                let (response, took) = try Shipping.ship(
                    t, order: order, api: api,
                    while: Words("answered 503 with Retry-After: 1", id: "menjawab 503 dengan Retry-After: 1")
                )
                return (response, took, false)
            }
            // The 503 is answered at once; 300 ms later the server is well into its 1-second pause.
            _ = api.waitForRequests(1, to: "/shipments", timeout: Shipping.shipmentBound)
            Thread.sleep(forTimeInterval: 0.3)
            let started = ContinuousClock.now
            let response = try t.http.get("/orders/\(order)")
            return (response, ContinuousClock.now - started, shipped.isSet)
        }
        _ = try results[0].get()
        let (other, took, afterShipment) = try results[1].get()
        try other.expectStatus(200)
        // A blocked thread answers only when the pause is over, 700 ms later; half of that is far
        // more than a free server needs for GET /orders/:id.
        try require(
            !afterShipment && took < .milliseconds(350),
            Words(
                "GET /orders/\(order) took \(Shipping.seconds(took)) while a shipment paused before its retry: your server served no one else during the pause",
                id:
                    "GET /orders/\(order) butuh \(Shipping.seconds(took)) selama sebuah pengiriman berhenti sejenak sebelum retry-nya: server kamu tidak melayani siapa pun selama jeda itu"
            ), response: other)
    }
}
