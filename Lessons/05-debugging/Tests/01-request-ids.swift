import BackendKit
import Foundation
import GraderKit

/// A trace id a caller's tracing would send, and its header.
private let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
private let traceparent = "00-\(traceID)-00f067aa0ba902b7-01"
/// The start of the lines a note tries to forge: no line the server writes starts like this.
private let forgedStamp = "2026-12-01T10:42:0"

private let places = Words(
    "POST /orders places an order: 201 with its lines and total, GET /orders/:id shows the same, and the stock goes down",
    id:
        "POST /orders membuat pesanan: 201 dengan baris dan totalnya, GET /orders/:id menunjukkan hal yang sama, dan stoknya berkurang"
)
private let carriesRequestID = Words(
    "the line the app logs for an order carries the request's id as request_id=…, like BackendKit's own line",
    id:
        "baris yang dicatat aplikasi untuk sebuah pesanan membawa id request-nya sebagai request_id=…, seperti baris milik BackendKit sendiri"
)

/// Places `body` as an order with these headers and returns the lines the app logged meanwhile.
private func appLinesOfOrder(
    _ t: TestContext, _ body: JSONValue, headers: HTTPHeaders
) throws -> (lines: [String], response: ClientResponse) {
    var response: ClientResponse?
    let lines = try Warung.logged(t) {
        response = try t.http.post("/orders", json: body, headers: headers).expectStatus(201)
    }
    let placed = response!
    let own = Warung.appLines(lines)
    try require(
        !own.isEmpty,
        Words(
            "while it placed the order, your server logged nothing but BackendKit's access line: the app logs a line for every order placed; keep it",
            id:
                "saat membuat pesanan, server kamu tidak mencatat apa pun selain baris akses BackendKit: aplikasi ini mencatat satu baris untuk setiap pesanan; pertahankan baris itu"
        ),
        response: placed)
    return (own, placed)
}

