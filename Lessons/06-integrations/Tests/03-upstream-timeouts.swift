import BackendKit
import Foundation
import GraderKit

/// The check that shows a quote goes through at all; every check of a failing API needs it.
private let quotes = Words(
    "GET /orders/:id/shipping?postcode=40115 asks the shipping API once and answers 200 with its quote",
    id:
        "GET /orders/:id/shipping?postcode=40115 bertanya ke API pengiriman sekali dan menjawab 200 dengan quote-nya"
)

private let silent = Words(
    "a shipping API that never answers is answered 504 Gateway Timeout within the 2-second budget",
    id: "API pengiriman yang tidak pernah menjawab dijawab 504 Gateway Timeout dalam batas 2 detik")

private let badAnswers = Words(
    "a shipping API that resets or closes the connection, answers 500 or answers something that is not a quote is answered 502 Bad Gateway at once, after one call",
    id:
        "API pengiriman yang me-reset atau menutup koneksi, menjawab 500, atau menjawab sesuatu yang bukan quote dijawab 502 Bad Gateway segera, setelah satu panggilan"
)

/// What a broken API answers: a stack trace with an internal host, as real services sometimes do.
private let internalError =
    "panic: pq: sorry, too many clients already (rates-db-3.internal:5432)\ngoroutine 88 [running]:\nmain.quote()"

