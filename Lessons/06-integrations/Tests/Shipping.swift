import BackendKit
import Foundation
import GraderKit

/// Helpers for the checks from step 3 on, where the grader also plays the shipping company's rate
/// API (`GET /rates?postcode=…&value=…`), answering well, slowly, or not at all.
enum Shipping {
    /// The budget the lesson states for one quote: the whole call within 2 seconds.
    static let budget: Duration = .seconds(2)
    /// How long a check waits for an answer when the API misbehaves: the budget and 75% more. A
    /// server within budget answers at 2 s at the latest (at 1 s when the API is silent); one with
    /// the client's defaults (5 s of silence, 10 s in all) or a budget of its own is far past it.
    static let bound: Duration = .milliseconds(3500)
    static let postcode = "40115"
    /// What the API answers for a parcel to Bandung: a price no other line of the lesson has.
    static let quote: JSONValue = ["service": "REG", "price": 18_500, "estimated_days": 2]

    /// A new fake shipping API, and the server restarted with its URL in SHIPPING_URL.
    static func start(_ t: TestContext, environment: [String: String] = [:]) throws -> FakeUpstream {
        let api = try t.fakeUpstream("shipping")
        try Checkout.start(
            t, environment: environment.merging(["SHIPPING_URL": api.url]) { given, _ in given })
        return api
    }

    /// `GET /orders/:id/shipping?postcode=40115`, waiting at most `bound`. When no answer comes
    /// in time, the check fails naming what the API did (`while`), and, when the server called the
    /// API more than once, the retries.
    static func ask(_ t: TestContext, order: Int, api: FakeUpstream, while what: Words) throws -> (
        response: ClientResponse, took: Duration
    ) {
        try timed(
            t, "GET /orders/\(order)/shipping", api: api, path: "/rates", bound: bound, while: what,
            hint: timeoutsHint
        ) {
            try t.http.get("/orders/\(order)/shipping?postcode=\(postcode)")
        }
    }

    /// `POST /orders/:id/shipment` (step 4 on), waiting at most `shipmentBound`.
    static func ship(_ t: TestContext, order: Int, api: FakeUpstream, while what: Words) throws -> (
        response: ClientResponse, took: Duration
    ) {
        try timed(
            t, "POST /orders/\(order)/shipment", api: api, path: "/shipments", bound: shipmentBound,
            while: what,
            hint: retriesHint
        ) {
            try t.http.post("/orders/\(order)/shipment", json: ["postcode": .string(postcode)])
        }
    }

    /// The longest a shipment may take in the checks: three pauses of at most 100, 200 and 400 ms,
    /// or one Retry-After of 1 s, and four quick answers, with room for a busy machine.
    static let shipmentBound: Duration = .seconds(4)

    static let retriesHint = Words(
        "Stop after Retry.maxAttempts calls (4), and never wait a Retry-After longer than Retry.maxRetryAfter (2 s): answer 502 instead. A retry loop without a bound keeps the customer waiting and hammers a service that is down.",
        id:
            "Berhenti setelah Retry.maxAttempts panggilan (4), dan jangan pernah menunggu Retry-After yang lebih lama dari Retry.maxRetryAfter (2 detik): jawab 502 saja. Loop retry tanpa batas membuat pelanggan terus menunggu dan menghantam layanan yang sedang mati."
    )

