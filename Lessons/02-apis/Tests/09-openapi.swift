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
        200,
        hints: [
            404: Words(
                "Register the route: router.get(\"/openapi.json\") { _ in try .json(document) }.",
                id: "Daftarkan route-nya: router.get(\"/openapi.json\") { _ in try .json(document) }.")
        ])
    let type = response.headers["Content-Type"]?.split(separator: ";").first?.trimmingCharacters(
        in: .whitespaces
    ).lowercased()
    let gotType = response.headers["Content-Type"] ?? Words("none", id: "tidak ada").text
    try require(
        type == "application/json" || type == "application/vnd.oai.openapi+json",
        Words(
            "expected Content-Type application/json, got \(gotType)",
            id: "seharusnya Content-Type application/json, tapi yang datang \(gotType)"),
        hint: Words(
            "Answer with try .json(document): it sets Content-Type: application/json.",
            id: "Jawab dengan try .json(document): itu mengisi Content-Type: application/json."),
        response: response)
    let root = try response.json()
    let gotVersion = root["openapi"]?.description ?? Words("nothing", id: "kosong").text
    try require(
        root["openapi"]?.string?.hasPrefix("3.1") == true,
        Words(
            "expected the member \"openapi\" to be \"3.1.0\" (the version of the format), got \(gotVersion)",
            id:
                "seharusnya member \"openapi\" bernilai \"3.1.0\" (versi formatnya), tapi isinya \(gotVersion)"
        ),
        response: response)
    try require(
        root["info"]?["title"]?.string != nil && root["info"]?["version"]?.string != nil,
        Words(
            "expected info.title and info.version strings",
            id: "seharusnya ada string info.title dan info.version"),
        response: response)
    try require(
        root["paths"]?.object != nil,
        Words(
            "expected a \"paths\" object listing the routes",
            id: "seharusnya ada objek \"paths\" yang berisi daftar route-nya"),
        response: response)
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

// What a probe sends, as it reads after "with" in a problem ("GET /tasks with a plain request …").
private let plainRequest = Words("a plain request", id: "request biasa")
private let validTask = Words("a valid task", id: "tugas yang valid")
private let invalidTask = Words("an invalid task", id: "tugas yang tidak valid")
private let existingTask = Words("an existing task", id: "tugas yang ada")
private let missingTask = Words("a task that does not exist", id: "tugas yang tidak ada")
private let notJSON = Words("a body that is not JSON", id: "body yang bukan JSON")
private let oldETag = Words("an old ETag in If-Match", id: "ETag lama di If-Match")
private let plainText = Words(verbatim: "Content-Type: text/plain")

