import BackendKit
import Foundation
import GraderKit

/// The check that shows a run works at all; the others need it.
private let matches = Words(
    "when every payment matches its order, a run answers 201 with no difference, having asked the gateway with its API key",
    id:
        "kalau setiap pembayaran cocok dengan pesanannya, sebuah run menjawab 201 tanpa perbedaan, setelah bertanya ke gateway dengan API key-nya"
)

private let pagingHint = Words(
    "Ask for limit=100; while has_more is true, ask again with starting_after = the id of the LAST payment of the page you got. starting_after is exclusive: the next page begins after that payment, so drop nothing and add nothing.",
    id:
        "Minta limit=100; selama has_more true, minta lagi dengan starting_after = id pembayaran TERAKHIR di halaman yang kamu dapat. starting_after itu eksklusif: halaman berikutnya dimulai setelah pembayaran itu, jadi jangan buang apa pun dan jangan tambah apa pun."
)

private let kindsHint = Words(
    "Group the payments by order_id (Dictionary(grouping:by:)): a pending or missing order is paid_at_gateway_only, every payment after the first is duplicate_payment, an amount whose wholeRupiah is not the order's is amount_mismatch; then every paid order whose payment_id the gateway did not list is unknown_to_gateway.",
    id:
        "Kelompokkan pembayaran berdasarkan order_id (Dictionary(grouping:by:)): pesanan yang pending atau tidak ada adalah paid_at_gateway_only, setiap pembayaran setelah yang pertama adalah duplicate_payment, jumlah yang wholeRupiah-nya bukan jumlah pesanan adalah amount_mismatch; lalu setiap pesanan paid yang payment_id-nya tidak ada di daftar gateway adalah unknown_to_gateway."
)

/// Fails the check unless the report's differences are exactly `expected` ("kind order_id").
private func expectDifferences(
    _ found: [String], _ expected: [String], after what: Words, hint: Words, response: ClientResponse
) throws {
    let missing = expected.filter { !found.contains($0) }
    let extra = found.filter { !expected.contains($0) }
    guard missing.isEmpty && extra.isEmpty else {
        let none = Words("none", id: "tidak ada")
        let missingEN = missing.isEmpty ? none.en : missing.joined(separator: ", ")
        let missingID = missing.isEmpty ? none[.id] : missing.joined(separator: ", ")
        let extraEN = extra.isEmpty ? none.en : extra.prefix(5).joined(separator: ", ")
        let extraID = extra.isEmpty ? none[.id] : extra.prefix(5).joined(separator: ", ")
        throw response.failure(
            Words(
                "after \(what.en), the report misses \(missingEN) and has \(extra.count) difference(s) that are not there: \(extraEN)",
                id:
                    "setelah \(what[.id]), laporannya tidak memuat \(missingID) dan memuat \(extra.count) perbedaan yang sebenarnya tidak ada: \(extraID)"
            ), hint: hint)
    }
}

