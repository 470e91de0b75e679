import BackendKit
import Foundation
import GraderKit

/// The links of the exact-results check, in the order they are written (so ids are not in code
/// order), with their number of clicks: two ties (alpha and zeta at 3, beta and omega at 0).
private let rankedLinks: [(code: String, clicks: Int)] = [
    ("zeta", 3), ("alpha", 3), ("mid-link", 5), ("omega", 0), ("beta", 0), ("gamma", 1),
]
/// Links and clicks per link for the load check: the clicks are most of the rows.
private let loadLinks = 300
private let clicksPerLoadLink = 100
/// A scan of every click in Swift is tens of times slower than counting in SQL.
private let allowedP99Ratio = 4.0

private let exactResults = Words(
    "GET /stats lists the most clicked links first, ties by code, links without clicks included, each with its count and last click",
    id:
        "GET /stats mendaftar link yang paling sering di-click lebih dulu, yang seri diurutkan per kode, link tanpa click ikut, masing-masing dengan jumlah dan click terakhirnya"
)
private let boundedStatements = Words(
    "GET /stats runs at most 2 statements, with 6 links and with 50 (no N+1)",
    id: "GET /stats menjalankan paling banyak 2 statement, dengan 6 link maupun 50 link (tanpa N+1)")
private let statsUnderLoad = Words(
    "with 30,000 clicks, GET /stats at 50 a second keeps its p99 within 4× the reference solution's, measured in the same run",
    id:
        "dengan 30.000 click, GET /stats sebanyak 50 per detik menjaga p99-nya paling banyak 4× p99 solusi acuan, diukur di run yang sama"
)

/// The click times of a ranked link: its last click is the latest, and no two links share one.
private func clickTimes(_ index: Int, _ count: Int) -> [String] {
    (0..<count).map { String(format: "2026-03-%02dT10:%02d:00Z", 1 + index, 10 + $0) }
}

/// Writes `perLink` clicks for every link of `database` in one statement.
private func seedClicks(into database: Database, perLink: Int) throws {
    try database.execute(
        """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO clicks (link_id, clicked_at)
        SELECT links.id, printf('2026-02-01T00:00:%02dZ', n.i % 60) FROM links, n
        """, perLink)
}

let nPlusOne = ExerciseTests("scale03-n-plus-one") {
    Check(
        exactResults,
        hint: Words(
            "LEFT JOIN clicks keeps the links without clicks, and count(clicks.id) counts 0 for them (count(*) counts their one row of NULLs). ORDER BY the count DESC, then the code, and LIMIT last: a LIMIT before the counting picks the wrong links.",
            id:
                "LEFT JOIN clicks mempertahankan link tanpa click, dan count(clicks.id) menghitung 0 untuknya (count(*) menghitung satu baris NULL-nya). ORDER BY hitungannya DESC, lalu kodenya, dan LIMIT paling akhir: LIMIT sebelum penghitungan memilih link yang salah."
        )
    ) { t in
        try Shortlinks.start(t)
        _ = try t.http.get("/health")
        try t.prepareDatabase { db in
            try db.transaction { tx in
                for (index, link) in rankedLinks.enumerated() {
                    let id = try tx.execute(
                        "INSERT INTO links (code, url, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        link.code,
                        "https://example.com/\(link.code)", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"
                    ).lastInsertedRowID
                    for time in clickTimes(index, link.clicks).shuffled() {
                        try tx.execute("INSERT INTO clicks (link_id, clicked_at) VALUES (?, ?)", id, time)
                    }
                }
            }
        }
        let ranked = rankedLinks.enumerated().sorted { a, b in
            a.element.clicks != b.element.clicks
                ? a.element.clicks > b.element.clicks : a.element.code < b.element.code
        }
        for limit in [5, 20] {
            let response = try t.http.get("/stats?limit=\(limit)").expectStatus(200)
            let lines = try requireValue(
                try response.json()["links"]?.array,
                Words(
                    "expected {\"links\": [...]} from GET /stats",
                    id: "seharusnya {\"links\": [...]} dari GET /stats"),
                response: response)
            let got = lines.map { line in
                "\(line["code"]?.string ?? "?") \(line["clicks"]?.int.map(String.init) ?? "?") \(line["last_click_at"]?.string ?? "null")"
            }
            let expected = ranked.prefix(limit).map { entry in
                "\(entry.element.code) \(entry.element.clicks) \(clickTimes(entry.offset, entry.element.clicks).last ?? "null")"
            }
            try requireEqual(
                got.joined(separator: ", "), expected.joined(separator: ", "),
                Words(
                    "the links of GET /stats?limit=\(limit), as code, clicks and last_click_at",
                    id: "link-link di GET /stats?limit=\(limit), sebagai code, clicks dan last_click_at"),
                response: response)
        }
    }

    Check(
        boundedStatements,
        hint: Words(
            "A query inside the loop over the links runs once per link. Ask for every count at once: one SELECT over links LEFT JOIN clicks with GROUP BY links.id (or a second query with WHERE link_id IN (…) for the links of the page).",
            id:
                "Query di dalam loop atas link-link berjalan sekali per link. Minta semua hitungannya sekaligus: satu SELECT atas links LEFT JOIN clicks dengan GROUP BY links.id (atau query kedua dengan WHERE link_id IN (…) untuk link-link di halaman itu)."
        )
    ) { t in
        try Shortlinks.start(t)
        try t.enableStatementLog()
        let few = try t.http.get("/stats?limit=5").expectStatus(200)
        try t.expectStatements(for: few, atMost: 2)
        _ = try Shortlinks.seed(t, links: 44, clicksPerLink: 2, first: 1_000)
        let many = try t.http.get("/stats?limit=5").expectStatus(200)
        try t.expectStatements(for: many, atMost: 2)
    }

    Check(
        statsUnderLoad,
        hint: Words(
            "Counting in Swift means loading every click from the database on every page. Let SQL count (count, GROUP BY) and send back only the rows of the page.",
            id:
                "Menghitung di Swift berarti memuat setiap click dari database di setiap halaman. Biarkan SQL yang menghitung (count, GROUP BY) dan kirim kembali hanya baris-baris halaman itu."
        ),
        needs: boundedStatements.en,
        timeout: .seconds(20)
    ) { t in
        try Shortlinks.start(t)
        _ = try t.http.get("/health")
        try t.prepareDatabase { db in
            try Shortlinks.seedMany(into: db, links: loadLinks, first: 200_000)
            try seedClicks(into: db, perLink: clicksPerLoadLink)
        }
        _ = try t.http.get("/health")  // starts the server again
        let reference = try Database(
            path: try t.referenceInstance().configuration.databasePath, maxConnections: 1)
        try Shortlinks.seedMany(into: reference, links: loadLinks, first: 200_000)
        try seedClicks(into: reference, perLink: clicksPerLoadLink)
        try t.compareLoad(.get("/stats?limit=20"), plan: LoadPlan(rate: 50, duration: .milliseconds(2500)))
            .expectNoErrors()
            .expectP99(atMost: allowedP99Ratio)
    }
}
