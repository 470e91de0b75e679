import BackendKit
import Foundation
import GraderKit

/// Reads a task and its ETag; fails the check unless the ETag is there and quoted.
private func read(_ t: TestContext, _ id: Int) throws -> (
    task: JSONValue, etag: String, response: ClientResponse
) {
    let response = try t.http.get("/tasks/\(id)").expectStatus(200)
    try response.expectHeader(
        "ETag", hint: "Add the header in ETags.read: try .json(task).with(\"ETag\", tag(for: task)).")
    let etag = response.headers["ETag"] ?? ""
    let opaque = etag.hasPrefix("W/") ? String(etag.dropFirst(2)) : etag
    try require(
        opaque.count >= 2 && opaque.hasPrefix("\"") && opaque.hasSuffix("\""),
        "expected the ETag to be in double quotes, like \"v3\", got \(etag)",
        hint:
            "The quotes are part of an ETag: the header is ETag: \"v3\", and tag(for:) returns the text with its quotes, such as \"\\\"v3\\\"\".",
        response: response)
    return (try response.json(), etag, response)
}

private func newTask(_ t: TestContext, _ title: String) throws -> Int {
    try Tasks.id(of: try Tasks.create(t, Tasks.draft(title, assignee: "dewi")))
}

/// The check that shows GET sends an ETag; every other check reads it.
private let sendsETag = "GET /tasks/:id sends an ETag in double quotes, and HEAD sends it too"

/// The check that shows If-Match refuses a stale ETag; the write checks after it need it.
private let staleIsRefused =
    "PUT with an old ETag in If-Match answers 412 Precondition Failed and changes nothing"

