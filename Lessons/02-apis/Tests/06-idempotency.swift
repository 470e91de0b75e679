import BackendKit
import Foundation
import GraderKit

private func key(_ name: String) -> HTTPHeaders {
    ["Idempotency-Key": "grader-\(name)-7f3c9a"]
}

private func count(_ t: TestContext, title: String) throws -> Int {
    try t.database().queryOne("SELECT COUNT(*) AS n FROM tasks WHERE title = ?", title)?.int("n") ?? 0
}

private let retryHint = Words(
    "Save the first answer under the key (IdempotencyRecord) in the same transaction that creates the task. When the key comes again, return the saved answer instead of creating another task.",
    id:
        "Simpan jawaban pertama di bawah key itu (IdempotencyRecord), dalam transaction yang sama dengan yang membuat tugasnya. Kalau key itu datang lagi, kirim jawaban yang tersimpan, jangan membuat tugas lain."
)

/// The check that shows a key creates the task; the checks of new keys need it.
private let createsWithKey = Words(
    "POST /tasks with an Idempotency-Key creates the task: 201 with a Location",
    id: "POST /tasks dengan Idempotency-Key membuat tugasnya: 201 dengan Location")

/// The check that shows a retry gets the first answer; the other key checks need it.
private let retryReplays = Words(
    "a retry with the same key and body gets exactly the first answer: status, body and Location",
    id:
        "retry dengan key dan body yang sama mendapat jawaban yang persis sama dengan yang pertama: status, body dan Location"
)

