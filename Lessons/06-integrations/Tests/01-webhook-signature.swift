import BackendKit
import Foundation
import GraderKit

/// The check that shows a genuine delivery works; every refusal check needs it, since a server that
/// refuses every delivery would pass them all.
private let acceptsGenuine = Words(
    "a genuine delivery of payment.succeeded answers 200 and the order is paid",
    id: "pengiriman asli payment.succeeded dijawab 200 dan pesanannya menjadi paid")

private let signedPayloadHint = Words(
    "The gateway signs the bytes \"<t>.\" followed by the raw body, with HMAC-SHA256 under the secret, and writes the code in hex as v1. Compute the same over request.body and compare it with every v1 (Hex.decode, constantTimeEquals).",
    id:
        "Gateway menandatangani byte \"<t>.\" lalu body mentahnya, dengan HMAC-SHA256 memakai secret-nya, dan menulis kodenya dalam hex sebagai v1. Hitung hal yang sama atas request.body lalu bandingkan dengan setiap v1 (Hex.decode, constantTimeEquals)."
)

private let refusedHint = Words(
    "Accept only when a v1 equals the HMAC-SHA256 of \"<t>.\" + the raw body under one of the secrets, compared by constantTimeEquals over the whole code; otherwise throw WebhookRefusal.noMatchingSignature.",
    id:
        "Terima hanya kalau ada v1 yang sama dengan HMAC-SHA256 dari \"<t>.\" + body mentahnya memakai salah satu secret, dibandingkan dengan constantTimeEquals atas seluruh kodenya; kalau tidak, lempar WebhookRefusal.noMatchingSignature."
)

private let toleranceHint = Words(
    "Once the signature matches, compare t with now (the request's clock), in seconds, both ways: abs(now.timeIntervalSince1970 - TimeInterval(t)) <= tolerance (300), else WebhookRefusal.outsideTolerance.",
    id:
        "Setelah signature-nya cocok, bandingkan t dengan now (jam milik request), dalam detik, ke dua arah: abs(now.timeIntervalSince1970 - TimeInterval(t)) <= tolerance (300), kalau tidak WebhookRefusal.outsideTolerance."
)

