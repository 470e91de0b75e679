import BackendKit
import Foundation
import GraderKit

private let v2Type = "application/vnd.tasks.v2+json"
private let v1Type = "application/vnd.tasks.v1+json"

/// Fails unless `task` has the v1 shape: the assignee is a string.
private func expectV1(_ task: JSONValue, assignee: String, _ response: ClientResponse) throws {
    guard let value = task["assignee"] else {
        throw response.failure("expected the task to have an \"assignee\" member")
    }
    try require(
        value.string == assignee,
        "expected the v1 shape, with \"assignee\": \"\(assignee)\" (a string), got \"assignee\": \(value)",
        hint: "Version 1 must not change: old clients read the assignee as a string. Only v2 nests it.",
        response: response)
}

/// Fails unless `task` has the v2 shape: the assignee is {"username": ...}.
private func expectV2(_ task: JSONValue, assignee: String, due: String? = nil, _ response: ClientResponse)
    throws
{
    guard let value = task["assignee"] else {
        throw response.failure("expected the task to have an \"assignee\" member")
    }
    try require(
        value.object != nil && value["username"]?.string == assignee,
        "expected the v2 shape, with \"assignee\": {\"username\": \"\(assignee)\"}, got \"assignee\": \(value)",
        hint: "In TaskV2, make assignee an Assignee struct with a username, filled from task.assignee.",
        response: response)
    for member in ["id", "title", "status", "due"] where task[member] == nil {
        throw response.failure("expected the v2 task to keep the member \"\(member)\", like v1")
    }
    if let due {
        try requireEqual(
            task["due"]?.string, due, "the due date of the v2 task (as in v1)",
            hint:
                "Copy every member but the assignee from the task as it is: TaskV2(task) sets id, title, status and due.",
            response: response)
    }
}

private func newTask(_ t: TestContext, _ title: String, assignee: String = "dewi") throws -> Int {
    try Tasks.id(of: try Tasks.create(t, Tasks.draft(title, assignee: assignee, due: "2026-12-01")))
}

/// One request the api10 document check sends, and the body it sends (to hold against the
/// documented request schema).
private struct VersionProbe {
    let method: String
    let key: String
    let what: Words
    let body: JSONValue?
    let contentType: String
    let accept: String?
}

private let versionProbes: [VersionProbe] = [
    .init(
        method: "GET", key: "/tasks/{}", what: "Accept: application/json", body: nil, contentType: "",
        accept: nil),
    .init(
        method: "GET", key: "/tasks/{}", what: "Accept: \(v2Type)", body: nil, contentType: "", accept: v2Type
    ),
    .init(
        method: "GET", key: "/tasks/{}", what: "Accept: \(v1Type)", body: nil, contentType: "", accept: v1Type
    ),
    .init(
        method: "GET", key: "/tasks/{}", what: "Accept: text/html", body: nil, contentType: "",
        accept: "text/html"),
    .init(
        method: "GET", key: "/tasks", what: "Accept: \(v2Type)", body: nil, contentType: "", accept: v2Type),
    .init(
        method: "GET", key: "/v1/tasks/{}", what: "a plain request", body: nil, contentType: "", accept: nil),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: "a plain request", body: nil, contentType: "", accept: nil),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: "Accept: \(v2Type)", body: nil, contentType: "",
        accept: v2Type),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: "Accept: \(v1Type)", body: nil, contentType: "",
        accept: v1Type),
    .init(method: "GET", key: "/v2/tasks", what: "a plain request", body: nil, contentType: "", accept: nil),
    .init(
        method: "POST", key: "/v2/tasks", what: "a v2 task",
        body: ["title": "Documented v2", "assignee": ["username": "sari"]],
        contentType: "application/json", accept: nil),
    .init(
        method: "POST", key: "/tasks", what: "Accept: \(v2Type)",
        body: Tasks.draft("Documented v1 input", assignee: "budi"),
        contentType: "application/json", accept: v2Type),
    .init(
        method: "PUT", key: "/v2/tasks/{}", what: "a v2 task",
        body: ["title": "Documented v2 again", "assignee": ["username": "dewi"], "due": .null],
        contentType: "application/json", accept: nil),
    .init(
        method: "PATCH", key: "/v2/tasks/{}", what: "a v2 merge patch",
        body: ["assignee": ["username": "budi"]],
        contentType: "application/merge-patch+json", accept: nil),
]

