import BackendKit
import Foundation
import GraderKit

private let stopHint = Words(
    "In loadOrExit, catch the error of fromEnvironment, write \"Checkout could not start: \\(error)\" to FileHandle.standardError and call exit(1). try! and fatalError crash with a stack trace; exit(0) says that all went well.",
    id:
        "Di loadOrExit, tangkap error dari fromEnvironment, tulis \"Checkout could not start: \\(error)\" ke FileHandle.standardError, lalu panggil exit(1). try! dan fatalError membuat crash dengan stack trace; exit(0) berarti semuanya baik-baik saja."
)

private let numberHint = Words(
    "Int(text) gives nil for anything that is not a whole number: then throw ConfigError.invalid with the value, never fall back to the default (Int(text) ?? 250 hides the typo) and never force it (Int(text)! crashes).",
    id:
        "Int(text) menghasilkan nil untuk apa pun yang bukan bilangan bulat: lalu lempar ConfigError.invalid beserta nilainya, jangan kembali ke nilai default (Int(text) ?? 250 menyembunyikan salah ketiknya) dan jangan memaksanya (Int(text)! membuat crash)."
)

/// Starts the server with `change` and expects it to refuse: a clean non-zero exit that names
/// `variable` and prints none of `secrets`.
private func expectRefused(
    _ t: TestContext, _ change: [String: String] = [:], removing: Set<String> = [], naming variable: String,
    secrets: [String] = [Shop.secret]
) throws {
    let failure = try t.expectStartFailure(
        environment: Shop.environment(change).filter { !removing.contains($0.key) }, removing: removing)
    try failure.expectNonZeroExit().expectOutput(mentions: variable)
    for (index, secret) in secrets.enumerated() {
        try failure.expectOutput(
            omits: secret,
            what: Words("the webhook secret number \(index + 1)", id: "webhook secret nomor \(index + 1)"))
    }
}

/// `GET /readyz` once, while the grader holds the write lock: how long it took and what it answered.
private func lockedProbe(_ t: TestContext) throws -> (Duration, ClientResponse) {
    try Shop.whileLocked(t) {
        let started = ContinuousClock.now
        let answer = try Shop.probe(
            t, "/readyz",
            slowHint: Words(
                "DB_PROBE_TIMEOUT_MS is at most 1000 ms: the probe waits that long for the lock, no longer.",
                id: "DB_PROBE_TIMEOUT_MS paling lama 1000 ms: probe menunggu lock selama itu, tidak lebih."))
        return (ContinuousClock.now - started, answer)
    }
}

/// A duration in whole milliseconds, for messages.
private func milliseconds(_ duration: Duration) -> Int64 {
    duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
}

