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
            "the event id is stored in the same transaction as its effect, so deliveries of one event at the same moment are counted once",
            id:
                "id event disimpan di transaction yang sama dengan efeknya, sehingga pengiriman satu event pada saat yang sama dihitung sekali"
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
}
