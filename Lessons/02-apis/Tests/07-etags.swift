import BackendKit
import Foundation
import GraderKit

/// Reads a task and its ETag; fails the check unless the ETag is there and quoted.
private func read(_ t: TestContext, _ id: Int) throws -> (
    task: JSONValue, etag: String, response: ClientResponse
) {
    let response = try t.http.get("/tasks/\(id)").expectStatus(200)
    try response.expectHeader(
        "ETag",
        hint: Words(
            "Add the header in ETags.read: try .json(task).with(\"ETag\", tag(for: task)).",
            id: "Tambahkan header-nya di ETags.read: try .json(task).with(\"ETag\", tag(for: task))."))
    let etag = response.headers["ETag"] ?? ""
    let opaque = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
    try require(
        opaque.count >= 2 && opaque.hasPrefix("\"") && opaque.hasSuffix("\""),
        Words(
            "expected the ETag to be in double quotes, like \"v3\", got \(etag)",
            id: "seharusnya ETag diapit tanda kutip ganda, seperti \"v3\", tapi yang datang \(etag)"),
        hint: Words(
            "The quotes are part of an ETag: the header is ETag: \"v3\", and tag(for:) returns the text with its quotes, such as \"\\\"v3\\\"\".",
            id:
                "Tanda kutip itu bagian dari ETag: header-nya ETag: \"v3\", dan tag(for:) mengembalikan teks beserta tanda kutipnya, seperti \"\\\"v3\\\"\"."
        ),
        response: response)
    return (try response.json(), etag, response)
}

private func newTask(_ t: TestContext, _ title: String) throws -> Int {
    try Tasks.id(of: try Tasks.create(t, Tasks.draft(title, assignee: "dewi")))
}

/// The check that shows GET sends an ETag; every other check reads it.
private let sendsETag = Words(
    "GET /tasks/:id sends an ETag in double quotes, and HEAD sends it too",
    id: "GET /tasks/:id mengirim ETag dalam tanda kutip ganda, dan HEAD juga mengirimnya")

/// The check that shows If-Match lets a current ETag write; the stale-ETag check needs it.
private let currentIsAccepted = Words(
    "PUT with If-Match: <the current ETag> succeeds and answers the new ETag",
    id: "PUT dengan If-Match: <ETag saat ini> berhasil dan menjawab dengan ETag baru")

/// The check that shows If-Match refuses a stale ETag; the write checks after it need it.
private let staleIsRefused = Words(
    "PUT with an old ETag in If-Match answers 412 Precondition Failed and changes nothing",
    id: "PUT dengan ETag lama di If-Match dijawab 412 Precondition Failed dan tidak mengubah apa-apa")