let upstreamTimeouts = ExerciseTests("int03-upstream-timeouts") {
    Check(
        Words(
            "the server refuses to start without SHIPPING_URL, naming the variable",
            id: "server menolak start tanpa SHIPPING_URL, dengan menyebut nama variabelnya"),
        hint: Words(
            "Read the URL with OutboundClient.fromEnvironment(\"SHIPPING_URL\", …) when the server starts, and let its error stop main.swift; never fall back to an address of your own.",
            id:
                "Baca URL-nya dengan OutboundClient.fromEnvironment(\"SHIPPING_URL\", …) saat server start, dan biarkan error-nya menghentikan main.swift; jangan pernah memakai alamat cadangan buatanmu sendiri."
        )
    ) { t in
        try t.expectStartFailure(
            environment: ["WEBHOOK_SECRETS": Checkout.secret], removing: ["SHIPPING_URL"]
        )
        .expectNonZeroExit()
        .expectOutput(mentions: "SHIPPING_URL")
    }

    Check(
        quotes,
        hint: Words(
            "In quote, answer = try await client.get(\"/rates?postcode=\\(postcode)&value=\\(value)\"), then return try answer.decode(ShippingQuote.self) when answer.isSuccess.",
            id:
                "Di quote, answer = try await client.get(\"/rates?postcode=\\(postcode)&value=\\(value)\"), lalu return try answer.decode(ShippingQuote.self) kalau answer.isSuccess."
        )
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.get, "/rates", [.json(Shipping.quote)])
        let order = try Checkout.placeOrder(t)
        let (response, _) = try Shipping.ask(
            t, order: order, api: api, while: Words("answered at once", id: "langsung menjawab"))
        try response.expectStatus(200)
        let json = try response.json()
        try requireEqual(
            json["quote"]?["price"]?.int, Shipping.quote["price"]?.int,
            Words("the quote's price in the answer", id: "harga quote di jawabannya"), response: response)
        try requireEqual(
            json["quote"]?["service"]?.string, Shipping.quote["service"]?.string,
            Words("the quote's service in the answer", id: "layanan quote di jawabannya"), response: response)
        let calls = api.requests(to: "/rates")
        try requireEqual(
            calls.count, 1,
            Words(
                "the calls the shipping API got for one quote",
                id: "panggilan yang diterima API pengiriman untuk satu quote"),
            response: response)
        let query = Set(
            (calls[0].target.split(separator: "?", maxSplits: 1).last ?? "").split(separator: "&"))
        try require(
            calls[0].method == "GET"
                && query == ["postcode=\(Shipping.postcode)", "value=\(Checkout.amount)"],
            Words(
                "the shipping API was called with \(calls[0].requestLine); expected GET /rates?postcode=\(Shipping.postcode)&value=\(Checkout.amount)",
                id:
                    "API pengiriman dipanggil dengan \(calls[0].requestLine); seharusnya GET /rates?postcode=\(Shipping.postcode)&value=\(Checkout.amount)"
            ), response: response)
    }

    Check(
        Words(
            "a quote that takes half a second still arrives: the timeouts are not shorter than the API's normal answers",
            id:
                "quote yang butuh setengah detik tetap sampai: timeout-nya tidak lebih pendek dari jawaban normal API-nya"
        ),
        hint: Words(
            "The API answers 99.9% of quotes within 700 ms, so a read timeout of 1 s and a total of 2 s let those through. A timeout shorter than the normal answers turns an API that works into errors.",
            id:
                "API-nya menjawab 99,9% quote dalam 700 ms, jadi read timeout 1 detik dan total 2 detik membiarkan itu lewat. Timeout yang lebih pendek dari jawaban normal mengubah API yang berfungsi menjadi error."
        ),
        needs: quotes.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.get, "/rates", [.delay(.milliseconds(500), then: .json(Shipping.quote))])
        let order = try Checkout.placeOrder(t)
        let (response, _) = try Shipping.ask(
            t, order: order, api: api,
            while: Words("took half a second to answer", id: "butuh setengah detik untuk menjawab"))
        try response.expectStatus(200)
    }

    Check(silent, needs: quotes.en) { t in
        let api = try Shipping.start(t)
        try api.on(.get, "/rates", [.neverAnswer])
        let order = try Checkout.placeOrder(t)
        let what = Words("never answered", id: "tidak pernah menjawab")
        let (response, _) = try Shipping.ask(t, order: order, api: api, while: what)
        try Shipping.expectFailure(response, 504, what: what)
        let calls = api.requests(to: "/rates").count
        try require(
            calls == 1,
            Words(
                "your server called the silent shipping API \(calls) times for one quote; call it once and answer 504",
                id:
                    "server kamu memanggil API pengiriman yang diam itu \(calls) kali untuk satu quote; panggil sekali lalu jawab 504"
            ),
            hint: Words(
                "Each attempt waits its own timeouts, so retries add up past the budget. One call per quote here; step 4 retries within a budget.",
                id:
                    "Setiap percobaan menunggu timeout-nya sendiri, jadi retry menumpuk melewati batas. Satu panggilan per quote di sini; langkah 4 mengulang dengan batas."
            ), response: response)
    }

    Check(
        Words(
            "a shipping API that sends its answer a byte at a time is cut off at the 2-second total budget with 504",
            id:
                "API pengiriman yang mengirim jawabannya satu byte demi satu byte dihentikan di batas total 2 detik dengan 504"
        ),
        hint: Shipping.timeoutsHint,
        needs: silent.en
    ) { t in
        let api = try Shipping.start(t)
        // Every byte arrives well within the read timeout; the whole answer would take 12 seconds.
        let body = Data(Shipping.quote.description.utf8)
        try api.on(
            .get, "/rates",
            [.trickle(status: 200, body: body, chunkBytes: 1, interval: .milliseconds(12_000 / body.count))])
        let order = try Checkout.placeOrder(t)
        let what = Words(
            "sent its answer a byte at a time", id: "mengirim jawabannya satu byte demi satu byte")
        let (response, _) = try Shipping.ask(t, order: order, api: api, while: what)
        try Shipping.expectFailure(response, 504, what: what)
    }

    Check(badAnswers, needs: quotes.en) { t in
        let api = try Shipping.start(t)
        let cases: [(UpstreamBehaviour, Words)] = [
            (.reset, Words("reset the connection", id: "me-reset koneksinya")),
            (.drop, Words("closed the connection without an answer", id: "menutup koneksi tanpa jawaban")),
            (.text(internalError, status: 500), Words("answered 500", id: "menjawab 500")),
            (
                .text("<html><body>Gateway maintenance</body></html>", status: 200),
                Words(
                    "answered 200 with a page that is not a quote",
                    id: "menjawab 200 dengan halaman yang bukan quote")
            ),
        ]
        try api.on(.get, "/rates", cases.map(\.0))
        let order = try Checkout.placeOrder(t)
        for (number, (_, what)) in cases.enumerated() {
            let (response, _) = try Shipping.ask(t, order: order, api: api, while: what)
            try Shipping.expectFailure(response, 502, what: what)
            let calls = api.requests(to: "/rates").count
            try require(
                calls == number + 1,
                Words(
                    "after the shipping API \(what.en), it had got \(calls) calls for \(number + 1) quotes; call it once per quote and answer 502",
                    id:
                        "setelah API pengiriman \(what[.id]), ia sudah menerima \(calls) panggilan untuk \(number + 1) quote; panggil sekali per quote lalu jawab 502"
                ),
                hint: Words(
                    "Do not call again here: answer 502 at once. Step 4 retries, and only what is safe to send twice.",
                    id:
                        "Jangan memanggil lagi di sini: langsung jawab 502. Langkah 4 mengulang, dan hanya yang aman dikirim dua kali."
                ), response: response)
        }
    }

    Check(
        Words(
            "the 502 and 504 answers tell the customer nothing about the shipping API: not its address, not its error",
            id:
                "jawaban 502 dan 504 tidak memberi tahu pelanggan apa pun tentang API pengiriman: tidak alamatnya, tidak error-nya"
        ),
        hint: Words(
            "Answer with a sentence of your own (\"The shipping service did not answer in time.\") and put error.description and the API's status in logger.warning. The OutboundError names the API's URL; its body can carry stack traces and internal host names.",
            id:
                "Jawab dengan kalimatmu sendiri (\"The shipping service did not answer in time.\") dan taruh error.description serta status dari API di logger.warning. OutboundError menyebut URL API-nya; body-nya bisa berisi stack trace dan nama host internal."
        ),
        needs: silent.en, badAnswers.en
    ) { t in
        let api = try Shipping.start(t)
        try api.on(.get, "/rates", [.text(internalError, status: 500), .neverAnswer])
        let order = try Checkout.placeOrder(t)
        let secrets = ["rates-db-3", "panic", "goroutine", "127.0.0.1:\(api.port)", ":\(api.port)", "/rates"]
        let whats = [
            Words("answered 500 with a stack trace", id: "menjawab 500 dengan stack trace"),
            Words("never answered", id: "tidak pernah menjawab"),
        ]
        for what in whats {
            let (response, _) = try Shipping.ask(t, order: order, api: api, while: what)
            guard let leak = secrets.first(where: { response.text.contains($0) }) else { continue }
            throw response.failure(
                Words(
                    "when the shipping API \(what.en), your answer contains \"\(leak)\", from the API or its address",
                    id:
                        "saat API pengiriman \(what[.id]), jawaban kamu berisi \"\(leak)\", dari API-nya atau alamatnya"
                ))
        }
    }

    Check(
        Words(
            "other requests are answered while a quote waits for a silent shipping API",
            id: "request lain tetap dijawab selama sebuah quote menunggu API pengiriman yang diam"),
        hint: Words(
            "Wait with try await client.get(…): the handler is suspended and the server serves others meanwhile. A DispatchSemaphore, Thread.sleep or a loop that polls holds the thread, and with it every customer.",
            id:
                "Tunggu dengan try await client.get(…): handler-nya ditangguhkan dan server melayani yang lain sementara itu. DispatchSemaphore, Thread.sleep, atau loop yang terus memeriksa menahan thread-nya, dan bersamanya setiap pelanggan."
        ),
        needs: silent.en
    ) { t in
        // One event loop, so a handler that blocks its thread holds up every other request.
        let api = try Shipping.start(t, environment: ["BACKENDKIT_THREADS": "1"])
        try api.on(.get, "/rates", [.neverAnswer])
        let order = try Checkout.placeOrder(t)
        let quoteAnswered = Flag()
        let results = t.concurrently(2) { client -> (ClientResponse, Duration, Bool) in
            if client == 0 {
                defer { quoteAnswered.set() }
                let (response, took) = try Shipping.ask(
                    t, order: order, api: api, while: Words("never answered", id: "tidak pernah menjawab"))
                return (response, took, false)
            }
            _ = api.waitForRequests(1, to: "/rates", timeout: Shipping.bound)
            let started = ContinuousClock.now
            let response = try t.http.get("/orders/\(order)")
            return (response, ContinuousClock.now - started, quoteAnswered.isSet)
        }
        let (quoteResponse, _, _) = try results[0].get()
        let (other, took, afterQuote) = try results[1].get()
        try other.expectStatus(200)
        // A blocked thread answers only when the quote is over, after the read timeout's 1 s of
        // silence; half of that is far more than a free server needs for GET /orders/:id.
        try require(
            !afterQuote && took < Shipping.budget / 4,
            Words(
                "GET /orders/\(order) took \(Shipping.seconds(took)) while a quote waited for the silent shipping API\(afterQuote ? ", and came only after the quote's \(quoteResponse.status)" : ""): your server served no one else while it waited",
                id:
                    "GET /orders/\(order) butuh \(Shipping.seconds(took)) selama sebuah quote menunggu API pengiriman yang diam\(afterQuote ? ", dan baru datang setelah \(quoteResponse.status) dari quote itu" : ""): server kamu tidak melayani siapa pun selama menunggu"
            ), response: other)
    }
}