private func list(_ problems: [String]) -> String {
    problems.map { "\n  - " + $0 }.joined()
}

let versions = ExerciseTests("api10-versions") {
    Check("GET /v1/tasks/:id answers the v1 shape: the assignee is a string") { t in
        let id = try newTask(t, "Update the office wifi password")
        let response = try t.http.get("/v1/tasks/\(id)").expectStatus(200)
        try response.expectContentType("application/json")
        try expectV1(try response.json(), assignee: "dewi", response)
    }

    Check("GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null") { t in
        let id = try newTask(t, "Renew the software licences", assignee: "budi")
        let response = try t.http.get("/v2/tasks/\(id)").expectStatus(200)
        try response.expectContentType("application/json")
        try expectV2(try response.json(), assignee: "budi", due: "2026-12-01", response)
        let unassigned = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Nobody's task yet")))
        let empty = try t.http.get("/v2/tasks/\(unassigned)").expectStatus(200)
        let value = try empty.json()["assignee"]
        try require(
            value == .null,
            "expected \"assignee\": null for a task without an assignee in v2, got \(value?.description ?? "no assignee member")",
            hint:
                "Encode the assignee even when it is nil (container.encode(assignee, forKey: .assignee) writes null), like v1 does: clients can rely on the member being there.",
            response: empty)
    }

    Check(
        "GET /v2/tasks lists v2 tasks, and its next link stays under /v2/tasks",
        needs: "GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null"
    ) { t in
        _ = try newTask(t, "List me in v2", assignee: "sari")
        let response = try t.http.get("/v2/tasks?limit=1&assignee=sari").expectStatus(200)
        let body = try response.json()
        guard let first = body["items"]?[0] else { throw response.failure("expected one task in items") }
        try expectV2(first, assignee: "sari", response)
        _ = try newTask(t, "List me in v2 too", assignee: "sari")
        let two = try t.http.get("/v2/tasks?limit=1&assignee=sari").expectStatus(200)
        let next = try two.json()["next"]?.string ?? ""
        try require(
            Tasks.target(ofLink: next).hasPrefix("/v2/tasks?"),
            "expected the next link to start with /v2/tasks?, got \"\(next)\"", response: two)
    }

    Check(
        "POST /v2/tasks accepts and answers the v2 shape, with a Location under /v2/tasks",
        hint:
            "Only the assignee changes shape in v2: the id stays a whole number, as in v1, and the new task's Location is under /v2/tasks.",
        needs: "GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null"
    ) { t in
        let response = try t.http.post(
            "/v2/tasks", json: ["title": "Plan the offsite", "assignee": ["username": "sari"]])
        try response.expectStatus(201)
        let task = try response.json()
        try expectV2(task, assignee: "sari", response)
        let id = try Tasks.id(of: task, in: response)
        try requireEqual(
            Tasks.path(ofLocation: response.headers["Location"] ?? ""), "/v2/tasks/\(id)",
            "the path in the Location header", response: response)
        let v1 = try t.http.get("/v1/tasks/\(id)").expectStatus(200)
        try expectV1(try v1.json(), assignee: "sari", v1)
    }

    Check(
        "old clients keep working: /tasks answers v1 without Accept, and with application/json or */*",
        hint:
            "Old clients send no Accept, or one that allows anything (*/*, application/*). Every offer then has the same quality, and on a tie the first offer wins: v1 as application/json. Replace the best offer only when another one is strictly better."
    ) { t in
        let id = try newTask(t, "Keep old clients working")
        for accept in [
            nil, "application/json", "*/*", "application/*", "text/html, */*;q=0.1", "json, application/json",
        ]
            as [String?]
        {
            // The grader's client sends Accept: application/json unless told otherwise; for the
            // request without Accept, it sends no default headers at all.
            let defaults = t.http.defaultHeaders
            if accept == nil { t.http.defaultHeaders = [:] }
            defer { t.http.defaultHeaders = defaults }
            let headers: HTTPHeaders = accept.map { ["Accept": $0] } ?? [:]
            let response = try t.http.get("/tasks/\(id)", headers: headers)
            try Tasks.expectNot500(
                response,
                sent: "Accept: \(accept ?? "(none)") (an entry that is not type/subtype is left out)")
            try response.expectStatus(
                200,
                hint:
                    "Without an Accept header, or with one that allows anything, answer the first offer: v1 as application/json. application/* matches every application type, such as application/json (specificity 2)."
            )
            try response.expectContentType("application/json")
            try expectV1(try response.json(), assignee: "dewi", response)
        }
    }

    Check(
        "/tasks with Accept: application/vnd.tasks.v2+json answers v2, says so in Content-Type, and sends Vary: Accept",
        hint:
            "Compare each offer with the Accept header: the offer application/vnd.tasks.v2+json matches the range application/vnd.tasks.v2+json exactly (specificity 3).",
        needs: "GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null",
        "old clients keep working: /tasks answers v1 without Accept, and with application/json or */*"
    ) { t in
        let id = try newTask(t, "Try the new version")
        let response = try t.http.get("/tasks/\(id)", headers: ["Accept": v2Type]).expectStatus(200)
        try response.expectContentType(v2Type)
        try expectV2(try response.json(), assignee: "dewi", response)
        try response.expectHeader("Vary")
        try require(
            Tasks.tokens(response.headers["Vary"]).contains("accept"),
            "expected Vary to list Accept, got \(response.headers["Vary"] ?? "")", response: response)
        let v1 = try t.http.get("/tasks/\(id)", headers: ["Accept": v1Type]).expectStatus(200)
        try v1.expectContentType(v1Type)
        try expectV1(try v1.json(), assignee: "dewi", v1)
    }

    Check(
        "q-values decide which representation wins",
        hint:
            "Each offer takes the quality of the most specific range that matches it; the highest quality wins, the first offer on a tie, and q=0 means \"not this one\".",
        needs:
            "/tasks with Accept: application/vnd.tasks.v2+json answers v2, says so in Content-Type, and sends Vary: Accept"
    ) { t in
        let id = try newTask(t, "Weigh the options")
        let cases: [(String, Bool)] = [
            ("\(v2Type);q=0.5, application/json;q=0.9", false),
            ("\(v2Type);q=0.9, application/json;q=0.5", true),
            ("application/json;q=0.3, \(v2Type)", true),
            ("\(v2Type);q=0, */*", false),
            ("application/*;q=0.2, \(v2Type);q=0.4", true),
            ("*/*;q=0.8, \(v1Type)", false),
        ]
        for (accept, wantsV2) in cases {
            let response = try t.http.get("/tasks/\(id)", headers: ["Accept": accept])
            try response.expectStatus(200)
            if wantsV2 {
                try response.expectContentType(
                    v2Type, hint: "For Accept: \(accept), v2 has the highest quality.")
                try expectV2(try response.json(), assignee: "dewi", response)
            } else {
                try expectV1(try response.json(), assignee: "dewi", response)
            }
        }
    }

    Check(
        "when nothing in Accept fits, the answer is 406 Not Acceptable as a problem document",
        hint:
            "When no offer gets a quality above 0, choose(from:accept:) returns nil, and the server answers 406.",
        needs:
            "/tasks with Accept: application/vnd.tasks.v2+json answers v2, says so in Content-Type, and sends Vary: Accept"
    ) { t in
        let id = try newTask(t, "Refuse what I cannot send")
        for (target, accept) in [
            ("/tasks/\(id)", "text/html"), ("/v2/tasks/\(id)", v1Type), ("/v1/tasks/\(id)", v2Type),
            ("/tasks", "image/png, text/*;q=0.5"), ("/tasks/\(id)", "application/json;q=0"),
        ] {
            let response = try t.http.get(target, headers: ["Accept": accept])
            try Tasks.expectNot500(response, sent: "Accept: \(accept)")
            try response.expectProblem(status: 406)
        }
    }

    Check(
        "a POST that asks for an impossible Accept is refused with 406 and creates nothing",
        needs: "when nothing in Accept fits, the answer is 406 Not Acceptable as a problem document"
    ) { t in
        let before = try Tasks.storedCount(t)
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Never stored"), headers: ["Accept": "text/csv"])
        try response.expectProblem(status: 406)
        try requireEqual(
            try Tasks.storedCount(t), before, "the number of tasks after the refused POST",
            hint:
                "The server negotiates before it writes, so a client never gets a 406 for a task that was created anyway."
        )
    }

    Check(
        documentIsWellFormed,
        hint:
            "The versions copy each task operation to /v1/tasks and /v2/tasks: each copy needs its own operationId (listTasksV2), and every \"$ref\" must name a component that exists, such as #/components/schemas/TaskV2."
    ) { t in
        let problems = try fetchOpenAPIDocument(t).structureProblems()
        try require(problems.isEmpty, "the document breaks the rules of OpenAPI:" + list(problems))
    }

    Check(
        "the document describes each version as the server sends it: media types, task schemas, 406",
        hint:
            "Each answer lists every media type its path offers (application/json, application/vnd.tasks.v1+json, application/vnd.tasks.v2+json) with the schema of that version: TaskV2 has the assignee as {\"username\": ...} or null. /v2/tasks takes the v2 shape in its request bodies, and a 406 is a problem document.",
        needs: "GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null",
        documentIsWellFormed
    ) { t in
        let doc = try fetchOpenAPIDocument(t)
        var problems: [String] = []
        for probe in versionProbes {
            let id = try newTask(t, "Documented task")
            let target = probe.key.replacingOccurrences(of: "{}", with: String(id))
            guard let operation = doc.operation(probe.method, probe.key) else {
                problems.append(
                    "the server answers \(probe.method) \(target), but the document does not describe it")
                continue
            }
            var headers: HTTPHeaders = [:]
            if let accept = probe.accept { headers["Accept"] = accept }
            let response: ClientResponse
            if let body = probe.body {
                headers["Content-Type"] = probe.contentType
                response = try t.http.send(
                    HTTPMethod(probe.method), target, headers: headers,
                    body: Data(body.description.utf8))
                if let schema = doc.requestSchema(operation, mediaType: probe.contentType) {
                    problems += doc.schemaProblems(body, schema, at: "the request body").map {
                        "\(operation.name) with \(probe.what): the server accepts \(body), but the document refuses it: \($0)"
                    }
                } else {
                    problems.append(
                        "\(operation.name) takes a \(probe.contentType) body, but the document has no schema for it"
                    )
                }
            } else {
                response = try t.http.get(target, headers: headers)
            }
            try Tasks.expectNot500(response, sent: "\(probe.method) \(target) with \(probe.what)")
            guard doc.statuses(operation).contains(response.status) else {
                problems.append(
                    "\(operation.name) with \(probe.what) answered \(response.status), but the document does not list \(response.status)"
                )
                continue
            }
            problems += doc.answerProblems(operation, sent: probe.what.text, response: response)
        }
        try require(problems.isEmpty, "the document differs from what the server does:" + list(problems))
    }
}
