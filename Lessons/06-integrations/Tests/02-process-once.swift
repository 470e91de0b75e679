import BackendKit
import Foundation
import GraderKit

/// The check that shows one event is processed; the duplicate and ordering checks need it.
private let processesOne = Words(
    "a new payment.succeeded event is answered 200, pays the order and adds one ledger entry of +55000",
    id:
        "event payment.succeeded yang baru dijawab 200, melunasi pesanannya, dan menambah satu entri ledger +55000"
)

private let duplicateHint = Words(
    "Store the event's id in processed_events in the same transaction as its effect (INSERT … ON CONFLICT (event_id) DO NOTHING), and return .duplicate when that changed no row. The route then answers 200: any other status makes the gateway send the event again.",
    id:
        "Simpan id event-nya di processed_events di transaction yang sama dengan efeknya (INSERT … ON CONFLICT (event_id) DO NOTHING), dan kembalikan .duplicate kalau itu tidak mengubah baris apa pun. Route-nya lalu menjawab 200: status lain membuat gateway mengirim event itu lagi."
)

private let orderHint = Words(
    "Decide by the order's status, not by which event came first: a refund always makes the order refunded; a payment makes it paid only when it is pending. Each new event adds its own ledger row (+ or -), whatever the status was.",
    id:
        "Putuskan berdasarkan status pesanannya, bukan berdasarkan event mana yang datang duluan: refund selalu membuat pesanan menjadi refunded; pembayaran membuatnya paid hanya kalau masih pending. Setiap event baru menambah baris ledger-nya sendiri (+ atau -), apa pun status sebelumnya."
)

/// Expects the order's status and ledger after a sequence of events.
private func expectOrder(
    _ t: TestContext, _ order: Int, status expected: String, balance: Int, entries: Int, after what: Words,
    hint: Words
) throws {
    let (status, shown) = try Checkout.status(t, of: order)
    try requireEqual(
        status, expected,
        Words("the order's status after \(what.en)", id: "status pesanan setelah \(what[.id])"),
        hint: hint, response: shown)
    let ledger = try Checkout.ledger(t, of: order)
    try requireEqual(
        ledger.entries, entries,
        Words(
            "the number of ledger entries of the order after \(what.en)",
            id: "jumlah entri ledger pesanan setelah \(what[.id])"),
        hint: hint, response: ledger.response)
    try requireEqual(
        ledger.balance, balance,
        Words("the order's ledger balance after \(what.en)", id: "saldo ledger pesanan setelah \(what[.id])"),
        hint: hint, response: ledger.response)
}

/// Delivers a signed event and expects 200, naming the delivery when it is not.
private func expectAnswered200(
    _ t: TestContext, _ body: Data, signature: String? = nil, what: Words, hint: Words
)
    throws
{
    let answer = try Checkout.deliver(
        t, body, signature: signature ?? Checkout.header(body, at: Checkout.now(t)))
    guard answer.status == 200 else {
        throw answer.failure(
            Words(
                "\(what.en): answered \(answer.status); expected 200, or the gateway sends it again and again",
                id:
                    "\(what[.id]): dijawab \(answer.status); seharusnya 200, kalau tidak gateway mengirimnya lagi dan lagi"
            ), hint: hint)
    }
}

