import BackendKit
import Foundation
import GraderKit

/// Requests per check: far fewer than a server's limit of open files, far more than the noise.
private let requests = 300
/// Descriptors that may come and go meanwhile (a connection still closing, a database file).
private let slack = 4

/// Starts the server with its receipts in a folder of the grader's, and returns that folder.
private func start(_ t: TestContext) throws -> URL {
    let folder = t.workDirectory.appendingPathComponent("receipts")
    try t.startServer(environment: ["RECEIPTS_DIR": folder.path])
    return folder
}

private let prints = Words(
    "GET /orders/:id/receipt answers the receipt with its total and keeps it as a file in RECEIPTS_DIR; an order that does not exist answers 404",
    id:
        "GET /orders/:id/receipt menjawab struk beserta totalnya dan menyimpannya sebagai file di RECEIPTS_DIR; pesanan yang tidak ada menjawab 404"
)
private let noLeak = Words(
    "300 receipts of orders that do not exist, and 300 of one that does, leave no file open: the server's open files do not grow",
    id:
        "300 struk untuk pesanan yang tidak ada, dan 300 untuk pesanan yang ada, tidak meninggalkan file yang terbuka: file yang dibuka server tidak bertambah"
)

let resourceLeak = ExerciseTests("debug10-resource-leak") {
    Check(
        prints,
        hint: Words(
            "The counter must still print receipts: fix what a request leaves open, not whether it writes a receipt.",
            id:
                "Kasir harus tetap bisa mencetak struk: perbaiki apa yang ditinggalkan terbuka oleh sebuah request, bukan apakah ia menulis struk."
        )
    ) { t in
        let folder = try start(t)
        let id = try Warung.placeSampleOrder(t)
        let receipt = try t.http.get("/orders/\(id)/receipt").expectStatus(200)
        try require(
            receipt.text.contains("55000"),
            Words(
                "the receipt of order \(id) does not show its total, 55000",
                id: "struk pesanan \(id) tidak menunjukkan totalnya, 55000"),
            response: receipt)
        let file = folder.appendingPathComponent("receipt-\(id).txt")
        let kept = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        try require(
            kept == receipt.text,
            Words(
                "RECEIPTS_DIR/receipt-\(id).txt does not hold the receipt the answer showed",
                id: "RECEIPTS_DIR/receipt-\(id).txt tidak berisi struk yang ditunjukkan jawabannya"),
            response: receipt)
        _ = try t.http.get("/orders/9999/receipt").expectProblem(status: 404)
    }.asGuard()

    Check(
        noLeak,
        hint: Words(
            "Count your server's open files while you ask for receipts of orders that do not exist: ls /proc/PID/fd | wc -l. Follow one such request through receipt(_:): what does it open, and what closes it on the way out?",
            id:
                "Hitung file yang dibuka server kamu selagi meminta struk untuk pesanan yang tidak ada: ls /proc/PID/fd | wc -l. Ikuti satu request seperti itu melewati receipt(_:): apa yang dibukanya, dan apa yang menutupnya saat keluar?"
        ),
        needs: prints.en,
        timeout: .seconds(60)
    ) { t in
        _ = try start(t)
        let id = try Warung.placeSampleOrder(t)
        for (what, target) in [
            ("orders that do not exist", "/orders/\(id + 1000)/receipt"),
            ("order \(id)", "/orders/\(id)/receipt"),
        ] {
            _ = try t.http.get(target)  // the first of them opens whatever is opened once
            let before = try t.serverOpenFileDescriptors()
            for _ in 1...requests { _ = try t.http.get(target) }
            let after = try t.serverOpenFileDescriptors()
            try require(
                after <= before + slack,
                Words(
                    "your server had \(before) files open, then \(requests) receipts of \(what), and now \(after): each request leaves something open. The server dies when it reaches its limit (ulimit -n)",
                    id:
                        "server kamu membuka \(before) file, lalu \(requests) struk untuk \(what), dan sekarang \(after): setiap request meninggalkan sesuatu yang terbuka. Server-nya mati saat mencapai batasnya (ulimit -n)"
                ))
        }
    }

    Check(
        Words(
            "a receipt of an order that does not exist leaves no empty file in RECEIPTS_DIR",
            id: "struk untuk pesanan yang tidak ada tidak meninggalkan file kosong di RECEIPTS_DIR"
        ),
        hint: Words(
            "The tax office's tool reads every file in RECEIPTS_DIR. Look the order up before you create its file.",
            id:
                "Alat milik kantor pajak membaca setiap file di RECEIPTS_DIR. Cari pesanannya sebelum kamu membuat file-nya."
        ),
        needs: noLeak.en
    ) { t in
        let folder = try start(t)
        _ = try t.http.get("/orders/777777/receipt").expectProblem(status: 404)
        let file = folder.appendingPathComponent("receipt-777777.txt")
        try require(
            !FileManager.default.fileExists(atPath: file.path),
            Words(
                "after GET /orders/777777/receipt answered 404, RECEIPTS_DIR has a receipt-777777.txt: the tax office counts a receipt that was never printed",
                id:
                    "setelah GET /orders/777777/receipt menjawab 404, RECEIPTS_DIR berisi receipt-777777.txt: kantor pajak menghitung struk yang tidak pernah dicetak"
            ))
    }
}
