import BackendKit
import Foundation
import GraderKit

private let mergePatch = "application/merge-patch+json"

private func fullTask(_ t: TestContext, _ title: String) throws -> Int {
    try Tasks.id(
        of: try Tasks.create(t, Tasks.draft(title, status: "doing", assignee: "dewi", due: "2026-12-01")))
}

private func stored(_ t: TestContext, _ id: Int) throws -> (JSONValue, ClientResponse) {
    let response = try t.http.get("/tasks/\(id)").expectStatus(200)
    return (try response.json(), response)
}

/// The check that shows PATCH works at all; the others need it.
private let patchWorks = Words(
    "PATCH changes only the members it sends and answers 200 with the whole task",
    id: "PATCH hanya mengubah member yang dikirimnya dan menjawab 200 dengan seluruh tugas")

let patch = ExerciseTests("api05-patch") {
    Check(
        patchWorks,
        hint: Words(
            "A merge patch names only the members to change. Apply it to the task's current JSON (MergePatch.apply(patch, to: current)) and check the merged task; checking the patch alone as a whole task clears every member it leaves out.",
            id:
                "Merge patch hanya menyebut member yang mau diubah. Terapkan patch-nya ke JSON tugas yang sekarang (MergePatch.apply(patch, to: current)), lalu periksa tugas hasil gabungannya; kalau yang diperiksa hanya patch-nya sebagai tugas utuh, setiap member yang tidak disebut jadi terhapus."
        )
    ) { t in
        let id = try fullTask(t, "Prepare the demo")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": "Prepare the demo for Friday"], contentType: mergePatch)
        try response.expectStatus(
            200,
            hints: [
                415: Words(
                    "Accept Content-Type: application/merge-patch+json for PATCH (MergePatch.mediaType).",
                    id:
                        "Terima Content-Type: application/merge-patch+json untuk PATCH (MergePatch.mediaType)."
                )
            ])
        let body = try response.json()
        try requireEqual(
            body["title"]?.string, "Prepare the demo for Friday",
            Words("the title after the patch", id: "judul setelah patch"),
            response: response)
        try requireEqual(
            body["assignee"]?.string, "dewi",
            Words(
                "the assignee after a patch that did not mention it",
                id: "assignee setelah patch yang tidak menyebutnya"),
            response: response)
        try requireEqual(
            body["due"]?.string, "2026-12-01",
            Words(
                "the due date after a patch that did not mention it",
                id: "tenggat setelah patch yang tidak menyebutnya"),
            response: response)
        try requireEqual(
            body["status"]?.string, "doing",
            Words(
                "the status after a patch that did not mention it",
                id: "status setelah patch yang tidak menyebutnya"),
            response: response)
    }

    Check(
        Words(
            "a member set to null removes an optional field",
            id: "member yang diisi null menghapus field opsional"),
        hint: Words(
            "`\"assignee\": null` means \"remove the assignee\". A struct with optional fields decodes null and \"missing\" both as nil, so it cannot see the difference. Read the body as a JSONValue: there, patch[\"assignee\"] == .null, and a missing member is nil. MergePatch.apply removes members whose value is null.",
            id:
                "`\"assignee\": null` berarti \"hapus assignee-nya\". Struct dengan field optional men-decode null dan \"tidak ada\" sama-sama menjadi nil, jadi struct itu tidak bisa melihat bedanya. Baca body sebagai JSONValue: di situ patch[\"assignee\"] == .null, sedangkan member yang tidak ada bernilai nil. MergePatch.apply menghapus member yang nilainya null."
        ),
        needs: patchWorks.en
    ) { t in
        let id = try fullTask(t, "Call the printer company")
        let response = try t.http.patch("/tasks/\(id)", json: ["assignee": nil], contentType: mergePatch)
            .expectStatus(200)
        let body = try response.json()
        try require(
            body["assignee"] == nil || body["assignee"] == .null,
            Words(
                "expected the assignee to be removed by \"assignee\": null, got \(body["assignee"]?.description ?? "")",
                id:
                    "seharusnya assignee terhapus oleh \"assignee\": null, tapi isinya \(body["assignee"]?.description ?? "")"
            ),
            response: response)
        try requireEqual(
            body["due"]?.string, "2026-12-01",
            Words("the due date (the patch did not mention it)", id: "tenggat (patch-nya tidak menyebutnya)"),
            response: response)
        let (after, fetched) = try stored(t, id)
        try require(
            after["assignee"] == nil || after["assignee"] == .null,
            Words(
                "expected GET to show no assignee after \"assignee\": null, got \(after["assignee"]?.description ?? "")",
                id:
                    "seharusnya GET tidak menampilkan assignee setelah \"assignee\": null, tapi isinya \(after["assignee"]?.description ?? "")"
            ),
            response: fetched)
        try t.http.patch(
            "/tasks/\(id)", json: ["due": nil, "title": "Call the printer company today"],
            contentType: mergePatch
        ).expectStatus(200)
        let (final, last) = try stored(t, id)
        try require(
            final["due"] == nil || final["due"] == .null,
            Words(
                "expected the due date to be removed by \"due\": null, got \(final["due"]?.description ?? "")",
                id:
                    "seharusnya tenggat terhapus oleh \"due\": null, tapi isinya \(final["due"]?.description ?? "")"
            ),
            response: last)
        try requireEqual(
            final["title"]?.string, "Call the printer company today",
            Words("the title set in the same patch", id: "judul yang diubah di patch yang sama"),
            response: last)
    }

    Check(
        Words(
            "an empty patch {} changes nothing and answers 200",
            id: "patch kosong {} tidak mengubah apa pun dan dijawab 200"),
        needs: patchWorks.en
    ) { t in
        let id = try fullTask(t, "Nothing to change")
        let (before, _) = try stored(t, id)
        let response = try t.http.patch("/tasks/\(id)", json: [:], contentType: mergePatch).expectStatus(200)
        try requireEqual(
            try response.json(), before,
            Words("the task after an empty patch", id: "tugas setelah patch kosong"), response: response)
    }

    Check(
        Words(
            "a patch that would make the task invalid answers 422 listing every problem, and changes nothing",
            id:
                "patch yang akan membuat tugas tidak valid dijawab 422 yang mencantumkan setiap masalahnya, dan tidak mengubah apa pun"
        ),
        hint: Words(
            "Check the merged task with TaskInput.draft(from:), the same rules as PUT: \"title\": null removes the title, and a task needs one. Throwing inside store.update writes nothing.",
            id:
                "Periksa tugas hasil gabungan dengan TaskInput.draft(from:), aturan yang sama dengan PUT: \"title\": null menghapus judulnya, padahal tugas wajib punya judul. Kalau kamu throw di dalam store.update, tidak ada yang ditulis."
        ),
        needs: patchWorks.en
    ) { t in
        let id = try fullTask(t, "Keep me valid")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": nil, "due": "2026-02-30", "status": "finished"],
            contentType: mergePatch)
        try Tasks.expectNot500(
            response, sent: Words("a patch that removes the title", id: "patch yang menghapus judul"))
        try Tasks.expectValidation(response, fields: ["title", "due", "status"])
        let (after, fetched) = try stored(t, id)
        try requireEqual(
            after["title"]?.string, "Keep me valid",
            Words("the title after a refused patch", id: "judul setelah patch yang ditolak"),
            response: fetched)
        try requireEqual(
            after["due"]?.string, "2026-12-01",
            Words("the due date after a refused patch", id: "tenggat setelah patch yang ditolak"),
            response: fetched)
    }

    Check(
        Words(
            "PATCH with Content-Type: application/json answers 415 with an Accept-Patch header",
            id: "PATCH dengan Content-Type: application/json dijawab 415 dengan header Accept-Patch"),
        hint: Words(
            "A merge patch has its own media type, application/merge-patch+json: it tells the server that null means \"remove\". Refuse anything else with HTTPError(.unsupportedMediaType, detail: ..., headers: [\"Accept-Patch\": MergePatch.mediaType]).",
            id:
                "Merge patch punya media type sendiri, application/merge-patch+json: media type itu memberi tahu server bahwa null berarti \"hapus\". Tolak tipe lain dengan HTTPError(.unsupportedMediaType, detail: ..., headers: [\"Accept-Patch\": MergePatch.mediaType])."
        ),
        needs: patchWorks.en
    ) { t in
        let id = try fullTask(t, "Wrong media type")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": "Changed?"], contentType: "application/json")
        try response.expectProblem(status: 415)
        try response.expectHeader("Accept-Patch", mergePatch)
        let (after, fetched) = try stored(t, id)
        try requireEqual(
            after["title"]?.string, "Wrong media type",
            Words("the title after a refused patch", id: "judul setelah patch yang ditolak"),
            response: fetched)
        try t.http.patch(
            "/tasks/\(id)", json: ["title": "Right media type"], contentType: mergePatch + "; charset=utf-8"
        ).expectStatus(
            200,
            hint: Words(
                "\"application/merge-patch+json; charset=utf-8\" is a merge patch too: compare the media type without its parameters (request.contentType), not the whole header.",
                id:
                    "\"application/merge-patch+json; charset=utf-8\" juga merge patch: bandingkan media type-nya tanpa parameternya (request.contentType), bukan seluruh isi header-nya."
            )
        )
    }

    Check(
        Words(
            "PATCH on a task that does not exist answers 404, and a body that is not JSON answers 400",
            id: "PATCH ke tugas yang tidak ada dijawab 404, dan body yang bukan JSON dijawab 400"),
        needs: patchWorks.en
    ) { t in
        try t.http.patch("/tasks/999999", json: ["title": "Ghost"], contentType: mergePatch).expectProblem(
            status: 404)
        let id = try fullTask(t, "Broken patch")
        let broken = try t.http.send(
            .patch, "/tasks/\(id)", headers: ["Content-Type": mergePatch], body: Data(#"{"title": "#.utf8))
        try Tasks.expectNot500(
            broken, sent: Words("a patch cut off in the middle", id: "patch yang terpotong di tengah"))
        try broken.expectProblem(status: 400)
        let array = try t.http.send(
            .patch, "/tasks/\(id)", headers: ["Content-Type": mergePatch], body: Data(#"["title"]"#.utf8))
        try Tasks.expectNot500(
            array, sent: Words("a patch that is a JSON array", id: "patch berupa array JSON"))
        try array.expectStatus(400, 422)
    }

    Check(
        Words(
            "PUT still replaces the whole task: the fields it leaves out are cleared",
            id: "PUT tetap mengganti seluruh tugas: field yang tidak dikirimnya dikosongkan"),
        hint: Words(
            "PUT sends the complete new task; PATCH sends only changes. Do not change replace: it must keep its meaning.",
            id:
                "PUT mengirim tugas baru yang lengkap; PATCH hanya mengirim perubahannya. Jangan ubah replace: artinya harus tetap sama."
        )
    ) { t in
        let id = try fullTask(t, "Replace me")
        let response = try t.http.put("/tasks/\(id)", json: ["title": "Replaced"]).expectStatus(200)
        let body = try response.json()
        try require(
            body["assignee"] == nil || body["assignee"] == .null,
            Words(
                "expected PUT without an assignee to clear it, got \(body["assignee"]?.description ?? "")",
                id:
                    "seharusnya PUT tanpa assignee mengosongkan assignee-nya, tapi isinya \(body["assignee"]?.description ?? "")"
            ),
            response: response)
        try requireEqual(
            body["status"]?.string, "todo",
            Words("the status after a PUT without one", id: "status setelah PUT tanpa status"),
            response: response)
    }

    Check(
        Words(
            "two patches at the same moment to different members both take effect",
            id: "dua patch pada saat yang sama ke member yang berbeda sama-sama berlaku"),
        hint: Words(
            "Read, merge and write inside one store.update call: it runs in a transaction, so a second patch waits and then starts from the first one's result.",
            id:
                "Baca, gabungkan, dan tulis di dalam satu panggilan store.update: panggilan itu berjalan di dalam transaction, jadi patch kedua menunggu, lalu mulai dari hasil patch pertama."
        ),
        needs: patchWorks.en
    ) { t in
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        for round in 0..<4 {
            let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Race \(round)")))
            let patches: [JSONValue] = [
                ["assignee": "budi"], ["due": "2026-12-24"], ["status": "done"],
                ["title": .string("Race \(round) won")],
            ]
            // The check holds the database's write lock while the four patches start: they can all
            // read the task, none can write yet. Only a read inside the writing transaction survives.
            let results = try t.concurrently(patches.count, holdingWriteLockFor: .milliseconds(300)) {
                index in
                try t.http.patch("/tasks/\(id)", json: patches[index], contentType: mergePatch).status
            }
            for result in results {
                let status = try result.get()
                try require(
                    status == 200,
                    Words(
                        "expected every patch to answer 200, got \(status)",
                        id: "seharusnya setiap patch dijawab 200, tapi yang datang \(status)"))
            }
            let (final, fetched) = try stored(t, id)
            try requireEqual(
                final["assignee"]?.string, "budi",
                Words(
                    "the assignee after four patches at once", id: "assignee setelah empat patch sekaligus"),
                response: fetched)
            try requireEqual(
                final["due"]?.string, "2026-12-24",
                Words("the due date after four patches at once", id: "tenggat setelah empat patch sekaligus"),
                response: fetched)
            try requireEqual(
                final["status"]?.string, "done",
                Words("the status after four patches at once", id: "status setelah empat patch sekaligus"),
                response: fetched)
            try requireEqual(
                final["title"]?.string, "Race \(round) won",
                Words("the title after four patches at once", id: "judul setelah empat patch sekaligus"),
                response: fetched)
        }
    }
}
