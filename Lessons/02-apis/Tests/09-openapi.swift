import BackendKit
import Foundation
import GraderKit

private typealias Document = OpenAPIDocument

private func normalize(_ path: String) -> String { normalizedPath(path) }

private func concrete(_ key: String, id: Int) -> String {
    key.replacingOccurrences(of: "{}", with: String(id))
}

private func fetch(_ t: TestContext) throws -> Document { try fetchOpenAPIDocument(t) }

/// Fetches GET /openapi.json and fails the check unless it is an OpenAPI 3.1 document as JSON.
func fetchOpenAPIDocument(_ t: TestContext) throws -> OpenAPIDocument {
    let response = try t.http.get("/openapi.json")
    try response.expectStatus(
        200, hints: [404: "Register the route: router.get(\"/openapi.json\") { _ in try .json(document) }."])
    let type = response.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(
        in: .whitespaces
    ).lowercased()
    try require(
        type == "application/json" || type == "application/vnd.oai.openapi+json",
        "expected Content-Type application/json, got \(response.headers["Content-Type"] ?? "none")",
        hint: "Answer with try .json(document): it sets Content-Type: application/json.", response: response)
    let root = try response.json()
    try require(
        root["openapi"]?.string?.hasPrefix("3.1") == true,
        "expected the member \"openapi\" to be \"3.1.0\" (the version of the format), got \(root["openapi"]?.description ?? "nothing")",
        response: response)
    try require(
        root["info"]?["title"]?.string != nil && root["info"]?["version"]?.string != nil,
        "expected info.title and info.version strings", response: response)
    try require(
        root["paths"]?.object != nil, "expected a \"paths\" object listing the routes", response: response)
    return OpenAPIDocument(root: root)
}

/// The routes the Tasks API has at this step.
private let liveRoutes = [
    ("GET", "/health"), ("GET", "/openapi.json"), ("GET", "/tasks"), ("POST", "/tasks"),
    ("GET", "/tasks/{}"), ("PUT", "/tasks/{}"), ("PATCH", "/tasks/{}"), ("DELETE", "/tasks/{}"),
]

/// The methods the server has for a concrete path (from OPTIONS), or nil when the path does not exist.
private func allowedMethods(_ t: TestContext, _ path: String) throws -> Set<String>? {
    let response = try t.http.send(.options, path)
    guard response.status != 404 else { return nil }
    return Set(Tasks.methods(inAllow: response)).subtracting(["HEAD", "OPTIONS"])
}

private func freshTask(_ t: TestContext) throws -> (id: Int, etag: String) {
    let id = try Tasks.id(
        of: try Tasks.create(t, Tasks.draft("Documented task", assignee: "dewi", due: "2026-12-01")))
    let etag = try t.http.get("/tasks/\(id)").expectStatus(200).headers["ETag"] ?? "\"?\""
    return (id, etag)
}

/// One request the grader makes to see which statuses an operation really answers.
private struct Probe: Sendable {
    let method: String
    let key: String
    let what: Words
    let send: @Sendable (TestContext, Int, String) throws -> ClientResponse
}

private let json: HTTPHeaders = ["Content-Type": "application/json"]
private let merge: HTTPHeaders = ["Content-Type": "application/merge-patch+json"]
private let broken = Data("{".utf8)

