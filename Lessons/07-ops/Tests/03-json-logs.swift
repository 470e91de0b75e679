import BackendKit
import Foundation
import GraderKit

/// What the grader reads: every line the server wrote since it started, each parsed as JSON.
private struct LogLine {
    let text: String
    let json: JSONValue

    subscript(key: String) -> JSONValue? { json[key] }
}

/// Starts the server for these checks: JSON lines, and `level` unless it is nil.
private func startLogging(_ t: TestContext, level: String? = "info") throws {
    var environment = ["LOG_FORMAT": "json"]
    if let level { environment["LOG_LEVEL"] = level }
    try Shop.start(t, environment)
}

/// Every line of the running server's output but BackendKit's `Listening on …` line (the startup
/// contract, plain text on purpose), each required to be one JSON object.
private func logLines(_ t: TestContext, hint: Words? = nil) throws -> [LogLine] {
    let lines = t.serverOutput.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    return try lines.filter { !$0.hasPrefix("Listening on http://") }.map { line in
        guard let json = try? JSONValue(parsing: Data(line.utf8)), json.object != nil else {
            throw CheckFailure(
                Words(
                    "your server wrote a line that is not one JSON object, so a log collector cannot read it: \(line.prefix(200))",
                    id:
                        "server kamu menulis baris yang bukan satu objek JSON, jadi log collector tidak bisa membacanya: \(line.prefix(200))"
                ),
                hint: hint
                    ?? Words(
                        "Write every line through the logger (logger.info(\"request\", [...])), never print(): with LOG_FORMAT=json it writes one JSON object per line, with line breaks inside values escaped.",
                        id:
                            "Tulis setiap baris lewat logger (logger.info(\"request\", [...])), jangan pernah print(): dengan LOG_FORMAT=json ia menulis satu objek JSON per baris, dengan baris baru di dalam nilai di-escape."
                    ))
        }
        return LogLine(text: line, json: json)
    }
}

/// The `request` lines whose `request_id` is `id`.
private func requestLines(_ t: TestContext, id: String) throws -> [LogLine] {
    try logLines(t).filter { $0["message"]?.string == "request" && $0["request_id"]?.string == id }
}

/// The one `request` line of the request sent with `X-Request-Id: id`; fails naming what is missing.
private func requestLine(_ t: TestContext, id: String, for answer: ClientResponse) throws -> LogLine {
    let lines = try requestLines(t, id: id)
    guard lines.count == 1 else {
        if lines.isEmpty {
            let others = try logLines(t).filter { $0["message"]?.string == "request" }
            let seen =
                others.last.map {
                    " "
                        + Words(
                            "The last request line was: \($0.text.prefix(200))",
                            id: "Baris request terakhir: \($0.text.prefix(200))"
                        ).text
                } ?? ""
            throw answer.failure(
                Words(
                    "no line with \"message\":\"request\" and \"request_id\":\"\(id)\" (the X-Request-Id the grader sent) for \(answer.method) \(answer.target).\(seen)",
                    id:
                        "tidak ada baris dengan \"message\":\"request\" dan \"request_id\":\"\(id)\" (X-Request-Id yang dikirim grader) untuk \(answer.method) \(answer.target).\(seen)"
                ),
                hint: Words(
                    "Write logger.info(\"request\", [...]) for every request, with \"request_id\": .string(request.id): BackendKit takes the id from the client's X-Request-Id, so one id finds the request in every log, yours and the client's. A new UUID finds nothing.",
                    id:
                        "Tulis logger.info(\"request\", [...]) untuk setiap request, dengan \"request_id\": .string(request.id): BackendKit mengambil id dari X-Request-Id milik client, jadi satu id menemukan request itu di setiap log, milikmu maupun milik client. UUID baru tidak menemukan apa pun."
                ))
        }
        throw answer.failure(
            Words(
                "\(lines.count) request lines for one request (request_id \(id)); a log counted by line needs exactly one",
                id:
                    "\(lines.count) baris request untuk satu request (request_id \(id)); log yang dihitung per baris butuh tepat satu"
            ))
    }
    return lines[0]
}