let requestIDs = ExerciseTests("debug01-request-ids") {
    Check(
        places,
        hint: Words(
            "The shop must still take orders: fix how the order is logged, not whether it is placed.",
            id:
                "Toko ini harus tetap menerima pesanan: perbaiki cara pesanan dicatat, bukan apakah pesanan dibuat."
        )
    ) { t in
        let placed = try t.http.post("/orders", json: Warung.sampleOrder).expectStatus(201)
        let order = try placed.json()
        try requireEqual(
            order["total"]?.int, Warung.sampleTotal,
            Words(
                "the total of 2 Nasi goreng and 1 Es teh manis",
                id: "total dari 2 Nasi goreng dan 1 Es teh manis"),
            response: placed)
        let id = try requireValue(
            order["id"]?.int, Words("the order's id in the answer", id: "id pesanan di jawabannya"),
            response: placed)
        let shown = try t.http.get("/orders/\(id)").expectStatus(200)
        try requireEqual(
            try shown.json()["items"], order["items"],
            Words("the lines GET /orders/\(id) shows", id: "baris yang ditunjukkan GET /orders/\(id)"),
            response: shown)
        let menu = try t.http.get("/products").expectStatus(200)
        let stock = try menu.json()["products"]?.array?.first?["stock"]?.int
        try requireEqual(
            stock, 48,
            Words("the stock of Nasi goreng after 2 were ordered", id: "stok Nasi goreng setelah 2 dipesan"),
            response: menu)
    }.asGuard()

    Check(
        Words(
            "an order for a product that does not exist or a quantity of 0 answers 422, one for more than the stock 409",
            id:
                "pesanan untuk produk yang tidak ada atau jumlah 0 menjawab 422, pesanan yang melebihi stok menjawab 409"
        )
    ) { t in
        _ = try t.http.post(
            "/orders", json: ["customer": "Budi", "items": [["product_id": 99, "quantity": 1]]]
        )
        .expectProblem(status: 422)
        _ = try t.http.post(
            "/orders", json: ["customer": "Budi", "items": [["product_id": 1, "quantity": 0]]]
        )
        .expectProblem(status: 422)
        _ = try t.http.post(
            "/orders", json: ["customer": "Budi", "items": [["product_id": 2, "quantity": 41]]]
        )
        .expectProblem(status: 409)
    }.asGuard()

    Check(
        carriesRequestID,
        hint: Words(
            "BackendKit's own line for this request carries the id. Find the code that writes the order's line: which logger does it use, and what does that logger know about the request? Lines logged with request.logger carry request_id=….",
            id:
                "Baris milik BackendKit sendiri untuk request ini membawa id-nya. Temukan kode yang menulis baris pesanannya: logger mana yang dipakainya, dan apa yang diketahui logger itu tentang request-nya? Baris yang dicatat dengan request.logger membawa request_id=…."
        )
    ) { t in
        let requestID = "support-ticket-1042"
        let (lines, response) = try appLinesOfOrder(t, Warung.order(), headers: ["X-Request-Id": requestID])
        for line in lines {
            try require(
                line.contains("request_id=\(requestID)"),
                Words(
                    "a request sent with X-Request-Id: \(requestID) logged this line without request_id=\(requestID): \"\(line)\". Support searches the log for the id the customer saw, and finds only BackendKit's access line",
                    id:
                        "request yang dikirim dengan X-Request-Id: \(requestID) mencatat baris ini tanpa request_id=\(requestID): \"\(line)\". Tim support mencari di log dengan id yang dilihat pelanggan, dan hanya menemukan baris akses BackendKit"
                ),
                response: response)
        }
    }

    Check(
        Words(
            "a valid traceparent puts its trace id on that line as trace_id=…; a malformed one is ignored",
            id:
                "traceparent yang valid menaruh trace id-nya di baris itu sebagai trace_id=…; traceparent yang rusak diabaikan"
        ),
        hint: Words(
            "TraceContext.swift adds trace_id to request.logger, so only lines logged with request.logger carry it. A Logger you make yourself, even with request_id added by hand, has never heard of it.",
            id:
                "TraceContext.swift menambahkan trace_id ke request.logger, jadi hanya baris yang dicatat dengan request.logger yang membawanya. Logger yang kamu buat sendiri, walaupun request_id-nya ditambahkan manual, tidak pernah mengenalnya."
        ),
        needs: carriesRequestID.en
    ) { t in
        let traced = try appLinesOfOrder(t, Warung.order(), headers: ["traceparent": traceparent])
        for line in traced.lines {
            try require(
                line.contains("trace_id=\(traceID)"),
                Words(
                    "a request sent with traceparent: \(traceparent) logged this line without trace_id=\(traceID): \"\(line)\"",
                    id:
                        "request yang dikirim dengan traceparent: \(traceparent) mencatat baris ini tanpa trace_id=\(traceID): \"\(line)\""
                ),
                response: traced.response)
        }
        let zeros = "00-00000000000000000000000000000000-00f067aa0ba902b7-01"
        let untraced = try appLinesOfOrder(t, Warung.order(), headers: ["traceparent": zeros])
        for line in untraced.lines {
            try require(
                !line.contains("trace_id="),
                Words(
                    "traceparent: \(zeros) has an all-zero trace id, which W3C Trace Context calls invalid, yet this line carries a trace_id: \"\(line)\"",
                    id:
                        "traceparent: \(zeros) punya trace id yang semuanya nol, yang menurut W3C Trace Context tidak valid, tapi baris ini membawa trace_id: \"\(line)\""
                ),
                response: untraced.response)
        }
    }

    Check(
        Words(
            "a note with CR or LF in it cannot forge a log line: what the customer wrote stays inside the order's line",
            id:
                "catatan yang berisi CR atau LF tidak bisa memalsukan baris log: apa yang ditulis pelanggan tetap di dalam baris pesanannya"
        ),
        hint: Words(
            "Give the note to the logger as a value, not inside the message: request.logger.info(\"order placed\", [\"note\": .string(note)]) writes note=\"…\" with CR and LF escaped as \\r and \\n. Removing only \\n is not enough: a bare CR sends a terminal back to the start of the line, and what follows overwrites it.",
            id:
                "Berikan catatannya ke logger sebagai nilai, bukan di dalam pesan: request.logger.info(\"order placed\", [\"note\": .string(note)]) menulis note=\"…\" dengan CR dan LF di-escape menjadi \\r dan \\n. Menghapus \\n saja tidak cukup: CR tanpa LF mengembalikan terminal ke awal baris, dan teks sesudahnya menimpanya."
        ),
        needs: carriesRequestID.en
    ) { t in
        let notes = [
            "Pedas, ya!\r\n\(forgedStamp)0.000Z INFO    refund sent order_id=1 amount=500000",
            "Pedas, ya!\r\(forgedStamp)1.000Z WARNING stock reset by admin product_id=1",
        ]
        for note in notes {
            let (lines, response) = try appLinesOfOrder(t, Warung.order(note: note), headers: [:])
            if let forged = lines.first(where: {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(forgedStamp)
            }) {
                let shown = note.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(
                    of: "\n", with: "\\n")
                throw CheckFailure(
                    Words(
                        "the note \"\(shown)\" made your server's log show a line it never logged: \"\(forged)\". Whoever reads the log (or a tool that reads it) takes it for a real event",
                        id:
                            "catatan \"\(shown)\" membuat log server kamu menampilkan baris yang tidak pernah ia catat: \"\(forged)\". Siapa pun yang membaca log-nya (atau alat yang membacanya) mengira itu kejadian sungguhan"
                    ),
                    exchange: response.exchange)
            }
        }
    }
}
