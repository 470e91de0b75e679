import BackendKit
import Foundation
import GraderKit

/// Fails unless the response is a problem document with the members every error shares.
@discardableResult
private func expectShape(_ response: ClientResponse, status: Int) throws -> JSONValue {
    let hint = Words(
        "Turn every HTTPError into its problem document with error.response(instance: request.path). A hand-made {\"error\": ...} is a second shape that clients must learn.",
        id:
            "Ubah setiap HTTPError menjadi dokumen problem-nya dengan error.response(instance: request.path). {\"error\": ...} buatan sendiri adalah bentuk kedua yang harus dipelajari client."
    )
    let problem = try response.expectProblem(status: status, hint: hint)
    for member in ["type", "title", "detail"] where problem[member]?.string == nil {
        throw response.failure(
            Words(
                "expected the problem document to have a \"\(member)\" string, like every other error",
                id: "seharusnya dokumen problem punya string \"\(member)\", seperti semua error lainnya"),
            hint: hint)
    }
    try expectRequestID(response)
    return problem
}

private func expectRequestID(_ response: ClientResponse) throws {
    try response.expectHeader(
        "X-Request-Id",
        hint: Words(
            "Set response.headers[\"X-Request-Id\"] = request.id in the middleware, after you have the final response, so errors get it too.",
            id:
                "Isi response.headers[\"X-Request-Id\"] = request.id di middleware, setelah kamu punya response akhirnya, supaya error juga mendapatkannya."
        ))
}

private let leaks = [
    "internal_audit_log", "select ", "no such table", "sqlite", "databaseerror", ".swift", "sql:",
]

/// The check that shows the problem shape every other check expects.
private let problemShape = Words(
    "an unknown path and an unknown task answer 404 as problem documents",
    id: "path yang tidak dikenal dan tugas yang tidak ada dijawab 404 sebagai dokumen problem")

/// The check that shows every answer carries a request id; the check of the client's id needs it.
private let everyAnswerHasID = Words(
    "every answer has an X-Request-Id header: 200, 201, 204, 304, 404, 405, 500 and HEAD",
    id: "setiap jawaban punya header X-Request-Id: 200, 201, 204, 304, 404, 405, 500, dan HEAD")

