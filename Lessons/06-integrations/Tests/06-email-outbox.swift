import BackendKit
import Foundation
import GraderKit

/// The check that shows a receipt is queued at all; the sending checks need it.
private let queuedInTheTransaction = Words(
    "the webhook that pays an order writes its receipt to the outbox in the same transaction that makes the order paid",
    id:
        "webhook yang melunasi pesanan menulis struk-nya ke outbox di transaction yang sama dengan yang membuat pesanan itu paid"
)

/// The check that shows the sender sends and marks; the failure checks need it.
private let sentOnce = Words(
    "the background sender delivers the receipt to receipt_email once and marks its outbox row sent",
    id:
        "pengirim di background mengirim struk-nya ke receipt_email sekali dan menandai baris outbox-nya sent"
)

private let queueHint = Words(
    "In ReceiptOutbox.process, pass store.process an alsoWrite closure { order, tx in … } and INSERT INTO outbox with tx inside it. Written after process returned, or sent from the request itself, the receipt is lost when the server stops in between or the mail service is down.",
    id:
        "Di ReceiptOutbox.process, beri store.process closure alsoWrite { order, tx in … } dan INSERT INTO outbox dengan tx di dalamnya. Kalau ditulis setelah process selesai, atau dikirim dari request-nya sendiri, struk-nya hilang saat server berhenti di antaranya atau layanan mail sedang mati."
)

private let sendHint = Words(
    "In sendDue: SELECT the rows WHERE status = 'pending' AND next_attempt_at <= now, POST each to /messages, and only after a 2xx UPDATE outbox SET status = 'sent', sent_at = ….",
    id:
        "Di sendDue: SELECT baris-baris WHERE status = 'pending' AND next_attempt_at <= now, POST masing-masing ke /messages, dan baru setelah 2xx UPDATE outbox SET status = 'sent', sent_at = …."
)

private let crashHint = Words(
    "Send with an Idempotency-Key made from the row (\"receipt-\" + its id), the same on every attempt, and mark the row sent only after the mail service answered 2xx. A crash in between then sends it again with the same key, and the mail service delivers it once.",
    id:
        "Kirim dengan Idempotency-Key yang dibuat dari barisnya (\"receipt-\" + id-nya), sama di setiap percobaan, dan tandai barisnya sent hanya setelah layanan mail menjawab 2xx. Crash di antaranya lalu mengirimnya lagi dengan key yang sama, dan layanan mail mengantarkannya sekali."
)

private let retryHint = Words(
    "When the send fails (an error, or a status that is not 2xx), keep the row pending: attempts + 1, and next_attempt_at = now + retryDelay(afterAttempts:) (30 s after the first failure). Only a 4xx other than 408 and 429, or maximumAttempts, marks it failed.",
    id:
        "Kalau pengirimannya gagal (error, atau status yang bukan 2xx), biarkan barisnya pending: attempts + 1, dan next_attempt_at = now + retryDelay(afterAttempts:) (30 detik setelah kegagalan pertama). Hanya 4xx selain 408 dan 429, atau maximumAttempts, yang menandainya failed."
)

