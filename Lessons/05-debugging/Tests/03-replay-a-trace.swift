import BackendKit
import Foundation
import GraderKit

/// Sate ayam: 40 in a new shop.
private let sateAyam = 2

private let cancels = Words(
    "POST /orders/:id/cancel answers 200 and puts the order's stock back; an order that does not exist answers 404",
    id:
        "POST /orders/:id/cancel menjawab 200 dan mengembalikan stok pesanannya; pesanan yang tidak ada menjawab 404"
)
private let retried = Words(
    "an order cancelled twice, as the app retries, puts its stock back once; the second cancel answers 200 or 409",
    id:
        "pesanan yang dibatalkan dua kali, seperti saat aplikasi mengulang request-nya, mengembalikan stoknya sekali; pembatalan kedua menjawab 200 atau 409"
)
private let testFails = Words(
    "your regression test fails against the server with the bug (exit status 1)",
    id: "regression test kamu gagal terhadap server yang ada bug-nya (exit status 1)"
)

/// Places an order of `quantity` Sate ayam and returns its id.
private func order(_ t: TestContext, quantity: Int) throws -> Int {
    let placed = try t.http.post(
        "/orders",
        json: [
            "customer": "Dewi",
            "items": [["product_id": .number(Double(sateAyam)), "quantity": .number(Double(quantity))]],
        ]
    ).expectStatus(201)
    return try requireValue(
        try placed.json()["id"]?.int, Words("the order's id in the answer", id: "id pesanan di jawabannya"),
        response: placed)
}

/// Runs the learner's regression test against the server on `port`.
private func regressionTest(_ t: TestContext, port: Int) throws -> ProgramRun {
    try t.runLearnerProgram(
        arguments: ["--regression-test", "http://127.0.0.1:\(port)"], timeout: .seconds(20))
}

/// "It printed: …", indented, for a message about a run.
private func printed(_ run: ProgramRun) -> String {
    let text = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? "(nothing)" : text
}