let webhookSignature = ExerciseTests("int01-webhook-signature") {
    Check(
        Words(
            "POST /orders places an unpaid order of whole rupiah and GET /orders/:id shows it",
            id:
                "POST /orders membuat pesanan belum dibayar dalam rupiah bulat dan GET /orders/:id menampilkannya"
        )
    ) { t in
        try Checkout.start(t)
        let order = try Checkout.placeOrder(t)
        let (status, shown) = try Checkout.status(t, of: order)
        try requireEqual(
            status, "pending", Words("the new order's status", id: "status pesanan baru"), response: shown)
        try requireEqual(
            try shown.json()["amount"]?.int, Checkout.amount,
            Words("the order's amount", id: "jumlah pesanan"),
            response: shown)
    }.asGuard()

    Check(
        Words(
            "without WEBHOOK_SECRETS, or with a secret shorter than 16 bytes, the server refuses to start, names WEBHOOK_SECRETS and prints no secret",
            id:
                "tanpa WEBHOOK_SECRETS, atau dengan secret yang kurang dari 16 byte, server menolak start, menyebut WEBHOOK_SECRETS, dan tidak mencetak secret apa pun"
        )
    ) { t in
        try t.expectStartFailure(removing: ["WEBHOOK_SECRETS"]).expectNonZeroExit().expectOutput(
            mentions: "WEBHOOK_SECRETS")
        let short = "whsec_short"
        try t.expectStartFailure(environment: ["WEBHOOK_SECRETS": "\(Checkout.secret),\(short)"])
            .expectNonZeroExit()
            .expectOutput(mentions: "WEBHOOK_SECRETS")
            .expectOutput(omits: short, what: Words("the short secret", id: "secret pendeknya"))
            .expectOutput(omits: Checkout.secret, what: Words("the other secret", id: "secret lainnya"))
    }.asGuard()

    Check(acceptsGenuine, hint: signedPayloadHint) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        try Checkout.expectAccepted(
            t, body, signature: Checkout.header(body, at: Checkout.now(t)), order: order,
            what: Words(
                "a delivery signed just now with the server's secret",
                id: "pengiriman yang baru saja ditandatangani dengan secret server"),
            hint: signedPayloadHint)
    }

    Check(
        Words(
            "a delivery signed with a secret the server does not have is refused with 401, and so is a cut, empty or zero v1",
            id:
                "pengiriman yang ditandatangani dengan secret yang tidak dimiliki server ditolak dengan 401, begitu juga v1 yang terpotong, kosong, atau berisi nol"
        ),
        hint: refusedHint,
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        let now = Checkout.now(t)
        let real = Checkout.signature(body, at: now)
        let cases: [(signature: String, what: Words)] = [
            (
                Checkout.header(body, at: now, secrets: [Checkout.forgerSecret]),
                Words(
                    "a delivery signed with a secret the server was never given",
                    id: "pengiriman yang ditandatangani dengan secret yang tidak pernah diberikan ke server")
            ),
            (
                "t=\(now),v1=\(real.prefix(32))",
                Words(
                    "a delivery whose v1 is the first half of the real code",
                    id: "pengiriman yang v1-nya separuh pertama kode aslinya")
            ),
            ("t=\(now),v1=", Words("a delivery with an empty v1", id: "pengiriman dengan v1 kosong")),
            (
                "t=\(now),v1=\(String(repeating: "0", count: 64))",
                Words("a delivery whose v1 is 64 zeros", id: "pengiriman yang v1-nya 64 angka nol")
            ),
        ]
        for (signature, what) in cases {
            try Checkout.expectRefused(
                Checkout.deliver(t, body, signature: signature), 401, what: what, hint: refusedHint)
        }
    }

    Check(
        Words(
            "a body changed after it was signed is refused with 401, even when one byte changed",
            id:
                "body yang diubah setelah ditandatangani ditolak dengan 401, walau hanya satu byte yang berubah"
        ),
        hint: Words(
            "The code covers every byte of the body: compute it over request.body as it arrived, never over the fields you read from it.",
            id:
                "Kodenya mencakup setiap byte body: hitung atas request.body persis seperti yang datang, jangan atas field yang kamu baca darinya."
        ),
        needs: acceptsGenuine.en
    ) { t in
        let paid = try Checkout.placeOrder(t, customer: "Budi")
        let other = try Checkout.placeOrder(t, customer: "Citra")
        let body = Checkout.paidEvent(order: paid)
        let now = Checkout.now(t)
        let signature = Checkout.header(body, at: now)
        let text = String(decoding: body, as: UTF8.self)
        let otherOrder = Data(
            text.replacingOccurrences(of: "\"order_id\":\(paid)", with: "\"order_id\":\(other)").utf8)
        let oneByte = Data(text.replacingOccurrences(of: "pay_\(paid)a", with: "pay_\(paid)b").utf8)
        let cases: [(Data, Words)] = [
            (
                otherOrder,
                Words(
                    "the delivery for one order with the order_id of another (same amount)",
                    id: "pengiriman untuk satu pesanan dengan order_id pesanan lain (jumlahnya sama)")
            ),
            (
                oneByte,
                Words(
                    "the delivery with one byte of its payment_id changed",
                    id: "pengiriman yang satu byte payment_id-nya diubah")
            ),
        ]
        for (tampered, what) in cases {
            try Checkout.expectRefused(
                Checkout.deliver(t, tampered, signature: signature), 401, what: what,
                hint: Words(
                    "The signature was made for other bytes. Compute the HMAC over request.body exactly as it arrived.",
                    id:
                        "Signature-nya dibuat untuk byte yang lain. Hitung HMAC atas request.body persis seperti yang datang."
                ))
        }
    }

    Check(
        Words(
            "a body with its own spacing and key order is verified over the raw bytes it arrived in",
            id:
                "body dengan spasi dan urutan key-nya sendiri diverifikasi atas byte mentah seperti yang datang"
        ),
        hint: Words(
            "Compute the HMAC over request.body. Decoding the JSON and encoding it again gives other bytes (sorted keys, no spaces), and those are not what the gateway signed.",
            id:
                "Hitung HMAC atas request.body. Men-decode JSON lalu meng-encode-nya lagi menghasilkan byte lain (key terurut, tanpa spasi), dan itu bukan yang ditandatangani gateway."
        ),
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Data(
            """
            {
              "type": "payment.succeeded",
              "id": "evt_\(order)s",
              "data": { "payment_id": "pay_\(order)s", "order_id": \(order), "amount": \(Checkout.amount) }
            }

            """.utf8)
        try Checkout.expectAccepted(
            t, body, signature: Checkout.header(body, at: Checkout.now(t)), order: order,
            what: Words(
                "a genuine delivery written with spaces, line breaks and unsorted keys",
                id: "pengiriman asli yang ditulis dengan spasi, baris baru, dan key yang tidak terurut"),
            hint: Words(
                "Verify request.body as it arrived. Re-encoded JSON (sorted keys, no spaces) is other bytes than the gateway signed.",
                id:
                    "Verifikasi request.body persis seperti yang datang. JSON yang di-encode ulang (key terurut, tanpa spasi) adalah byte lain dari yang ditandatangani gateway."
            ))
    }

    Check(
        Words(
            "a delivery without a Gateway-Signature header is refused with 400",
            id: "pengiriman tanpa header Gateway-Signature ditolak dengan 400"),
        hint: Words(
            "A missing header is not a delivery to trust less: it is one anybody could have sent. Throw WebhookRefusal.missingHeader; never skip the check.",
            id:
                "Header yang tidak ada bukan berarti pengiriman yang cukup dipercaya sedikit: itu pengiriman yang bisa dikirim siapa saja. Lempar WebhookRefusal.missingHeader; jangan pernah melewati pengecekannya."
        ),
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        try Checkout.expectRefused(
            Checkout.deliver(t, Checkout.paidEvent(order: order), signature: nil), 400,
            what: Words("a delivery without Gateway-Signature", id: "pengiriman tanpa Gateway-Signature"),
            hint: Words(
                "verify receives nil for a missing header: throw WebhookRefusal.missingHeader.",
                id: "verify menerima nil untuk header yang tidak ada: lempar WebhookRefusal.missingHeader."))
    }

    Check(
        Words(
            "a Gateway-Signature header that cannot be read is refused with 400 (no t, a t that is not a number, no v1, over 1024 bytes), and a v0 beside the v1 is skipped",
            id:
                "header Gateway-Signature yang tidak bisa dibaca ditolak dengan 400 (tanpa t, t yang bukan angka, tanpa v1, lebih dari 1024 byte), dan v0 di samping v1 dilewati"
        ),
        hint: Words(
            "parse returns nil for a value longer than maximumHeaderBytes, and unless it has one t of digits and at least one v1; other keys (v0) are skipped. verify then throws WebhookRefusal.malformedHeader.",
            id:
                "parse mengembalikan nil untuk nilai yang lebih panjang dari maximumHeaderBytes, dan kecuali nilainya punya satu t berisi angka dan paling sedikit satu v1; key lain (v0) dilewati. Lalu verify melempar WebhookRefusal.malformedHeader."
        ),
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        let now = Checkout.now(t)
        let sig = Checkout.signature(body, at: now)
        // A genuine header padded with a v0 (a scheme this server does not use) to exactly `bytes`.
        func padded(to bytes: Int) -> String {
            let head = "t=\(now),v1=\(sig),v0="
            return head + String(repeating: "0", count: bytes - head.utf8.count)
        }
        let cases: [(String, Words)] = [
            ("", Words("an empty header", id: "header kosong")),
            ("v1=\(sig)", Words("a header without t", id: "header tanpa t")),
            (
                "t=soon,v1=\(sig)",
                Words("a header whose t is not a number", id: "header yang t-nya bukan angka")
            ),
            ("t=\(now)", Words("a header without v1", id: "header tanpa v1")),
            (
                "sha256=\(sig)",
                Words("a header in another format (sha256=…)", id: "header dengan format lain (sha256=…)")
            ),
            (
                padded(to: 1025),
                Words(
                    "a genuine header padded to 1025 bytes (over maximumHeaderBytes)",
                    id: "header asli yang diisi sampai 1025 byte (di atas maximumHeaderBytes)")
            ),
        ]
        for (signature, what) in cases {
            try Checkout.expectRefused(
                Checkout.deliver(t, body, signature: signature), 400,
                what: Words("a delivery with \(what.en)", id: "pengiriman dengan \(what[.id])"),
                hint: Words(
                    "A header parse cannot read is WebhookRefusal.malformedHeader (400), before any HMAC is computed.",
                    id:
                        "Header yang tidak bisa dibaca parse adalah WebhookRefusal.malformedHeader (400), sebelum HMAC apa pun dihitung."
                ))
        }
        try Checkout.expectAccepted(
            t, body, signature: padded(to: 1024), order: order,
            what: Words(
                "a genuine delivery whose header has a v0 beside its v1 and is exactly 1024 bytes long",
                id:
                    "pengiriman asli yang header-nya punya v0 di samping v1-nya dan panjangnya tepat 1024 byte"
            ),
            hint: Words(
                "Skip keys other than t and v1 (a gateway may add new schemes), and refuse only a value longer than maximumHeaderBytes.",
                id:
                    "Lewati key selain t dan v1 (gateway bisa menambah scheme baru), dan tolak hanya nilai yang lebih panjang dari maximumHeaderBytes."
            ))
    }

    Check(
        Words(
            "a delivery signed 4 minutes ago is still accepted: deliveries arrive late",
            id: "pengiriman yang ditandatangani 4 menit lalu tetap diterima: pengiriman bisa datang terlambat"
        ),
        hint: toleranceHint,
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        try Checkout.expectAccepted(
            t, body, signature: Checkout.header(body, at: Checkout.now(t) - 240), order: order,
            what: Words(
                "a genuine delivery signed 240 seconds ago",
                id: "pengiriman asli yang ditandatangani 240 detik lalu"),
            hint: Words(
                "The tolerance is 300 seconds either way; t is in seconds since 1970, like now.timeIntervalSince1970.",
                id:
                    "Toleransinya 300 detik ke dua arah; t dalam detik sejak 1970, sama seperti now.timeIntervalSince1970."
            ))
    }

    Check(
        Words(
            "a genuine delivery signed more than 5 minutes ago is refused with 401: it may be a replay",
            id:
                "pengiriman asli yang ditandatangani lebih dari 5 menit lalu ditolak dengan 401: bisa jadi itu replay"
        ),
        hint: toleranceHint,
        needs: acceptsGenuine.en
    ) { t in
        let now = Checkout.now(t)
        for (age, tag) in [(360, "b"), (86_400, "c")] {
            let order = try Checkout.placeOrder(t)
            let body = Checkout.paidEvent(order: order, tag: tag)
            try Checkout.expectRefused(
                Checkout.deliver(t, body, signature: Checkout.header(body, at: now - age)), 401,
                what: Words(
                    "a correctly signed delivery whose t is \(age) seconds old",
                    id: "pengiriman bertanda tangan benar yang t-nya sudah \(age) detik"),
                hint: Words(
                    "A signature stays valid forever: only t says when it was made. Refuse a t more than 300 seconds (not milliseconds) from now.",
                    id:
                        "Signature berlaku selamanya: hanya t yang menyatakan kapan ia dibuat. Tolak t yang lebih dari 300 detik (bukan milidetik) dari now."
                ))
        }
    }

    Check(
        Words(
            "a genuine delivery signed more than 5 minutes in the future is refused with 401",
            id: "pengiriman asli yang ditandatangani lebih dari 5 menit di masa depan ditolak dengan 401"),
        hint: toleranceHint,
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        try Checkout.expectRefused(
            Checkout.deliver(t, body, signature: Checkout.header(body, at: Checkout.now(t) + 360)), 401,
            what: Words(
                "a correctly signed delivery whose t is 360 seconds ahead of the server's clock",
                id: "pengiriman bertanda tangan benar yang t-nya 360 detik di depan jam server"),
            hint: Words(
                "Check both directions: a t far in the future is a delivery someone signed to replay later. Use abs(...) of the difference.",
                id:
                    "Periksa ke dua arah: t yang jauh di masa depan adalah pengiriman yang ditandatangani seseorang untuk di-replay nanti. Pakai abs(...) dari selisihnya."
            ))
    }

    Check(
        Words(
            "the 5 minutes follow the server's clock (request.now): an hour on, a delivery signed at its time is accepted, and the same bytes 6 minutes later are refused",
            id:
                "5 menit itu mengikuti jam server (request.now): satu jam kemudian, pengiriman yang ditandatangani pada waktunya diterima, dan byte yang sama 6 menit kemudian ditolak"
        ),
        hint: Words(
            "Compare t with the now that verify is given (request.now), never with Date(): the grader moves the server's clock, and Date() does not see it.",
            id:
                "Bandingkan t dengan now yang diberikan ke verify (request.now), jangan pernah dengan Date(): grader memajukan jam server, dan Date() tidak melihatnya."
        ),
        needs: acceptsGenuine.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        try t.advanceClock(by: .hours(1))
        let signature = Checkout.header(body, at: Checkout.now(t))
        try Checkout.expectAccepted(
            t, body, signature: signature, order: order,
            what: Words(
                "a delivery signed at the server's time, after its clock moved an hour on",
                id: "pengiriman yang ditandatangani pada waktu server, setelah jamnya maju satu jam"),
            hint: Words(
                "verify must compare t with its now parameter (request.now, the server's clock), not with Date().",
                id:
                    "verify harus membandingkan t dengan parameter now-nya (request.now, jam server), bukan dengan Date()."
            ))
        try t.advanceClock(by: .minutes(6))
        try Checkout.expectRefused(
            Checkout.deliver(t, body, signature: signature), 401,
            what: Words(
                "the same delivery replayed 6 minutes later",
                id: "pengiriman yang sama di-replay 6 menit kemudian"),
            hint: toleranceHint)
    }

    Check(
        Words(
            "with two secrets in WEBHOOK_SECRETS (a rotation), a delivery signed with either one is accepted",
            id:
                "dengan dua secret di WEBHOOK_SECRETS (rotasi), pengiriman yang ditandatangani dengan salah satunya diterima"
        ),
        hint: Words(
            "Try every secret in secrets, not only the first: while a secret is replaced, the gateway may still sign with the old one.",
            id:
                "Coba setiap secret di secrets, bukan hanya yang pertama: selama sebuah secret diganti, gateway mungkin masih menandatangani dengan yang lama."
        ),
        needs: acceptsGenuine.en
    ) { t in
        try Checkout.start(t, secrets: [Checkout.newSecret, Checkout.secret])
        let cases: [(String, Words)] = [
            (
                Checkout.secret,
                Words(
                    "a delivery signed with the old secret (the second in WEBHOOK_SECRETS)",
                    id: "pengiriman yang ditandatangani dengan secret lama (yang kedua di WEBHOOK_SECRETS)")
            ),
            (
                Checkout.newSecret,
                Words(
                    "a delivery signed with the new secret (the first in WEBHOOK_SECRETS)",
                    id: "pengiriman yang ditandatangani dengan secret baru (yang pertama di WEBHOOK_SECRETS)")
            ),
        ]
        for (secret, what) in cases {
            let order = try Checkout.placeOrder(t)
            let body = Checkout.paidEvent(order: order)
            try Checkout.expectAccepted(
                t, body, signature: Checkout.header(body, at: Checkout.now(t), secrets: [secret]),
                order: order,
                what: what,
                hint: Words(
                    "Compute the code with every secret and accept when any of them matches a v1.",
                    id:
                        "Hitung kodenya dengan setiap secret dan terima kalau salah satunya cocok dengan sebuah v1."
                ))
        }
    }

    Check(
        Words(
            "after the old secret is removed, a header with an old-secret v1 beside the current one is accepted, and one with only the old v1 is refused",
            id:
                "setelah secret lama dihapus, header yang membawa v1 dari secret lama di samping yang berlaku diterima, dan yang hanya membawa v1 lama ditolak"
        ),
        hint: Words(
            "A header can carry several v1 (the gateway signs with its old and new secret while it rotates). Keep every v1, in a list, and accept when any of them matches.",
            id:
                "Sebuah header bisa membawa beberapa v1 (gateway menandatangani dengan secret lama dan barunya selama rotasi). Simpan setiap v1, dalam list, dan terima kalau salah satunya cocok."
        ),
        needs: acceptsGenuine.en
    ) { t in
        try Checkout.start(t, secrets: [Checkout.newSecret])
        let orders: [([String], Words)] = [
            (
                [Checkout.secret, Checkout.newSecret],
                Words(
                    "a header with the old v1 first and the current v1 second",
                    id: "header dengan v1 lama di depan dan v1 yang berlaku di belakang")
            ),
            (
                [Checkout.newSecret, Checkout.secret],
                Words(
                    "a header with the current v1 first and the old v1 second",
                    id: "header dengan v1 yang berlaku di depan dan v1 lama di belakang")
            ),
        ]
        for (secrets, what) in orders {
            let order = try Checkout.placeOrder(t)
            let body = Checkout.paidEvent(order: order)
            try Checkout.expectAccepted(
                t, body, signature: Checkout.header(body, at: Checkout.now(t), secrets: secrets),
                order: order,
                what: Words("a delivery with \(what.en)", id: "pengiriman dengan \(what[.id])"),
                hint: Words(
                    "Do not stop at the first v1, and do not keep v1 in a dictionary (it keeps only the last): try every v1.",
                    id:
                        "Jangan berhenti di v1 pertama, dan jangan simpan v1 di dictionary (yang hanya menyimpan yang terakhir): coba setiap v1."
                ))
        }
        let order = try Checkout.placeOrder(t)
        let body = Checkout.paidEvent(order: order)
        try Checkout.expectRefused(
            Checkout.deliver(
                t, body, signature: Checkout.header(body, at: Checkout.now(t), secrets: [Checkout.secret])),
            401,
            what: Words(
                "a delivery signed only with the secret that was removed from WEBHOOK_SECRETS",
                id:
                    "pengiriman yang hanya ditandatangani dengan secret yang sudah dihapus dari WEBHOOK_SECRETS"
            ),
            hint: Words(
                "Verify with the secrets the server was given (the secrets parameter), never with one written in the code.",
                id:
                    "Verifikasi dengan secret yang diberikan ke server (parameter secrets), jangan dengan secret yang ditulis di kode."
            ))
    }

    Check(
        Words(
            "refused deliveries change nothing in the database",
            id: "pengiriman yang ditolak tidak mengubah apa pun di database")
    ) { t in
        try Checkout.start(t)
        let order = try Checkout.placeOrder(t, customer: "Dewi")
        let body = Checkout.paidEvent(order: order)
        let now = Checkout.now(t)
        let cheaper = Checkout.paidEvent(order: order, amount: 1_000, tag: "x")
        let before = try Checkout.ordersTable(t)
        let deliveries: [(Data, String?, Words)] = [
            (
                body, Checkout.header(body, at: now, secrets: [Checkout.forgerSecret]),
                Words("a forged delivery", id: "pengiriman palsu")
            ),
            (
                Data((String(decoding: body, as: UTF8.self) + " ").utf8),
                Checkout.header(Data("{}".utf8), at: now),
                Words(
                    "a delivery signed for another body", id: "pengiriman yang ditandatangani untuk body lain"
                )
            ),
            (
                body, Checkout.header(body, at: now - 3600),
                Words("a delivery signed an hour ago", id: "pengiriman yang ditandatangani satu jam lalu")
            ),
            (
                body, Checkout.header(body, at: now + 3600),
                Words(
                    "a delivery signed an hour ahead", id: "pengiriman yang ditandatangani satu jam ke depan")
            ),
            (
                body, nil,
                Words("a delivery without Gateway-Signature", id: "pengiriman tanpa Gateway-Signature")
            ),
            (
                body, "t=\(now)",
                Words("a delivery with a header without v1", id: "pengiriman dengan header tanpa v1")
            ),
            (
                cheaper, Checkout.header(cheaper, at: now),
                Words(
                    "a genuine delivery of Rp 1,000 for the order of Rp 55,000",
                    id: "pengiriman asli sebesar Rp 1.000 untuk pesanan Rp 55.000")
            ),
        ]
        for (delivery, signature, what) in deliveries {
            _ = try Checkout.deliver(t, delivery, signature: signature)
            let after = try Checkout.ordersTable(t)
            try require(
                after == before,
                Words(
                    "after \(what.en) (answered, whatever its status), the orders table changed: before \(before), after \(after)",
                    id:
                        "setelah \(what[.id]) (apa pun status jawabannya), tabel orders berubah: sebelumnya \(before), sesudahnya \(after)"
                ),
                hint: Words(
                    "PaymentWebhookRoutes.receive verifies before it reads the body: keep WebhookSignature.verify the first thing it does, and throw from verify, never return early without a decision.",
                    id:
                        "PaymentWebhookRoutes.receive memverifikasi sebelum membaca body-nya: biarkan WebhookSignature.verify menjadi hal pertama yang dilakukannya, dan lempar error dari verify, jangan kembali lebih awal tanpa keputusan."
                ))
        }
    }.asGuard()
}
