import Foundation
import GraderKit

let upstreams = ExerciseTests("kit04-upstream") {
    Check(Words(english: "a failed charge is retried with growing pauses and one Idempotency-Key")) { t in
        let payments = try t.fakeUpstream("payments")
        try payments.on(.post, "/charges", [.status(503), .reset, .json(["id": "ch_1"], status: 201)])
        try start(t, ["PAYMENTS_URL": payments.url])
        let order = try t.http.post("/orders", json: ["amount": 500]).expectStatus(201)
        try requireEqual(
            try order.json()["charge"]?.string, "ch_1", Words(english: "the charge id"), response: order)
        let calls = payments.requests(to: "/charges")
        try requireEqual(
            calls.count, 3, Words(english: "the number of charge attempts"),
            hint: Words(english: "Retry a 503 and a reset connection."))
        let keys = Set(calls.map { $0.headers["Idempotency-Key"] ?? "" })
        try require(
            keys.count == 1 && !keys.contains(""),
            Words(english: "the attempts carried different Idempotency-Keys: \(keys.sorted())"))
        let gaps = calls.gaps
        try require(gaps[1] > gaps[0], Words(english: "the pauses between attempts did not grow: \(gaps)"))
    }

    Check(
        Words(english: "a payment service that never answers is given up on within 10 seconds"),
        timeout: .seconds(20)
    ) {
        t in
        let payments = try t.fakeUpstream("payments")
        try payments.on(.post, "/charges", [.neverAnswer])
        try start(t, ["PAYMENTS_URL": payments.url])
        let started = ContinuousClock.now
        t.http.timeout = .seconds(12)
        try t.http.post("/orders", json: ["amount": 1]).expectStatus(502, 504)
        try require(
            ContinuousClock.now - started < .seconds(10),
            Words(english: "the server waited \(ContinuousClock.now - started)")
        )
    }

    Check(Words(english: "a slow body counts against the read timeout")) { t in
        let payments = try t.fakeUpstream("payments")
        try payments.on(
            .post, "/charges",
            [
                .trickle(
                    status: 201, body: Data(repeating: 65, count: 20), chunkBytes: 1, interval: .seconds(1))
            ])
        try start(t, ["PAYMENTS_URL": payments.url])
        try t.http.post("/orders", json: ["amount": 1]).expectStatus(502, 504)
    }

    Check(Words(english: "a password reset is e-mailed with a link to PUBLIC_URL")) { t in
        let mail = try t.fakeMail()
        try start(t, ["MAIL_URL": mail.url, "PUBLIC_URL": "https://kit.example"])
        try t.http.post("/password-resets", json: ["email": "eka@example.com"]).expectStatus(202)
        let sent = try mail.waitForMessages(1)
        try requireEqual(sent[0].to, ["eka@example.com"], Words(english: "the recipient"))
        try require(
            sent[0].text.contains("https://kit.example/reset?token="),
            Words(english: "the e-mail has no reset link: \(sent[0].text)"))
    }
}