let processOnce = ExerciseTests("int02-process-once") {
    Check(
        Words(
            "deliveries that fail verification are still refused and change neither the order nor its ledger",
            id:
                "pengiriman yang gagal diverifikasi tetap ditolak dan tidak mengubah pesanan maupun ledger-nya"
        )
    ) { t in
        try Checkout.start(t)
        let order = try Checkout.placeOrder(t)
        let body = Checkout.event("evt_\(order)_forged", "payment.succeeded", order: order)
        let forged = Checkout.header(body, at: Checkout.now(t), secrets: [Checkout.forgerSecret])
        try Checkout.expectRefused(
            Checkout.deliver(t, body, signature: forged), 401,
            what: Words("a forged delivery", id: "pengiriman palsu"),
            hint: Words(
                "Keep WebhookSignature.verify the first thing PaymentWebhookRoutes.receive does.",
                id:
                    "Biarkan WebhookSignature.verify menjadi hal pertama yang dilakukan PaymentWebhookRoutes.receive."
            ))
        try Checkout.expectRefused(
            Checkout.deliver(t, body, signature: nil), 400,
            what: Words("a delivery without Gateway-Signature", id: "pengiriman tanpa Gateway-Signature"),
            hint: Words(
                "Keep WebhookSignature.verify the first thing PaymentWebhookRoutes.receive does.",
                id:
                    "Biarkan WebhookSignature.verify menjadi hal pertama yang dilakukan PaymentWebhookRoutes.receive."
            ))
        try expectOrder(
            t, order, status: "pending", balance: 0, entries: 0,
            after: Words("two refused deliveries", id: "dua pengiriman yang ditolak"),
            hint: Words(
                "Nothing is processed before the signature is verified.",
                id: "Tidak ada yang diproses sebelum signature-nya terverifikasi."))
    }.asGuard()

    Check(processesOne, hint: duplicateHint) { t in
        let order = try Checkout.placeOrder(t)
        try expectAnswered200(
            t, Checkout.event("evt_\(order)_paid", "payment.succeeded", order: order),
            what: Words("a new, genuine payment.succeeded", id: "payment.succeeded baru yang asli"),
            hint: Words(
                "process stores the id, adds a ledger row of +amount and makes the pending order paid, in one transaction, and returns .processed(order).",
                id:
                    "process menyimpan id-nya, menambah baris ledger +amount, dan membuat pesanan pending menjadi paid, dalam satu transaction, lalu mengembalikan .processed(order)."
            ))
        let (_, shown) = try Checkout.status(t, of: order)
        let json = try shown.json()
        try requireEqual(
            json["payment_id"]?.string, "pay_\(order)",
            Words("the paid order's payment_id", id: "payment_id pesanan yang sudah dibayar"),
            hint: Words(
                "When a payment makes the order paid, also store paid_at (the time) and payment_id (event.data.paymentID).",
                id:
                    "Saat pembayaran membuat pesanan menjadi paid, simpan juga paid_at (waktunya) dan payment_id (event.data.paymentID)."
            ), response: shown)
        try require(
            json["paid_at"]?.string != nil,
            Words("the paid order has no paid_at", id: "pesanan yang sudah dibayar tidak punya paid_at"),
            hint: Words(
                "When a payment makes the order paid, also store paid_at (the time) and payment_id (event.data.paymentID).",
                id:
                    "Saat pembayaran membuat pesanan menjadi paid, simpan juga paid_at (waktunya) dan payment_id (event.data.paymentID)."
            ), response: shown)
        try expectOrder(
            t, order, status: "paid", balance: Checkout.amount, entries: 1,
            after: Words("its payment.succeeded", id: "payment.succeeded-nya"),
            hint: Words(
                "One ledger row per event: INSERT INTO ledger (order_id, event_id, amount, created_at) with +amount for a payment.",
                id:
                    "Satu baris ledger per event: INSERT INTO ledger (order_id, event_id, amount, created_at) dengan +amount untuk pembayaran."
            ))
    }

    Check(
        Words(
            "the same event delivered three times is answered 200 each time and counted once",
            id: "event yang sama dikirim tiga kali dijawab 200 setiap kali dan dihitung sekali"),
        hint: duplicateHint,
        needs: processesOne.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.event("evt_\(order)_retried", "payment.succeeded", order: order)
        let first = Checkout.header(body, at: Checkout.now(t))
        let deliveries: [(String?, Words)] = [
            (first, Words("the first delivery", id: "pengiriman pertama")),
            (nil, Words("the gateway's retry, signed again", id: "retry dari gateway, ditandatangani ulang")),
            (
                first,
                Words(
                    "the first delivery's exact bytes, sent again",
                    id: "byte persis pengiriman pertama, dikirim lagi")
            ),
        ]
        for (signature, what) in deliveries {
            try expectAnswered200(t, body, signature: signature, what: what, hint: duplicateHint)
        }
        try expectOrder(
            t, order, status: "paid", balance: Checkout.amount, entries: 1,
            after: Words("three deliveries of one event", id: "tiga pengiriman dari satu event"),
            hint: duplicateHint)
    }

    Check(
        Words(
            "an event delivered again after a restart is still counted once: processed ids are kept in the database",
            id:
                "event yang dikirim lagi setelah restart tetap dihitung sekali: id yang sudah diproses disimpan di database"
        ),
        hint: Words(
            "A Set in memory is empty after every restart, deploy or crash, and the gateway retries for days. Keep processed ids in the processed_events table.",
            id:
                "Set di memori kosong lagi setelah setiap restart, deploy, atau crash, padahal gateway mengirim ulang sampai berhari-hari. Simpan id yang sudah diproses di tabel processed_events."
        ),
        needs: processesOne.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let body = Checkout.event("evt_\(order)_restart", "payment.succeeded", order: order)
        try expectAnswered200(
            t, body, what: Words("the first delivery", id: "pengiriman pertama"), hint: duplicateHint)
        try t.restartServer()
        try expectAnswered200(
            t, body, what: Words("the retry after the restart", id: "retry setelah restart"),
            hint: duplicateHint)
        try expectOrder(
            t, order, status: "paid", balance: Checkout.amount, entries: 1,
            after: Words(
                "a delivery before and after a restart", id: "pengiriman sebelum dan sesudah restart"),
            hint: Words(
                "The processed ids must survive a restart: store them in processed_events, in the database.",
                id:
                    "Id yang sudah diproses harus bertahan setelah restart: simpan di processed_events, di database."
            ))
    }

    Check(
        Words(
            "the event id is stored in the same transaction as its effect, with every value bound as a ?, so deliveries of one event at the same moment are counted once",
            id:
                "id event disimpan di transaction yang sama dengan efeknya, dengan setiap nilai sebagai ?, sehingga pengiriman satu event pada saat yang sama dihitung sekali"
        ),
        hint: Words(
            "Look the id up and store it inside the one database.transaction that writes the ledger row and the status. A SELECT before the transaction lets two deliveries both find nothing and both count.",
            id:
                "Cari dan simpan id-nya di dalam satu database.transaction yang menulis baris ledger dan status-nya. SELECT sebelum transaction membuat dua pengiriman sama-sama tidak menemukan apa pun dan sama-sama dihitung."
        ),
        needs: processesOne.en,
        timeout: .seconds(30)
    ) { t in
        try t.enableStatementLog()
        try Checkout.start(t, environment: ["BACKENDKIT_THREADS": "8"])
        let single = try Checkout.placeOrder(t)
        let body = Checkout.event("evt_\(single)_logged", "payment.succeeded", order: single)
        let answer = try Checkout.deliverSigned(t, body).expectStatus(200)
        try t.expectOneTransaction(
            for: answer,
            hint: Words(
                "Store the id (processed_events), the ledger row and the status in ONE database.transaction. Between two transactions, a retry finds the id missing and counts the event again.",
                id:
                    "Simpan id-nya (processed_events), baris ledger, dan status-nya dalam SATU database.transaction. Di antara dua transaction, sebuah retry tidak menemukan id-nya dan menghitung event itu lagi."
            ))
        let year = Calendar(identifier: .gregorian).component(.year, from: t.serverNow)
        let values = [
            "evt_\(single)_logged", "pay_\(single)", "\(Checkout.amount)", "'paid'", "\(year)-",
            "= \(single)",
            "=\(single)", "'\(single)'",
        ]
        for statement in try t.statements(for: answer) {
            guard let value = values.first(where: { statement.sql.contains($0) }) else { continue }
            throw answer.failure(
                Words(
                    "ran SQL with the value \"\(value)\" written into it instead of a ?: \(statement.sql.prefix(200))",
                    id:
                        "menjalankan SQL yang berisi nilai \"\(value)\" langsung, bukan lewat ?: \(statement.sql.prefix(200))"
                ),
                hint: Words(
                    "Pass every value (the event id, the amount, the time, the status, the order id) as a bound ? parameter: the event's text comes from outside.",
                    id:
                        "Kirim setiap nilai (id event, jumlah, waktu, status, id pesanan) sebagai parameter terikat ?: teks event-nya datang dari luar."
                ))
        }
        for round in 0..<3 {
            let order = try Checkout.placeOrder(t)
            let body = Checkout.event("evt_\(order)_race\(round)", "payment.succeeded", order: order)
            let signature = Checkout.header(body, at: Checkout.now(t))
            // The check holds the write lock while the deliveries start: every one can look the id
            // up, none can write yet. Only a lookup inside the writing transaction counts once.
            let results = try t.concurrently(5, holdingWriteLockFor: .milliseconds(300)) { _ in
                try Checkout.deliver(t, body, signature: signature)
            }
            for result in results {
                let response = try result.get()
                try response.expectStatus(200, hint: duplicateHint)
            }
            try expectOrder(
                t, order, status: "paid", balance: Checkout.amount, entries: 1,
                after: Words(
                    "5 deliveries of one event at the same moment",
                    id: "5 pengiriman dari satu event pada saat yang sama"),
                hint: duplicateHint)
        }
    }

    Check(
        Words(
            "a refund after its payment is a new event: the order becomes refunded and its ledger returns to 0",
            id:
                "refund setelah pembayarannya adalah event baru: pesanannya menjadi refunded dan ledger-nya kembali ke 0"
        ),
        hint: Words(
            "Deduplicate by the event's id, never by the order or the payment: a payment and its refund share both, and are two events.",
            id:
                "Hilangkan duplikat berdasarkan id event-nya, jangan berdasarkan pesanan atau pembayarannya: pembayaran dan refund-nya sama-sama punya keduanya, dan keduanya adalah dua event."
        ),
        needs: processesOne.en
    ) { t in
        try Checkout.start(t)
        let order = try Checkout.placeOrder(t)
        try expectAnswered200(
            t, Checkout.event("evt_\(order)_paid", "payment.succeeded", order: order),
            what: Words("the payment", id: "pembayarannya"), hint: duplicateHint)
        try expectAnswered200(
            t, Checkout.event("evt_\(order)_refund", "payment.refunded", order: order),
            what: Words("the refund of that payment", id: "refund dari pembayaran itu"),
            hint: Words(
                "The refund has its own event id: it is new, not a duplicate of the payment.",
                id: "Refund punya id event-nya sendiri: itu event baru, bukan duplikat pembayarannya."))
        try expectOrder(
            t, order, status: "refunded", balance: 0, entries: 2,
            after: Words("a payment and then its refund", id: "pembayaran lalu refund-nya"),
            hint: Words(
                "A refund adds a ledger row of -amount and makes the order refunded.",
                id: "Refund menambah baris ledger -amount dan membuat pesanannya menjadi refunded."))
    }

    Check(
        Words(
            "a refund that arrives before its payment is answered 200 at once, and when the payment follows, the order stays refunded with its ledger at 0",
            id:
                "refund yang datang sebelum pembayarannya langsung dijawab 200, dan ketika pembayarannya menyusul, pesanannya tetap refunded dengan ledger di 0"
        ),
        hint: orderHint,
        needs: processesOne.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let started = ContinuousClock.now
        try expectAnswered200(
            t, Checkout.event("evt_\(order)_refund", "payment.refunded", order: order),
            what: Words(
                "a refund for an order whose payment has not arrived yet",
                id: "refund untuk pesanan yang pembayarannya belum datang"),
            hint: Words(
                "Do not answer 409 or 503 to be sent the refund later: the gateway waits minutes, then hours, between attempts. Process it now: a refund makes the order refunded, whatever its status.",
                id:
                    "Jangan menjawab 409 atau 503 supaya refund-nya dikirim nanti: gateway menunggu beberapa menit, lalu beberapa jam, di antara percobaannya. Proses sekarang: refund membuat pesanannya menjadi refunded, apa pun status-nya."
            ))
        let waited = ContinuousClock.now - started
        try require(
            waited < .seconds(2),
            Words(
                "the refund was answered after \(waited); answer at once (under 2 s), the gateway gives up on slow answers and sends again",
                id:
                    "refund-nya dijawab setelah \(waited); jawab segera (di bawah 2 detik), gateway menyerah pada jawaban yang lambat lalu mengirim lagi"
            ), hint: orderHint)
        try expectAnswered200(
            t, Checkout.event("evt_\(order)_paid", "payment.succeeded", order: order),
            what: Words(
                "the payment, arriving after its refund", id: "pembayarannya, yang datang setelah refund-nya"),
            hint: orderHint)
        try expectOrder(
            t, order, status: "refunded", balance: 0, entries: 2,
            after: Words(
                "a refund and then its late payment", id: "refund lalu pembayarannya yang terlambat"),
            hint: orderHint)
    }

    Check(
        Words(
            "a verified event with another amount than the order's is answered 422 and stores nothing, not even its id",
            id:
                "event terverifikasi dengan jumlah yang berbeda dari pesanannya dijawab 422 dan tidak menyimpan apa pun, id-nya pun tidak"
        ),
        hint: Words(
            "Throw EventProblem.wrongAmount inside the transaction when event.data.amount is not the order's amount: the throw rolls back the id you stored, so nothing of the event remains.",
            id:
                "Lempar EventProblem.wrongAmount di dalam transaction kalau event.data.amount bukan jumlah pesanannya: throw itu membatalkan id yang sudah kamu simpan, jadi tidak ada yang tersisa dari event itu."
        ),
        needs: processesOne.en
    ) { t in
        let order = try Checkout.placeOrder(t)
        let id = "evt_\(order)_cheap"
        let answer = try Checkout.deliverSigned(
            t, Checkout.event(id, "payment.succeeded", order: order, amount: 1_000))
        try Checkout.expectRefused(
            answer, 422,
            what: Words(
                "a genuine payment of Rp 1,000 for an order of Rp 55,000",
                id: "pembayaran asli Rp 1.000 untuk pesanan Rp 55.000"
            ),
            hint: Words(
                "Compare event.data.amount with the order's amount and throw EventProblem.wrongAmount when they differ.",
                id:
                    "Bandingkan event.data.amount dengan jumlah pesanannya dan lempar EventProblem.wrongAmount kalau berbeda."
            ))
        try expectOrder(
            t, order, status: "pending", balance: 0, entries: 0,
            after: Words("a payment of the wrong amount", id: "pembayaran dengan jumlah yang salah"),
            hint: Words(
                "A wrong amount changes nothing: throw inside the transaction, before the ledger row and the status.",
                id:
                    "Jumlah yang salah tidak mengubah apa pun: lempar di dalam transaction, sebelum baris ledger dan status-nya."
            ))
        let stored = try t.database().queryOne(
            "SELECT COUNT(*) AS n FROM processed_events WHERE event_id = ?", id)
        try requireEqual(
            try stored?.int("n"), 0,
            Words(
                "the rows of processed_events for the refused event \(id)",
                id: "baris processed_events untuk event \(id) yang ditolak"),
            hint: Words(
                "Throw inside database.transaction, never return: a throw rolls the stored id back, so the gateway's next attempt is processed as new.",
                id:
                    "Lempar di dalam database.transaction, jangan return: throw membatalkan id yang sudah tersimpan, jadi percobaan gateway berikutnya diproses sebagai event baru."
            ))
    }
}