let etags = ExerciseTests("api07-etags") {
    Check(sendsETag) { t in
        let id = try newTask(t, "Plan the team lunch")
        let (_, etag, _) = try read(t, id)
        let head = try t.http.head("/tasks/\(id)").expectStatus(200)
        try requireEqual(head.headers["ETag"], etag, "the ETag of HEAD /tasks/\(id)", response: head)
    }

    Check(
        "the ETag stays the same while the task does not change, and changes when it does",
        hint:
            "Build the ETag from the task's version (ETags.tag(for:)): the store raises the version on every write.",
        needs: sendsETag
    ) { t in
        let id = try newTask(t, "Choose a restaurant")
        let first = try read(t, id)
        let again = try read(t, id)
        try requireEqual(again.etag, first.etag, "the ETag of an unchanged task", response: again.response)
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Choose a restaurant near the office")).expectStatus(
            200)
        let changed = try read(t, id)
        try require(
            changed.etag != first.etag,
            "expected a new ETag after PUT changed the task, got the same one: \(first.etag)",
            response: changed.response)
    }

    Check(
        "GET with If-None-Match: <the current ETag> answers 304 Not Modified, with the ETag and no body",
        hint:
            "When a tag in If-None-Match equals the current ETag (weak comparison: ignore a W/ in front), answer Response(status: .notModified, headers: [\"ETag\": current]). The client keeps using its copy, and nothing is sent twice.",
        needs: sendsETag
    ) { t in
        let id = try newTask(t, "Send the invitations")
        let (_, etag, _) = try read(t, id)
        let response = try t.http.get("/tasks/\(id)", headers: ["If-None-Match": etag]).expectStatus(304)
        try requireEqual(
            response.headers["ETag"], etag, "the ETag header of the 304 answer", response: response)
        try require(
            response.body.isEmpty, "expected no body with 304, got \(response.body.count) bytes",
            response: response)
        let weak = try t.http.get(
            "/tasks/\(id)", headers: ["If-None-Match": "W/" + etag.replacingOccurrences(of: "W/", with: "")])
        try weak.expectStatus(304, hint: "If-None-Match uses weak comparison: W/\"v1\" matches \"v1\".")
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": "\"other\", \(etag)"]).expectStatus(
            304, hint: "If-None-Match may list several tags, separated by commas; any one of them may match.")
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": "*"]).expectStatus(
            304, hint: "If-None-Match: * matches any current version.")
    }

    Check(
        "GET with an old ETag in If-None-Match answers 200 with the task and its new ETag",
        needs: sendsETag
    ) { t in
        let id = try newTask(t, "Buy a birthday cake")
        let old = try read(t, id)
        try t.http.patch(
            "/tasks/\(id)", json: ["status": "doing"], contentType: "application/merge-patch+json"
        ).expectStatus(200)
        let response = try t.http.get("/tasks/\(id)", headers: ["If-None-Match": old.etag])
        try response.expectStatus(
            200,
            hint:
                "Answer 304 only when the client's tag equals the current one. After a change, the client needs the new version."
        )
        try requireEqual(
            try response.json()["status"]?.string, "doing", "the status in the fresh copy", response: response
        )
        try require(
            response.headers["ETag"] != nil && response.headers["ETag"] != old.etag,
            "expected the new ETag with the fresh copy, got \(response.headers["ETag"] ?? "none")",
            response: response)
    }

    Check(
        "PUT with If-Match: <the current ETag> succeeds and answers the new ETag",
        hint:
            "ETags.written must add the task's new ETag, so the client can send it in its next If-Match without reading the task again.",
        needs: sendsETag
    ) { t in
        let id = try newTask(t, "Write the minutes")
        let (_, etag, _) = try read(t, id)
        let response = try t.http.put(
            "/tasks/\(id)", json: Tasks.draft("Write and share the minutes"), headers: ["If-Match": etag])
        try response.expectStatus(
            200,
            hints: [
                412:
                    "The ETag in If-Match is the current one, so the write must go ahead. Compare the tags exactly, quotes included."
            ])
        try response.expectHeader("ETag")
        let after = try read(t, id)
        try requireEqual(
            response.headers["ETag"], after.etag,
            "the ETag of the PUT answer (it must be the task's new ETag)", response: response)
    }

    Check(
        staleIsRefused,
        hint:
            "When If-Match is there and none of its tags equals the current ETag, throw HTTPError(.preconditionFailed, ...). The client's copy is out of date; writing it would erase someone else's change.",
        needs: "PUT with If-Match: <the current ETag> succeeds and answers the new ETag"
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
        let (task, _, fetched) = try read(t, id)
        try requireEqual(
            task["title"]?.string, "Clean the whiteboard", "the title after the refused PUT",
            response: fetched)
        try requireEqual(
            task["status"]?.string, "done", "the status after the refused PUT", response: fetched)
    }

    Check(
        "two clients edit one task: the second save is refused, and after reloading both changes are kept",
        hint:
            "This is the lost update: Dewi and Budi both read version 1; Dewi saves; Budi saves his old copy over hers. With If-Match, Budi gets 412, reads the task again, and applies his change to Dewi's version.",
        needs: staleIsRefused
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
            "the title after Budi's refused save (Dewi's change must survive)", response: fresh.response)
        try t.http.put(
            "/tasks/\(id)", json: fresh.task.with("status", "doing"), headers: ["If-Match": fresh.etag]
        ).expectStatus(200)
        let final = try read(t, id)
        try requireEqual(
            final.task["title"]?.string, "Prepare the Q4 report", "the title at the end (Dewi's change)",
            response: final.response)
        try requireEqual(
            final.task["status"]?.string, "doing", "the status at the end (Budi's change)",
            response: final.response)
    }

    Check(
        "PATCH and DELETE check If-Match too",
        needs: staleIsRefused
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
            current.task["status"]?.string, "doing", "the status after a refused PATCH",
            response: current.response)
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": current.etag]).expectStatus(204)
    }

    Check(
        "If-Match compares strongly: a weak ETag (W/\"...\") never allows a write",
        hint:
            "If-Match uses strong comparison: the tag must be exactly the current ETag, without W/. A weak tag only says \"about the same\", which is not enough to write over someone's work.",
        needs: staleIsRefused
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
            hint:
                "If-Match may list several tags; the write goes ahead when any one of them is the current ETag."
        )
    }

    Check(
        "If-Match: * allows the write when the task exists",
        hint:
            "If-Match: * means \"change it only if it exists, whatever its version\". Check for \"*\" among the tags before you compare them with the current ETag.",
        needs: staleIsRefused
    ) { t in
        let id = try newTask(t, "Label the cables")
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Label every cable"), headers: ["If-Match": "*"])
            .expectStatus(200)
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": "*"]).expectStatus(204)
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Label every cable"), headers: ["If-Match": "*"])
            .expectStatus(
                404, hint: "The task is gone: there is nothing for * to match, and PUT never creates.")
    }

    Check(
        "ten PUTs at the same moment with the same If-Match: exactly one wins, the others get 412",
        needs: staleIsRefused
    ) { t in
        try t.startServer(environment: ["BACKENDKIT_THREADS": "8"])
        let id = try newTask(t, "Pick the team name")
        let (_, etag, _) = try read(t, id)
        let results = t.concurrently(10) { index in
            try t.http.put(
                "/tasks/\(id)", json: Tasks.draft("Team name \(index)"), headers: ["If-Match": etag]
            ).status
        }
        let statuses = try results.map { try $0.get() }
        try requireEqual(
            statuses.filter { $0 == 200 }.count, 1,
            "the number of PUTs that succeeded (answers: \(statuses.map(String.init).joined(separator: ", ")))",
            hint: "Check If-Match inside store.update's closure (it runs in a transaction), not before it.")
        try requireEqual(statuses.filter { $0 == 412 }.count, 9, "the number of PUTs refused with 412")
    }
}
