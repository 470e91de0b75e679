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
private let patchWorks = "PATCH changes only the members it sends and answers 200 with the whole task"

let patch = ExerciseTests("api05-patch") {
    Check(
        patchWorks,
        hint:
            "A merge patch names only the members to change. Apply it to the task's current JSON (MergePatch.apply(patch, to: current)) and check the merged task; checking the patch alone as a whole task clears every member it leaves out."
    ) { t in
        let id = try fullTask(t, "Prepare the demo")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": "Prepare the demo for Friday"], contentType: mergePatch)
        try response.expectStatus(
            200,
            hints: [
                415: "Accept Content-Type: application/merge-patch+json for PATCH (MergePatch.mediaType)."
            ])
        let body = try response.json()
        try requireEqual(
            body["title"]?.string, "Prepare the demo for Friday", "the title after the patch",
            response: response)
        try requireEqual(
            body["assignee"]?.string, "dewi", "the assignee after a patch that did not mention it",
            response: response)
        try requireEqual(
            body["due"]?.string, "2026-12-01", "the due date after a patch that did not mention it",
            response: response)
        try requireEqual(
            body["status"]?.string, "doing", "the status after a patch that did not mention it",
            response: response)
    }

    Check(
        "a member set to null removes an optional field",
        hint:
            "`\"assignee\": null` means \"remove the assignee\". A struct with optional fields decodes null and \"missing\" both as nil, so it cannot see the difference. Read the body as a JSONValue: there, patch[\"assignee\"] == .null, and a missing member is nil. MergePatch.apply removes members whose value is null.",
        needs: patchWorks
    ) { t in
        let id = try fullTask(t, "Call the printer company")
        let response = try t.http.patch("/tasks/\(id)", json: ["assignee": nil], contentType: mergePatch)
            .expectStatus(200)
        let body = try response.json()
        try require(
            body["assignee"] == nil || body["assignee"] == .null,
            "expected the assignee to be removed by \"assignee\": null, got \(body["assignee"]?.description ?? "")",
            response: response)
        try requireEqual(
            body["due"]?.string, "2026-12-01", "the due date (the patch did not mention it)",
            response: response)
        let (after, fetched) = try stored(t, id)
        try require(
            after["assignee"] == nil || after["assignee"] == .null,
            "expected GET to show no assignee after \"assignee\": null, got \(after["assignee"]?.description ?? "")",
            response: fetched)
        try t.http.patch(
            "/tasks/\(id)", json: ["due": nil, "title": "Call the printer company today"],
            contentType: mergePatch
        ).expectStatus(200)
        let (final, last) = try stored(t, id)
        try require(
            final["due"] == nil || final["due"] == .null,
            "expected the due date to be removed by \"due\": null, got \(final["due"]?.description ?? "")",
            response: last)
        try requireEqual(
            final["title"]?.string, "Call the printer company today", "the title set in the same patch",
            response: last)
    }

    Check(
        "an empty patch {} changes nothing and answers 200",
        needs: patchWorks
    ) { t in
        let id = try fullTask(t, "Nothing to change")
        let (before, _) = try stored(t, id)
        let response = try t.http.patch("/tasks/\(id)", json: [:], contentType: mergePatch).expectStatus(200)
        try requireEqual(try response.json(), before, "the task after an empty patch", response: response)
    }

    Check(
        "a patch that would make the task invalid answers 422 listing every problem, and changes nothing",
        hint:
            "Check the merged task with TaskInput.draft(from:), the same rules as PUT: \"title\": null removes the title, and a task needs one. Throwing inside store.update writes nothing.",
        needs: patchWorks
    ) { t in
        let id = try fullTask(t, "Keep me valid")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": nil, "due": "2026-02-30", "status": "finished"],
            contentType: mergePatch)
        try Tasks.expectNot500(response, sent: "a patch that removes the title")
        try Tasks.expectValidation(response, fields: ["title", "due", "status"])
        let (after, fetched) = try stored(t, id)
        try requireEqual(
            after["title"]?.string, "Keep me valid", "the title after a refused patch", response: fetched)
        try requireEqual(
            after["due"]?.string, "2026-12-01", "the due date after a refused patch", response: fetched)
    }

    Check(
        "PATCH with Content-Type: application/json answers 415 with an Accept-Patch header",
        hint:
            "A merge patch has its own media type, application/merge-patch+json: it tells the server that null means \"remove\". Refuse anything else with HTTPError(.unsupportedMediaType, detail: ..., headers: [\"Accept-Patch\": MergePatch.mediaType]).",
        needs: patchWorks
    ) { t in
        let id = try fullTask(t, "Wrong media type")
        let response = try t.http.patch(
            "/tasks/\(id)", json: ["title": "Changed?"], contentType: "application/json")
        try response.expectProblem(status: 415)
        try response.expectHeader("Accept-Patch", mergePatch)
        let (after, fetched) = try stored(t, id)
        try requireEqual(
            after["title"]?.string, "Wrong media type", "the title after a refused patch", response: fetched)
        try t.http.patch(
            "/tasks/\(id)", json: ["title": "Right media type"], contentType: mergePatch + "; charset=utf-8"
        ).expectStatus(
            200,
            hint:
                "\"application/merge-patch+json; charset=utf-8\" is a merge patch too: compare the media type without its parameters (request.contentType), not the whole header."
        )
    }

    Check(
        "PATCH on a task that does not exist answers 404, and a body that is not JSON answers 400",
        needs: patchWorks
    ) { t in
        try t.http.patch("/tasks/999999", json: ["title": "Ghost"], contentType: mergePatch).expectProblem(
            status: 404)
        let id = try fullTask(t, "Broken patch")
        let broken = try t.http.send(
            .patch, "/tasks/\(id)", headers: ["Content-Type": mergePatch], body: Data(#"{"title": "#.utf8))
        try Tasks.expectNot500(broken, sent: "a patch cut off in the middle")
        try broken.expectProblem(status: 400)
        let array = try t.http.send(
            .patch, "/tasks/\(id)", headers: ["Content-Type": mergePatch], body: Data(#"["title"]"#.utf8))
        try Tasks.expectNot500(array, sent: "a patch that is a JSON array")
        try array.expectStatus(400, 422)
    }

    Check(
        "PUT still replaces the whole task: the fields it leaves out are cleared",
        hint:
            "PUT sends the complete new task; PATCH sends only changes. Do not change replace: it must keep its meaning."
    ) { t in
        let id = try fullTask(t, "Replace me")
        let response = try t.http.put("/tasks/\(id)", json: ["title": "Replaced"]).expectStatus(200)
        let body = try response.json()
        try require(
            body["assignee"] == nil || body["assignee"] == .null,
            "expected PUT without an assignee to clear it, got \(body["assignee"]?.description ?? "")",
            response: response)
        try requireEqual(
            body["status"]?.string, "todo", "the status after a PUT without one", response: response)
    }

    Check(
        "two patches at the same moment to different members both take effect",
        hint:
            "Read, merge and write inside one store.update call: it runs in a transaction, so a second patch waits and then starts from the first one's result.",
        needs: patchWorks
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
                try require(status == 200, "expected every patch to answer 200, got \(status)")
            }
            let (final, fetched) = try stored(t, id)
            try requireEqual(
                final["assignee"]?.string, "budi", "the assignee after four patches at once",
                response: fetched)
            try requireEqual(
                final["due"]?.string, "2026-12-24", "the due date after four patches at once",
                response: fetched)
            try requireEqual(
                final["status"]?.string, "done", "the status after four patches at once", response: fetched)
            try requireEqual(
                final["title"]?.string, "Race \(round) won", "the title after four patches at once",
                response: fetched)
        }
    }
}
