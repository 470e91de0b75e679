import BackendKit
import GraderKit

let crud = ExerciseTests("api02-crud") {
    Check("POST /tasks answers 201 Created with the new task") { t in
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Write the release notes", assignee: "dewi", due: "2026-12-01"))
        try response.expectStatus(
            201,
            hints: [
                405:
                    "The path /tasks has no POST route yet: register it with router.post(\"/tasks\") { request in try create(request) }.",
                200:
                    "201 Created (not 200 OK) tells the client that something new exists now. `try .created(task, location: ...)` answers 201.",
                501: "The route is there; now finish the TODO in create.",
            ])
        try response.expectContentType("application/json")
        let task = try response.json()
        _ = try Tasks.id(of: task, in: response)
        try requireEqual(
            task["title"]?.string, "Write the release notes", "the title of the new task", response: response)
        try requireEqual(
            task["status"]?.string, "todo", "the status of a new task sent without one", response: response)
        try requireEqual(task["assignee"]?.string, "dewi", "the assignee of the new task", response: response)
    }

    Check(
        "POST /tasks sends a Location header, and GET on it answers the same task",
        hint:
            "The Location header tells the client the address of the new task, such as /tasks/7. Build it from the id the store returned.",
        needs: "POST /tasks answers 201 Created with the new task"
    ) { t in
        let response = try t.http.post("/tasks", json: Tasks.draft("Book the meeting room")).expectStatus(
            201, 200)
        try response.expectHeader("Location")
        let id = try Tasks.id(of: try response.json(), in: response)
        let location = response.headers["Location"] ?? ""
        try requireEqual(
            Tasks.path(ofLocation: location), "/tasks/\(id)",
            "the path in the Location header (the new task's address)", response: response)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try fetched.json()["title"]?.string, "Book the meeting room",
            "the title of the task at the Location", response: fetched)
    }

    Check(
        "GET /tasks/:id answers 200 with the task",
        needs: "POST /tasks sends a Location header, and GET on it answers the same task"
    ) { t in
        let created = try Tasks.create(
            t, Tasks.draft("Fix the login page", status: "doing", assignee: "budi"))
        let id = try Tasks.id(of: created)
        let response = try t.http.get("/tasks/\(id)").expectStatus(
            200,
            hints: [
                404:
                    "Register GET /tasks/:id with router.get, then answer `try .json(task)` with the task store.find(id:) returned.",
                501: "The route is there; now finish the TODO in show.",
            ])
        try response.expectContentType("application/json")
        let task = try response.json()
        try requireEqual(task["id"]?.int, id, "the id of the task", response: response)
        try requireEqual(task["status"]?.string, "doing", "the status of the task", response: response)
        try requireEqual(task["assignee"]?.string, "budi", "the assignee of the task", response: response)
    }

    Check(
        "GET /tasks/:id for a task that does not exist answers 404 Not Found",
        hint:
            "When store.find returns nil, throw HTTPError.notFound(\"...\"). A 200 with an empty body, or a 500, makes the client believe something else happened.",
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let response = try t.http.get("/tasks/999999")
        try response.expectStatus(404)
        try response.expectContentType("application/problem+json")
        let text = try t.http.get("/tasks/abc")
        try Tasks.expectNot500(text, sent: "an id that is not a number")
        try text.expectStatus(400, 404)
    }

    Check(
        "PUT /tasks/:id replaces the task and answers 200 with the new version",
        hint:
            "PUT sends the whole task. Replace it with store.replace(id:with:) and answer `try .json(task)` with what the store returned.",
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Draft the budget", assignee: "sari")))
        let response = try t.http.put(
            "/tasks/\(id)",
            json: Tasks.draft("Draft the 2027 budget", status: "doing", assignee: "sari", due: "2026-12-15"))
        try response.expectStatus(200)
        let body = try response.json()
        try requireEqual(
            body["title"]?.string, "Draft the 2027 budget", "the title in the answer to PUT",
            response: response)
        try requireEqual(
            body["id"]?.int, id, "the id in the answer to PUT (PUT must not change it)", response: response)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        let stored = try fetched.json()
        try requireEqual(
            stored["title"]?.string, "Draft the 2027 budget", "the title after PUT", response: fetched)
        try requireEqual(stored["status"]?.string, "doing", "the status after PUT", response: fetched)
        try requireEqual(stored["due"]?.string, "2026-12-15", "the due date after PUT", response: fetched)
    }

    Check(
        "PUT /tasks/:id for a task that does not exist answers 404 and creates nothing",
        hint:
            "store.replace returns nil when there is no such task. The server chooses ids here, so PUT on an unknown id is 404 Not Found, not 200 or 201.",
        needs: "PUT /tasks/:id replaces the task and answers 200 with the new version"
    ) { t in
        let before = try t.http.get("/tasks").expectStatus(200).json()["items"]?.array?.count ?? 0
        try t.http.put("/tasks/999999", json: Tasks.draft("Nobody asked for this")).expectStatus(404)
        let after = try t.http.get("/tasks").expectStatus(200).json()["items"]?.array?.count ?? 0
        try requireEqual(after, before, "the number of tasks after PUT /tasks/999999")
    }

    Check(
        "DELETE /tasks/:id answers 204 No Content with an empty body",
        hint:
            "After a delete there is nothing to send back: answer `.noContent()` (204), not 200 with a body.",
        needs: "GET /tasks/:id answers 200 with the task"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Remove the old banner")))
        let response = try t.http.delete("/tasks/\(id)").expectStatus(204)
        try require(
            response.body.isEmpty, "expected no body with 204 No Content, got \(response.body.count) bytes",
            response: response)
        try t.http.get("/tasks/\(id)").expectStatus(
            404, hint: "After DELETE, the task must be gone: GET answers 404.")
    }

    Check(
        "DELETE on a task that does not exist (or no longer exists) answers 404",
        hint: "store.delete(id:) returns false when nothing was deleted; answer 404 Not Found then.",
        needs: "DELETE /tasks/:id answers 204 No Content with an empty body"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Delete me twice")))
        try t.http.delete("/tasks/\(id)").expectStatus(204)
        try t.http.delete("/tasks/\(id)").expectStatus(404)
    }

    Check(
        "a method the path does not support answers 405 Method Not Allowed with an Allow header",
        hint:
            "Register each route with its own method (router.get, router.put, router.delete...). The router then answers 405 with an Allow header for the other methods. A handler that checks request.method by hand and answers 404 hides from the client which methods exist.",
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
            hint:
                "DELETE /tasks (all tasks at once) is not part of this API: the path exists for GET and POST only, so the answer is 405, not 404 and never 204."
        )
        try Tasks.expectAllow(deleteAll, contains: ["GET", "POST"])
    }

    Check(
        "a path that does not exist answers 404, not 405 (GET /task/1)",
        hint:
            "404 means \"no such path\"; 405 means \"the path exists, but not for this method\". Register the exact paths /tasks and /tasks/:id."
    ) { t in
        try t.http.get("/task/1").expectStatus(404)
        try t.http.get("/tasks/1/comments").expectStatus(404)
    }
}