/// SQL as one uppercase line, to recognise a statement however it was written.
private func normalized(_ sql: String) -> String {
    sql.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// Fails the check when `order`'s outbox has not exactly `count` rows after `what`.
private func expectRows(_ t: TestContext, of order: Int, _ count: Int, after what: Words, hint: Words) throws
{
    try requireEqual(
        try Outbox.rows(t, of: order).count, count,
        Words(
            "the number of outbox rows of order \(order) after \(what.en)",
            id: "jumlah baris outbox pesanan \(order) setelah \(what[.id])"),
        hint: hint)
}

let emailOutbox = ExerciseTests("int06-email-outbox") {
    Check(
        Words(
            "without MAIL_URL the server refuses to start and names MAIL_URL",
            id: "tanpa MAIL_URL server menolak start dan menyebut MAIL_URL"),
        hint: Words(
            "Build the client with OutboundClient.fromEnvironment(\"MAIL_URL\", …): it throws when the variable is missing, and main.swift stops with the message. A default URL hides the mistake until the first receipt is lost.",
            id:
                "Buat client-nya dengan OutboundClient.fromEnvironment(\"MAIL_URL\", …): ia melempar error kalau variabelnya tidak ada, dan main.swift berhenti dengan pesannya. URL default menyembunyikan kesalahan itu sampai struk pertama hilang."
        )
    ) { t in
        try t.expectStartFailure(
            environment: Checkout.settings(without: Outbox.variable), removing: [Outbox.variable]
        )
        .expectNonZeroExit().expectOutput(mentions: Outbox.variable)
    }

    Check(queuedInTheTransaction, hint: queueHint) { t in
        _ = try Outbox.started(t)
        let (order, answer) = try Outbox.payOrder(t)
        let statements = try t.statements(for: answer)
        let update = statements.first { normalized($0.sql).hasPrefix("UPDATE ORDERS") && $0.succeeded }
        guard let insert = statements.first(where: { normalized($0.sql).hasPrefix("INSERT INTO OUTBOX") })
        else {
            throw answer.failure(
                Words(
                    "the webhook that paid order \(order) wrote no row to the outbox table. A receipt sent from the request itself is lost whenever the mail service is down, and it makes the gateway wait",
                    id:
                        "webhook yang melunasi pesanan \(order) tidak menulis baris apa pun ke tabel outbox. Struk yang dikirim dari request-nya sendiri hilang setiap kali layanan mail mati, dan membuat gateway menunggu"
                ), hint: queueHint)
        }
        guard let transaction = insert.transaction, transaction == update?.transaction else {
            throw answer.failure(
                Words(
                    "the webhook wrote the outbox row outside the transaction that made order \(order) paid (\(insert.sql)). A crash between the two commits leaves a paid order whose receipt is never sent",
                    id:
                        "webhook-nya menulis baris outbox di luar transaction yang membuat pesanan \(order) paid (\(insert.sql)). Crash di antara dua commit itu meninggalkan pesanan lunas yang struk-nya tidak pernah dikirim"
                ), hint: queueHint)
        }
        let rows = try Outbox.rows(t, of: order)
        try requireEqual(
            rows.count, 1,
            Words("the number of outbox rows of order \(order)", id: "jumlah baris outbox pesanan \(order)"),
            hint: queueHint)
        try requireEqual(
            try rows[0].string("recipient"), Outbox.email(order),
            Words("the recipient of order \(order)'s receipt", id: "penerima struk pesanan \(order)"),
            hint: Words(
                "The receipt goes to the address in the event: event.data.receiptEmail.",
                id: "Struk-nya dikirim ke alamat yang ada di event-nya: event.data.receiptEmail."))
    }

    Check(
        Words(
            "a duplicate delivery, a refund and a payment that arrives after its refund queue no receipt",
            id:
                "pengiriman duplikat, refund, dan pembayaran yang datang setelah refund-nya tidak mengantrekan struk"
        ),
        hint: Words(
            "alsoWrite runs for every new event. Queue a receipt only for a payment.succeeded that made the order paid: order.status == \"paid\" and order.paymentID == event.data.paymentID.",
            id:
                "alsoWrite dijalankan untuk setiap event baru. Antrekan struk hanya untuk payment.succeeded yang membuat pesanannya paid: order.status == \"paid\" dan order.paymentID == event.data.paymentID."
        ),
        needs: queuedInTheTransaction.en
    ) { t in
        let hint = Words(
            "Queue a receipt only for a payment.succeeded that made the order paid: order.status == \"paid\" and order.paymentID == event.data.paymentID.",
            id:
                "Antrekan struk hanya untuk payment.succeeded yang membuat pesanannya paid: order.status == \"paid\" dan order.paymentID == event.data.paymentID."
        )
        _ = try Outbox.started(t)
        let (paid, _) = try Outbox.payOrder(t)
        try Checkout.deliverSigned(t, Outbox.paidEvent(order: paid)).expectStatus(200)
        try expectRows(
            t, of: paid, 1,
            after: Words("the same event delivered again", id: "event yang sama dikirim lagi"),
            hint: hint)
        try Checkout.deliverSigned(t, Outbox.event(order: paid, type: "payment.refunded", tag: "r"))
            .expectStatus(200)
        try expectRows(
            t, of: paid, 1, after: Words("its refund", id: "refund-nya"), hint: hint)

        let refunded = try Checkout.placeOrder(t)
        try Checkout.deliverSigned(t, Outbox.event(order: refunded, type: "payment.refunded", tag: "r"))
            .expectStatus(200)
        try Checkout.deliverSigned(t, Outbox.paidEvent(order: refunded)).expectStatus(200)
        try expectRows(
            t, of: refunded, 0,
            after: Words(
                "a refund and then, late, its payment (the order stays refunded)",
                id: "refund lalu, terlambat, pembayarannya (pesanannya tetap refunded)"),
            hint: hint)
    }

    Check(sentOnce, hint: sendHint, needs: queuedInTheTransaction.en) { t in
        let mail = try Outbox.started(t)
        let (order, _) = try Outbox.payOrder(t)
        let got = mail.messages(atLeast: 1)
        guard let receipt = got.first else {
            try fail(
                Words(
                    "no receipt reached the mail service within 5 seconds of the payment (\(mail.attempts.count) send attempt(s) arrived). Does sendDue read the pending rows and POST each to MAIL_URL /messages?",
                    id:
                        "tidak ada struk yang sampai di layanan mail dalam 5 detik setelah pembayaran (\(mail.attempts.count) percobaan kirim yang sampai). Apakah sendDue membaca baris-baris pending dan mem-POST masing-masing ke MAIL_URL /messages?"
                ), hint: sendHint)
        }
        try requireEqual(
            receipt.to, [Outbox.email(order)],
            Words("the recipients of the receipt", id: "penerima struk-nya"),
            hint: Words(
                "Send to the row's recipient: receipt.message does.",
                id: "Kirim ke recipient baris itu: receipt.message sudah melakukannya."))
        let row = try Outbox.waitForRow(t, of: order) { try $0.string("status") == "sent" }
        let status = try Outbox.status(row) ?? "missing"
        try require(
            status == "sent" && (try row?.get("sent_at", as: String?.self)) != nil,
            Words(
                "the mail service accepted the receipt of order \(order), but 3 seconds later its outbox row is still \(status). Unmarked, it is sent again on every run",
                id:
                    "layanan mail sudah menerima struk pesanan \(order), tapi 3 detik kemudian baris outbox-nya masih \(status). Kalau tidak ditandai, struk itu dikirim lagi di setiap run"
            ), hint: sendHint)
        try requireEqual(
            mail.messages.count, 1,
            Words("the number of receipts the customer got", id: "jumlah struk yang diterima pelanggan"),
            hint: sendHint)
    }

    Check(
        Words(
            "the webhook is answered at once while the mail service is stuck: the request never sends the mail",
            id:
                "webhook langsung dijawab walaupun layanan mail tidak menjawab: request-nya tidak pernah mengirim mail"
        ),
        needs: sentOnce.en
    ) { t in
        let mail = try Outbox.started(t, [.trickle])
        let order = try Checkout.placeOrder(t)
        let usual = t.http.timeout
        t.http.timeout = .milliseconds(1500)
        defer { t.http.timeout = usual }
        let answer: ClientResponse
        do {
            answer = try Checkout.deliverSigned(t, Outbox.paidEvent(order: order))
        } catch {
            throw CheckFailure(
                Words(
                    "the payment webhook got no answer within 1.5 seconds while the mail service was stuck (\(mail.attempts.count) send attempt(s) arrived): the request waits for the mail. The gateway gives up and sends the event again",
                    id:
                        "webhook pembayaran tidak dijawab dalam 1,5 detik selama layanan mail macet (\(mail.attempts.count) percobaan kirim sampai): request-nya menunggu mail. Gateway menyerah dan mengirim event itu lagi"
                ),
                hint: Words(
                    "ReceiptOutbox.process only writes the row; the background job (woken by the route) sends it. Do not call sendDue or the mail client from process.",
                    id:
                        "ReceiptOutbox.process hanya menulis barisnya; job di background (dibangunkan oleh route-nya) yang mengirimnya. Jangan panggil sendDue atau client mail dari process."
                ))
        }
        try answer.expectStatus(200)
        _ = try t.signalServer(SIGKILL)
    }

    Check(
        Words(
            "a crash after the mail service accepted the receipt, before it was marked sent, still gets the customer exactly one receipt",
            id:
                "crash setelah layanan mail menerima struk-nya, sebelum ditandai sent, tetap membuat pelanggan menerima tepat satu struk"
        ),
        hint: crashHint,
        needs: sentOnce.en
    ) { t in
        let mail = try Outbox.started(t, [.acceptAndHold])
        let (order, _) = try Outbox.payOrder(t)
        guard mail.waitForAttempts(1) != nil else {
            try fail(
                Words(
                    "no receipt was sent within 5 seconds of the payment",
                    id: "tidak ada struk yang dikirim dalam 5 detik setelah pembayaran"), hint: sendHint)
        }
        let status = try Outbox.status(Outbox.rows(t, of: order).first) ?? "missing"
        try require(
            status == "pending",
            Words(
                "while the mail service had not answered yet, order \(order)'s outbox row was already \(status). The grader now stops your server; after a crash here a row marked sent is never sent again, and the receipt would be lost whenever the send had failed",
                id:
                    "selama layanan mail belum menjawab, baris outbox pesanan \(order) sudah \(status). Grader sekarang menghentikan server kamu; setelah crash di titik ini, baris yang sudah ditandai sent tidak pernah dikirim lagi, dan struk-nya hilang kalau pengirimannya ternyata gagal"
            ), hint: crashHint)
        _ = try t.signalServer(SIGKILL)
        try t.restartServer()
        guard let attempts = mail.waitForAttempts(2) else {
            try fail(
                Words(
                    "after the server was killed while sending and started again, the pending receipt of order \(order) was not sent again within 5 seconds",
                    id:
                        "setelah server dimatikan saat mengirim lalu dijalankan lagi, struk pending pesanan \(order) tidak dikirim lagi dalam 5 detik"
                ), hint: crashHint)
        }
        let keys = attempts.prefix(2).map { $0.headers["Idempotency-Key"] ?? "" }
        try require(
            !keys[0].isEmpty,
            Words(
                "the receipt was sent without an Idempotency-Key header, so the mail service cannot tell the resend after the crash from a new e-mail: the customer got \(mail.messages.count) receipts",
                id:
                    "struk-nya dikirim tanpa header Idempotency-Key, jadi layanan mail tidak bisa membedakan kiriman ulang setelah crash dari e-mail baru: pelanggan menerima \(mail.messages.count) struk"
            ), hint: crashHint)
        try require(
            keys[0] == keys[1],
            Words(
                "the resend after the crash carried another Idempotency-Key than the first send (\(keys[0]), then \(keys[1])), so the customer got \(mail.messages.count) receipts. The key belongs to the outbox row, not to one attempt",
                id:
                    "kiriman ulang setelah crash membawa Idempotency-Key yang berbeda dari kiriman pertama (\(keys[0]), lalu \(keys[1])), jadi pelanggan menerima \(mail.messages.count) struk. Key-nya milik baris outbox, bukan milik satu percobaan"
            ), hint: crashHint)
        try requireEqual(
            mail.messages.count, 1,
            Words("the number of receipts the customer got", id: "jumlah struk yang diterima pelanggan"),
            hint: crashHint)
        let row = try Outbox.waitForRow(t, of: order) { try $0.string("status") == "sent" }
        try requireEqual(
            try Outbox.status(row), "sent",
            Words(
                "order \(order)'s outbox row once the resend was accepted",
                id: "baris outbox pesanan \(order) setelah kiriman ulangnya diterima"),
            hint: sendHint)
    }

    Check(
        Words(
            "a receipt the mail service refused with 503 stays pending, is tried again after a pause (30 s on the server's clock), and is delivered once",
            id:
                "struk yang ditolak layanan mail dengan 503 tetap pending, dicoba lagi setelah jeda (30 detik di jam server), dan diantarkan sekali"
        ),
        hint: retryHint,
        needs: sentOnce.en
    ) { t in
        let mail = try Outbox.started(t, [.fail(503)])
        let (order, _) = try Outbox.payOrder(t)
        guard mail.waitForAttempts(1) != nil else {
            try fail(
                Words(
                    "no receipt was sent within 5 seconds of the payment",
                    id: "tidak ada struk yang dikirim dalam 5 detik setelah pembayaran"), hint: sendHint)
        }
        let row = try requireValue(
            try Outbox.waitForRow(t, of: order) {
                try $0.int("attempts") >= 1 || $0.string("status") != "pending"
            },
            Words("order \(order)'s outbox row", id: "baris outbox pesanan \(order)"))
        let status = try row.string("status")
        try require(
            status == "pending",
            Words(
                "after one 503 from the mail service, order \(order)'s receipt is \(status). A 503 means \"try again later\": keep it pending, or the customer never gets it",
                id:
                    "setelah satu 503 dari layanan mail, struk pesanan \(order) menjadi \(status). 503 artinya \"coba lagi nanti\": biarkan pending, kalau tidak pelanggan tidak pernah menerimanya"
            ), hint: retryHint)
        let pause = try row.int("next_attempt_at") - Checkout.now(t)
        let attempts = try row.int("attempts")
        try require(
            attempts == 1 && pause >= 20,
            Words(
                "after the first failed send, order \(order)'s row has attempts = \(attempts) and its next attempt is due in \(pause) s; expected attempts = 1 and a pause of 30 s (retryDelay(afterAttempts: 1)). Sent again at once, a mail service that is down gets hammered on every run",
                id:
                    "setelah pengiriman pertama gagal, baris pesanan \(order) punya attempts = \(attempts) dan percobaan berikutnya jatuh tempo dalam \(pause) detik; seharusnya attempts = 1 dan jeda 30 detik (retryDelay(afterAttempts: 1)). Kalau langsung dikirim lagi, layanan mail yang sedang mati dihujani percobaan di setiap run"
            ), hint: retryHint)
        try t.advanceClock(by: .seconds(31))
        let got = mail.messages(atLeast: 1)
        let lastError =
            try Outbox.rows(t, of: order).first.flatMap { try $0.get("last_error", as: String?.self) }
            ?? "none"
        try require(
            got.count == 1,
            Words(
                "31 seconds later on the server's clock, order \(order)'s receipt still did not arrive (\(mail.attempts.count) send attempt(s) in all; the last error in its row: \(lastError)). Compare next_attempt_at with clock.now, the server's clock, not Date()",
                id:
                    "31 detik kemudian di jam server, struk pesanan \(order) tetap belum sampai (\(mail.attempts.count) percobaan kirim semuanya; error terakhir di barisnya: \(lastError)). Bandingkan next_attempt_at dengan clock.now, jam server, bukan Date()"
            ), hint: retryHint)
        let done = try Outbox.waitForRow(t, of: order) { try $0.string("status") == "sent" }
        try requireEqual(
            try Outbox.status(done), "sent",
            Words(
                "order \(order)'s outbox row once the retry was accepted",
                id: "baris outbox pesanan \(order) setelah percobaan ulangnya diterima"),
            hint: sendHint)
        // At least one more run of the job (every 0.5 s): a row that is sent is not sent again.
        Thread.sleep(forTimeInterval: 0.8)
        try requireEqual(
            mail.attempts.count, 2,
            Words(
                "the number of sends of order \(order)'s receipt in all (the refused one and the retry), 0.8 seconds after it was marked sent",
                id:
                    "jumlah pengiriman struk pesanan \(order) seluruhnya (yang ditolak dan percobaan ulangnya), 0,8 detik setelah ditandai sent"
            ),
            hint: Words(
                "Select only the rows WHERE status = 'pending' AND next_attempt_at <= now: a row that is sent, or whose next attempt is not due, is left alone.",
                id:
                    "Pilih hanya baris WHERE status = 'pending' AND next_attempt_at <= now: baris yang sudah sent, atau yang percobaan berikutnya belum jatuh tempo, dibiarkan."
            ))
    }

    Check(
        Words(
            "a receipt the mail service refuses with 422 (it will never accept it) is marked failed at once and not sent again",
            id:
                "struk yang ditolak layanan mail dengan 422 (tidak akan pernah diterimanya) langsung ditandai failed dan tidak dikirim lagi"
        ),
        hint: retryHint,
        needs: sentOnce.en
    ) { t in
        let mail = try Outbox.started(t, [.fail(422)])
        let (order, _) = try Outbox.payOrder(t)
        guard mail.waitForAttempts(1) != nil else {
            try fail(
                Words(
                    "no receipt was sent within 5 seconds of the payment",
                    id: "tidak ada struk yang dikirim dalam 5 detik setelah pembayaran"), hint: sendHint)
        }
        let row = try Outbox.waitForRow(t, of: order) { try $0.string("status") != "pending" }
        let status = try Outbox.status(row) ?? "missing"
        try require(
            status == "failed",
            Words(
                "after a 422 from the mail service, order \(order)'s receipt is \(status). A 4xx other than 408 and 429 says this message will never be accepted: mark it failed for a person to look at, instead of sending it again ten times",
                id:
                    "setelah 422 dari layanan mail, struk pesanan \(order) menjadi \(status). 4xx selain 408 dan 429 berarti pesan ini tidak akan pernah diterima: tandai failed supaya dilihat orang, alih-alih mengirimnya lagi sepuluh kali"
            ), hint: retryHint)
    }

    Check(
        Words(
            "a mail service that answers one byte at a time does not hold back the next receipt: each send has a total deadline",
            id:
                "layanan mail yang menjawab satu byte demi satu byte tidak menahan struk berikutnya: setiap pengiriman punya batas waktu total"
        ),
        hint: Words(
            "Give the mail client OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(1), total: .seconds(2)). A read timeout alone does not end an answer that keeps trickling; the default total is 10 seconds.",
            id:
                "Beri client mail-nya OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(1), total: .seconds(2)). Read timeout saja tidak menghentikan jawaban yang terus menetes; total default-nya 10 detik."
        ),
        needs: sentOnce.en
    ) { t in
        let mail = try Outbox.started(t, [.trickle])
        let (slow, _) = try Outbox.payOrder(t)
        guard mail.waitForAttempts(1) != nil else {
            try fail(
                Words(
                    "no receipt was sent within 5 seconds of the payment",
                    id: "tidak ada struk yang dikirim dalam 5 detik setelah pembayaran"), hint: sendHint)
        }
        let (next, _) = try Outbox.payOrder(t)
        let got = mail.messages(atLeast: 1, within: .milliseconds(4500))
        try require(
            got.contains { $0.to == [Outbox.email(next)] },
            Words(
                "while the mail service answered the receipt of order \(slow) one byte every half second, the receipt of order \(next) did not arrive within 4.5 seconds: the sender is still waiting for the first answer",
                id:
                    "selama layanan mail menjawab struk pesanan \(slow) satu byte setiap setengah detik, struk pesanan \(next) tidak sampai dalam 4,5 detik: pengirimnya masih menunggu jawaban pertama"
            ))
        _ = try t.signalServer(SIGKILL)
    }

    Check(
        Words(
            "every statement on the outbox passes its values as bound parameters (?)",
            id: "setiap statement pada outbox mengirim nilainya sebagai parameter terikat (?)"),
        hint: Words(
            "Write ? in the SQL and pass the values after it: tx.execute(\"INSERT INTO outbox (…) VALUES (?, ?, ?, ?, ?, ?)\", order.id, recipient, …). An address pasted into the SQL breaks on o'brien@example.com, and worse, runs what a customer typed.",
            id:
                "Tulis ? di SQL-nya dan berikan nilainya setelahnya: tx.execute(\"INSERT INTO outbox (…) VALUES (?, ?, ?, ?, ?, ?)\", order.id, recipient, …). Alamat yang ditempel ke SQL rusak pada o'brien@example.com, dan lebih buruk lagi, menjalankan apa yang diketik pelanggan."
        ),
        needs: sentOnce.en
    ) { t in
        let pasted = try t.loggedStatements.map(\.sql).filter { sql in
            // The statements a request or the job runs; the schema's CREATE statements have literals.
            let upper = normalized(sql)
            guard upper.contains("OUTBOX"),
                ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(where: upper.hasPrefix)
            else { return false }
            var rest = sql
            for literal in ["'pending'", "'sent'", "'failed'"] {
                rest = rest.replacingOccurrences(of: literal, with: "")
            }
            return rest.contains("'") || rest.contains("\"")
                || rest.range(of: #"[=<>(,]\s*-?[0-9]"#, options: .regularExpression) != nil
        }
        try require(
            pasted.isEmpty,
            Words(
                "\(pasted.count) statement(s) on the outbox carry values written into the SQL, such as: \(pasted.first ?? "")",
                id:
                    "\(pasted.count) statement pada outbox membawa nilai yang ditulis langsung di SQL-nya, misalnya: \(pasted.first ?? "")"
            ))
    }
}
