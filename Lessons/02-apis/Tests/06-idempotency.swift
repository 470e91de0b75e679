import BackendKit
import Foundation
import GraderKit

private func key(_ name: String) -> HTTPHeaders {
    ["Idempotency-Key": "grader-\(name)-7f3c9a"]
}

private func count(_ t: TestContext, title: String) throws -> Int {
    try t.database().queryOne("SELECT COUNT(*) AS n FROM tasks WHERE title = ?", title)?.int("n") ?? 0
}

private let retryHint: Words =
    "Save the first answer under the key (IdempotencyRecord) in the same transaction that creates the task. When the key comes again, return the saved answer instead of creating another task."

/// The check that shows a retry gets the first answer; the other key checks need it.
private let retryReplays = Words(
    "a retry with the same key and body gets exactly the first answer: status, body and Location",
    id:
        "retry dengan key dan body yang sama mendapat jawaban yang persis sama dengan yang pertama: status, body dan Location"
)

let idempotency = ExerciseTests("api06-idempotency") {
    Check("POST /tasks with an Idempotency-Key creates the task: 201 with a Location") { t in
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Pay the internet bill", assignee: "sari"), headers: key("first"))
        try response.expectStatus(201)
        try response.expectHeader("Location")
    }

    Check(
        retryReplays,
        hint: retryHint, needs: "POST /tasks with an Idempotency-Key creates the task: 201 with a Location"
    ) { t in
        let body = Tasks.draft("Renew the domain name", due: "2026-12-20")
        let first = try t.http.post("/tasks", json: body, headers: key("retry")).expectStatus(201)
        let retry = try t.http.post("/tasks", json: body, headers: key("retry"))
        try retry.expectStatus(
            201,
            hints: [
                200:
                    "Answer the retry exactly like the first time: 201 Created, the same body and the same Location."
            ])
        let original = try first.json()
        let replayed = try retry.json()
        if let firstID = original["id"]?.int, let retryID = replayed["id"]?.int, firstID != retryID {
            throw retry.failure(
                "expected the retry to get the first answer again, with task \(firstID); it got a new task, \(retryID): the retry created a second task"
            )
        }
        try requireEqual(replayed, original, "the body of the retry", response: retry)
        try requireEqual(
            retry.headers["Location"], first.headers["Location"], "the Location of the retry",
            hint:
                "Save the Location with the status and the body (SavedResponse's location): a client whose first answer was lost reads the new task's address from the retry.",
            response: retry)
    }

    Check(
        "the retries created nothing: the database holds one task per key", hint: retryHint,
        needs: retryReplays.en
    ) { t in
        let body = Tasks.draft("Order coffee beans")
        for _ in 0..<3 { try t.http.post("/tasks", json: body, headers: key("coffee")).expectStatus(201) }
        try requireEqual(
            try count(t, title: "Order coffee beans"), 1,
            "the number of tasks titled \"Order coffee beans\" after one POST and two retries with the same key"
        )
    }

    Check(
        "the same key with a different body answers 422 and creates nothing",
        hint:
            "Compare the fingerprint of the new request with the saved one. A different fingerprint means the client reused a key for another task: answer 422 Unprocessable Content. Replaying the old answer would hide the new task from the client, and creating it would break the key's promise.",
        needs: retryReplays.en
    ) { t in
        try t.http.post("/tasks", json: Tasks.draft("Print the posters"), headers: key("reused"))
            .expectStatus(201)
        let other = try t.http.post("/tasks", json: Tasks.draft("Print the flyers"), headers: key("reused"))
        try Tasks.expectNot500(other, sent: "a reused key with a different body")
        try other.expectProblem(
            status: 422,
            hint: other.status == 409
                ? "409 Conflict is the answer while a request with this key is still being processed. For a key reused with a different body, the Idempotency-Key Internet-Draft says 422."
                : nil)
        try requireEqual(
            try count(t, title: "Print the flyers"), 0, "the number of tasks created by the refused request")
    }

    Check(
        "each new key, and each request without a key, creates a new task",
        needs: "POST /tasks with an Idempotency-Key creates the task: 201 with a Location"
    ) { t in
        let body = Tasks.draft("Water the plants")
        try t.http.post("/tasks", json: body, headers: key("plants-1")).expectStatus(201)
        try t.http.post("/tasks", json: body, headers: key("plants-2")).expectStatus(201)
        try t.http.post("/tasks", json: body).expectStatus(201).expectHeader(
            "Location", hint: "A POST without a key is answered as before: 201 with the new task's Location.")
        try t.http.post("/tasks", json: body).expectStatus(201)
        try requireEqual(
            try count(t, title: "Water the plants"), 4,
            "the number of tasks after two keys and two requests without a key",
            hint: "Only a repeated key is a retry. Without the header, every POST creates a task, as before.")
    }

    Check(
        "a key is remembered after a restart (it is stored in the database, not in memory)",
        hint:
            "A dictionary in memory is empty after a restart or a deploy, and it is not shared between servers. Save the key with writer.save inside the transaction, so it lives in SQLite.",
        needs: retryReplays.en
    ) { t in
        let body = Tasks.draft("Back up the laptop")
        let first = try t.http.post("/tasks", json: body, headers: key("restart")).expectStatus(201)
        try t.restartServer()
        let retry = try t.http.post("/tasks", json: body, headers: key("restart")).expectStatus(201)
        try requireEqual(
            try retry.json(), try first.json(), "the body of the retry after the restart", response: retry)
        try requireEqual(
            try count(t, title: "Back up the laptop"), 1, "the number of tasks after a retry across a restart"
        )
    }

    Check(
        "20 retries with one key at the same moment create exactly one task, and all get the same answer",
        hint:
            "Look up the key, create the task and save the key inside ONE store.transaction. When the lookup happens before the transaction, two retries can both find no key and both create a task.",
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
            hint:
                "Look up the key, create the task and save the key inside ONE store.transaction. In two transactions, a retry that arrives between them finds no key and creates a second task."
        )
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
                try Tasks.expectNot500(response, sent: "a retry that arrived at the same moment as others")
                try response.expectStatus(201, 409)
                if response.status == 201 { bodies.insert(try response.json().description) }
            }
            try requireEqual(
                try count(t, title: title), 1, "the number of tasks created by 20 requests with one key")
            try require(
                bodies.count == 1,
                "expected every 201 answer to have the same body, got \(bodies.count) different bodies: \(bodies.sorted().joined(separator: " | "))"
            )
        }
    }

    Check("an empty or a too long Idempotency-Key answers 400") { t in
        let empty = try t.http.post(
            "/tasks", json: Tasks.draft("Empty key"), headers: ["Idempotency-Key": ""])
        try empty.expectProblem(
            status: 400,
            hint:
                "An empty key cannot tell one request from another. Check that the key has 1 to 255 characters."
        )
        let long = try t.http.post(
            "/tasks", json: Tasks.draft("Long key"),
            headers: ["Idempotency-Key": String(repeating: "k", count: 300)])
        try long.expectProblem(
            status: 400,
            hint: "Refuse keys longer than 255 characters: the server stores every key for a day.")
        try requireEqual(
            try count(t, title: "Empty key") + count(t, title: "Long key"), 0,
            "the number of tasks created with a refused key")
    }
}