let etags = ExerciseTests("api07-etags") {
    Check(sendsETag) { t in
        let id = try newTask(t, "Plan the team lunch")
        let (_, etag, _) = try read(t, id)
        let head = try t.http.head("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            head.headers["ETag"], etag,
            Words("the ETag of HEAD /tasks/\(id)", id: "ETag dari HEAD /tasks/\(id)"), response: head)
    }

    Check(
        Words(
            "the ETag stays the same while the task does not change, and changes when it does",
            id: "ETag tetap sama selama tugasnya tidak berubah, dan ikut berubah saat tugasnya berubah"),
        hint: Words(
            "Build the ETag from the task's version (ETags.tag(for:)): the store raises the version on every write.",
            id: "Buat ETag dari versi tugas (ETags.tag(for:)): store menaikkan versinya di setiap penulisan."),
        needs: sendsETag.en
    ) { t in
        let id = try newTask(t, "Choose a restaurant")
        let first = try read(t, id)
        let again = try read(t, id)
        try requireEqual(
            again.etag, first.etag,
            Words("the ETag of an unchanged task", id: "ETag tugas yang tidak berubah"),
            response: again.response)
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Choose a restaurant near the office")).expectStatus(
            200)
        let changed = try read(t, id)
        try require(
            changed.etag != first.etag,
            Words(
                "expected a new ETag after PUT changed the task, got the same one: \(first.etag)",
                id:
                    "seharusnya ada ETag baru setelah PUT mengubah tugasnya, tapi yang datang ETag yang sama: \(first.etag)"
            ),
            response: changed.response)
    }

    Check(
        Words(
            "GET with If-None-Match: <the current ETag> answers 304 Not Modified, with the ETag and no body",
            id:
                "GET dengan If-None-Match: <ETag saat ini> dijawab 304 Not Modified, dengan ETag dan tanpa body"
        ),
        hint: Words(
            "When a tag in If-None-Match equals the current ETag (weak comparison: ignore a W/ in front), answer Response(status: .notModified, headers: [\"ETag\": current]). The client keeps using its copy, and nothing is sent twice.",
            id:
                "Kalau salah satu tag di If-None-Match sama dengan ETag saat ini (perbandingan weak: abaikan W/ di depannya), jawab Response(status: .notModified, headers: [\"ETag\": current]). Client tetap memakai salinannya, dan tidak ada yang dikirim dua kali."
        ),
        needs: sendsETag.en
    ) { t in
        let id = try newTask(t, "Send the invitations")
        let (_, etag, _) = try read(t, id)
        let response = try t.http.get("/tasks/\(id)", headers: ["If-None-Match": etag]).expectStatus(304)
        try requireEqual(
            response.headers["ETag"], etag,
            Words("the ETag header of the 304 answer", id: "header ETag di jawaban 304"), response: response)
        try require(
            response.body.isEmpty,
            Words(
                "expected no body with 304, got \(response.body.count) bytes",
                id: "seharusnya 304 tanpa body, tapi yang datang \(response.body.count) byte"),
            response: response)
        let weak = try t.http.get(
            "/tasks/\(id)", headers: ["If-None-Match": "W/" + etag.replacingOccurrences(of: "W/", with: "")])
        try weak.expectStatus(
            304,
            hint: Words(
                "If-None-Match uses weak comparison: W/\"v1\" matches \"v1\".",
                id: "If-None-Match memakai perbandingan weak: W/\"v1\" cocok dengan \"v1\"."))
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": "\"other\", \(etag)"]).expectStatus(
            304,
            hint: Words(
                "If-None-Match may list several tags, separated by commas; any one of them may match.",
                id: "If-None-Match boleh berisi beberapa tag, dipisah koma; cukup salah satunya yang cocok."))
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": "*"]).expectStatus(
            304,
            hint: Words(
                "If-None-Match: * matches any current version.",
                id: "If-None-Match: * cocok dengan versi apa pun yang ada sekarang."))
    }

    Check(
        Words(
            "GET with an old ETag in If-None-Match answers 200 with the task and its new ETag",
            id: "GET dengan ETag lama di If-None-Match dijawab 200 dengan tugasnya dan ETag barunya"),
        needs: sendsETag.en
    ) { t in
        let id = try newTask(t, "Buy a birthday cake")
        let old = try read(t, id)
        try t.http.patch(
            "/tasks/\(id)", json: ["status": "doing"], contentType: "application/merge-patch+json"
        ).expectStatus(200)
        let response = try t.http.get("/tasks/\(id)", headers: ["If-None-Match": old.etag])
        try response.expectStatus(
            200,
            hint: Words(
                "Answer 304 only when the client's tag equals the current one. After a change, the client needs the new version.",
                id:
                    "Jawab 304 hanya kalau tag dari client sama dengan tag saat ini. Setelah ada perubahan, client butuh versi barunya."
            ))
        try requireEqual(
            try response.json()["status"]?.string, "doing",
            Words("the status in the fresh copy", id: "status di salinan terbaru"),
            response: response)
        let got = response.headers["ETag"] ?? Words("none", id: "tidak ada").text
        try require(
            response.headers["ETag"] != nil && response.headers["ETag"] != old.etag,
            Words(
                "expected the new ETag with the fresh copy, got \(got)",
                id: "seharusnya ETag baru ikut dengan salinan terbaru, tapi yang datang \(got)"),
            response: response)
    }

    Check(
        currentIsAccepted,
        hint: Words(
            "ETags.written must add the task's new ETag, so the client can send it in its next If-Match without reading the task again.",
            id:
                "ETags.written harus menambahkan ETag baru tugas itu, supaya client bisa mengirimnya di If-Match berikutnya tanpa membaca tugasnya lagi."
        ),
        needs: sendsETag.en
    ) { t in
        let id = try newTask(t, "Write the minutes")
        let (_, etag, _) = try read(t, id)
        let response = try t.http.put(
            "/tasks/\(id)", json: Tasks.draft("Write and share the minutes"), headers: ["If-Match": etag])
        try response.expectStatus(
            200,
            hints: [
                412: Words(
                    "The ETag in If-Match is the current one, so the write must go ahead. Compare the tags exactly, quotes included.",
                    id:
                        "ETag di If-Match adalah ETag saat ini, jadi penulisannya harus jalan. Bandingkan tag-nya persis, termasuk tanda kutipnya."
                )
            ])
        try response.expectHeader("ETag")
        let after = try read(t, id)
        try requireEqual(
            response.headers["ETag"], after.etag,
            Words(
                "the ETag of the PUT answer (it must be the task's new ETag)",
                id: "ETag di jawaban PUT (harus ETag baru tugas itu)"), response: response)
    }

    Check(
        staleIsRefused,
        hint: Words(
            "When If-Match is there and none of its tags equals the current ETag, throw HTTPError(.preconditionFailed, ...). The client's copy is out of date; writing it would erase someone else's change.",
            id:
                "Kalau ada If-Match dan tidak satu pun tag-nya sama dengan ETag saat ini, lempar HTTPError(.preconditionFailed, ...). Salinan milik client sudah usang; kalau ditulis, perubahan orang lain akan terhapus."
        ),
        needs: currentIsAccepted.en
    ) { t in
        let id = try newTask(t, "Clean the whiteboard")
        let old = try read(t, id)
        try t.http.put(
            "/tasks/\(id)", json: Tasks.draft("Clean the whiteboard", status: "done"),
            headers: ["If-Match": old.etag]
        ).expectStatus(200)
        let stale = try t.http.put(
            "/tasks/\(id)", json: Tasks.draft("Clean the whiteboard again"), headers: ["If-Match": old.etag])
        try stale.expectProblem(status: 412)
        let (task, current, fetched) = try read(t, id)
        try requireEqual(
            stale.headers["ETag"], current,
            Words(
                "the ETag header of the 412 answer (it must be the task's current ETag)",
                id: "header ETag di jawaban 412 (harus ETag tugas itu saat ini)"),
            hint: Words(
                "Like a 304, a 412 carries the current ETag, so the client knows which version it missed: throw HTTPError(.preconditionFailed, detail: \"...\", headers: [\"ETag\": current]).",
                id:
                    "Sama seperti 304, 412 membawa ETag saat ini, supaya client tahu versi mana yang terlewat olehnya: lempar HTTPError(.preconditionFailed, detail: \"...\", headers: [\"ETag\": current])."
            ),
            response: stale)
        try requireEqual(
            task["title"]?.string, "Clean the whiteboard",
            Words("the title after the refused PUT", id: "judul setelah PUT yang ditolak"),
            response: fetched)
        try requireEqual(
            task["status"]?.string, "done",
            Words("the status after the refused PUT", id: "status setelah PUT yang ditolak"),
            response: fetched)
    }

    Check(
        Words(
            "two clients edit one task: the second save is refused, and after reloading both changes are kept",
            id:
                "dua client mengedit satu tugas: penyimpanan kedua ditolak, dan setelah membaca ulang, kedua perubahan tetap ada"
        ),
        hint: Words(
            "This is the lost update: Dewi and Budi both read version 1; Dewi saves; Budi saves his old copy over hers. With If-Match, Budi gets 412, reads the task again, and applies his change to Dewi's version.",
            id:
                "Inilah lost update: Dewi dan Budi sama-sama membaca versi 1; Dewi menyimpan; Budi menyimpan salinan lamanya di atas punya Dewi. Dengan If-Match, Budi mendapat 412, membaca tugasnya lagi, lalu menerapkan perubahannya ke versi Dewi."
        ),
        needs: staleIsRefused.en
    ) { t in
        let id = try newTask(t, "Prepare the quarterly report")
        let dewi = try read(t, id)
        let budi = try read(t, id)
        let dewiSave = try t.http.put(
            "/tasks/\(id)", json: dewi.task.with("title", "Prepare the Q4 report"),
            headers: ["If-Match": dewi.etag])
        try dewiSave.expectStatus(200)
        let budiSave = try t.http.put(
            "/tasks/\(id)", json: budi.task.with("status", "doing"), headers: ["If-Match": budi.etag])
        try budiSave.expectProblem(status: 412)
        let fresh = try read(t, id)
        try requireEqual(
            fresh.task["title"]?.string, "Prepare the Q4 report",
            Words(
                "the title after Budi's refused save (Dewi's change must survive)",
                id: "judul setelah penyimpanan Budi ditolak (perubahan Dewi harus tetap ada)"),
            response: fresh.response)
        try t.http.put(
            "/tasks/\(id)", json: fresh.task.with("status", "doing"), headers: ["If-Match": fresh.etag]
        ).expectStatus(200)
        let final = try read(t, id)
        try requireEqual(
            final.task["title"]?.string, "Prepare the Q4 report",
            Words("the title at the end (Dewi's change)", id: "judul di akhir (perubahan Dewi)"),
            response: final.response)
        try requireEqual(
            final.task["status"]?.string, "doing",
            Words("the status at the end (Budi's change)", id: "status di akhir (perubahan Budi)"),
            response: final.response)
    }

    Check(
        Words("PATCH and DELETE check If-Match too", id: "PATCH dan DELETE juga memeriksa If-Match"),
        needs: staleIsRefused.en
    ) { t in
        let id = try newTask(t, "Archive old files")
        let old = try read(t, id)
        try t.http.patch(
            "/tasks/\(id)", json: ["status": "doing"], contentType: "application/merge-patch+json"
        ).expectStatus(200)
        let patch = try t.http.patch(
            "/tasks/\(id)", json: ["status": "done"], headers: ["If-Match": old.etag],
            contentType: "application/merge-patch+json")
        try patch.expectProblem(status: 412)
        let delete = try t.http.delete("/tasks/\(id)", headers: ["If-Match": old.etag])
        try delete.expectProblem(status: 412)
        let current = try read(t, id)
        try requireEqual(
            current.task["status"]?.string, "doing",
            Words("the status after a refused PATCH", id: "status setelah PATCH yang ditolak"),
            response: current.response)
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": current.etag]).expectStatus(204)
    }

    Check(
        Words(
            "If-Match compares strongly: a weak ETag (W/\"...\") never allows a write",
            id:
                "If-Match membandingkan secara strong: ETag weak (W/\"...\") tidak pernah mengizinkan penulisan"
        ),
        hint: Words(
            "If-Match uses strong comparison: the tag must be exactly the current ETag, without W/. A weak tag only says \"about the same\", which is not enough to write over someone's work.",
            id:
                "If-Match memakai perbandingan strong: tag-nya harus persis ETag saat ini, tanpa W/. Tag weak cuma berarti \"kurang lebih sama\", dan itu tidak cukup untuk menimpa hasil kerja orang lain."
        ),
        needs: staleIsRefused.en
    ) { t in
        let id = try newTask(t, "Order stationery")
        let (_, etag, _) = try read(t, id)
        let weak = "W/" + etag.replacingOccurrences(of: "W/", with: "")
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Order stationery now"), headers: ["If-Match": weak])
            .expectProblem(status: 412)
        try t.http.put(
            "/tasks/\(id)", json: Tasks.draft("Order stationery now"),
            headers: ["If-Match": "\"nope\", \(etag)"]
        )
        .expectStatus(
            200,
            hint: Words(
                "If-Match may list several tags; the write goes ahead when any one of them is the current ETag.",
                id:
                    "If-Match boleh berisi beberapa tag; penulisan jalan kalau salah satunya adalah ETag saat ini."
            ))
    }

    Check(
        Words(
            "If-Match: * allows the write when the task exists",
            id: "If-Match: * mengizinkan penulisan kalau tugasnya ada"),
        hint: Words(
            "If-Match: * means \"change it only if it exists, whatever its version\". Check for \"*\" among the tags before you compare them with the current ETag.",
            id:
                "If-Match: * berarti \"ubah hanya kalau ada, apa pun versinya\". Cari \"*\" di antara tag-nya sebelum kamu membandingkannya dengan ETag saat ini."
        ),
        needs: staleIsRefused.en
    ) { t in
        let id = try newTask(t, "Label the cables")
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Label every cable"), headers: ["If-Match": "*"])
            .expectStatus(200)
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": "*"]).expectStatus(204)
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Label every cable"), headers: ["If-Match": "*"])
            .expectStatus(
                404,
                hint: Words(
                    "The task is gone: there is nothing for * to match, and PUT never creates.",
                    id:
                        "Tugasnya sudah tidak ada: tidak ada yang bisa dicocokkan oleh *, dan PUT tidak pernah membuat tugas."
                ))
    }

    Check(
        Words(
            "ten PUTs at the same moment with the same If-Match: exactly one wins, the others get 412",
            id:
                "sepuluh PUT pada saat yang sama dengan If-Match yang sama: tepat satu yang menang, sisanya mendapat 412"
        ),
        needs: staleIsRefused.en
    ) { t in
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        for round in 1...3 {
            let id = try newTask(t, "Pick the team name \(round)")
            let (_, etag, _) = try read(t, id)
            // The check holds the database's write lock while the ten PUTs start: they can all read
            // the task and compare its ETag, none can write yet. A comparison made before the
            // writing transaction lets every one of them through; one made inside it lets one.
            let results = try t.concurrently(10, holdingWriteLockFor: .milliseconds(300)) { index in
                try t.http.put(
                    "/tasks/\(id)", json: Tasks.draft("Team name \(round)-\(index)"),
                    headers: ["If-Match": etag]
                ).status
            }
            let statuses = try results.map { try $0.get() }
            let answers = statuses.map(String.init).joined(separator: ", ")
            try requireEqual(
                statuses.filter { $0 == 200 }.count, 1,
                Words(
                    "the number of PUTs that succeeded (round \(round) of 3; answers: \(answers))",
                    id: "jumlah PUT yang berhasil (putaran \(round) dari 3; jawabannya: \(answers))"),
                hint: Words(
                    "Check If-Match inside store.update's closure (it runs in a transaction), not before it: a check made before the write lets every PUT that read the same version through.",
                    id:
                        "Periksa If-Match di dalam closure store.update (closure itu berjalan di dalam transaction), bukan sebelumnya: pemeriksaan sebelum penulisan meloloskan setiap PUT yang membaca versi yang sama."
                ))
            try requireEqual(
                statuses.filter { $0 == 412 }.count, 9,
                Words(
                    "the number of PUTs refused with 412 (round \(round) of 3; answers: \(answers))",
                    id: "jumlah PUT yang ditolak dengan 412 (putaran \(round) dari 3; jawabannya: \(answers))"
                ))
        }
    }
}
