import BackendKit
import Foundation
import GraderKit

/// The zone the grader runs the server in: far from the shop's, so "the server's own day" and
/// "the shop's day" differ by many hours.
private let serverZone = "Pacific/Auckland"

/// Starts the server in `serverZone`, with these extra settings.
private func start(_ t: TestContext, _ extra: [String: String] = [:]) throws {
    try t.startServer(environment: extra.merging(["TZ": serverZone]) { given, _ in given })
}

/// Orders with these ids, times (UTC) and totals.
private func seed(_ t: TestContext, _ orders: [(id: Int, at: String, total: Int)]) throws {
    try Warung.seed(t, orders.map { Warung.SeededOrder(id: $0.id, at: $0.at, total: $0.total) })
}

/// `GET /reports/daily?date=…`'s orders and total.
private func day(_ t: TestContext, _ date: String) throws -> (orders: Int?, total: Int?, ClientResponse) {
    let response = try t.http.get("/reports/daily?date=\(date)").expectStatus(200)
    let body = try response.json()
    return (body["orders"]?.int, body["total"]?.int, response)
}

private let reports = Words(
    "GET /reports/daily counts a day's orders and their total; a date that is not YYYY-MM-DD answers 422",
    id:
        "GET /reports/daily menghitung pesanan sehari dan totalnya; tanggal yang bukan YYYY-MM-DD menjawab 422"
)

let timeZones = ExerciseTests("debug05-time-zones") {
    Check(
        reports,
        hint: Words(
            "The owner needs the report: fix which orders belong to a day, not whether there is a report.",
            id:
                "Pemilik toko butuh laporannya: perbaiki pesanan mana yang termasuk satu hari, bukan ada-tidaknya laporan."
        )
    ) { t in
        try start(t)
        // 03:00 UTC is 10:00 WIB and 16:00 in Auckland: 3 December in every zone.
        try seed(t, [(1, "2026-12-03T03:00:00Z", 25_000), (2, "2026-12-03T03:30:00Z", 5_000)])
        let (orders, total, response) = try day(t, "2026-12-03")
        try requireEqual(
            orders, 2, Words("the orders of 3 December", id: "jumlah pesanan tanggal 3 Desember"),
            response: response)
        try requireEqual(
            total, 30_000, Words("the total of 3 December", id: "total tanggal 3 Desember"),
            response: response)
        for bad in ["2026-12-3", "yesterday", "2026-13-01"] {
            _ = try t.http.get("/reports/daily?date=\(bad)").expectProblem(status: 422)
        }
    }.asGuard()

    Check(
        Words(
            "a day is a day in the shop's time zone (Asia/Jakarta) while the server runs in Pacific/Auckland: 23:30 WIB counts on that day, 00:00 and 00:30 WIB on the next",
            id:
                "satu hari adalah satu hari di zona waktu toko (Asia/Jakarta) walaupun server berjalan di Pacific/Auckland: 23:30 WIB terhitung di hari itu, 00:00 dan 00:30 WIB di hari berikutnya"
        ),
        hint: Words(
            "Which midnight does the report start at? Run the server with TZ=Pacific/Auckland and ask for a day you have orders on at night in Jakarta. A Calendar's day starts at midnight in its timeZone, which is the server's own unless you set it.",
            id:
                "Laporannya dimulai dari tengah malam yang mana? Jalankan server dengan TZ=Pacific/Auckland lalu minta hari yang punya pesanan di malam hari waktu Jakarta. Hari milik sebuah Calendar dimulai pada tengah malam di timeZone-nya, yaitu zona server sendiri kecuali kamu mengaturnya."
        ),
        needs: reports.en
    ) { t in
        try start(t)
        try seed(
            t,
            [
                (10, "2026-12-04T17:30:00Z", 1_000),  // 00:30 WIB on 5 December
                (11, "2026-12-05T02:00:00Z", 2_000),  // 09:00 WIB
                (12, "2026-12-05T16:30:00Z", 4_000),  // 23:30 WIB
                (13, "2026-12-05T17:00:00Z", 8_000),  // 00:00 WIB on 6 December
                (14, "2026-12-05T17:30:00Z", 16_000),  // 00:30 WIB on 6 December
            ])
        let (orders, total, response) = try day(t, "2026-12-05")
        try require(
            orders == 3 && total == 7_000,
            Words(
                "5 December in Jakarta has the orders of 00:30, 09:00 and 23:30 WIB (3 orders, 7000); the report says \(orders.map(String.init) ?? "no count") orders, \(total.map(String.init) ?? "no total"). Its day starts at another midnight than Jakarta's",
                id:
                    "tanggal 5 Desember di Jakarta berisi pesanan jam 00:30, 09:00, dan 23:30 WIB (3 pesanan, 7000); laporannya bilang \(orders.map(String.init) ?? "tanpa jumlah") pesanan, \(total.map(String.init) ?? "tanpa total"). Harinya dimulai dari tengah malam yang lain, bukan tengah malam Jakarta"
            ),
            response: response)
    }

    Check(
        Words(
            "SHOP_TIME_ZONE decides: a shop in Asia/Makassar (WITA, an hour ahead of Jakarta) counts its own days",
            id:
                "SHOP_TIME_ZONE yang menentukan: toko di Asia/Makassar (WITA, satu jam lebih cepat dari Jakarta) menghitung harinya sendiri"
        ),
        hint: Words(
            "The shop's zone is in settings.timeZone, read from SHOP_TIME_ZONE. Writing Asia/Jakarta (or +7) into the code works for one shop only.",
            id:
                "Zona toko ada di settings.timeZone, dibaca dari SHOP_TIME_ZONE. Menulis Asia/Jakarta (atau +7) di kodenya hanya berlaku untuk satu toko."
        ),
        needs: reports.en
    ) { t in
        try start(t, ["SHOP_TIME_ZONE": "Asia/Makassar"])
        try seed(
            t,
            [
                (20, "2026-12-06T16:30:00Z", 1_000),  // 00:30 WITA on 7 December (23:30 WIB on the 6th)
                (21, "2026-12-07T15:30:00Z", 2_000),  // 23:30 WITA
                (22, "2026-12-07T16:30:00Z", 4_000),  // 00:30 WITA on 8 December
            ])
        let (orders, total, response) = try day(t, "2026-12-07")
        try require(
            orders == 2 && total == 3_000,
            Words(
                "with SHOP_TIME_ZONE=Asia/Makassar, 7 December has the orders of 00:30 and 23:30 WITA (2 orders, 3000); the report says \(orders.map(String.init) ?? "no count") orders, \(total.map(String.init) ?? "no total")",
                id:
                    "dengan SHOP_TIME_ZONE=Asia/Makassar, tanggal 7 Desember berisi pesanan jam 00:30 dan 23:30 WITA (2 pesanan, 3000); laporannya bilang \(orders.map(String.init) ?? "tanpa jumlah") pesanan, \(total.map(String.init) ?? "tanpa total")"
            ),
            response: response)
    }
}