let ops02Config = ExerciseTests("ops02-config") {
    Check(
        Words(
            "with only WEBHOOK_SECRETS set (and the grader's DATABASE_PATH), the checkout starts with its defaults, stores orders in that file and is ready",
            id:
                "dengan hanya WEBHOOK_SECRETS yang diisi (dan DATABASE_PATH dari grader), checkout-nya start dengan nilai default, menyimpan pesanan di file itu, dan siap"
        )
    ) { t in
        try Shop.start(t)
        let order = try Shop.placeOrder(t)
        try Shop.probe(
            t, "/readyz", slowHint: Words("/readyz answers at once.", id: "/readyz langsung menjawab.")
        )
        .expectStatus(200)
        try require(
            try t.database().queryOne("SELECT id FROM orders WHERE id = ?", order) != nil,
            Words(
                "order \(order) was placed, but it is not in the file DATABASE_PATH names: read DATABASE_PATH, with data.sqlite only when it is not set",
                id:
                    "pesanan \(order) sudah dibuat, tapi tidak ada di file yang disebut DATABASE_PATH: baca DATABASE_PATH, dan pakai data.sqlite hanya kalau variabel itu tidak diisi"
            ))
    }.asGuard()

    Check(
        Words(
            "without WEBHOOK_SECRETS, or with it empty or only commas, the server refuses to start: it names WEBHOOK_SECRETS and exits with a non-zero status",
            id:
                "tanpa WEBHOOK_SECRETS, atau dengan isi kosong atau hanya koma, server menolak start: ia menyebut WEBHOOK_SECRETS dan keluar dengan status bukan nol"
        ),
        hint: Words(
            "A secret has no safe default: with none, every genuine webhook would be refused (or, worse, a made-up default would be one anybody can read in your code). No secret left after splitting and trimming is ConfigError.missing. Then see loadOrExit: exit(1), never exit(0) or a crash.",
            id:
                "Secret tidak punya nilai default yang aman: tanpa secret, setiap webhook asli akan ditolak (atau, lebih buruk, default karangan adalah secret yang bisa dibaca siapa pun di kode kamu). Kalau tidak ada secret tersisa setelah dipecah dan di-trim, itu ConfigError.missing. Lalu lihat loadOrExit: exit(1), jangan exit(0) atau crash."
        )
    ) { t in
        try expectRefused(t, removing: ["WEBHOOK_SECRETS"], naming: "WEBHOOK_SECRETS", secrets: [])
        for value in ["", " , ,"] {
            try expectRefused(t, ["WEBHOOK_SECRETS": value], naming: "WEBHOOK_SECRETS", secrets: [])
        }
    }

    Check(
        Words(
            "a secret shorter than 16 bytes, or six secrets, stop the start with a message that names WEBHOOK_SECRETS and shows no secret, not even the wrong one",
            id:
                "secret yang lebih pendek dari 16 byte, atau enam secret, menghentikan start dengan pesan yang menyebut WEBHOOK_SECRETS tanpa menampilkan secret apa pun, bahkan yang salah"
        ),
        hint: Words(
            "Throw ConfigError.invalid(variable: \"WEBHOOK_SECRETS\", expected: …, given: nil): a secret's value never goes into a message, even a short or wrong one (it is often the real secret with a typo).",
            id:
                "Lempar ConfigError.invalid(variable: \"WEBHOOK_SECRETS\", expected: …, given: nil): nilai secret tidak pernah masuk ke pesan, bahkan yang pendek atau salah (sering kali itu secret asli yang salah ketik)."
        )
    ) { t in
        let short = "whsec_sh0rt"
        try expectRefused(
            t, ["WEBHOOK_SECRETS": "\(Shop.secret),\(short)"], naming: "WEBHOOK_SECRETS",
            secrets: [Shop.secret, short])
        let six = (1...6).map { "whsec_grader_ops_six_secret_\($0)" }
        try expectRefused(
            t, ["WEBHOOK_SECRETS": six.joined(separator: ",")], naming: "WEBHOOK_SECRETS", secrets: six)
    }

    Check(
        Words(
            "DB_PROBE_TIMEOUT_MS that is not a whole number (abc, 2.5, 250ms, 1e3) stops the start with a message that names DB_PROBE_TIMEOUT_MS, without a crash",
            id:
                "DB_PROBE_TIMEOUT_MS yang bukan bilangan bulat (abc, 2.5, 250ms, 1e3) menghentikan start dengan pesan yang menyebut DB_PROBE_TIMEOUT_MS, tanpa crash"
        ),
        hint: numberHint
    ) { t in
        for value in ["abc", "2.5", "250ms", "1e3"] {
            try expectRefused(t, ["DB_PROBE_TIMEOUT_MS": value], naming: "DB_PROBE_TIMEOUT_MS")
        }
    }

    Check(
        Words(
            "DB_PROBE_TIMEOUT_MS outside 1 to 1000 (-5, 0, 1001, 99999999999999999999) stops the start and names DB_PROBE_TIMEOUT_MS",
            id:
                "DB_PROBE_TIMEOUT_MS di luar 1 sampai 1000 (-5, 0, 1001, 99999999999999999999) menghentikan start dan menyebut DB_PROBE_TIMEOUT_MS"
        ),
        hint: Words(
            "A number can be a number and still be wrong: 0 ms fails every probe, -5 is no time at all, and more than 1000 ms outlasts the probe's own second. Check probeTimeouts.contains(number).",
            id:
                "Sebuah angka bisa benar-benar angka tapi tetap salah: 0 ms membuat setiap probe gagal, -5 bukan waktu sama sekali, dan lebih dari 1000 ms melebihi satu detik milik probe itu sendiri. Periksa probeTimeouts.contains(number)."
        )
    ) { t in
        for value in ["-5", "0", "1001", "99999999999999999999"] {
            try expectRefused(t, ["DB_PROBE_TIMEOUT_MS": value], naming: "DB_PROBE_TIMEOUT_MS")
        }
    }

    Check(
        Words(
            "LOG_LEVEL=verbose stops the start and names LOG_LEVEL, instead of logging at info without a word",
            id:
                "LOG_LEVEL=verbose menghentikan start dan menyebut LOG_LEVEL, bukannya diam-diam mencatat log di level info"
        ),
        hint: Words(
            "Map the four names (debug, info, warning, error) to Logger.Level and refuse anything else with ConfigError.invalid. Falling back to info hides the typo until the night you need the debug lines.",
            id:
                "Petakan keempat nama (debug, info, warning, error) ke Logger.Level dan tolak selainnya dengan ConfigError.invalid. Kembali diam-diam ke info menyembunyikan salah ketik itu sampai malam ketika kamu butuh baris debug-nya."
        )
    ) { t in
        try expectRefused(t, ["LOG_LEVEL": "verbose"], naming: "LOG_LEVEL")
    }

    Check(
        Words(
            "LOG_LEVEL=WARNING is accepted in capitals and used: the server's info lines (one per request) are left out",
            id:
                "LOG_LEVEL=WARNING diterima dalam huruf besar dan dipakai: baris info server (satu per request) tidak ditulis"
        ),
        hint: Words(
            "Compare the names in lowercase (text.lowercased()): WARNING, Warning and warning are the same level, and deploy files often write them in capitals.",
            id:
                "Bandingkan namanya dalam huruf kecil (text.lowercased()): WARNING, Warning, dan warning adalah level yang sama, dan file deploy sering menulisnya dalam huruf besar."
        )
    ) { t in
        try Shop.start(t, ["LOG_LEVEL": "WARNING"])
        let order = try Shop.placeOrder(t)
        let shown = try t.http.get("/orders/\(order)").expectStatus(200)
        let infoLine = t.serverOutput.split(separator: "\n").first { $0.contains(" INFO ") }
        if let infoLine {
            throw shown.failure(
                Words(
                    "started with LOG_LEVEL=WARNING, your server still wrote info lines, such as: \(infoLine.prefix(160))",
                    id:
                        "dijalankan dengan LOG_LEVEL=WARNING, server kamu tetap menulis baris info, misalnya: \(infoLine.prefix(160))"
                ))
        }
    }

    Check(
        Words(
            "LOG_LEVEL and DB_PROBE_TIMEOUT_MS set to nothing count as not set: the server starts with their defaults",
            id:
                "LOG_LEVEL dan DB_PROBE_TIMEOUT_MS yang diisi kosong dianggap tidak diisi: server start dengan nilai default-nya"
        ),
        hint: Words(
            "Treat an empty value like a missing one (guard let value = environment[name], !value.isEmpty), as DATABASE_PATH does: deploy files often write NAME= to mean \"the default\".",
            id:
                "Perlakukan nilai kosong seperti yang tidak ada (guard let value = environment[name], !value.isEmpty), seperti DATABASE_PATH: file deploy sering menulis NAME= untuk berarti \"nilai default\"."
        )
    ) { t in
        try Shop.start(t, ["LOG_LEVEL": "", "DB_PROBE_TIMEOUT_MS": ""])
        _ = try Shop.placeOrder(t)
    }

    Check(
        Words(
            "DB_PROBE_TIMEOUT_MS=900 is used: while the database is locked, GET /readyz waits about 900 ms before it answers 503",
            id:
                "DB_PROBE_TIMEOUT_MS=900 dipakai: selama database terkunci, GET /readyz menunggu sekitar 900 ms sebelum menjawab 503"
        ),
        hint: Words(
            "Return the number you read in probeTimeoutMilliseconds; main.swift gives it to DatabaseProbe. A value that is checked and then replaced by the default is a setting that does nothing.",
            id:
                "Kembalikan angka yang kamu baca di probeTimeoutMilliseconds; main.swift memberikannya ke DatabaseProbe. Nilai yang diperiksa lalu diganti dengan default adalah pengaturan yang tidak melakukan apa-apa."
        )
    ) { t in
        try Shop.start(t, ["DB_PROBE_TIMEOUT_MS": "900"])
        let (waited, answer) = try lockedProbe(t)
        try answer.expectStatus(503)
        // A wait cannot be shorter than the busy timeout it was given, so this bound holds on a slow
        // machine too; 250 ms (the default) is far below it.
        try require(
            waited >= .milliseconds(800),
            Words(
                "with DB_PROBE_TIMEOUT_MS=900 and the lock held, GET /readyz answered after \(milliseconds(waited)) ms: the probe did not wait the 900 ms it was given",
                id:
                    "dengan DB_PROBE_TIMEOUT_MS=900 dan lock dipegang, GET /readyz menjawab setelah \(milliseconds(waited)) ms: probe-nya tidak menunggu 900 ms yang diberikan"
            ), response: answer)
    }
}
