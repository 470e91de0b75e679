import BackendKit
import Foundation
import GraderKit

private let paysInCash = Words(
    "a payment in cash is recorded: 201, and GET /orders/:id/payments lists it with nothing left due",
    id:
        "pembayaran tunai tercatat: 201, dan GET /orders/:id/payments menampilkannya tanpa sisa yang harus dibayar"
)

/// The payments `GET /orders/:id/payments` lists.
private func listed(_ t: TestContext, order: Int) throws -> (payments: [JSONValue], response: ClientResponse)
{
    let response = try t.http.get("/orders/\(order)/payments").expectStatus(200)
    let payments = try requireValue(
        try response.json()["payments"]?.array,
        Words(
            "the list of payments, as {\"payments\": […]}",
            id: "daftar pembayarannya, seperti {\"payments\": […]}"),
        response: response)
    return (payments, response)
}

let swallowedError = ExerciseTests("debug02-swallowed-error") {
    Check(
        paysInCash,
        hint: Words(
            "Paying must still work: fix what happens when a payment cannot be stored, not whether it is stored.",
            id:
                "Membayar harus tetap berfungsi: perbaiki apa yang terjadi saat pembayaran tidak bisa disimpan, bukan apakah ia disimpan."
        )
    ) { t in
        let order = try Warung.placeSampleOrder(t)
        let paid = try t.http.post("/orders/\(order)/payments", json: ["amount": 55_000, "method": "cash"])
        try paid.expectStatus(201)
        let (payments, response) = try listed(t, order: order)
        try require(
            payments.count == 1 && payments.first?["amount"]?.int == 55_000,
            Words(
                "after one payment of 55000 in cash, GET /orders/\(order)/payments lists \(payments.count) payments",
                id:
                    "setelah satu pembayaran tunai 55000, GET /orders/\(order)/payments menampilkan \(payments.count) pembayaran"
            ),
            response: response)
        try requireEqual(
            try response.json()["due"]?.int, 0,
            Words(
                "what is still due after paying the whole total",
                id: "sisa yang harus dibayar setelah seluruh total dibayar"),
            response: response)
    }.asGuard()

    Check(
        Words(
            "a payment for an order that does not exist answers 404; an amount of 0 or an unknown method 422",
            id:
                "pembayaran untuk pesanan yang tidak ada menjawab 404; jumlah 0 atau metode yang tidak dikenal menjawab 422"
        )
    ) { t in
        _ = try t.http.post("/orders/9999/payments", json: ["amount": 1000, "method": "cash"]).expectProblem(
            status: 404)
        let order = try Warung.placeSampleOrder(t)
        _ = try t.http.post("/orders/\(order)/payments", json: ["amount": 0, "method": "cash"]).expectProblem(
            status: 422)
        _ = try t.http.post("/orders/\(order)/payments", json: ["amount": 1000, "method": "bitcoin"])
            .expectProblem(status: 422)
    }.asGuard()

    Check(
        Words(
            "a payment answered 201 is stored: one the shop's app makes with method \"QRIS\" is listed afterwards",
            id:
                "pembayaran yang dijawab 201 benar-benar tersimpan: pembayaran dari aplikasi toko dengan metode \"QRIS\" muncul di daftarnya"
        ),
        hint: Words(
            "The answer says 201 and the log says \"payment received\", yet nothing is stored: something between them hides an error. Look for a try? on the way to the database, and find out what it hides by letting the error through once.",
            id:
                "Jawabannya 201 dan log-nya bilang \"payment received\", tapi tidak ada yang tersimpan: ada sesuatu di antaranya yang menyembunyikan error. Cari try? di jalan menuju database, lalu cari tahu apa yang disembunyikannya dengan membiarkan error-nya lewat sekali."
        ),
        needs: paysInCash.en
    ) { t in
        let order = try Warung.placeSampleOrder(t)
        let paid = try t.http.post("/orders/\(order)/payments", json: ["amount": 20_000, "method": "QRIS"])
        switch paid.status {
        case 201:
            let (payments, response) = try listed(t, order: order)
            try require(
                payments.contains { $0["amount"]?.int == 20_000 },
                Words(
                    "POST /orders/\(order)/payments with method \"QRIS\" answered 201 Created, but GET /orders/\(order)/payments does not list it: the payment was never stored, and neither the customer nor the log was told",
                    id:
                        "POST /orders/\(order)/payments dengan metode \"QRIS\" menjawab 201 Created, tapi GET /orders/\(order)/payments tidak menampilkannya: pembayarannya tidak pernah tersimpan, dan baik pelanggan maupun log tidak diberi tahu"
                ),
                response: response)
        case 422:
            throw CheckFailure(
                Words(
                    "a payment with method \"QRIS\" was refused with 422, but the shop's app sends the method in capitals: \"QRIS\" and \"qris\" are the same method, and the table stores \"qris\"",
                    id:
                        "pembayaran dengan metode \"QRIS\" ditolak dengan 422, padahal aplikasi toko mengirim metodenya dalam huruf kapital: \"QRIS\" dan \"qris\" adalah metode yang sama, dan tabelnya menyimpan \"qris\""
                ),
                exchange: paid.exchange)
        default:
            throw CheckFailure(
                Words(
                    "a payment with method \"QRIS\" answered \(paid.status): the error is no longer hidden (good), but the payment is still not stored. Your server's log says why",
                    id:
                        "pembayaran dengan metode \"QRIS\" menjawab \(paid.status): error-nya tidak lagi disembunyikan (bagus), tapi pembayarannya tetap tidak tersimpan. Log server kamu menyebut alasannya"
                ),
                exchange: paid.exchange)
        }
    }

    Check(
        Words(
            "when the database cannot store a payment, the answer is a 5xx, never a 201, and the log has the error with the request id",
            id:
                "saat database tidak bisa menyimpan pembayaran, jawabannya 5xx, tidak pernah 201, dan log-nya berisi error itu dengan request id-nya"
        ),
        hint: Words(
            "A try? turns every failure into nil, and the code goes on as if the payment were stored. Let the error through (try, not try?): BackendKit answers 500 with the request id and logs the error with it.",
            id:
                "try? mengubah setiap kegagalan menjadi nil, dan kodenya berjalan terus seolah-olah pembayarannya tersimpan. Biarkan error-nya lewat (try, bukan try?): BackendKit menjawab 500 dengan request id dan mencatat error itu bersamanya."
        ),
        needs: paysInCash.en,
        timeout: .seconds(30)
    ) { t in
        let order = try Warung.placeSampleOrder(t)
        let requestID = "pay-while-locked"
        let (response, lines) = try Warung.sendWhileLocked(t) {
            try t.http.post(
                "/orders/\(order)/payments", json: ["amount": 1000, "method": "cash"],
                headers: ["X-Request-Id": requestID])
        }
        try require(
            (500...599).contains(response.status),
            Words(
                "while the database was locked for longer than the server waits (5 s), POST /orders/\(order)/payments answered \(response.status): the payment could not have been stored, and the customer was told it was",
                id:
                    "saat database terkunci lebih lama dari waktu tunggu server (5 detik), POST /orders/\(order)/payments menjawab \(response.status): pembayarannya tidak mungkin tersimpan, dan pelanggan diberi tahu bahwa ia tersimpan"
            ),
            response: response)
        try require(
            lines.contains { $0.contains("ERROR") && $0.contains("request_id=\(requestID)") },
            Words(
                "the payment failed with \(response.status), but no ERROR line with request_id=\(requestID) is in your server's log: the shop cannot find out what happened",
                id:
                    "pembayarannya gagal dengan \(response.status), tapi tidak ada baris ERROR dengan request_id=\(requestID) di log server kamu: toko tidak bisa mencari tahu apa yang terjadi"
            ),
            response: response)
    }
}