let errors = ExerciseTests("api08-errors") {
    Check(problemShape) { t in
        try t.startServer(environment: ["TASKS_DEBUG": "1"])
        try expectShape(try t.http.get("/nope"), status: 404)
        try expectShape(try t.http.get("/tasks/999999"), status: 404)
    }

    Check(
        Words(
            "405 is a problem document and keeps its Allow header",
            id: "405 berupa dokumen problem dan tetap membawa header Allow-nya"),
        hint: Words(
            "error.response(instance:) keeps the error's headers. A response built by hand from error.detail loses the Allow header, and the client no longer knows which methods work.",
            id:
                "error.response(instance:) mempertahankan header dari error-nya. Response yang dibuat sendiri dari error.detail kehilangan header Allow, dan client jadi tidak tahu method mana yang bisa dipakai."
        ),
        needs: problemShape.en
    ) { t in
        let response = try t.http.delete("/tasks")
        try expectShape(response, status: 405)
        try Tasks.expectAllow(response, contains: ["GET", "POST"])
    }

    Check(
        Words(
            "400, 415 and 422 are problem documents; 422 keeps its errors list, 415 its Accept-Patch",
            id:
                "400, 415, dan 422 berupa dokumen problem; 422 tetap membawa list errors-nya, 415 header Accept-Patch-nya"
        ),
        needs: problemShape.en
    ) { t in
        try expectShape(
            try t.http.send(
                .post, "/tasks", headers: ["Content-Type": "application/json"], body: Data("{".utf8)),
            status: 400)
        try expectShape(
            try t.http.send(
                .post, "/tasks", headers: ["Content-Type": "text/plain"], body: Data(#"{"title": "x"}"#.utf8)),
            status: 415)
        let invalid = try t.http.post("/tasks", json: ["title": "", "due": "someday"])
        try expectShape(invalid, status: 422)
        try Tasks.expectValidation(
            invalid, fields: ["title", "due"],
            hint: Words(
                "Keep the error's extensions: error.response(instance:) includes the errors list.",
                id:
                    "Pertahankan extensions dari error-nya: error.response(instance:) menyertakan list errors."
            ))
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Check the error shapes")))
        let patch = try t.http.patch("/tasks/\(id)", json: ["title": "x"], contentType: "application/json")
        try expectShape(patch, status: 415)
        try patch.expectHeader(
            "Accept-Patch",
            hint: Words(
                "error.response(instance:) keeps the Accept-Patch header of the 415.",
                id: "error.response(instance:) mempertahankan header Accept-Patch dari 415."))
    }

    Check(
        Words(
            "a crash answers 500 as a problem document that reveals nothing about the code",
            id: "crash dijawab 500 sebagai dokumen problem yang tidak membocorkan apa pun tentang kodenya"),
        hint: Words(
            "Never put \"\\(error)\" into an answer: it shows your SQL, table names and file paths to anyone. Answer a fixed text with the request id, and write the real error to the log.",
            id:
                "Jangan pernah memasukkan \"\\(error)\" ke jawaban: itu memperlihatkan SQL, nama tabel, dan path file-mu ke siapa saja. Jawab dengan teks tetap beserta request id, lalu tulis error aslinya ke log."
        ),
        needs: problemShape.en
    ) { t in
        let response = try t.http.get("/debug/fail").expectStatus(500)
        let body = response.text.lowercased()
        for leak in leaks where body.contains(leak) {
            throw response.failure(
                Words(
                    "the 500 answer contains \"\(leak)\": it shows the client how the server is built. Send a general message and the request id instead.",
                    id:
                        "jawaban 500 berisi \"\(leak)\": itu memperlihatkan ke client bagaimana server-nya dibuat. Kirim pesan umum dan request id saja."
                ))
        }
        let problem = try expectShape(response, status: 500)
        let id = response.headers["X-Request-Id"] ?? ""
        try require(
            !id.isEmpty && response.text.contains(id),
            Words(
                "expected the 500 answer to include the request id (\(id)), so a user can quote it when they report the problem; got \(problem.description)",
                id:
                    "seharusnya jawaban 500 menyertakan request id (\(id)), supaya pengguna bisa menyebutkannya saat melaporkan masalah; tapi yang datang \(problem.description)"
            ),
            hint: Words(
                "Put request.id into the detail, or into a \"requestId\" member (HTTPError(..., extensions: [\"requestId\": .string(request.id)])).",
                id:
                    "Masukkan request.id ke detail, atau ke member \"requestId\" (HTTPError(..., extensions: [\"requestId\": .string(request.id)]))."
            ),
            response: response)
    }

    Check(
        Words(
            "the real error of a 500 is written to the server log, with the request id",
            id: "error asli dari 500 ditulis ke log server, bersama request id-nya"),
        hint: Words(
            "Log the error before you answer: request.logger.error(\"...\\(error)\"). The request's logger adds the request id to the line, so the team can find the error from the id a user quotes.",
            id:
                "Tulis error-nya ke log sebelum kamu menjawab: request.logger.error(\"...\\(error)\"). Logger milik request menambahkan request id ke barisnya, jadi tim bisa menemukan error itu dari id yang disebutkan pengguna."
        )
    ) { t in
        let response = try t.http.get("/debug/fail", headers: ["X-Request-Id": "grader-crash-0001"])
        try response.expectStatus(500)
        let id = "grader-crash-0001"
        // One log entry is its first line (which carries request_id=...) and the indented lines
        // that continue a long message. BackendKit's own access line ("GET /debug/fail 500 ...")
        // has the id too, but not the error: only the server's own error line counts.
        func entries() -> [String] {
            var found: [String] = []
            for line in t.serverOutput.split(separator: "\n").map(String.init) {
                if line.hasPrefix(" "), let last = found.popLast() {
                    found.append(last + "\n" + line)
                } else {
                    found.append(line)
                }
            }
            return found.filter { $0.contains(id) }
        }
        func isTheError(_ entry: String) -> Bool {
            entry.contains("internal_audit_log") || entry.contains("no such table")
        }
        // The server writes the line before it answers, but its output reaches the grader through a
        // pipe: give the last lines a moment to arrive.
        var withID = entries()
        for _ in 0..<40 where !withID.contains(where: isTheError) {
            Thread.sleep(forTimeInterval: 0.05)
            withID = entries()
        }
        let shown = (withID.isEmpty ? [Words("(none)", id: "(tidak ada)").text] : withID)
            .map { "    " + $0 }.joined(separator: "\n")
        try require(
            withID.contains(where: isTheError),
            Words(
                "expected one log entry with both the request id \(id) and the real error (no such table: internal_audit_log); the entries with that id are:\n\(shown)",
                id:
                    "seharusnya ada satu entri log yang berisi request id \(id) sekaligus error aslinya (no such table: internal_audit_log); entri dengan id itu adalah:\n\(shown)"
            ),
            hint: withID.isEmpty
                ? nil
                : Words(
                    "Only BackendKit's access line has the id. print(...) writes a line without it, so nobody can find the error from the id a user quotes: log with request.logger.error(\"...\\(error)\"), which adds request_id= to the line.",
                    id:
                        "Hanya baris akses BackendKit yang punya id-nya. print(...) menulis baris tanpa id, jadi tidak ada yang bisa menemukan error-nya dari id yang disebutkan pengguna: tulis log dengan request.logger.error(\"...\\(error)\"), yang menambahkan request_id= ke barisnya."
                )
        )
    }

    Check(
        everyAnswerHasID,
        hint: Words(
            "Add the header to the response in the middleware, for successful answers and for errors alike.",
            id:
                "Tambahkan header-nya ke response di middleware, baik untuk jawaban yang berhasil maupun untuk error."
        ),
        needs: problemShape.en
    ) { t in
        let created = try t.http.post("/tasks", json: Tasks.draft("Every answer has an id")).expectStatus(201)
        try expectRequestID(created)
        let id = try Tasks.id(of: try created.json(), in: created)
        let read = try t.http.get("/tasks/\(id)").expectStatus(200)
        try expectRequestID(read)
        try expectRequestID(try t.http.head("/tasks/\(id)").expectStatus(200))
        try expectRequestID(
            try t.http.get("/tasks/\(id)", headers: ["If-None-Match": read.headers["ETag"] ?? "*"])
                .expectStatus(304))
        try expectRequestID(try t.http.get("/health").expectStatus(200))
        try expectRequestID(try t.http.get("/tasks").expectStatus(200))
        try expectRequestID(try t.http.delete("/tasks/\(id)").expectStatus(204))
        try expectRequestID(try t.http.get("/tasks/\(id)").expectStatus(404))
        try expectRequestID(try t.http.patch("/health", json: [:]).expectStatus(405))
        try expectRequestID(try t.http.get("/debug/fail").expectStatus(500))
    }

    Check(
        Words(
            "a client's valid X-Request-Id comes back unchanged; an invalid one is replaced",
            id: "X-Request-Id yang valid dari client kembali tanpa berubah; yang tidak valid diganti"),
        hint: Words(
            "Use request.id: BackendKit takes the client's X-Request-Id when it is short and made of letters, digits, '-', '.' and '_', and makes a new one otherwise.",
            id:
                "Pakai request.id: BackendKit memakai X-Request-Id dari client kalau pendek dan hanya berisi huruf, angka, '-', '.', dan '_'; kalau tidak, BackendKit membuat id baru."
        ),
        needs: everyAnswerHasID.en
    ) { t in
        let mine = try t.http.get("/health", headers: ["X-Request-Id": "app-7f3a-42"]).expectStatus(200)
        try requireEqual(
            mine.headers["X-Request-Id"], "app-7f3a-42",
            Words("the X-Request-Id of the answer", id: "X-Request-Id di jawabannya"),
            response: mine)
        let invalid = try t.http.get("/health", headers: ["X-Request-Id": "<script>alert(1)</script>"])
            .expectStatus(200)
        let replaced = invalid.headers["X-Request-Id"] ?? ""
        try require(
            !replaced.isEmpty && replaced != "<script>alert(1)</script>",
            Words(
                "expected an invalid X-Request-Id to be replaced by a new id, got \"\(replaced)\"",
                id:
                    "seharusnya X-Request-Id yang tidak valid diganti dengan id baru, tapi yang datang \"\(replaced)\""
            ),
            response: invalid)
        let a = try t.http.get("/health").headers["X-Request-Id"]
        let b = try t.http.get("/health").headers["X-Request-Id"]
        let none = Words("none", id: "tidak ada").text
        try require(
            a != nil && a != b,
            Words(
                "expected two requests without an id to get two different ids, got \(a ?? none) and \(b ?? none)",
                id:
                    "seharusnya dua request tanpa id mendapat dua id yang berbeda, tapi yang datang \(a ?? none) dan \(b ?? none)"
            ))
    }

    Check(
        Words(
            "without TASKS_DEBUG=1 the debug route does not exist",
            id: "tanpa TASKS_DEBUG=1, route debug tidak ada"),
        needs: problemShape.en
    ) { t in
        try t.startServer(environment: ["TASKS_DEBUG": "0"])
        try expectShape(try t.http.get("/debug/fail"), status: 404)
    }
}