let reconciliation = ExerciseTests("int07-reconciliation") {
    Check(
        Words(
            "without GATEWAY_API_KEY or GATEWAY_URL the server refuses to start, names the variable, and never prints the key",
            id:
                "tanpa GATEWAY_API_KEY atau GATEWAY_URL server menolak start, menyebut nama variabelnya, dan tidak pernah mencetak key-nya"
        ),
        hint: Words(
            "In gatewayClient: guard let key = environment[apiKeyVariable], !key.isEmpty else { throw ConfigError.missing(variable: apiKeyVariable, …) }. A gateway without its key answers every call 401.",
            id:
                "Di gatewayClient: guard let key = environment[apiKeyVariable], !key.isEmpty else { throw ConfigError.missing(variable: apiKeyVariable, …) }. Gateway tanpa key-nya menjawab setiap panggilan dengan 401."
        )
    ) { t in
        let gateway = try FakeGateway(t)
        let environment = try Reconciliation.environment(t, gateway).merging([
            "WEBHOOK_SECRETS": Checkout.secret
        ]) {
            _, new in new
        }
        try t.expectStartFailure(environment: environment, removing: ["GATEWAY_API_KEY"]).expectNonZeroExit()
            .expectOutput(mentions: "GATEWAY_API_KEY")
        try t.expectStartFailure(environment: environment, removing: ["GATEWAY_URL"]).expectNonZeroExit()
            .expectOutput(mentions: "GATEWAY_URL")
            .expectOutput(
                omits: FakeGateway.apiKey, what: Words("the gateway's API key", id: "API key gateway-nya"))
    }

    Check(
        matches,
        hint: Words(
            "Compare amounts as whole rupiah: wholeRupiah(\"55000.00\") is 55000, equal to the order's Int amount. Compared as text, \"55000.00\" is never \"55000\".",
            id:
                "Bandingkan jumlah sebagai rupiah bulat: wholeRupiah(\"55000.00\") adalah 55000, sama dengan amount Int milik pesanan. Kalau dibandingkan sebagai teks, \"55000.00\" tidak pernah sama dengan \"55000\"."
        )
    ) { t in
        let payments = (1...3).map { Reconciliation.payment(t, "pay_\($0)", order: $0, ago: 3600 - $0) }
        let gateway = try Reconciliation.prepare(
            t, orders: (1...3).map { Reconciliation.Seed(id: $0, paymentID: "pay_\($0)") }, payments: payments
        )
        let report = try Reconciliation.report(t)
        try expectDifferences(
            report.differences, [],
            after: Words(
                "a run over three paid orders, each with its own payment of \"55000.00\"",
                id:
                    "sebuah run atas tiga pesanan paid, masing-masing dengan pembayarannya sendiri sebesar \"55000.00\""
            ),
            hint: Words(
                "wholeRupiah(\"55000.00\") must be 55000: 1 to 12 digits, then nothing or \".00\".",
                id:
                    "wholeRupiah(\"55000.00\") harus 55000: 1 sampai 12 digit, lalu tidak ada apa-apa atau \".00\"."
            ),
            response: report.response)
        try requireEqual(
            report.checked, 3,
            Words(
                "payments_checked after a run over three payments",
                id: "payments_checked setelah run atas tiga pembayaran"),
            response: report.response)
        let limits = gateway.requests.compactMap { FakeGateway.query($0, "limit") }
        try require(
            limits.allSatisfy { $0 == "100" },
            Words(
                "the run asked for limit=\(limits.joined(separator: ", ")); ask for pages of 100 (pageSize), the most the gateway gives",
                id:
                    "run-nya meminta limit=\(limits.joined(separator: ", ")); minta halaman berisi 100 (pageSize), jumlah terbanyak yang diberikan gateway"
            ), hint: pagingHint)
    }

    Check(
        Words(
            "a run changes no order, not even one the gateway says is paid, and sends the gateway only GET requests",
            id:
                "sebuah run tidak mengubah pesanan apa pun, bahkan yang menurut gateway sudah dibayar, dan hanya mengirim request GET ke gateway"
        ),
        hint: Words(
            "A reconciliation reports; a person decides. Marking the pending order paid hides the lost webhook (no receipt, no ledger entry, nothing to look into) and trusts whichever side happens to be wrong.",
            id:
                "Rekonsiliasi melaporkan; orang yang memutuskan. Menandai pesanan pending sebagai paid menyembunyikan webhook yang hilang (tanpa struk, tanpa entri ledger, tanpa apa pun untuk diperiksa) dan memercayai sisi mana pun yang kebetulan salah."
        ),
        needs: matches.en
    ) { t in
        let gateway = try Reconciliation.prepare(
            t,
            orders: [
                Reconciliation.Seed(id: 1, paymentID: "pay_1"), Reconciliation.Seed(id: 2, paymentID: nil),
            ],
            payments: [
                Reconciliation.payment(t, "pay_1", order: 1), Reconciliation.payment(t, "pay_2", order: 2),
            ])
        let before = try Checkout.ordersTable(t)
        let report = try Reconciliation.report(t)
        try requireEqual(
            try Checkout.ordersTable(t), before,
            Words(
                "the orders table after a run that found order 2 paid at the gateway and pending here",
                id:
                    "tabel orders setelah run yang menemukan pesanan 2 sudah dibayar di gateway dan masih pending di sini"
            ),
            response: report.response)
        let methods = Set(gateway.requests.map(\.method))
        try require(
            methods == ["GET"],
            Words(
                "the run sent the gateway \(methods.sorted().joined(separator: ", ")) requests; a reconciliation only reads (GET /payments)",
                id:
                    "run-nya mengirim request \(methods.sorted().joined(separator: ", ")) ke gateway; rekonsiliasi hanya membaca (GET /payments)"
            ))
    }

    Check(
        Words(
            "each kind of difference is reported once: a lost webhook, a payment for an order that does not exist, a payment the gateway does not know, amounts that differ (\"50000.00\" and \"55000.50\" for Rp 55000), and a second payment",
            id:
                "setiap jenis perbedaan dilaporkan sekali: webhook yang hilang, pembayaran untuk pesanan yang tidak ada, pembayaran yang tidak dikenal gateway, jumlah yang berbeda (\"50000.00\" dan \"55000.50\" untuk Rp 55000), dan pembayaran kedua"
        ),
        hint: kindsHint,
        needs: matches.en
    ) { t in
        let orders: [Reconciliation.Seed] = [
            .init(id: 1, paymentID: nil), .init(id: 2, paymentID: "pay_2"), .init(id: 3, paymentID: "pay_3"),
            .init(id: 4, paymentID: "pay_4"), .init(id: 5, paymentID: "pay_5"),
            .init(id: 6, paymentID: "pay_6"),
        ]
        let payments = [
            Reconciliation.payment(t, "pay_1", order: 1, ago: 3000),
            Reconciliation.payment(t, "pay_3", order: 3, amount: "50000.00", ago: 2900),
            Reconciliation.payment(t, "pay_4", order: 4, ago: 2800),
            Reconciliation.payment(t, "pay_5", order: 5, ago: 2700),
            Reconciliation.payment(t, "pay_6", order: 6, amount: "55000.50", ago: 2600),
            Reconciliation.payment(t, "pay_4b", order: 4, ago: 2500),
            Reconciliation.payment(t, "pay_99", order: 99, ago: 2400),
        ]
        _ = try Reconciliation.prepare(t, orders: orders, payments: payments)
        let report = try Reconciliation.report(t)
        try expectDifferences(
            report.differences,
            [
                "amount_mismatch 3", "amount_mismatch 6", "duplicate_payment 4", "paid_at_gateway_only 1",
                "paid_at_gateway_only 99", "unknown_to_gateway 2",
            ],
            after: Words(
                "order 1 pending with a payment, order 2 paid with none, orders 3 and 6 with other amounts, order 4 with two payments, order 5 as it should be, and a payment for order 99, which does not exist",
                id:
                    "pesanan 1 pending dengan pembayaran, pesanan 2 paid tanpa pembayaran, pesanan 3 dan 6 dengan jumlah lain, pesanan 4 dengan dua pembayaran, pesanan 5 sebagaimana mestinya, dan pembayaran untuk pesanan 99, yang tidak ada"
            ), hint: kindsHint, response: report.response)
    }

    Check(
        Words(
            "a run reads all 251 payments across three pages, none skipped and none twice, and finds the lost webhook on the last page",
            id:
                "sebuah run membaca semua 251 pembayaran di tiga halaman, tidak ada yang terlewat dan tidak ada yang dua kali, dan menemukan webhook yang hilang di halaman terakhir"
        ),
        hint: pagingHint,
        needs: matches.en
    ) { t in
        let orders = (1...251).map { Reconciliation.Seed(id: $0, paymentID: $0 == 251 ? nil : "pay_\($0)") }
        // pay_101 is made in the same second as pay_100, the last of the first page, as happens on a
        // busy day: only the cursor tells them apart.
        let payments = (1...251).map {
            Reconciliation.payment(t, "pay_\($0)", order: $0, ago: 5000 - ($0 == 101 ? 100 : $0))
        }
        let gateway = try Reconciliation.prepare(t, orders: orders, payments: payments)
        let report = try Reconciliation.report(t)
        let pages = gateway.requests.count
        try requireEqual(
            report.checked, 251,
            Words(
                "payments_checked when the gateway holds 251 payments (pages of 100, 100 and 51; \(pages) page request(s) were sent)",
                id:
                    "payments_checked saat gateway menyimpan 251 pembayaran (halaman berisi 100, 100, dan 51; \(pages) request halaman dikirim)"
            ), hint: pagingHint, response: report.response)
        try expectDifferences(
            report.differences, ["paid_at_gateway_only 251"],
            after: Words(
                "250 matching payments and the payment of pending order 251 on the third page",
                id: "250 pembayaran yang cocok dan pembayaran pesanan pending 251 di halaman ketiga"),
            hint: pagingHint, response: report.response)
    }

    Check(
        Words(
            "a gateway that gives the same cursor again ends the run at once with 502, instead of a loop",
            id: "gateway yang memberi cursor yang sama lagi langsung mengakhiri run dengan 502, bukan loop"),
        hint: Words(
            "Keep the cursors you used in a Set; when has_more is true but the page's last id is one of them (or the page is empty), throw GatewayProblem. Stop after maximumPages pages too.",
            id:
                "Simpan cursor yang sudah kamu pakai di sebuah Set; kalau has_more true tapi id terakhir halamannya sudah ada di sana (atau halamannya kosong), lempar GatewayProblem. Berhenti juga setelah maximumPages halaman."
        ),
        needs: matches.en
    ) { t in
        let payments = (1...3).map { Reconciliation.payment(t, "pay_\($0)", order: $0, ago: 3600 - $0) }
        let gateway = try Reconciliation.prepare(
            t, orders: (1...3).map { Reconciliation.Seed(id: $0, paymentID: "pay_\($0)") }, payments: payments
        )
        gateway.behave(.repeatsCursor)
        let answer: ClientResponse
        do {
            answer = try Reconciliation.run(t)
        } catch {
            _ = try? t.signalServer(SIGKILL)
            throw CheckFailure(
                Words(
                    "the run did not answer within 5 seconds while the gateway kept answering has_more with the same page (\(gateway.requests.count) page requests so far): the paging loop never ends",
                    id:
                        "run-nya tidak menjawab dalam 5 detik selama gateway terus menjawab has_more dengan halaman yang sama (\(gateway.requests.count) request halaman sejauh ini): loop halamannya tidak pernah berakhir"
                ))
        }
        try answer.expectStatus(502)
        try require(
            gateway.requests.count <= 3,
            Words(
                "the run asked for \(gateway.requests.count) pages before it stopped; the second answer with the same cursor is enough to know the gateway is broken",
                id:
                    "run-nya meminta \(gateway.requests.count) halaman sebelum berhenti; jawaban kedua dengan cursor yang sama sudah cukup untuk tahu gateway-nya rusak"
            ), response: answer)
    }

    Check(
        Words(
            "a gateway that answers one byte at a time fails the run with 502 within its deadline",
            id:
                "gateway yang menjawab satu byte demi satu byte menggagalkan run dengan 502 dalam batas waktunya"
        ),
        hint: Words(
            "Give the gateway client OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(2), total: .seconds(3)): a read timeout does not end an answer that keeps trickling, and the default total is 10 seconds.",
            id:
                "Beri client gateway-nya OutboundClient.Timeouts(connect: .seconds(1), read: .seconds(2), total: .seconds(3)): read timeout tidak menghentikan jawaban yang terus menetes, dan total default-nya 10 detik."
        ),
        needs: matches.en
    ) { t in
        let gateway = try Reconciliation.prepare(
            t, orders: [Reconciliation.Seed(id: 1, paymentID: "pay_1")],
            payments: [Reconciliation.payment(t, "pay_1", order: 1)])
        gateway.behave(.trickles)
        let usual = t.http.timeout
        t.http.timeout = .seconds(6)
        defer { t.http.timeout = usual }
        let answer: ClientResponse
        do {
            answer = try Reconciliation.run(t)
        } catch {
            _ = try? t.signalServer(SIGKILL)
            throw CheckFailure(
                Words(
                    "the run did not answer within 6 seconds while the gateway sent its page one byte every half second: the call to the gateway has no total deadline",
                    id:
                        "run-nya tidak menjawab dalam 6 detik selama gateway mengirim halamannya satu byte setiap setengah detik: panggilan ke gateway tidak punya batas waktu total"
                ))
        }
        try answer.expectStatus(502)
    }
}