private let probes: [Probe] = [
    Probe(method: "GET", key: "/health", what: "a plain request") { t, _, _ in try t.http.get("/health") },
    Probe(method: "GET", key: "/openapi.json", what: "a plain request") { t, _, _ in
        try t.http.get("/openapi.json")
    },
    Probe(method: "GET", key: "/tasks", what: "a plain request") { t, _, _ in try t.http.get("/tasks") },
    Probe(method: "GET", key: "/tasks", what: "?limit=0") { t, _, _ in try t.http.get("/tasks?limit=0") },
    Probe(method: "POST", key: "/tasks", what: "a valid task") { t, _, _ in
        try t.http.post("/tasks", json: Tasks.draft("Probe"))
    },
    Probe(method: "POST", key: "/tasks", what: "a body that is not JSON") { t, _, _ in
        try t.http.send(.post, "/tasks", headers: json, body: broken)
    },
    Probe(method: "POST", key: "/tasks", what: "Content-Type: text/plain") { t, _, _ in
        try t.http.send(.post, "/tasks", headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
    },
    Probe(method: "POST", key: "/tasks", what: "an invalid task") { t, _, _ in
        try t.http.post("/tasks", json: ["title": ""])
    },
    Probe(method: "GET", key: "/tasks/{}", what: "an existing task") { t, id, _ in
        try t.http.get("/tasks/\(id)")
    },
    Probe(method: "GET", key: "/tasks/{}", what: "If-None-Match with the current ETag") { t, id, etag in
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": etag])
    },
    Probe(method: "GET", key: "/tasks/{}", what: "a task that does not exist") { t, _, _ in
        try t.http.get("/tasks/999999")
    },
    Probe(method: "GET", key: "/tasks/{}", what: "the id abc") { t, _, _ in try t.http.get("/tasks/abc") },
    Probe(method: "PUT", key: "/tasks/{}", what: "a valid task and the current If-Match") { t, id, etag in
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Probe"), headers: ["If-Match": etag])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: "an old ETag in If-Match") { t, id, _ in
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Probe"), headers: ["If-Match": "\"stale\""])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: "a task that does not exist") { t, _, _ in
        try t.http.put("/tasks/999999", json: Tasks.draft("Probe"))
    },
    Probe(method: "PUT", key: "/tasks/{}", what: "an invalid task") { t, id, _ in
        try t.http.put("/tasks/\(id)", json: ["title": ""])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: "Content-Type: text/plain") { t, id, _ in
        try t.http.send(.put, "/tasks/\(id)", headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
    },
    Probe(method: "PUT", key: "/tasks/{}", what: "a body that is not JSON") { t, id, _ in
        try t.http.send(.put, "/tasks/\(id)", headers: json, body: broken)
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "a valid merge patch") { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: Data(#"{"status":"doing"}"#.utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "Content-Type: application/json") { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: json, body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "a task that does not exist") { t, _, _ in
        try t.http.send(.patch, "/tasks/999999", headers: merge, body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "\"title\": null") { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: Data(#"{"title":null}"#.utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "an old ETag in If-Match") { t, id, _ in
        try t.http.send(
            .patch, "/tasks/\(id)",
            headers: ["Content-Type": "application/merge-patch+json", "If-Match": "\"stale\""],
            body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: "a body that is not JSON") { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: broken)
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: "an old ETag in If-Match") { t, id, _ in
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": "\"stale\""])
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: "an existing task") { t, id, _ in
        try t.http.delete("/tasks/\(id)")
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: "a task that does not exist") { t, _, _ in
        try t.http.delete("/tasks/999999")
    },
]

/// Runs every probe on a fresh task; returns (probe, status) pairs.
private func observe(_ t: TestContext) throws -> [(probe: Probe, status: Int)] {
    try observeAnswers(t).map { ($0.probe, $0.response.status) }
}

/// Runs every probe on a fresh task; returns each probe with the server's answer.
private func observeAnswers(_ t: TestContext) throws -> [(probe: Probe, response: ClientResponse)] {
    try probes.map { probe in
        let (id, etag) = try freshTask(t)
        let response = try probe.send(t, id, etag)
        try Tasks.expectNot500(response, sent: probe.what)
        return (probe, response)
    }
}

private func statusName(_ code: Int) -> String { "\(code) \(HTTPStatus(code: code).reasonPhrase)" }

private func display(_ doc: Document, _ method: String, _ key: String) -> String {
    doc.operation(method, key)?.name ?? "\(method) \(key.replacingOccurrences(of: "{}", with: "{id}"))"
}

private func list(_ problems: [String]) -> String {
    problems.map { "\n  - " + $0 }.joined()
}

/// The check that fetches the document every other check reads.
private let servesDocument = "GET /openapi.json answers an OpenAPI 3.1 document as JSON"

/// The check that holds the document to OpenAPI's own rules.
let documentIsWellFormed = "the document is well-formed: every operationId is unique and every $ref resolves"

let openAPI = ExerciseTests("api09-openapi") {
    Check(servesDocument) { t in
        _ = try fetch(t)
    }

    Check(
        documentIsWellFormed,
        hint:
            "Tools refuse a document that breaks OpenAPI's own rules. Give every operation its own operationId (code generators name a function after it), check that each \"$ref\" names a component that exists (spelling and case), and give every response a \"description\".",
        needs: servesDocument
    ) { t in
        let problems = try fetch(t).structureProblems()
        try require(problems.isEmpty, "the document breaks the rules of OpenAPI:" + list(problems))
    }

    Check(
        "every route the server has is described in the document",
        hint:
            "Add each missing operation under \"paths\": the path (with {id} for the id), then the method in lower case (\"patch\"), with its responses.",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        let (id, _) = try freshTask(t)
        let keys = Set(liveRoutes.map(\.1)).union(doc.operations.map(\.key))
        var missing: [String] = []
        for key in keys.sorted() {
            guard let methods = try allowedMethods(t, concrete(key, id: id)) else { continue }
            for method in methods.sorted() where doc.operation(method, key) == nil {
                missing.append(
                    "the server answers \(method) \(key.replacingOccurrences(of: "{}", with: "{id}")), but the document does not describe it"
                )
            }
        }
        try require(missing.isEmpty, "the document is missing routes:" + list(missing))
    }

    Check(
        "every route in the document exists on the server",
        hint:
            "A described route that does not exist sends client developers to a 404. Remove it from the document (or build it, in a later version).",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        let (id, _) = try freshTask(t)
        var problems: [String] = []
        for operation in doc.operations where !["HEAD", "OPTIONS"].contains(operation.method) {
            guard let methods = try allowedMethods(t, concrete(operation.key, id: id)) else {
                problems.append(
                    "the document describes \(operation.name), but the server has no such path (404)")
                continue
            }
            if !methods.contains(operation.method) {
                problems.append(
                    "the document describes \(operation.name), but the server answers 405 for it (it has \(methods.sorted().joined(separator: ", ")))"
                )
            }
        }
        try require(
            problems.isEmpty, "the document describes routes the server does not have:" + list(problems))
    }

    Check(
        "every status code the server answers is listed in the document",
        hint:
            "Under \"responses\", list each status code an operation can answer, such as \"304\", \"412\" or \"415\", each with a description. A client developer writes code for exactly the codes you list.",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        var problems: [String] = []
        for (probe, status) in try observe(t) {
            guard let operation = doc.operation(probe.method, probe.key) else { continue }
            if !doc.statuses(operation).contains(status) {
                let listed = doc.statuses(operation).sorted().map(String.init).joined(separator: ", ")
                problems.append(
                    "\(operation.name) with \(probe.what) answered \(statusName(status)), but the document lists only \(listed.isEmpty ? "no status codes" : listed)"
                )
            }
        }
        try require(
            problems.isEmpty, "the server answers status codes the document does not list:" + list(problems))
    }

    Check(
        "every success status in the document is one the server really answers",
        hint:
            "A documented 200 where the server answers 201 (or 204) makes client code wait for an answer that never comes. Write the status the server really sends.",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        let observed = try observe(t)
        var problems: [String] = []
        for (method, key) in liveRoutes {
            guard let operation = doc.operation(method, key) else { continue }
            let seen = Set(observed.filter { $0.probe.method == method && $0.probe.key == key }.map(\.status))
            for status in doc.statuses(operation).sorted() where status < 400 && !seen.contains(status) {
                let real = seen.filter { $0 < 400 }.sorted().map(statusName).joined(separator: " or ")
                problems.append(
                    "the document says \(operation.name) answers \(statusName(status)), but the server answers \(real.isEmpty ? "no such success" : real)"
                )
            }
        }
        try require(
            problems.isEmpty, "the document lists success codes the server never sends:" + list(problems))
    }

    Check(
        "every answer's media type and body match what the document says for its status",
        hint:
            "For each status an operation answers, \"content\" names the media type of the body (application/json for a task, application/problem+json for an error) and its schema. A client generated from the document parses the body with exactly that schema.",
        needs: "every status code the server answers is listed in the document"
    ) { t in
        let doc = try fetch(t)
        var problems: [String] = []
        for (probe, response) in try observeAnswers(t) {
            guard let operation = doc.operation(probe.method, probe.key) else { continue }
            problems += doc.answerProblems(operation, sent: probe.what.text, response: response)
        }
        try require(
            problems.isEmpty, "the server's answers differ from what the document says:" + list(problems))
    }

    Check(
        "the document's task has exactly the fields the server sends, and the right status values",
        hint:
            "Look at the schema of a task (GET /tasks/{id}, answer 200, under components/schemas). Its \"properties\" must name the members of a real task, and the status \"enum\" its real values.",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        let (id, _) = try freshTask(t)
        let task = try t.http.get("/tasks/\(id)").expectStatus(200).json()
        guard let operation = doc.operation("GET", "/tasks/{}"),
            let schema = doc.resolve(
                doc.resolve(operation.value["responses"]?["200"])?["content"]?["application/json"]?["schema"]),
            let properties = schema["properties"]?.object
        else {
            try fail(
                "expected GET /tasks/{id} to describe its 200 answer: content, application/json, a schema with properties"
            )
        }
        let sent = Set(task.object?.keys.map { $0 } ?? [])
        let documented = Set(properties.keys)
        var problems: [String] = []
        for name in documented.subtracting(sent).sorted() {
            problems.append("the document lists the field \(name), but the server never sends it")
        }
        for name in sent.subtracting(documented).sorted() {
            problems.append("the server sends the field \(name), but the document does not list it")
        }
        let statuses = Set((doc.resolve(properties["status"])?["enum"]?.array ?? []).compactMap(\.string))
        if statuses != ["todo", "doing", "done"] {
            problems.append(
                "the document says status is one of \(statuses.sorted().joined(separator: ", ")), but the server uses todo, doing and done"
            )
        }
        try require(
            problems.isEmpty,
            "the task in the document differs from the task the server sends:" + list(problems))
    }

    Check(
        "GET /tasks lists exactly the query parameters the server reads",
        hint: "Each query parameter is an entry of \"parameters\" with \"name\" and \"in\": \"query\".",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        guard let operation = doc.operation("GET", "/tasks") else {
            try fail("expected the document to describe GET /tasks")
        }
        let documented = Set(doc.parameters(operation).filter { $0.location == "query" }.map(\.name))
        let read: Set<String> = ["status", "assignee", "sort", "limit", "cursor"]
        var problems: [String] = []
        for name in read.subtracting(documented).sorted() {
            problems.append("the server reads ?\(name)=, but the document does not list it")
        }
        for name in documented.subtracting(read).sorted() {
            problems.append("the document lists ?\(name)=, but the server ignores it")
        }
        try require(problems.isEmpty, "the query parameters of GET /tasks differ:" + list(problems))
    }

    Check(
        "the request headers the server reads are documented: Idempotency-Key, If-None-Match, If-Match",
        hint:
            "A header a client may send is a parameter with \"in\": \"header\", such as {\"name\": \"If-Match\", \"in\": \"header\", \"schema\": {\"type\": \"string\"}}. Components let you write it once and use it with \"$ref\".",
        needs: servesDocument
    ) { t in
        let doc = try fetch(t)
        let expected = [
            ("POST", "/tasks", "Idempotency-Key"), ("GET", "/tasks/{}", "If-None-Match"),
            ("PUT", "/tasks/{}", "If-Match"),
            ("PATCH", "/tasks/{}", "If-Match"), ("DELETE", "/tasks/{}", "If-Match"),
        ]
        var problems: [String] = []
        for (method, key, header) in expected {
            guard let operation = doc.operation(method, key) else {
                problems.append(
                    "\(display(doc, method, key)) is not in the document, so its header \(header) is not either"
                )
                continue
            }
            let headers = doc.parameters(operation).filter { $0.location == "header" }.map {
                $0.name.lowercased()
            }
            if !headers.contains(header.lowercased()) {
                problems.append(
                    "\(operation.name) reads the header \(header), but the document does not list it")
            }
        }
        try require(problems.isEmpty, "request headers are missing from the document:" + list(problems))
    }
}
