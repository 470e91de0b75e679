import BackendKit
import GraderKit

let crud = ExerciseTests("api02-crud") {
    Check(
        Words(
            "POST /tasks answers 201 Created with the new task",
            id: "POST /tasks menjawab 201 Created dengan tugas barunya")
    ) { t in
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Write the release notes", assignee: "dewi", due: "2026-12-01"))
        try response.expectStatus(
            201,
            hints: [
                405: Words(
                    "The path /tasks has no POST route yet: register it with router.post(\"/tasks\") { request in try create(request) }.",
                    id:
                        "Path /tasks belum punya route POST: daftarkan dengan router.post(\"/tasks\") { request in try create(request) }."
                ),
                200: Words(
                    "201 Created (not 200 OK) tells the client that something new exists now. `try .created(task, location: ...)` answers 201.",
                    id:
                        "201 Created (bukan 200 OK) memberi tahu client bahwa sekarang ada sesuatu yang baru. `try .created(task, location: ...)` menjawab 201."
                ),
                501: Words(
                    "The route is there; now finish the TODO in create.",
                    id: "Route-nya sudah ada; sekarang selesaikan TODO di create."),
            ])
        try response.expectContentType("application/json")
        let task = try response.json()
        _ = try Tasks.id(of: task, in: response)
        try requireEqual(
            task["title"]?.string, "Write the release notes",
            Words("the title of the new task", id: "judul tugas baru"), response: response)
        try requireEqual(
            task["status"]?.string, "todo",
            Words(
                "the status of a new task sent without one", id: "status tugas baru yang dikirim tanpa status"
            ),
            response: response)
        try requireEqual(
            task["assignee"]?.string, "dewi",
            Words("the assignee of the new task", id: "assignee tugas baru"),
            response: response)
    }

    Check(
        Words(
            "POST /tasks sends a Location header, and GET on it answers the same task",
            id: "POST /tasks mengirim header Location, dan GET ke alamat itu menjawab tugas yang sama"),
        hint: Words(
            "The Location header tells the client the address of the new task, such as /tasks/7. Build it from the id the store returned.",
            id:
                "Header Location memberi tahu client alamat tugas baru, misalnya /tasks/7. Susun alamat itu dari id yang dikembalikan store."
        ),
        needs: "POST /tasks answers 201 Created with the new task"
    ) { t in
        let response = try t.http.post("/tasks", json: Tasks.draft("Book the meeting room")).expectStatus(
            201, 200)
        try response.expectHeader("Location")
        let id = try Tasks.id(of: try response.json(), in: response)
        let location = response.headers["Location"] ?? ""
        try requireEqual(
            Tasks.path(ofLocation: location), "/tasks/\(id)",
            Words(
                "the path in the Location header (the new task's address)",
                id: "path di header Location (alamat tugas baru)"),
            response: response)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try fetched.json()["title"]?.string, "Book the meeting room",
            Words("the title of the task at the Location", id: "judul tugas di alamat Location"),
            response: fetched)
    }

    Check(
        Words("GET /tasks/:id answers 200 with the task", id: "GET /tasks/:id menjawab 200 dengan tugasnya"),
        needs: "POST /tasks sends a Location header, and GET on it answers the same task"
    ) { t in
        let created = try Tasks.create(
            t, Tasks.draft("Fix the login page", status: "doing", assignee: "budi"))
        let id = try Tasks.id(of: created)
        let response = try t.http.get("/tasks/\(id)").expectStatus(
            200,
            hints: [
                404: Words(
                    "Register GET /tasks/:id with router.get, then answer `try .json(task)` with the task store.find(id:) returned.",
                    id:
                        "Daftarkan GET /tasks/:id dengan router.get, lalu jawab `try .json(task)` dengan tugas yang dikembalikan store.find(id:)."
                ),
                501: Words(
                    "The route is there; now finish the TODO in show.",
                    id: "Route-nya sudah ada; sekarang selesaikan TODO di show."),
            ])
        try response.expectContentType("application/json")
        let task = try response.json()
        try requireEqual(task["id"]?.int, id, Words("the id of the task", id: "id tugas"), response: response)
        try requireEqual(
            task["status"]?.string, "doing", Words("the status of the task", id: "status tugas"),
            response: response)
        try requireEqual(
            task["assignee"]?.string, "budi", Words("the assignee of the task", id: "assignee tugas"),
            response: response)
    }

    Check(
        Words(
            "GET /tasks/:id for a task that does not exist answers 404 Not Found",
            id: "GET /tasks/:id untuk tugas yang tidak ada menjawab 404 Not Found"),
        hint: Words(
            "When store.find returns nil, throw HTTPError.notFound(\"...\"). A 200 with an empty body, or a 500, makes the client believe something else happened.",
            id:
                "Kalau store.find mengembalikan nil, throw HTTPError.notFound(\"...\"). Jawaban 200 dengan body kosong, atau 500, membuat client mengira ada hal lain yang terjadi."
        ),
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let response = try t.http.get("/tasks/999999")
        try response.expectStatus(404)
        try response.expectContentType("application/problem+json")
        let text = try t.http.get("/tasks/abc")
        try Tasks.expectNot500(text, sent: Words("an id that is not a number", id: "id yang bukan angka"))
        try text.expectStatus(400, 404)
    }

    Check(
        Words(
            "PUT /tasks/:id replaces the task and answers 200 with the new version",
            id: "PUT /tasks/:id mengganti tugasnya dan menjawab 200 dengan versi barunya"),
        hint: Words(
            "PUT sends the whole task. Replace it with store.replace(id:with:) and answer `try .json(task)` with what the store returned.",
            id:
                "PUT mengirim seluruh tugas. Ganti tugasnya dengan store.replace(id:with:), lalu jawab `try .json(task)` dengan apa yang dikembalikan store."
        ),
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Draft the budget", assignee: "sari")))
        let response = try t.http.put(
            "/tasks/\(id)",
            json: Tasks.draft("Draft the 2027 budget", status: "doing", assignee: "sari", due: "2026-12-15"))
        try response.expectStatus(200)
        let body = try response.json()
        try requireEqual(
            body["title"]?.string, "Draft the 2027 budget",
            Words("the title in the answer to PUT", id: "judul di jawaban PUT"), response: response)
        try requireEqual(
            body["id"]?.int, id,
            Words(
                "the id in the answer to PUT (PUT must not change it)",
                id: "id di jawaban PUT (PUT tidak boleh mengubahnya)"),
            response: response)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        let stored = try fetched.json()
        try requireEqual(
            stored["title"]?.string, "Draft the 2027 budget",
            Words("the title after PUT", id: "judul setelah PUT"),
            response: fetched)
        try requireEqual(
            stored["status"]?.string, "doing", Words("the status after PUT", id: "status setelah PUT"),
            response: fetched)
        try requireEqual(
            stored["due"]?.string, "2026-12-15", Words("the due date after PUT", id: "tenggat setelah PUT"),
            response: fetched)
    }

    Check(
        Words(
            "PUT /tasks/:id for a task that does not exist answers 404 and creates nothing",
            id: "PUT /tasks/:id untuk tugas yang tidak ada menjawab 404 dan tidak membuat apa pun"),
        hint: Words(
            "store.replace returns nil when there is no such task. The server chooses ids here, so PUT on an unknown id is 404 Not Found, not 200 or 201.",
            id:
                "store.replace mengembalikan nil kalau tugasnya tidak ada. Di API ini server yang memilih id, jadi PUT ke id yang tidak dikenal dijawab 404 Not Found, bukan 200 atau 201."
        ),
        needs: "PUT /tasks/:id replaces the task and answers 200 with the new version"
    ) { t in
        let before = try t.http.get("/tasks").expectStatus(200).json()["items"]?.array?.count ?? 0
        try t.http.put("/tasks/999999", json: Tasks.draft("Nobody asked for this")).expectStatus(404)
        let after = try t.http.get("/tasks").expectStatus(200).json()["items"]?.array?.count ?? 0
        try requireEqual(
            after, before,
            Words("the number of tasks after PUT /tasks/999999", id: "jumlah tugas setelah PUT /tasks/999999")
        )
    }

    Check(
        Words(
            "DELETE /tasks/:id answers 204 No Content with an empty body",
            id: "DELETE /tasks/:id menjawab 204 No Content dengan body kosong"),
        hint: Words(
            "After a delete there is nothing to send back: answer `.noContent()` (204), not 200 with a body.",
            id:
                "Setelah menghapus, tidak ada yang perlu dikirim balik: jawab `.noContent()` (204), bukan 200 dengan body."
        ),
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Remove the old banner")))
        let response = try t.http.delete("/tasks/\(id)").expectStatus(204)
        try require(
            response.body.isEmpty,
            Words(
                "expected no body with 204 No Content, got \(response.body.count) bytes",
                id:
                    "seharusnya tidak ada body dengan 204 No Content, tapi yang datang \(response.body.count) byte"
            ),
            response: response)
        try t.http.get("/tasks/\(id)").expectStatus(
            404,
            hint: Words(
                "After DELETE, the task must be gone: GET answers 404.",
                id: "Setelah DELETE, tugasnya harus sudah hilang: GET menjawab 404."))
    }

    Check(
        Words(
            "DELETE on a task that does not exist (or no longer exists) answers 404",
            id: "DELETE ke tugas yang tidak ada (atau sudah tidak ada) dijawab 404"),
        hint: Words(
            "store.delete(id:) returns false when nothing was deleted; answer 404 Not Found then.",
            id:
                "store.delete(id:) mengembalikan false kalau tidak ada yang terhapus; dalam hal itu jawab 404 Not Found."
        ),
        needs: "DELETE /tasks/:id answers 204 No Content with an empty body"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Delete me twice")))
        try t.http.delete("/tasks/\(id)").expectStatus(204)
        try t.http.delete("/tasks/\(id)").expectStatus(404)
    }

    Check(
        Words(
            "a method the path does not support answers 405 Method Not Allowed with an Allow header",
            id: "method yang tidak didukung sebuah path dijawab 405 Method Not Allowed dengan header Allow"),
        hint: Words(
            "Register each route with its own method (router.get, router.put, router.delete...). The router then answers 405 with an Allow header for the other methods. A handler that checks request.method by hand and answers 404 hides from the client which methods exist.",
            id:
                "Daftarkan setiap route dengan method-nya sendiri (router.get, router.put, router.delete...). Router lalu menjawab method lain dengan 405 dan header Allow. Handler yang memeriksa request.method sendiri lalu menjawab 404 menyembunyikan dari client method apa saja yang ada."
        ),
        needs: "GET /tasks/:id answers 200 with the task",
        "PUT /tasks/:id replaces the task and answers 200 with the new version",
        "DELETE /tasks/:id answers 204 No Content with an empty body"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Try a wrong method")))
        let patch = try t.http.patch("/tasks/\(id)", json: ["title": "x"]).expectStatus(405)
        try Tasks.expectAllow(patch, contains: ["GET", "PUT", "DELETE"])
        let post = try t.http.post("/tasks/\(id)", json: Tasks.draft("x")).expectStatus(405)
        try Tasks.expectAllow(post, contains: ["GET", "PUT", "DELETE"])
        let deleteAll = try t.http.delete("/tasks").expectStatus(
            405,
            hint: Words(
                "DELETE /tasks (all tasks at once) is not part of this API: the path exists for GET and POST only, so the answer is 405, not 404 and never 204.",
                id:
                    "DELETE /tasks (semua tugas sekaligus) bukan bagian dari API ini: path-nya hanya ada untuk GET dan POST, jadi jawabannya 405, bukan 404, apalagi 204."
            )
        )
        try Tasks.expectAllow(deleteAll, contains: ["GET", "POST"])
    }

    Check(
        Words(
            "a path that does not exist answers 404, not 405 (GET /task/1)",
            id: "path yang tidak ada dijawab 404, bukan 405 (GET /task/1)"),
        hint: Words(
            "404 means \"no such path\"; 405 means \"the path exists, but not for this method\". Register the exact paths /tasks and /tasks/:id.",
            id:
                "404 berarti \"path-nya tidak ada\"; 405 berarti \"path-nya ada, tapi tidak untuk method ini\". Daftarkan path /tasks dan /tasks/:id persis seperti itu."
        )
    ) { t in
        try t.http.get("/task/1").expectStatus(404)
        try t.http.get("/tasks/1/comments").expectStatus(404)
    }
}
