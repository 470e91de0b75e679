import BackendKit
import Foundation
import GraderKit

/// What no answer to a client may contain: the inside of the server.
private let insideWords = [
    "UNIQUE", "constraint", "INSERT", "SELECT", "products.name", "sqlite", "SQLite", "DatabaseError",
    ".swift",
    "/tmp", "/home", "/Users", "database is locked", "Sources/", "DATABASE_PATH",
]

/// The first word of `insideWords` the body holds, if any.
private func leak(in response: ClientResponse, databasePath: String) -> String? {
    let body = response.text
    if body.contains(databasePath) { return databasePath }
    return insideWords.first { body.contains($0) }
}

private let adds = Words(
    "POST /products adds to the menu: 201, and GET /products lists it; a negative price answers 422",
    id: "POST /products menambah menu: 201, dan GET /products menampilkannya; harga negatif menjawab 422"
)
private let quiet = Words(
    "an answer about a failure inside says nothing about the inside: no SQL, no table or column, no file path, no error type",
    id:
        "jawaban tentang kegagalan di dalam tidak menyebut apa pun tentang isi dalamnya: tanpa SQL, tanpa tabel atau kolom, tanpa path file, tanpa tipe error"
)

/// Sends `POST /products` while the grader holds the write lock, so the INSERT fails inside.
private func addWhileLocked(_ t: TestContext, requestID: String) throws -> (ClientResponse, [String]) {
    try Warung.sendWhileLocked(t) {
        try t.http.post(
            "/products", json: ["name": .string("Es jeruk \(requestID)"), "price": 6000, "stock": 30],
            headers: ["X-Request-Id": requestID])
    }
}

let errorLeakage = ExerciseTests("debug08-error-leakage") {
    Check(
        adds,
        hint: Words(
            "The owner must still add products: fix what a failure answers, not whether adding works.",
            id:
                "Pemilik toko harus tetap bisa menambah produk: perbaiki apa yang dijawab saat gagal, bukan apakah penambahannya berfungsi."
        )
    ) { t in
        try t.http.post("/products", json: ["name": "Es jeruk", "price": 6000, "stock": 30]).expectStatus(201)
        let menu = try t.http.get("/products").expectStatus(200)
        try require(
            try menu.json()["products"]?.array?.contains { $0["name"]?.string == "Es jeruk" } == true,
            Words(
                "GET /products does not list Es jeruk after it was added",
                id: "GET /products tidak menampilkan Es jeruk setelah ditambahkan"),
            response: menu)
        _ = try t.http.post("/products", json: ["name": "Gratis", "price": -1, "stock": 1]).expectProblem(
            status: 422)
    }.asGuard()

    Check(
        quiet,
        hint: Words(
            "Send the same product twice and read the answer as a stranger would: what does it tell them about your tables, your code and your disk? The detail belongs in the log; the answer needs a status, a sentence and the request id.",
            id:
                "Kirim produk yang sama dua kali lalu baca jawabannya seperti orang asing membacanya: apa yang diberitahunya tentang tabel, kode, dan disk kamu? Detailnya tempatnya di log; jawabannya cukup berisi status, satu kalimat, dan request id."
        ),
        needs: adds.en,
        timeout: .seconds(30)
    ) { t in
        let path = t.databasePath
        try t.http.post("/products", json: ["name": "Kopi tubruk", "price": 8000, "stock": 20]).expectStatus(
            201)
        let twice = try t.http.post("/products", json: ["name": "Kopi tubruk", "price": 8000, "stock": 20])
        try require(
            twice.status >= 400,
            Words(
                "the same product added twice answered \(twice.status)",
                id: "produk yang sama ditambahkan dua kali menjawab \(twice.status)"),
            response: twice)
        if let word = leak(in: twice, databasePath: path) {
            throw CheckFailure(
                Words(
                    "the answer to a product added twice shows \"\(word)\": whoever sends a request learns how your server is built",
                    id:
                        "jawaban untuk produk yang ditambahkan dua kali menunjukkan \"\(word)\": siapa pun yang mengirim request jadi tahu bagaimana server kamu dibangun"
                ),
                exchange: twice.exchange)
        }
        let (locked, _) = try addWhileLocked(t, requestID: "menu-while-locked")
        try require(
            (500...599).contains(locked.status)
                && locked.headers["Content-Type"]?.hasPrefix("application/problem+json") == true,
            Words(
                "a product added while the database was locked (the INSERT failed inside) answered \(locked.status) \(locked.headers["Content-Type"] ?? ""): expected a 5xx problem document (application/problem+json)",
                id:
                    "produk yang ditambahkan saat database terkunci (INSERT-nya gagal di dalam) menjawab \(locked.status) \(locked.headers["Content-Type"] ?? ""): seharusnya problem document 5xx (application/problem+json)"
            ),
            response: locked)
        if let word = leak(in: locked, databasePath: path) {
            throw CheckFailure(
                Words(
                    "the 500 for a product added while the database was locked shows \"\(word)\": whoever sends a request learns how your server is built",
                    id:
                        "jawaban 500 untuk produk yang ditambahkan saat database terkunci menunjukkan \"\(word)\": siapa pun yang mengirim request jadi tahu bagaimana server kamu dibangun"
                ),
                exchange: locked.exchange)
        }
        try require(
            locked.text.contains("menu-while-locked"),
            Words(
                "the 500 does not give the request id (menu-while-locked): the owner has nothing to quote when she reports it",
                id:
                    "jawaban 500 tidak memberi request id-nya (menu-while-locked): pemilik toko tidak punya apa pun untuk disebut saat melaporkannya"
            ),
            response: locked)
    }

    Check(
        Words(
            "what went wrong is in the server's log: an ERROR line with the request id and the error",
            id: "apa yang salah ada di log server: baris ERROR dengan request id dan error-nya"
        ),
        hint: Words(
            "Removing the detail from the answer must not remove it from the world: log it with request.logger.error(…, [\"error\": .string(\"\\(error)\")]) before you answer, or let the error reach BackendKit, which logs it with the request id.",
            id:
                "Menghapus detail dari jawaban tidak boleh menghapusnya dari dunia: catat dengan request.logger.error(…, [\"error\": .string(\"\\(error)\")]) sebelum menjawab, atau biarkan error-nya sampai ke BackendKit, yang mencatatnya dengan request id."
        ),
        needs: quiet.en,
        timeout: .seconds(30)
    ) { t in
        let requestID = "menu-log-check"
        let (locked, lines) = try addWhileLocked(t, requestID: requestID)
        try require(
            lines.contains {
                $0.contains("ERROR") && $0.contains("request_id=\(requestID)") && $0.contains("locked")
            },
            Words(
                "the product added while the database was locked failed with \(locked.status), but your server's log has no ERROR line with request_id=\(requestID) that says why (database is locked)",
                id:
                    "produk yang ditambahkan saat database terkunci gagal dengan \(locked.status), tapi log server kamu tidak punya baris ERROR dengan request_id=\(requestID) yang menyebut alasannya (database is locked)"
            ),
            response: locked)
    }
}