/// Expects the line's `route` and `status`.
private func expect(
    _ line: LogLine, route: String, status: Int, answer: ClientResponse, hint: Words
) throws {
    guard line["route"]?.string == route, line["status"]?.int == status else {
        throw answer.failure(
            Words(
                "the request line of \(answer.method) \(answer.target) should say \"route\":\"\(route)\" and \"status\":\(status); it is: \(line.text.prefix(240))",
                id:
                    "baris request untuk \(answer.method) \(answer.target) seharusnya berisi \"route\":\"\(route)\" dan \"status\":\(status); isinya: \(line.text.prefix(240))"
            ), hint: hint)
    }
}

private let routeHint = Words(
    "\"route\" is the pattern, RouteTemplates.template(for: request.path): /orders/7 and /orders/8 are both /orders/:id, so the log can be searched and counted by route. A path no route has is AccessLog.unmatched.",
    id:
        "\"route\" adalah pola-nya, RouteTemplates.template(for: request.path): /orders/7 dan /orders/8 sama-sama /orders/:id, supaya log bisa dicari dan dihitung per route. Path yang tidak punya route adalah AccessLog.unmatched."
)

private let oneLinePerRequest = Words(
    "GET /orders/:id writes one line {\"message\":\"request\"} with method, route \"/orders/:id\" (not the path), status, duration_ms and the request's request_id",
    id:
        "GET /orders/:id menulis satu baris {\"message\":\"request\"} dengan method, route \"/orders/:id\" (bukan path-nya), status, duration_ms, dan request_id milik request itu"
)

/// `GET path` with `X-Request-Id: id`.
private func get(_ t: TestContext, _ path: String, id: String) throws -> ClientResponse {
    try t.http.get(path, headers: ["X-Request-Id": id])
}