let idempotency = ExerciseTests("api06-idempotency") {
    Check(createsWithKey) { t in
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Pay the internet bill", assignee: "sari"), headers: key("first"))
        try response.expectStatus(201)
        try response.expectHeader("Location")
    }

    Check(
        retryReplays,
        hint: retryHint, needs: createsWithKey.en
    ) { t in
        let body = Tasks.draft("Renew the domain name", due: "2026-12-20")
        let first = try t.http.post("/tasks", json: body, headers: key("retry")).expectStatus(201)
        let retry = try t.http.post("/tasks", json: body, headers: key("retry"))
        try retry.expectStatus(
            201,
            hints: [
                200: Words(
                    "Answer the retry exactly like the first time: 201 Created, the same body and the same Location.",
                    id:
                        "Jawab retry-nya persis seperti pertama kali: 201 Created, body yang sama, dan Location yang sama."
                )
            ])
        let original = try first.json()
        let replayed = try retry.json()
        if let firstID = original["id"]?.int, let retryID = replayed["id"]?.int, firstID != retryID {
            throw retry.failure(
                Words(
                    "expected the retry to get the first answer again, with task \(firstID); it got a new task, \(retryID): the retry created a second task",
                    id:
                        "seharusnya retry mendapat jawaban pertama lagi, dengan tugas \(firstID); tapi yang datang tugas baru, \(retryID): retry itu membuat tugas kedua"
                ))
        }
        try requireEqual(
            replayed, original, Words("the body of the retry", id: "body retry-nya"), response: retry)
        try requireEqual(
            retry.headers["Location"], first.headers["Location"],
            Words("the Location of the retry", id: "Location retry-nya"),
            hint: Words(
                "Save the Location with the status and the body (SavedResponse's location): a client whose first answer was lost reads the new task's address from the retry.",
                id:
                    "Simpan Location bersama status dan body-nya (location di SavedResponse): client yang kehilangan jawaban pertamanya membaca alamat tugas baru dari retry."
            ),
            response: retry)
    }

    Check(
        Words(
            "the retries created nothing: the database holds one task per key",
            id: "retry-nya tidak membuat apa-apa: database menyimpan satu tugas per key"),
        hint: retryHint,
        needs: retryReplays.en
    ) { t in
        let body = Tasks.draft("Order coffee beans")
        for _ in 0..<3 { try t.http.post("/tasks", json: body, headers: key("coffee")).expectStatus(201) }
        try requireEqual(
            try count(t, title: "Order coffee beans"), 1,
            Words(
                "the number of tasks titled \"Order coffee beans\" after one POST and two retries with the same key",
                id:
                    "jumlah tugas berjudul \"Order coffee beans\" setelah satu POST dan dua retry dengan key yang sama"
            ))
    }

    Check(
        Words(
            "the same key with a different body answers 422 and creates nothing",
            id: "key yang sama dengan body berbeda dijawab 422 dan tidak membuat apa-apa"),
        hint: Words(
            "Compare the fingerprint of the new request with the saved one. A different fingerprint means the client reused a key for another task: answer 422 Unprocessable Content. Replaying the old answer would hide the new task from the client, and creating it would break the key's promise.",
            id:
                "Bandingkan fingerprint request baru dengan yang tersimpan. Fingerprint yang berbeda berarti client memakai ulang key untuk tugas lain: jawab 422 Unprocessable Content. Kalau jawaban lama dikirim ulang, client tidak pernah tahu soal tugas barunya; kalau tugasnya dibuat, janji key itu dilanggar."
        ),
        needs: retryReplays.en
    ) { t in
        try t.http.post("/tasks", json: Tasks.draft("Print the posters"), headers: key("reused"))
            .expectStatus(201)
        let other = try t.http.post("/tasks", json: Tasks.draft("Print the flyers"), headers: key("reused"))
        try Tasks.expectNot500(
            other,
            sent: Words(
                "a reused key with a different body", id: "key yang dipakai ulang dengan body berbeda"))
        try other.expectProblem(
            status: 422,
            hint: other.status == 409
                ? Words(
                    "409 Conflict is the answer while a request with this key is still being processed. For a key reused with a different body, the Idempotency-Key Internet-Draft says 422.",
                    id:
                        "409 Conflict adalah jawaban selama request dengan key ini masih diproses. Untuk key yang dipakai ulang dengan body berbeda, Internet-Draft Idempotency-Key menyebut 422."
                )
                : nil)
        try requireEqual(
            try count(t, title: "Print the flyers"), 0,
            Words(
                "the number of tasks created by the refused request",
                id: "jumlah tugas yang dibuat oleh request yang ditolak"))
    }

    Check(
        Words(
            "each new key, and each request without a key, creates a new task",
            id: "setiap key baru, dan setiap request tanpa key, membuat tugas baru"),
        needs: createsWithKey.en
    ) { t in
        let body = Tasks.draft("Water the plants")
        try t.http.post("/tasks", json: body, headers: key("plants-1")).expectStatus(201)
        try t.http.post("/tasks", json: body, headers: key("plants-2")).expectStatus(201)
        try t.http.post("/tasks", json: body).expectStatus(201).expectHeader(
            "Location",
            hint: Words(
                "A POST without a key is answered as before: 201 with the new task's Location.",
                id: "POST tanpa key dijawab seperti sebelumnya: 201 dengan Location tugas barunya."))
        try t.http.post("/tasks", json: body).expectStatus(201)
        try requireEqual(
            try count(t, title: "Water the plants"), 4,
            Words(
                "the number of tasks after two keys and two requests without a key",
                id: "jumlah tugas setelah dua key dan dua request tanpa key"),
            hint: Words(
                "Only a repeated key is a retry. Without the header, every POST creates a task, as before.",
                id:
                    "Hanya key yang diulang yang dianggap retry. Tanpa header itu, setiap POST membuat tugas, seperti sebelumnya."
            ))
    }

    Check(
        Words(
            "a key is remembered after a restart (it is stored in the database, not in memory)",
            id: "key tetap diingat setelah restart (disimpan di database, bukan di memori)"),
        hint: Words(
            "A dictionary in memory is empty after a restart or a deploy, and it is not shared between servers. Save the key with writer.save inside the transaction, so it lives in SQLite.",
            id:
                "Dictionary di memori kosong lagi setelah restart atau deploy, dan tidak dibagi antar-server. Simpan key-nya dengan writer.save di dalam transaction, supaya tersimpan di SQLite."
        ),
        needs: retryReplays.en
    ) { t in
        let body = Tasks.draft("Back up the laptop")
        let first = try t.http.post("/tasks", json: body, headers: key("restart")).expectStatus(201)
        try t.restartServer()
        let retry = try t.http.post("/tasks", json: body, headers: key("restart")).expectStatus(201)
        try requireEqual(
            try retry.json(), try first.json(),
            Words("the body of the retry after the restart", id: "body retry setelah restart"),
            response: retry)
        try requireEqual(
            try count(t, title: "Back up the laptop"), 1,
            Words(
                "the number of tasks after a retry across a restart",
                id: "jumlah tugas setelah retry yang melewati restart"))
    }

    Check(
        Words(
            "20 retries with one key at the same moment create exactly one task, and all get the same answer",
            id:
                "20 retry dengan satu key pada saat yang sama membuat tepat satu tugas, dan semuanya mendapat jawaban yang sama"
        ),
        hint: Words(
            "Look up the key, create the task and save the key inside ONE store.transaction. When the lookup happens before the transaction, two retries can both find no key and both create a task.",
            id:
                "Cari key-nya, buat tugasnya, dan simpan key-nya di dalam SATU store.transaction. Kalau pencarian key terjadi sebelum transaction, dua retry bisa sama-sama tidak menemukan key, lalu sama-sama membuat tugas."
        ),
        needs: retryReplays.en
    ) { t in
        try t.enableStatementLog()
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        // Whether two retries can slip between two transactions depends on how the threads are
        // scheduled; whether one request uses one transaction does not. So the statement log
        // decides first, and the 20 retries at once show what the mistake does.
        let single = try t.http.post("/tasks", json: Tasks.draft("One transaction"), headers: key("single"))
        try single.expectStatus(201)
        try t.expectOneTransaction(
            for: single,
            hint: Words(
                "Look up the key, create the task and save the key inside ONE store.transaction. In two transactions, a retry that arrives between them finds no key and creates a second task.",
                id:
                    "Cari key-nya, buat tugasnya, dan simpan key-nya di dalam SATU store.transaction. Kalau dipisah jadi dua transaction, retry yang datang di antara keduanya tidak menemukan key dan membuat tugas kedua."
            ))
        for round in 0..<6 {
            let title = "Concurrent retry \(round)"
            // The check holds the database's write lock while the 20 requests start: they can all
            // look up the key, none can write yet. Only a lookup inside the transaction survives.
            let results = try t.concurrently(20, holdingWriteLockFor: .milliseconds(300)) { _ in
                try t.http.post("/tasks", json: Tasks.draft(title), headers: key("race-\(round)"))
            }
            var bodies: Set<String> = []
            for result in results {
                let response = try result.get()
                try Tasks.expectNot500(
                    response,
                    sent: Words(
                        "a retry that arrived at the same moment as others",
                        id: "retry yang datang bersamaan dengan retry lain"))
                try response.expectStatus(201, 409)
                if response.status == 201 { bodies.insert(try response.json().description) }
            }
            try requireEqual(
                try count(t, title: title), 1,
                Words(
                    "the number of tasks created by 20 requests with one key",
                    id: "jumlah tugas yang dibuat oleh 20 request dengan satu key"))
            let shown = bodies.sorted().joined(separator: " | ")
            try require(
                bodies.count == 1,
                Words(
                    "expected every 201 answer to have the same body, got \(bodies.count) different bodies: \(shown)",
                    id:
                        "seharusnya setiap jawaban 201 punya body yang sama, tapi yang datang \(bodies.count) body berbeda: \(shown)"
                ))
        }
    }

    Check(
        Words(
            "an empty or a too long Idempotency-Key answers 400",
            id: "Idempotency-Key yang kosong atau terlalu panjang dijawab 400")
    ) { t in
        let empty = try t.http.post(
            "/tasks", json: Tasks.draft("Empty key"), headers: ["Idempotency-Key": ""])
        try empty.expectProblem(
            status: 400,
            hint: Words(
                "An empty key cannot tell one request from another. Check that the key has 1 to 255 characters.",
                id:
                    "Key kosong tidak bisa membedakan satu request dari request lain. Periksa bahwa key-nya 1 sampai 255 karakter."
            ))
        let long = try t.http.post(
            "/tasks", json: Tasks.draft("Long key"),
            headers: ["Idempotency-Key": String(repeating: "k", count: 300)])
        try long.expectProblem(
            status: 400,
            hint: Words(
                "Refuse keys longer than 255 characters: the server stores every key for a day.",
                id: "Tolak key yang lebih dari 255 karakter: server menyimpan setiap key selama sehari."))
        try requireEqual(
            try count(t, title: "Empty key") + count(t, title: "Long key"), 0,
            Words(
                "the number of tasks created with a refused key",
                id: "jumlah tugas yang dibuat dengan key yang ditolak"))
    }
}