private let probes: [Probe] = [
    Probe(method: "GET", key: "/health", what: plainRequest) { t, _, _ in try t.http.get("/health") },
    Probe(method: "GET", key: "/openapi.json", what: plainRequest) { t, _, _ in
        try t.http.get("/openapi.json")
    },
    Probe(method: "GET", key: "/tasks", what: plainRequest) { t, _, _ in try t.http.get("/tasks") },
    Probe(method: "GET", key: "/tasks", what: Words(verbatim: "?limit=0")) { t, _, _ in
        try t.http.get("/tasks?limit=0")
    },
    Probe(method: "POST", key: "/tasks", what: validTask) { t, _, _ in
        try t.http.post("/tasks", json: Tasks.draft("Probe"))
    },
    Probe(method: "POST", key: "/tasks", what: notJSON) { t, _, _ in
        try t.http.send(.post, "/tasks", headers: json, body: broken)
    },
    Probe(method: "POST", key: "/tasks", what: plainText) { t, _, _ in
        try t.http.send(.post, "/tasks", headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
    },
    Probe(method: "POST", key: "/tasks", what: invalidTask) { t, _, _ in
        try t.http.post("/tasks", json: ["title": ""])
    },
    Probe(method: "GET", key: "/tasks/{}", what: existingTask) { t, id, _ in
        try t.http.get("/tasks/\(id)")
    },
    Probe(
        method: "GET", key: "/tasks/{}",
        what: Words("If-None-Match with the current ETag", id: "If-None-Match berisi ETag saat ini")
    ) { t, id, etag in
        try t.http.get("/tasks/\(id)", headers: ["If-None-Match": etag])
    },
    Probe(method: "GET", key: "/tasks/{}", what: missingTask) { t, _, _ in
        try t.http.get("/tasks/999999")
    },
    Probe(method: "GET", key: "/tasks/{}", what: Words("the id abc", id: "id abc")) { t, _, _ in
        try t.http.get("/tasks/abc")
    },
    Probe(
        method: "PUT", key: "/tasks/{}",
        what: Words(
            "a valid task and the current If-Match", id: "tugas yang valid dan If-Match dengan ETag saat ini")
    ) { t, id, etag in
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Probe"), headers: ["If-Match": etag])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: oldETag) { t, id, _ in
        try t.http.put("/tasks/\(id)", json: Tasks.draft("Probe"), headers: ["If-Match": "\"stale\""])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: missingTask) { t, _, _ in
        try t.http.put("/tasks/999999", json: Tasks.draft("Probe"))
    },
    Probe(method: "PUT", key: "/tasks/{}", what: invalidTask) { t, id, _ in
        try t.http.put("/tasks/\(id)", json: ["title": ""])
    },
    Probe(method: "PUT", key: "/tasks/{}", what: plainText) { t, id, _ in
        try t.http.send(.put, "/tasks/\(id)", headers: ["Content-Type": "text/plain"], body: Data("{}".utf8))
    },
    Probe(method: "PUT", key: "/tasks/{}", what: notJSON) { t, id, _ in
        try t.http.send(.put, "/tasks/\(id)", headers: json, body: broken)
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: Words("a valid merge patch", id: "merge patch yang valid"))
    { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: Data(#"{"status":"doing"}"#.utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: Words(verbatim: "Content-Type: application/json")) {
        t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: json, body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: missingTask) { t, _, _ in
        try t.http.send(.patch, "/tasks/999999", headers: merge, body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: Words(verbatim: #""title": null"#)) { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: Data(#"{"title":null}"#.utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: oldETag) { t, id, _ in
        try t.http.send(
            .patch, "/tasks/\(id)",
            headers: ["Content-Type": "application/merge-patch+json", "If-Match": "\"stale\""],
            body: Data("{}".utf8))
    },
    Probe(method: "PATCH", key: "/tasks/{}", what: notJSON) { t, id, _ in
        try t.http.send(.patch, "/tasks/\(id)", headers: merge, body: broken)
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: oldETag) { t, id, _ in
        try t.http.delete("/tasks/\(id)", headers: ["If-Match": "\"stale\""])
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: existingTask) { t, id, _ in
        try t.http.delete("/tasks/\(id)")
    },
    Probe(method: "DELETE", key: "/tasks/{}", what: missingTask) { t, _, _ in
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
private let servesDocument = Words(
    "GET /openapi.json answers an OpenAPI 3.1 document as JSON",
    id: "GET /openapi.json menjawab dengan dokumen OpenAPI 3.1 berformat JSON")

/// The check that holds the document to OpenAPI's own rules.
let documentIsWellFormed = Words(
    "the document is well-formed: every operationId is unique and every $ref resolves",
    id:
        "dokumennya tersusun dengan benar: setiap operationId unik dan setiap $ref menunjuk ke sesuatu yang ada"
)

/// The check that holds the live statuses to the document; the media-type check needs it.
private let listsEveryStatus = Words(
    "every status code the server answers is listed in the document",
    id: "setiap status code yang dijawab server tercantum di dokumen")

let openAPI = ExerciseTests("api09-openapi") {
    Check(servesDocument) { t in
        _ = try fetch(t)
    }

    Check(
        documentIsWellFormed,
        hint: Words(
            "Tools refuse a document that breaks OpenAPI's own rules. Give every operation its own operationId (code generators name a function after it), check that each \"$ref\" names a component that exists (spelling and case), and give every response a \"description\".",
            id:
                "Tool-tool menolak dokumen yang melanggar aturan OpenAPI sendiri. Beri setiap operation operationId-nya sendiri (code generator menamai fungsi sesuai operationId), pastikan setiap \"$ref\" menyebut komponen yang ada (ejaan dan huruf besar-kecilnya), dan beri setiap response sebuah \"description\"."
        ),
        needs: servesDocument.en
    ) { t in
        let problems = try fetch(t).structureProblems()
        try require(
            problems.isEmpty,
            Words(
                "the document breaks the rules of OpenAPI:" + list(problems),
                id: "dokumennya melanggar aturan OpenAPI:" + list(problems)))
    }

    Check(
        Words(
            "every route the server has is described in the document",
            id: "setiap route yang dimiliki server dideskripsikan di dokumen"),
        hint: Words(
            "Add each missing operation under \"paths\": the path (with {id} for the id), then the method in lower case (\"patch\"), with its responses.",
            id:
                "Tambahkan setiap operation yang belum ada di bawah \"paths\": path-nya (dengan {id} untuk id-nya), lalu method-nya dalam huruf kecil (\"patch\"), beserta response-nya."
        ),
        needs: servesDocument.en
    ) { t in
        let doc = try fetch(t)
        let (id, _) = try freshTask(t)
        let keys = Set(liveRoutes.map(\.1)).union(doc.operations.map(\.key))
        var missing: [String] = []
        for key in keys.sorted() {
            guard let methods = try allowedMethods(t, concrete(key, id: id)) else { continue }
            for method in methods.sorted() where doc.operation(method, key) == nil {
                let route = "\(method) \(key.replacingOccurrences(of: "{}", with: "{id}"))"
                missing.append(
                    Words(
                        "the server answers \(route), but the document does not describe it",
                        id: "server menjawab \(route), tapi dokumennya tidak mendeskripsikannya"
                    ).text)
            }
        }
        try require(
            missing.isEmpty,
            Words(
                "the document is missing routes:" + list(missing),
                id: "route berikut belum ada di dokumen:" + list(missing)))
    }

    Check(
        Words(
            "every route in the document exists on the server",
            id: "setiap route di dokumen memang ada di server"),
        hint: Words(
            "A described route that does not exist sends client developers to a 404. Remove it from the document (or build it, in a later version).",
            id:
                "Route yang dideskripsikan tapi tidak ada akan membawa developer client ke 404. Hapus dari dokumen (atau buat route-nya, di versi berikutnya)."
        ),
        needs: servesDocument.en
    ) { t in
        let doc = try fetch(t)
        let (id, _) = try freshTask(t)
        var problems: [String] = []
        for operation in doc.operations where !["HEAD", "OPTIONS"].contains(operation.method) {
            guard let methods = try allowedMethods(t, concrete(operation.key, id: id)) else {
                problems.append(
                    Words(
                        "the document describes \(operation.name), but the server has no such path (404)",
                        id:
                            "dokumennya mendeskripsikan \(operation.name), tapi server tidak punya path itu (404)"
                    ).text)
                continue
            }
            if !methods.contains(operation.method) {
                let has = methods.sorted().joined(separator: ", ")
                problems.append(
                    Words(
                        "the document describes \(operation.name), but the server answers 405 for it (it has \(has))",
                        id:
                            "dokumennya mendeskripsikan \(operation.name), tapi server menjawab 405 untuknya (yang ada: \(has))"
                    ).text)
            }
        }
        try require(
            problems.isEmpty,
            Words(
                "the document describes routes the server does not have:" + list(problems),
                id: "dokumennya mendeskripsikan route yang tidak dimiliki server:" + list(problems)))
    }

    Check(
        listsEveryStatus,
        hint: Words(
            "Under \"responses\", list each status code an operation can answer, such as \"304\", \"412\" or \"415\", each with a description. A client developer writes code for exactly the codes you list.",
            id:
                "Di bawah \"responses\", cantumkan setiap status code yang bisa dijawab sebuah operation, misalnya \"304\", \"412\", atau \"415\", masing-masing dengan description. Developer client menulis kode persis untuk status code yang kamu cantumkan."
        ),
        needs: servesDocument.en
    ) { t in
        let doc = try fetch(t)
        var problems: [String] = []
        for (probe, status) in try observe(t) {
            guard let operation = doc.operation(probe.method, probe.key) else { continue }
            if !doc.statuses(operation).contains(status) {
                let listed = doc.statuses(operation).sorted().map(String.init).joined(separator: ", ")
                let english =
                    "\(operation.name) with \(probe.what.en) answered \(statusName(status)), but the document lists only \(listed.isEmpty ? "no status codes" : listed)"
                let indonesian =
                    "\(operation.name) dengan \(probe.what[.id]) dijawab \(statusName(status)), tapi dokumennya \(listed.isEmpty ? "tidak mencantumkan status code apa pun" : "hanya mencantumkan \(listed)")"
                problems.append(Words(english, id: indonesian).text)
            }
        }
        try require(
            problems.isEmpty,
            Words(
                "the server answers status codes the document does not list:" + list(problems),
                id: "server menjawab dengan status code yang tidak tercantum di dokumen:" + list(problems)))
    }

    Check(
        Words(
            "every success status in the document is one the server really answers",
            id: "setiap status sukses di dokumen memang dijawab oleh server"),
        hint: Words(
            "A documented 200 where the server answers 201 (or 204) makes client code wait for an answer that never comes. Write the status the server really sends.",
            id:
                "Status 200 di dokumen padahal server menjawab 201 (atau 204) membuat kode client menunggu jawaban yang tidak pernah datang. Tulis status yang benar-benar dikirim server."
        ),
        needs: servesDocument.en
    ) { t in
        let doc = try fetch(t)
        let observed = try observe(t)
        var problems: [String] = []
        for (method, key) in liveRoutes {
            guard let operation = doc.operation(method, key) else { continue }
            let seen = Set(observed.filter { $0.probe.method == method && $0.probe.key == key }.map(\.status))
            for status in doc.statuses(operation).sorted() where status < 400 && !seen.contains(status) {
                let successes = seen.filter { $0 < 400 }.sorted().map(statusName)
                let real = successes.joined(separator: " or ")
                let english =
                    "the document says \(operation.name) answers \(statusName(status)), but the server answers \(real.isEmpty ? "no such success" : real)"
                let indonesian =
                    "menurut dokumen, \(operation.name) menjawab \(statusName(status)), tapi server \(real.isEmpty ? "tidak pernah menjawab dengan status sukses itu" : "menjawab \(successes.joined(separator: " atau "))")"
                problems.append(Words(english, id: indonesian).text)
            }
        }
        try require(
            problems.isEmpty,
            Words(
                "the document lists success codes the server never sends:" + list(problems),
                id: "dokumennya mencantumkan status sukses yang tidak pernah dikirim server:" + list(problems)
            ))
    }

    Check(
        Words(
            "every answer's media type and body match what the document says for its status",
            id: "media type dan body setiap jawaban sesuai dengan yang dikatakan dokumen untuk status-nya"),
        hint: Words(
            "For each status an operation answers, \"content\" names the media type of the body (application/json for a task, application/problem+json for an error) and its schema. A client generated from the document parses the body with exactly that schema.",
            id:
                "Untuk setiap status yang dijawab sebuah operation, \"content\" menyebut media type body-nya (application/json untuk tugas, application/problem+json untuk error) beserta schema-nya. Client yang dibuat dari dokumen ini membaca body persis dengan schema itu."
        ),
        needs: listsEveryStatus.en
    ) { t in
        let doc = try fetch(t)
        var problems: [String] = []
        for (probe, response) in try observeAnswers(t) {
            guard let operation = doc.operation(probe.method, probe.key) else { continue }
            problems += doc.answerProblems(operation, sent: probe.what.text, response: response)
        }
        try require(
            problems.isEmpty,
            Words(
                "the server's answers differ from what the document says:" + list(problems),
                id: "jawaban server berbeda dengan yang dikatakan dokumen:" + list(problems)))
    }

    Check(
        Words(
            "the document's task has exactly the fields the server sends, and the right status values",
            id:
                "tugas di dokumen punya field yang persis sama dengan yang dikirim server, dan nilai status yang benar"
        ),
        hint: Words(
            "Look at the schema of a task (GET /tasks/{id}, answer 200, under components/schemas). Its \"properties\" must name the members of a real task, and the status \"enum\" its real values.",
            id:
                "Lihat schema sebuah tugas (GET /tasks/{id}, jawaban 200, di bawah components/schemas). \"properties\"-nya harus menyebut member tugas yang sebenarnya, dan \"enum\" status-nya nilai-nilai yang sebenarnya."
        ),
        needs: servesDocument.en
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
                Words(
                    "expected GET /tasks/{id} to describe its 200 answer: content, application/json, a schema with properties",
                    id:
                        "seharusnya GET /tasks/{id} mendeskripsikan jawaban 200-nya: content, application/json, dan schema dengan properties"
                ))
        }
        let sent = Set(task.object?.keys.map { $0 } ?? [])
        let documented = Set(properties.keys)
        var problems: [String] = []
        for name in documented.subtracting(sent).sorted() {
            problems.append(
                Words(
                    "the document lists the field \(name), but the server never sends it",
                    id: "dokumennya mencantumkan field \(name), tapi server tidak pernah mengirimnya"
                ).text)
        }
        for name in sent.subtracting(documented).sorted() {
            problems.append(
                Words(
                    "the server sends the field \(name), but the document does not list it",
                    id: "server mengirim field \(name), tapi dokumennya tidak mencantumkannya"
                ).text)
        }
        let statuses = Set((doc.resolve(properties["status"])?["enum"]?.array ?? []).compactMap(\.string))
        if statuses != ["todo", "doing", "done"] {
            let documented = statuses.sorted().joined(separator: ", ")
            problems.append(
                Words(
                    "the document says status is one of \(documented), but the server uses todo, doing and done",
                    id:
                        "menurut dokumen, status adalah salah satu dari \(documented), tapi server memakai todo, doing, dan done"
                ).text)
        }
        try require(
            problems.isEmpty,
            Words(
                "the task in the document differs from the task the server sends:" + list(problems),
                id: "tugas di dokumen berbeda dengan tugas yang dikirim server:" + list(problems)))
    }

    Check(
        Words(
            "GET /tasks lists exactly the query parameters the server reads",
            id: "GET /tasks mencantumkan persis parameter query yang dibaca server"),
        hint: Words(
            "Each query parameter is an entry of \"parameters\" with \"name\" and \"in\": \"query\".",
            id:
                "Setiap parameter query adalah satu entri di \"parameters\" dengan \"name\" dan \"in\": \"query\"."
        ),
        needs: servesDocument.en
    ) { t in
        let doc = try fetch(t)
        guard let operation = doc.operation("GET", "/tasks") else {
            try fail(
                Words(
                    "expected the document to describe GET /tasks",
                    id: "seharusnya dokumennya mendeskripsikan GET /tasks"))
        }
        let documented = Set(doc.parameters(operation).filter { $0.location == "query" }.map(\.name))
        let read: Set<String> = ["status", "assignee", "sort", "limit", "cursor"]
        var problems: [String] = []
        for name in read.subtracting(documented).sorted() {
            problems.append(
                Words(
                    "the server reads ?\(name)=, but the document does not list it",
                    id: "server membaca ?\(name)=, tapi dokumennya tidak mencantumkannya"
                ).text)
        }
        for name in documented.subtracting(read).sorted() {
            problems.append(
                Words(
                    "the document lists ?\(name)=, but the server ignores it",
                    id: "dokumennya mencantumkan ?\(name)=, tapi server mengabaikannya"
                ).text)
        }
        try require(
            problems.isEmpty,
            Words(
                "the query parameters of GET /tasks differ:" + list(problems),
                id: "parameter query GET /tasks berbeda:" + list(problems)))
    }

    Check(
        Words(
            "the request headers the server reads are documented: Idempotency-Key, If-None-Match, If-Match",
            id: "header request yang dibaca server terdokumentasi: Idempotency-Key, If-None-Match, If-Match"),
        hint: Words(
            "A header a client may send is a parameter with \"in\": \"header\", such as {\"name\": \"If-Match\", \"in\": \"header\", \"schema\": {\"type\": \"string\"}}. Components let you write it once and use it with \"$ref\".",
            id:
                "Header yang boleh dikirim client adalah parameter dengan \"in\": \"header\", misalnya {\"name\": \"If-Match\", \"in\": \"header\", \"schema\": {\"type\": \"string\"}}. Dengan components, kamu cukup menulisnya sekali, lalu memakainya lewat \"$ref\"."
        ),
        needs: servesDocument.en
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
                let route = display(doc, method, key)
                problems.append(
                    Words(
                        "\(route) is not in the document, so its header \(header) is not either",
                        id: "\(route) tidak ada di dokumen, jadi header \(header)-nya juga tidak ada"
                    ).text)
                continue
            }
            let headers = doc.parameters(operation).filter { $0.location == "header" }.map {
                $0.name.lowercased()
            }
            if !headers.contains(header.lowercased()) {
                problems.append(
                    Words(
                        "\(operation.name) reads the header \(header), but the document does not list it",
                        id:
                            "\(operation.name) membaca header \(header), tapi dokumennya tidak mencantumkannya"
                    ).text)
            }
        }
        try require(
            problems.isEmpty,
            Words(
                "request headers are missing from the document:" + list(problems),
                id: "ada header request yang belum tercantum di dokumen:" + list(problems)))
    }
}
