import BackendKit
import Foundation
import GraderKit

private let json: HTTPHeaders = ["Content-Type": "application/json"]

let validation = ExerciseTests("api03-validation") {
    Check(
        Words(
            "a valid task is still created (201), with its title exactly as sent",
            id: "tugas yang valid tetap dibuat (201), dengan judul persis seperti yang dikirim")
    ) { t in
        let response = try t.http.post(
            "/tasks",
            json: Tasks.draft(
                "Rapat evaluasi — Q4 ✅", status: "doing", assignee: "budi.santoso", due: "2028-02-29"))
        try response.expectStatus(
            201,
            hints: [
                422: Words(
                    "A valid task was refused. 2028-02-29 is a real date (2028 is a leap year), and budi.santoso is a valid username.",
                    id:
                        "Tugas yang valid malah ditolak. 2028-02-29 adalah tanggal yang benar-benar ada (2028 tahun kabisat), dan budi.santoso adalah username yang valid."
                ),
                501: Words(
                    "Finish the TODO in TaskInput.draft(from:): return a TaskDraft when every field is valid.",
                    id:
                        "Selesaikan TODO di TaskInput.draft(from:): kembalikan TaskDraft kalau semua field valid."
                ),
            ])
        try requireEqual(
            try response.json()["title"]?.string, "Rapat evaluasi — Q4 ✅",
            Words("the stored title", id: "judul yang tersimpan"),
            response: response)
        try requireEqual(
            try response.json()["status"]?.string, "doing",
            Words(
                "the stored status (\"doing\" was sent)", id: "status yang tersimpan (yang dikirim \"doing\")"
            ),
            response: response)
        let tricky = "O'Reilly: Robert'); DROP TABLE tasks;-- 100% \"done\""
        let stored = try t.http.post("/tasks", json: Tasks.draft(tricky)).expectStatus(201)
        let id = try Tasks.id(of: try stored.json(), in: stored)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try fetched.json()["title"]?.string, tricky,
            Words(
                "the title with quotes and SQL in it, read back",
                id: "judul yang berisi tanda kutip dan SQL, saat dibaca lagi"),
            response: fetched)
    }

    Check(
        Words(
            "null for assignee or due means \"none\": the task is created (201)",
            id: "null untuk assignee atau due berarti \"tidak ada\": tugasnya tetap dibuat (201)"),
        hint: Words(
            "The rules say assignee and due are \"optional or null\": a client that clears a field sends \"assignee\": null. Treat .null like a missing field (no assignee, no due date), not as a value of the wrong type.",
            id:
                "Aturannya bilang assignee dan due itu \"opsional atau null\": client yang mengosongkan sebuah field mengirim \"assignee\": null. Perlakukan .null seperti field yang tidak dikirim (tanpa assignee, tanpa tenggat), bukan sebagai nilai dengan tipe yang salah."
        ),
        needs: "a valid task is still created (201), with its title exactly as sent"
    ) { t in
        let body: JSONValue = ["title": "Water the plants", "assignee": .null, "due": .null]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(
            response,
            sent:
                Words(
                    "a task with \"assignee\": null and \"due\": null",
                    id: "tugas dengan \"assignee\": null dan \"due\": null"))
        try response.expectStatus(201)
        let task = try response.json()
        try requireEqual(
            task["assignee"] ?? .null, .null,
            Words("the assignee of the new task", id: "assignee tugas baru"), response: response)
        try requireEqual(
            task["due"] ?? .null, .null, Words("the due date of the new task", id: "tenggat tugas baru"),
            response: response)
    }

    Check(
        Words(
            "a title is stored without the spaces at its ends, and a title of only spaces answers 422",
            id:
                "judul disimpan tanpa spasi di awal dan akhirnya, dan judul yang isinya hanya spasi dijawab 422"
        ),
        hint: Words(
            "Trim first (text.trimmingCharacters(in: .whitespacesAndNewlines)), then check the trimmed title and store that same trimmed title, not the text as sent.",
            id:
                "Trim dulu (text.trimmingCharacters(in: .whitespacesAndNewlines)), lalu periksa judul yang sudah di-trim dan simpan judul itu juga, bukan teks apa adanya seperti yang dikirim."
        ),
        needs: "a valid task is still created (201), with its title exactly as sent"
    ) { t in
        let response = try t.http.post("/tasks", json: Tasks.draft("  Call the printer repair shop \n"))
        try response.expectStatus(201)
        try requireEqual(
            try response.json()["title"]?.string, "Call the printer repair shop",
            Words(
                "the stored title of \"  Call the printer repair shop \\n\"",
                id: "judul yang tersimpan dari \"  Call the printer repair shop \\n\""),
            response: response)
        let blank = try t.http.post("/tasks", json: Tasks.draft(" \t \n "))
        try Tasks.expectNot500(
            blank, sent: Words("a title of only spaces", id: "judul yang isinya hanya spasi"))
        try Tasks.expectValidation(blank, fields: ["title"])
    }

    Check(
        Words(
            "a body that is not JSON answers 400 Bad Request as a problem document",
            id: "body yang bukan JSON dijawab 400 Bad Request sebagai dokumen problem"),
        hint: Words(
            "request.json() throws 400 Bad Request when the body is not JSON. Parse the body with it before you check the fields.",
            id:
                "request.json() melempar 400 Bad Request kalau body-nya bukan JSON. Parse body-nya dengan fungsi itu sebelum kamu memeriksa field-nya."
        )
    ) { t in
        let response = try t.http.send(
            .post, "/tasks", headers: json, body: Data(#"{"title": "Buy milk","#.utf8))
        try Tasks.expectNot500(
            response, sent: Words("a body cut off in the middle", id: "body yang terpotong di tengah"))
        try response.expectProblem(status: 400)
    }

    Check(
        Words(
            "a task without a title answers 422 with an error for the field title",
            id: "tugas tanpa judul dijawab 422 dengan error untuk field title")
    ) { t in
        let response = try t.http.post("/tasks", json: ["status": "todo"])
        try Tasks.expectNot500(response, sent: Words("a task without a title", id: "tugas tanpa judul"))
        try Tasks.expectValidation(
            response, fields: ["title"],
            hint: Words(
                "A missing title is a client mistake: add (\"title\", \"is required\") to your list of errors and throw HTTPError.validation(errors).",
                id:
                    "Judul yang tidak dikirim adalah kesalahan client: tambahkan (\"title\", \"is required\") ke list errors-mu, lalu throw HTTPError.validation(errors)."
            )
        )
    }

    Check(
        Words(
            "every invalid field is reported at once, not only the first",
            id: "semua field yang tidak valid dilaporkan sekaligus, bukan hanya yang pertama"),
        hint: Words(
            "Do not throw at the first problem. Check every field, append each problem to an array of (field, message), and throw HTTPError.validation(errors) once at the end.",
            id:
                "Jangan langsung throw di masalah pertama. Periksa setiap field, tambahkan setiap masalah ke array (field, message), lalu throw HTTPError.validation(errors) sekali saja di akhir."
        ),
        needs: "a task without a title answers 422 with an error for the field title"
    ) { t in
        let body: JSONValue = [
            "title": "   ", "status": "later", "assignee": "Dewi Lestari!", "due": "2026-02-30",
        ]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(
            response,
            sent: Words("a task with four invalid fields", id: "tugas dengan empat field yang tidak valid"))
        try Tasks.expectValidation(response, fields: ["title", "status", "assignee", "due"])
    }

    Check(
        Words(
            "fields of the wrong type answer 422 naming each field, never 500",
            id: "field dengan tipe yang salah dijawab 422 yang menyebut setiap field-nya, tidak pernah 500"),
        needs: "every invalid field is reported at once, not only the first"
    ) { t in
        let body: JSONValue = ["title": 42, "status": true, "assignee": ["dewi"], "due": 20_261_201]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(
            response, sent: Words("fields of the wrong type", id: "field dengan tipe yang salah"))
        try Tasks.expectValidation(
            response, fields: ["title", "status", "assignee", "due"],
            hint: Words(
                "Look at the kind of each value: body[\"title\"]?.string is nil when the title is a number. That is a 422 for that field, not a crash.",
                id:
                    "Lihat jenis setiap nilai: body[\"title\"]?.string bernilai nil kalau title-nya berupa angka. Itu 422 untuk field tersebut, bukan crash."
            )
        )
    }

    Check(
        Words(
            "a title may have 200 characters but not 201",
            id: "judul boleh 200 karakter, tapi tidak boleh 201"),
        hint: Words(
            "Count the characters of the title after trimming spaces (title.count) and refuse more than 200. A character is what a reader sees: \"é\" is one character, though UTF-8 writes it in two bytes, so title.utf8.count is not the length.",
            id:
                "Hitung karakter judul setelah spasinya di-trim (title.count), lalu tolak kalau lebih dari 200. Satu karakter adalah apa yang dilihat pembaca: \"é\" itu satu karakter, walaupun UTF-8 menulisnya dalam dua byte, jadi title.utf8.count bukan panjangnya."
        ),
        needs: "a task without a title answers 422 with an error for the field title"
    ) { t in
        try t.http.post("/tasks", json: Tasks.draft(String(repeating: "a", count: 200))).expectStatus(201)
        try t.http.post("/tasks", json: Tasks.draft(String(repeating: "é", count: 200))).expectStatus(
            201)
        let response = try t.http.post("/tasks", json: Tasks.draft(String(repeating: "b", count: 201)))
        try Tasks.expectNot500(
            response, sent: Words("a title of 201 characters", id: "judul sepanjang 201 karakter"))
        try Tasks.expectValidation(response, fields: ["title"])
    }

    Check(
        Words(
            "a body not sent as application/json answers 415 Unsupported Media Type",
            id: "body yang tidak dikirim sebagai application/json dijawab 415 Unsupported Media Type"),
        hint: Words(
            "Call try request.requireContentType(\"application/json\") before reading the body. It accepts \"application/json; charset=utf-8\" too.",
            id:
                "Panggil try request.requireContentType(\"application/json\") sebelum membaca body. Fungsi itu juga menerima \"application/json; charset=utf-8\"."
        )
    ) { t in
        let body = Data(#"{"title": "Buy milk"}"#.utf8)
        let plain = try t.http.send(.post, "/tasks", headers: ["Content-Type": "text/plain"], body: body)
        try plain.expectProblem(status: 415)
        let none = try t.http.send(.post, "/tasks", body: body)
        try none.expectProblem(status: 415)
        try t.http.send(
            .post, "/tasks", headers: ["Content-Type": "application/json; charset=utf-8"], body: body
        )
        .expectStatus(
            201,
            hint: Words(
                "\"application/json; charset=utf-8\" is JSON too: compare the media type without its parameters (request.requireContentType does).",
                id:
                    "\"application/json; charset=utf-8\" juga JSON: bandingkan media type-nya tanpa parameternya (request.requireContentType sudah melakukannya)."
            )
        )
    }

    Check(
        Words(
            "PUT checks its body the same way, and an invalid PUT changes nothing",
            id:
                "PUT memeriksa body-nya dengan cara yang sama, dan PUT yang tidak valid tidak mengubah apa pun"
        ),
        needs: "every invalid field is reported at once, not only the first",
        "a body not sent as application/json answers 415 Unsupported Media Type"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Order new laptops", assignee: "sari")))
        let response = try t.http.put("/tasks/\(id)", json: ["title": "", "due": "soon"])
        try Tasks.expectNot500(response, sent: Words("an invalid PUT body", id: "body PUT yang tidak valid"))
        try Tasks.expectValidation(
            response, fields: ["title", "due"],
            hint: Words(
                "replace reads its body with TaskInput.read(from:) too, so the same rules apply.",
                id: "replace juga membaca body-nya dengan TaskInput.read(from:), jadi aturannya sama."))
        let stored = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try stored.json()["title"]?.string, "Order new laptops",
            Words("the title after a refused PUT", id: "judul setelah PUT yang ditolak"),
            response: stored)
        let plain = try t.http.send(
            .put, "/tasks/\(id)", headers: ["Content-Type": "text/plain"], body: Data(#"{"title": "x"}"#.utf8)
        )
        try plain.expectProblem(status: 415)
    }

    Check(
        Words(
            "twenty kinds of bad input never cause a 500, and none of them stores a task",
            id:
                "dua puluh macam input yang salah tidak pernah menyebabkan 500, dan tidak satu pun menyimpan tugas"
        ),
        hint: Words(
            "Every bad input is the client's mistake: answer 400 (not JSON), 415 (not declared as JSON) or 422 (wrong fields), each as a problem document.",
            id:
                "Setiap input yang salah adalah kesalahan client: jawab 400 (bukan JSON), 415 (tidak dinyatakan sebagai JSON), atau 422 (field-nya salah), masing-masing sebagai dokumen problem."
        ),
        needs: "a body that is not JSON answers 400 Bad Request as a problem document",
        "fields of the wrong type answer 422 naming each field, never 500",
        "a body not sent as application/json answers 415 Unsupported Media Type"
    ) { t in
        let before = try Tasks.storedCount(t)
        let bodies: [(Words, Data)] = [
            (Words("an empty body", id: "body kosong"), Data()),
            (Words(verbatim: "null"), Data("null".utf8)),
            (Words("an array", id: "sebuah array"), Data("[]".utf8)),
            (Words("a string", id: "sebuah string"), Data(#""Buy milk""#.utf8)),
            (Words("a number", id: "sebuah angka"), Data("123".utf8)),
            (Words("an empty object", id: "objek kosong"), Data("{}".utf8)),
            (Words("a null title", id: "title bernilai null"), Data(#"{"title": null}"#.utf8)),
            (
                Words("a title that is an array", id: "title berupa array"),
                Data(#"{"title": ["Buy", "milk"]}"#.utf8)
            ),
            (
                Words("a title that is an object", id: "title berupa objek"),
                Data(#"{"title": {"text": "Buy milk"}}"#.utf8)
            ),
            (
                Words("a null status", id: "status bernilai null"),
                Data(#"{"title": "Buy milk", "status": null}"#.utf8)
            ),
            (
                Words("a status that is a number", id: "status berupa angka"),
                Data(#"{"title": "Buy milk", "status": 2}"#.utf8)
            ),
            (
                Words("a due date in words", id: "tenggat yang ditulis dengan kata-kata"),
                Data(#"{"title": "Buy milk", "due": "tomorrow"}"#.utf8)
            ),
            (Words("month 13", id: "bulan 13"), Data(#"{"title": "Buy milk", "due": "2026-13-01"}"#.utf8)),
            (
                Words("an empty assignee", id: "assignee kosong"),
                Data(#"{"title": "Buy milk", "assignee": ""}"#.utf8)
            ),
            (
                Words("an assignee with SQL in it", id: "assignee yang berisi SQL"),
                Data(#"{"title": "Buy milk", "assignee": "x'); DROP TABLE tasks;--"}"#.utf8)
            ),
            (Words("a huge number", id: "angka yang sangat besar"), Data(#"{"title": 1e999}"#.utf8)),
            (
                Words("bytes that are not UTF-8", id: "byte yang bukan UTF-8"),
                Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])
            ),
            (
                Words("JSON with single quotes", id: "JSON dengan tanda kutip tunggal"),
                Data("{'title': 'Buy milk'}".utf8)
            ),
            (
                Words("two JSON documents", id: "dua dokumen JSON"),
                Data(#"{"title": "a"}{"title": "b"}"#.utf8)
            ),
            (
                Words("arrays nested 200 deep", id: "array bersarang 200 tingkat"),
                Data((String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8)
            ),
        ]
        for (name, body) in bodies {
            let response = try t.http.send(.post, "/tasks", headers: json, body: body)
            try Tasks.expectNot500(response, sent: name)
            try response.expectStatus(
                400, 422,
                hint: Words(
                    "For \(name.en), answer 400 (the body is not JSON) or 422 (it is JSON, but not a valid task).",
                    id:
                        "Untuk \(name[.id]), jawab 400 (body-nya bukan JSON) atau 422 (body-nya JSON, tapi bukan tugas yang valid)."
                )
            )
            try response.expectContentType(
                "application/problem+json",
                hint: Words(
                    "Throw HTTPError values; BackendKit sends them as application/problem+json.",
                    id: "Throw nilai HTTPError; BackendKit mengirimnya sebagai application/problem+json."))
        }
        try requireEqual(
            try Tasks.storedCount(t), before,
            Words(
                "the number of rows in the tasks table after twenty refused requests",
                id: "jumlah baris di tabel tasks setelah dua puluh request yang ditolak"))
    }
}