let replayATrace = ExerciseTests("debug03-replay-a-trace") {
    Check(
        cancels,
        hint: Words(
            "Cancelling must still work: fix what a second cancel does, not whether the first one works.",
            id:
                "Pembatalan harus tetap berfungsi: perbaiki apa yang dilakukan pembatalan kedua, bukan apakah yang pertama berfungsi."
        )
    ) { t in
        let (before, _) = try Warung.stock(t, of: sateAyam)
        // One order stays: the shop's stock is then not a new shop's, as in real life.
        _ = try order(t, quantity: 1)
        let id = try order(t, quantity: 3)
        let (during, _) = try Warung.stock(t, of: sateAyam)
        try requireEqual(
            during, before - 4,
            Words(
                "the stock of Sate ayam after orders of 1 and 3", id: "stok Sate ayam setelah pesanan 1 dan 3"
            ))
        try t.http.post("/orders/\(id)/cancel", json: [:]).expectStatus(200)
        let (after, menu) = try Warung.stock(t, of: sateAyam)
        try requireEqual(
            after, before - 1,
            Words(
                "the stock of Sate ayam after the order of 3 was cancelled",
                id: "stok Sate ayam setelah pesanan 3 dibatalkan"),
            response: menu)
        _ = try t.http.post("/orders/9999/cancel", json: [:]).expectProblem(status: 404)
    }.asGuard()

    Check(
        retried,
        hint: Words(
            "Replay the trace: an order, its cancel, the cancel again. What does the second cancel do to the stock? Look at what the code checks before it puts the stock back.",
            id:
                "Putar ulang trace-nya: sebuah pesanan, pembatalannya, lalu pembatalan lagi. Apa yang dilakukan pembatalan kedua terhadap stoknya? Lihat apa yang diperiksa kode sebelum mengembalikan stoknya."
        ),
        needs: cancels.en
    ) { t in
        let (before, _) = try Warung.stock(t, of: sateAyam)
        let id = try order(t, quantity: 2)
        try t.http.post("/orders/\(id)/cancel", json: [:]).expectStatus(200)
        let again = try t.http.post("/orders/\(id)/cancel", json: [:])
        try require(
            again.status == 200 || again.status == 409,
            Words(
                "the second cancel of order \(id) answered \(again.status), expected 200 (nothing more to do) or 409 (cancelled already)",
                id:
                    "pembatalan kedua pesanan \(id) menjawab \(again.status), seharusnya 200 (tidak ada lagi yang perlu dilakukan) atau 409 (sudah dibatalkan)"
            ),
            response: again)
        let (after, menu) = try Warung.stock(t, of: sateAyam)
        try require(
            after == before,
            Words(
                "Sate ayam's stock was \(before), an order of 2 was placed and cancelled twice, and now it is \(after): the second cancel put the stock back again",
                id:
                    "stok Sate ayam tadinya \(before), pesanan 2 dibuat lalu dibatalkan dua kali, dan sekarang \(after): pembatalan kedua mengembalikan stoknya lagi"
            ),
            response: menu)
    }

    Check(
        Words(
            "four cancels of one order at the same moment put its stock back once",
            id: "empat pembatalan satu pesanan pada saat yang sama mengembalikan stoknya sekali"),
        hint: Words(
            "Look for an earlier cancellation inside the same database.transaction that puts the stock back. A look before the transaction lets two cancels both see \"not cancelled yet\".",
            id:
                "Cari pembatalan sebelumnya di dalam database.transaction yang sama dengan yang mengembalikan stoknya. Melihat sebelum transaction membuat dua pembatalan sama-sama melihat \"belum dibatalkan\"."
        ),
        needs: retried.en,
        timeout: .seconds(20)
    ) { t in
        // Several event loops, so the cancels run at the same time instead of one after another.
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        let (before, _) = try Warung.stock(t, of: sateAyam)
        let id = try order(t, quantity: 2)
        let results = try t.concurrently(4, holdingWriteLockFor: .milliseconds(300)) { _ in
            try t.http.post("/orders/\(id)/cancel", json: [:])
        }
        for result in results {
            let status = try result.get().status
            try require(
                status == 200 || status == 409,
                Words(
                    "a cancel sent at the same moment as another answered \(status), expected 200 or 409",
                    id:
                        "pembatalan yang dikirim bersamaan dengan yang lain menjawab \(status), seharusnya 200 atau 409"
                ))
        }
        let (after, menu) = try Warung.stock(t, of: sateAyam)
        try require(
            after == before,
            Words(
                "four cancels of order \(id) at the same moment left Sate ayam's stock at \(after), expected \(before): more than one put it back",
                id:
                    "empat pembatalan pesanan \(id) pada saat yang sama membuat stok Sate ayam menjadi \(after), seharusnya \(before): lebih dari satu yang mengembalikan stoknya"
            ),
            response: menu)
    }

    Check(
        testFails,
        hint: Words(
            "Write RegressionTest.run: read the stock, place an order of 2 Sate ayam, cancel it twice, read the stock again, and return .failed(…) when it changed. Against the server with the bug it must say FAILED and exit 1.",
            id:
                "Tulis RegressionTest.run: baca stoknya, buat pesanan 2 Sate ayam, batalkan dua kali, baca stoknya lagi, lalu kembalikan .failed(…) kalau stoknya berubah. Terhadap server yang ada bug-nya, ia harus bilang FAILED dan exit 1."
        ),
        timeout: .seconds(45)
    ) { t in
        let buggy = try t.starterInstance()
        let run = try regressionTest(t, port: buggy.port)
        try require(
            run.status == .exited(1),
            run.status == .exited(2)
                ? Words(
                    "`\(run.command)` exited with 2: there is no regression test yet, or it could not run. It printed: \(printed(run))",
                    id:
                        "`\(run.command)` keluar dengan 2: belum ada regression test, atau test-nya tidak bisa berjalan. Yang ia cetak: \(printed(run))"
                )
                : Words(
                    "against the server with the bug (the starter of this exercise), `\(run.command)` \(run.status), expected exit status 1: a regression test that passes there cannot catch the bug. It printed: \(printed(run))",
                    id:
                        "terhadap server yang ada bug-nya (starter latihan ini), `\(run.command)` \(run.status), seharusnya exit status 1: regression test yang lolos di sana tidak bisa menangkap bug-nya. Yang ia cetak: \(printed(run))"
                ))
    }

    Check(
        Words(
            "your regression test passes against your fixed server, on a database that has orders already (exit status 0)",
            id:
                "regression test kamu lolos terhadap server yang sudah kamu perbaiki, pada database yang sudah berisi pesanan (exit status 0)"
        ),
        hint: Words(
            "Compare the stock after the replay with the stock before it, not with 40: the grader's shop has sold some Sate ayam already, like a real one.",
            id:
                "Bandingkan stok setelah diputar ulang dengan stok sebelumnya, bukan dengan 40: toko milik grader sudah menjual beberapa Sate ayam, seperti toko sungguhan."
        ),
        needs: testFails.en,
        timeout: .seconds(45)
    ) { t in
        let port = try t.serverPort()
        let run = try regressionTest(t, port: port)
        try require(
            run.succeeded,
            Words(
                "against your fixed server, `\(run.command)` \(run.status), expected exit status 0. It printed: \(printed(run))",
                id:
                    "terhadap server yang sudah kamu perbaiki, `\(run.command)` \(run.status), seharusnya exit status 0. Yang ia cetak: \(printed(run))"
            ))
    }
}