    /// Sends `request`, waiting at most `bound`; a timeout fails the check with `what` the API did,
    /// and the number of calls it got when there was more than one.
    static func timed(
        _ t: TestContext, _ requestLine: String, api: FakeUpstream, path: String, bound: Duration,
        while what: Words, hint: Words,
        _ request: () throws -> ClientResponse
    ) throws -> (response: ClientResponse, took: Duration) {
        let before = api.requests(to: path).count
        let saved = t.http.timeout
        t.http.timeout = bound
        defer { t.http.timeout = saved }
        let started = ContinuousClock.now
        do {
            let response = try request()
            return (response, ContinuousClock.now - started)
        } catch let failure as CheckFailure {
            let took = ContinuousClock.now - started
            guard took >= bound - .milliseconds(100) else { throw failure }
            let calls = api.requests(to: path).count - before
            if calls > 1 {
                throw CheckFailure(
                    Words(
                        "\(requestLine) gave no answer within \(seconds(bound)) while the shipping API \(what.en), and your server called the API \(calls) times for this one request: it retries instead of answering",
                        id:
                            "\(requestLine) tidak menjawab dalam \(seconds(bound)) saat API pengiriman \(what[.id]), dan server kamu memanggil API itu \(calls) kali untuk satu request ini: ia mengulang, bukan menjawab"
                    ),
                    hint: path == "/rates" ? onceHint : retriesHint, exchange: failure.exchange)
            }
            throw CheckFailure(
                Words(
                    "\(requestLine) gave no answer within \(seconds(bound)) while the shipping API \(what.en): the budget is \(seconds(budget)) for each call, and the customer is waiting",
                    id:
                        "\(requestLine) tidak menjawab dalam \(seconds(bound)) saat API pengiriman \(what[.id]): batasnya \(seconds(budget)) untuk setiap panggilan, dan pelanggan sedang menunggu"
                ), hint: hint, exchange: failure.exchange)
        }
    }

    static let onceHint = Words(
        "Call the API once per quote and answer its failure at once (504 or 502). A loop that tries again at once hammers a service that is already in trouble, and the customer waits forever; step 4 retries the safe way, with a budget.",
        id:
            "Panggil API-nya sekali per quote dan jawab kegagalannya segera (504 atau 502). Loop yang langsung mencoba lagi menghantam layanan yang sedang bermasalah, dan pelanggan menunggu selamanya; langkah 4 mengulang dengan cara yang aman, dengan batas."
    )

    static let timeoutsHint = Words(
        "Set ShippingRates.timeouts to the lesson's budget: OutboundClient.Timeouts(connect: .milliseconds(500), read: .seconds(1), total: .seconds(2)). Without them the client waits its defaults, 5 s of silence and 10 s in all; the read timeout alone never ends an answer that keeps sending a byte now and then.",
        id:
            "Atur ShippingRates.timeouts sesuai batas di pelajaran: OutboundClient.Timeouts(connect: .milliseconds(500), read: .seconds(1), total: .seconds(2)). Tanpa itu client menunggu sesuai default-nya, 5 detik hening dan 10 detik total; read timeout saja tidak pernah menghentikan jawaban yang terus mengirim satu byte sesekali."
    )

    /// "3.5 s", "0.42 s": a duration as learners read it in both languages (the SI symbol).
    static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        let value = Double(whole) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.2f s", value)
    }

    /// Expects the answer to a failed call: `status`, and the hint that names the mapping.
    static func expectFailure(_ response: ClientResponse, _ status: Int, what: Words) throws {
        guard response.status != status else { return }
        let named = status == 504 ? "504 Gateway Timeout" : "502 Bad Gateway"
        throw response.failure(
            Words(
                "answered \(response.status) when the shipping API \(what.en); expected \(named)",
                id: "dijawab \(response.status) saat API pengiriman \(what[.id]); seharusnya \(named)"),
            hint: Words(
                "Catch the OutboundError of client.get: a timeout (error.isTimeout) is 504 Gateway Timeout, any other failure 502 Bad Gateway, and so is an answer that is not a success or not a quote. An error you let through becomes 500, which says your own code broke.",
                id:
                    "Tangkap OutboundError dari client.get: timeout (error.isTimeout) adalah 504 Gateway Timeout, kegagalan lain 502 Bad Gateway, begitu juga jawaban yang bukan sukses atau bukan quote. Error yang kamu biarkan lolos menjadi 500, yang berarti kode kamu sendiri yang rusak."
            ))
    }
}

/// Set once from one thread, read from another.
final class Flag: @unchecked Sendable {
    // @unchecked Sendable: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