let jsonLogs = ExerciseTests("ops03-json-logs") {
    Check(
        Words(
            "with LOG_FORMAT=json, the checkout still takes orders and shows them",
            id: "dengan LOG_FORMAT=json, checkout-nya tetap menerima pesanan dan menampilkannya")
    ) { t in
        try startLogging(t)
        let order = try Shop.placeOrder(t)
        try t.http.get("/orders/\(order)").expectStatus(200)
    }.asGuard()

    Check(
        Words(
            "every line the server writes (but the Listening line) is one JSON object",
            id: "setiap baris yang ditulis server (kecuali baris Listening) adalah satu objek JSON")
    ) { t in
        try startLogging(t)
        let order = try Shop.placeOrder(t)
        _ = try get(t, "/orders/\(order)", id: "ops-json-1")
        _ = try get(t, "/no-such-page", id: "ops-json-2")
        _ = try Shop.deliver(t, Data("{}".utf8), signature: "t=1,v1=00")
        _ = try logLines(t)
    }

    Check(oneLinePerRequest, hint: routeHint) { t in
        try startLogging(t)
        let order = try Shop.placeOrder(t)
        let id = "ops-line-\(order)"
        let answer = try get(t, "/orders/\(order)", id: id).expectStatus(200)
        let line = try requestLine(t, id: id, for: answer)
        try expect(line, route: "/orders/:id", status: 200, answer: answer, hint: routeHint)
        guard line["method"]?.string == "GET", let duration = line["duration_ms"]?.double, duration >= 0
        else {
            throw answer.failure(
                Words(
                    "the request line needs \"method\":\"GET\" and \"duration_ms\" as a number of milliseconds; it is: \(line.text.prefix(240))",
                    id:
                        "baris request butuh \"method\":\"GET\" dan \"duration_ms\" sebagai angka milidetik; isinya: \(line.text.prefix(240))"
                ))
        }
    }

    Check(
        Words(
            "requests that end in an error have their line too: a 404 with route \"unmatched\", a refused webhook, a 422",
            id:
                "request yang berakhir dengan error juga punya barisnya: 404 dengan route \"unmatched\", webhook yang ditolak, 422"
        ),
        hint: Words(
            "An error thrown by a handler (or by the router, for a 404) passes through your middleware: catch it, write the line with its status (HTTPError's status.code), and throw it again. Lines only after a successful next(request) miss exactly the requests someone is looking for.",
            id:
                "Error yang dilempar handler (atau router, untuk 404) melewati middleware kamu: tangkap, tulis barisnya dengan status-nya (status.code milik HTTPError), lalu lempar lagi. Baris yang hanya ditulis setelah next(request) berhasil justru melewatkan request yang sedang dicari orang."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t)
        let scanned = try get(t, "/wp-login.php", id: "ops-err-404").expectStatus(404)
        try expect(
            try requestLine(t, id: "ops-err-404", for: scanned), route: "unmatched", status: 404,
            answer: scanned,
            hint: Words(
                "A path no route answers is logged as \"route\":\"unmatched\": scanners try thousands of paths, and each must not become a route of its own.",
                id:
                    "Path yang tidak dijawab route mana pun dicatat sebagai \"route\":\"unmatched\": scanner mencoba ribuan path, dan masing-masing tidak boleh menjadi route tersendiri."
            ))
        let unsigned = try t.http.send(
            .post, "/webhooks/payments",
            headers: ["Content-Type": "application/json", "X-Request-Id": "ops-err-400"],
            body: Data("{}".utf8))
        try expect(
            try requestLine(t, id: "ops-err-400", for: unsigned), route: "/webhooks/payments",
            status: unsigned.status, answer: unsigned, hint: routeHint)
        try require(
            unsigned.status == 400,
            Words(
                "an unsigned webhook should be refused with 400",
                id: "webhook tanpa tanda tangan seharusnya ditolak dengan 400"),
            response: unsigned)
        let invalid = try t.http.post(
            "/orders", json: ["customer": "", "amount": 0], headers: ["X-Request-Id": "ops-err-422"]
        ).expectStatus(422)
        try expect(
            try requestLine(t, id: "ops-err-422", for: invalid), route: "/orders", status: 422,
            answer: invalid,
            hint: routeHint)
    }

    Check(
        Words(
            "duration_ms is milliseconds: an order that waits 400 ms for the database's lock is logged with at least 300",
            id:
                "duration_ms dalam milidetik: pesanan yang menunggu lock database selama 400 ms tercatat minimal 300"
        ),
        hint: Words(
            "Measure with ContinuousClock around next(request) and turn the Duration into milliseconds: seconds × 1000 + attoseconds / 1e15. A Double of seconds (0.4) reads as 0.4 ms to everyone who trusts the field's name.",
            id:
                "Ukur dengan ContinuousClock di sekitar next(request) lalu ubah Duration-nya menjadi milidetik: seconds × 1000 + attoseconds / 1e15. Double dalam detik (0.4) terbaca sebagai 0,4 ms oleh siapa pun yang percaya pada nama field-nya."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t)
        let results = try t.concurrently(1, holdingWriteLockFor: .milliseconds(400)) { _ in
            try t.http.post(
                "/orders", json: ["customer": "Budi", "amount": .number(Double(Shop.amount))],
                headers: ["X-Request-Id": "ops-slow-1"])
        }
        let answer = try results[0].get().expectStatus(201)
        let line = try requestLine(t, id: "ops-slow-1", for: answer)
        let duration = line["duration_ms"]?.double ?? -1
        try require(
            duration >= 300,
            Words(
                "the order waited 400 ms for the lock, but its line says \"duration_ms\":\(duration): milliseconds are seconds × 1000",
                id:
                    "pesanan itu menunggu lock 400 ms, tapi barisnya berisi \"duration_ms\":\(duration): milidetik adalah detik × 1000"
            ), response: answer)
    }

    Check(
        Words(
            "a request that fails with 500 is logged at level error with its cause in \"error\", and the client's answer shows no cause",
            id:
                "request yang gagal dengan 500 dicatat di level error dengan penyebabnya di \"error\", dan jawaban untuk client tidak menampilkan penyebabnya"
        ),
        hint: Words(
            "Catch the errors that are not HTTPError apart: log them with logger.error(\"request\", [... \"status\": 500, \"error\": .string(\"\\(error)\")]) and throw them again; BackendKit answers the 500 without details.",
            id:
                "Tangkap error yang bukan HTTPError secara terpisah: catat dengan logger.error(\"request\", [... \"status\": 500, \"error\": .string(\"\\(error)\")]) lalu lempar lagi; BackendKit menjawab 500 tanpa detail."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t)
        let first = try Shop.placeOrder(t, customer: "Citra")
        let second = try Shop.placeOrder(t, customer: "Dewi")
        try Shop.deliver(
            t, Shop.paidEvent("evt_ops_a\(first)", order: first, paymentID: "pay_shared_\(first)")
        )
        .expectStatus(200)
        // One payment cannot pay two orders (migration 2's unique index): the database refuses the
        // second, and the handler has nothing to say about that error but to let it escape.
        let clash = try Shop.deliver(
            t, Shop.paidEvent("evt_ops_b\(second)", order: second, paymentID: "pay_shared_\(first)"),
            headers: ["X-Request-Id": "ops-500-1"]
        ).expectStatus(500)
        try require(
            !clash.text.contains("UNIQUE"),
            Words(
                "the 500 answer shows the database's error to the client: the cause belongs in the log only",
                id: "jawaban 500 menampilkan error database ke client: penyebabnya hanya boleh ada di log"),
            response: clash)
        let line = try requestLine(t, id: "ops-500-1", for: clash)
        guard line["status"]?.int == 500, line["level"]?.string == "error",
            let cause = line["error"]?.string, cause.contains("UNIQUE")
        else {
            throw clash.failure(
                Words(
                    "the line of the request that failed with 500 should have \"status\":500, \"level\":\"error\" and the cause (here a UNIQUE constraint) in \"error\"; it is: \(line.text.prefix(300))",
                    id:
                        "baris request yang gagal dengan 500 seharusnya berisi \"status\":500, \"level\":\"error\", dan penyebabnya (di sini constraint UNIQUE) di \"error\"; isinya: \(line.text.prefix(300))"
                ))
        }
    }

    Check(
        Words(
            "no secret reaches the log, even at LOG_LEVEL=debug: not the Authorization or Cookie values, the Gateway-Signature, a token in the query, or the webhook secret",
            id:
                "tidak ada secret yang sampai ke log, bahkan di LOG_LEVEL=debug: bukan nilai Authorization atau Cookie, Gateway-Signature, token di query, atau webhook secret"
        ),
        hint: Words(
            "Log the fields the lesson names, never the headers, the body or request.target (its query string can carry a token). Whoever reads the log must not be able to act as your client.",
            id:
                "Catat field yang disebut pelajaran, jangan pernah header, body, atau request.target (query string-nya bisa membawa token). Siapa pun yang membaca log tidak boleh bisa bertindak sebagai client kamu."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t, level: "debug")
        let order = try Shop.placeOrder(t)
        let bearer = "tok_live_6f1c2e9a7b3d4e5f"
        let cookie = "sess_9b8a7c6d5e4f3a2b"
        let query = "qtok_3c4d5e6f7a8b9c0d"
        _ = try t.http.get(
            "/orders/\(order)?token=\(query)",
            headers: ["Authorization": "Bearer \(bearer)", "Cookie": "session=\(cookie)"])
        let body = Shop.paidEvent("evt_ops_s\(order)", order: order, paymentID: "pay_ops_s\(order)")
        let now = Int(t.serverNow.timeIntervalSince1970)
        let signature = Shop.signature(body, at: now)
        _ = try Shop.deliver(t, body, signature: "t=\(now),v1=\(signature)").expectStatus(200)
        let forged = "f0rged" + String(repeating: "e", count: 58)
        _ = try Shop.deliver(t, body, signature: "t=\(now),v1=\(forged)")
        let output = t.serverOutput
        let secrets: [(String, Words)] = [
            (bearer, Words("the Authorization token", id: "token Authorization")),
            (cookie, Words("the Cookie value", id: "nilai Cookie")),
            (query, Words("the token in the query string", id: "token di query string")),
            (signature, Words("the Gateway-Signature", id: "Gateway-Signature")),
            (forged, Words("the forged Gateway-Signature", id: "Gateway-Signature palsu")),
            (Shop.secret, Words("the webhook secret", id: "webhook secret")),
        ]
        for (secret, what) in secrets where output.contains(secret) {
            let line = output.split(separator: "\n").first { $0.contains(secret) } ?? ""
            throw CheckFailure(
                Words(
                    "your server's log contains \(what.en): \(line.prefix(240))",
                    id: "log server kamu berisi \(what[.id]): \(line.prefix(240))"))
        }
    }

    Check(
        Words(
            "with LOG_LEVEL=warning the request lines of answered requests are left out",
            id: "dengan LOG_LEVEL=warning, baris request untuk request yang dijawab tidak ditulis"),
        hint: Words(
            "Write the line of an answered request at info (logger.info), so LOG_LEVEL decides: a busy service at warning writes only what needs attention. Only a 500 is an error.",
            id:
                "Tulis baris request yang dijawab di level info (logger.info), supaya LOG_LEVEL yang memutuskan: layanan yang sibuk di level warning hanya menulis apa yang perlu diperhatikan. Hanya 500 yang error."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t, level: "warning")
        let order = try Shop.placeOrder(t)
        let answer = try get(t, "/orders/\(order)", id: "ops-quiet-1").expectStatus(200)
        _ = try get(t, "/no-such-page", id: "ops-quiet-2")
        if let line = try logLines(t).first(where: { $0["message"]?.string == "request" }) {
            throw answer.failure(
                Words(
                    "started with LOG_LEVEL=warning, your server still wrote request lines, such as: \(line.text.prefix(200))",
                    id:
                        "dijalankan dengan LOG_LEVEL=warning, server kamu tetap menulis baris request, misalnya: \(line.text.prefix(200))"
                ))
        }
    }

    Check(
        Words(
            "the handlers log through the same logger: a processed webhook writes its \"event processed\" line as JSON with the request's id",
            id:
                "handler mencatat log lewat logger yang sama: webhook yang diproses menulis baris \"event processed\"-nya sebagai JSON dengan id request-nya"
        ),
        hint: Words(
            "Hand the checkout's logger to the handlers before next: var request = request; request.logger = logger. BackendKit's own logger keeps only warnings now, so the handlers' info lines are lost otherwise.",
            id:
                "Berikan logger milik checkout ke handler sebelum next: var request = request; request.logger = logger. Logger milik BackendKit sekarang hanya menyimpan warning, jadi kalau tidak, baris info dari handler hilang."
        ),
        needs: oneLinePerRequest.en
    ) { t in
        try startLogging(t)
        let order = try Shop.placeOrder(t)
        let answer = try Shop.deliver(
            t, Shop.paidEvent("evt_ops_h\(order)", order: order, paymentID: "pay_ops_h\(order)"),
            headers: ["X-Request-Id": "ops-hook-1"]
        ).expectStatus(200)
        let processed = try logLines(t).first {
            $0["message"]?.string == "event processed" && $0["request_id"]?.string == "ops-hook-1"
        }
        try require(
            processed != nil,
            Words(
                "the webhook was processed, but no JSON line {\"message\":\"event processed\",\"request_id\":\"ops-hook-1\"} was written: the handler's own lines do not reach the log",
                id:
                    "webhook-nya sudah diproses, tapi tidak ada baris JSON {\"message\":\"event processed\",\"request_id\":\"ops-hook-1\"} yang ditulis: baris milik handler tidak sampai ke log"
            ), response: answer)
    }
}
