import BackendKit
import Foundation
import GraderKit

private let v2Type = "application/vnd.tasks.v2+json"
private let v1Type = "application/vnd.tasks.v1+json"

/// The failure of a task without its assignee, in either shape.
private let noAssignee = Words(
    "expected the task to have an \"assignee\" member", id: "seharusnya tugas punya member \"assignee\"")

/// Fails unless `task` has the v1 shape: the assignee is a string.
private func expectV1(_ task: JSONValue, assignee: String, _ response: ClientResponse) throws {
    guard let value = task["assignee"] else {
        throw response.failure(noAssignee)
    }
    try require(
        value.string == assignee,
        Words(
            "expected the v1 shape, with \"assignee\": \"\(assignee)\" (a string), got \"assignee\": \(value)",
            id:
                "seharusnya bentuk v1, dengan \"assignee\": \"\(assignee)\" (string), tapi yang datang \"assignee\": \(value)"
        ),
        hint: Words(
            "Version 1 must not change: old clients read the assignee as a string. Only v2 nests it.",
            id:
                "Versi 1 tidak boleh berubah: client lama membaca assignee sebagai string. Hanya v2 yang membungkusnya dalam objek."
        ),
        response: response)
}

/// Fails unless `task` has the v2 shape: the assignee is {"username": ...}.
private func expectV2(_ task: JSONValue, assignee: String, due: String? = nil, _ response: ClientResponse)
    throws
{
    guard let value = task["assignee"] else {
        throw response.failure(noAssignee)
    }
    try require(
        value.object != nil && value["username"]?.string == assignee,
        Words(
            "expected the v2 shape, with \"assignee\": {\"username\": \"\(assignee)\"}, got \"assignee\": \(value)",
            id:
                "seharusnya bentuk v2, dengan \"assignee\": {\"username\": \"\(assignee)\"}, tapi yang datang \"assignee\": \(value)"
        ),
        hint: Words(
            "In TaskV2, make assignee an Assignee struct with a username, filled from task.assignee.",
            id:
                "Di TaskV2, jadikan assignee sebuah struct Assignee dengan username, yang diisi dari task.assignee."
        ),
        response: response)
    for member in ["id", "title", "status", "due"] where task[member] == nil {
        throw response.failure(
            Words(
                "expected the v2 task to keep the member \"\(member)\", like v1",
                id: "seharusnya tugas v2 tetap punya member \"\(member)\", seperti v1"))
    }
    if let due {
        try requireEqual(
            task["due"]?.string, due,
            Words(
                "the due date of the v2 task (as in v1)", id: "tenggat (due) tugas v2 (sama seperti di v1)"),
            hint: Words(
                "Copy every member but the assignee from the task as it is: TaskV2(task) sets id, title, status and due.",
                id:
                    "Salin setiap member selain assignee dari tugas apa adanya: TaskV2(task) mengisi id, title, status, dan due."
            ),
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

private let plainRequest = Words("a plain request", id: "request biasa")
private let v2Task = Words("a v2 task", id: "tugas v2")

private let versionProbes: [VersionProbe] = [
    .init(
        method: "GET", key: "/tasks/{}", what: Words(verbatim: "Accept: application/json"), body: nil,
        contentType: "",
        accept: nil),
    .init(
        method: "GET", key: "/tasks/{}", what: Words(verbatim: "Accept: \(v2Type)"), body: nil,
        contentType: "", accept: v2Type
    ),
    .init(
        method: "GET", key: "/tasks/{}", what: Words(verbatim: "Accept: \(v1Type)"), body: nil,
        contentType: "", accept: v1Type
    ),
    .init(
        method: "GET", key: "/tasks/{}", what: Words(verbatim: "Accept: text/html"), body: nil,
        contentType: "",
        accept: "text/html"),
    .init(
        method: "GET", key: "/tasks", what: Words(verbatim: "Accept: \(v2Type)"), body: nil, contentType: "",
        accept: v2Type),
    .init(
        method: "GET", key: "/v1/tasks/{}", what: plainRequest, body: nil, contentType: "", accept: nil),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: plainRequest, body: nil, contentType: "", accept: nil),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: Words(verbatim: "Accept: \(v2Type)"), body: nil,
        contentType: "",
        accept: v2Type),
    .init(
        method: "GET", key: "/v2/tasks/{}", what: Words(verbatim: "Accept: \(v1Type)"), body: nil,
        contentType: "",
        accept: v1Type),
    .init(method: "GET", key: "/v2/tasks", what: plainRequest, body: nil, contentType: "", accept: nil),
    .init(
        method: "POST", key: "/v2/tasks", what: v2Task,
        body: ["title": "Documented v2", "assignee": ["username": "sari"]],
        contentType: "application/json", accept: nil),
    .init(
        method: "POST", key: "/tasks", what: Words(verbatim: "Accept: \(v2Type)"),
        body: Tasks.draft("Documented v1 input", assignee: "budi"),
        contentType: "application/json", accept: v2Type),
    .init(
        method: "PUT", key: "/v2/tasks/{}", what: v2Task,
        body: ["title": "Documented v2 again", "assignee": ["username": "dewi"], "due": .null],
        contentType: "application/json", accept: nil),
    .init(
        method: "PATCH", key: "/v2/tasks/{}", what: Words("a v2 merge patch", id: "merge patch v2"),
        body: ["assignee": ["username": "budi"]],
        contentType: "application/merge-patch+json", accept: nil),
]

private func list(_ problems: [String]) -> String {
    problems.map { "\n  - " + $0 }.joined()
}

/// The check that shows the v2 shape; the other v2 checks need it.
private let v2Shape = Words(
    "GET /v2/tasks/:id answers the v2 shape: the assignee is an object with a username, or null",
    id: "GET /v2/tasks/:id menjawab dengan bentuk v2: assignee berupa objek dengan username, atau null")

/// The check that shows old clients still get v1; negotiating v2 needs it.
private let oldClientsWork = Words(
    "old clients keep working: /tasks answers v1 without Accept, and with application/json or */*",
    id: "client lama tetap berfungsi: /tasks menjawab v1 tanpa Accept, dan dengan application/json atau */*")

/// The check that shows Accept can ask for v2; the q-value and 406 checks need it.
private let negotiatesV2 = Words(
    "/tasks with Accept: application/vnd.tasks.v2+json answers v2, says so in Content-Type, and sends Vary: Accept",
    id:
        "/tasks dengan Accept: application/vnd.tasks.v2+json menjawab v2, menyebutkannya di Content-Type, dan mengirim Vary: Accept"
)

/// The check that shows a GET nothing fits is refused; the POST check needs it.
private let refusesWith406 = Words(
    "when nothing in Accept fits, the answer is 406 Not Acceptable as a problem document",
    id: "kalau tidak ada yang cocok dengan Accept, jawabannya 406 Not Acceptable sebagai dokumen problem")

let versions = ExerciseTests("api10-versions") {
    Check(
        Words(
            "GET /v1/tasks/:id answers the v1 shape: the assignee is a string",
            id: "GET /v1/tasks/:id menjawab dengan bentuk v1: assignee berupa string")
    ) { t in
        let id = try newTask(t, "Update the office wifi password")
        let response = try t.http.get("/v1/tasks/\(id)").expectStatus(200)
        try response.expectContentType("application/json")
        try expectV1(try response.json(), assignee: "dewi", response)
    }

    Check(v2Shape) { t in
        let id = try newTask(t, "Renew the software licences", assignee: "budi")
        let response = try t.http.get("/v2/tasks/\(id)").expectStatus(200)
        try response.expectContentType("application/json")
        try expectV2(try response.json(), assignee: "budi", due: "2026-12-01", response)
        let unassigned = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Nobody's task yet")))
        let empty = try t.http.get("/v2/tasks/\(unassigned)").expectStatus(200)
        let value = try empty.json()["assignee"]
        let got = value?.description ?? Words("no assignee member", id: "tidak ada member assignee").text
        try require(
            value == .null,
            Words(
                "expected \"assignee\": null for a task without an assignee in v2, got \(got)",
                id: "seharusnya \"assignee\": null untuk tugas tanpa assignee di v2, tapi yang datang \(got)"),
            hint: Words(
                "Encode the assignee even when it is nil (container.encode(assignee, forKey: .assignee) writes null), like v1 does: clients can rely on the member being there.",
                id:
                    "Encode assignee walaupun nilainya nil (container.encode(assignee, forKey: .assignee) menulis null), seperti yang dilakukan v1: client bisa mengandalkan member itu selalu ada."
            ),
            response: empty)
    }

    Check(
        Words(
            "GET /v2/tasks lists v2 tasks, and its next link stays under /v2/tasks",
            id: "GET /v2/tasks menampilkan daftar tugas v2, dan link next-nya tetap di bawah /v2/tasks"),
        needs: v2Shape.en
    ) { t in
        _ = try newTask(t, "List me in v2", assignee: "sari")
        let response = try t.http.get("/v2/tasks?limit=1&assignee=sari").expectStatus(200)
        let body = try response.json()
        guard let first = body["items"]?[0] else {
            throw response.failure(
                Words("expected one task in items", id: "seharusnya ada satu tugas di items"))
        }
        try expectV2(first, assignee: "sari", response)
        _ = try newTask(t, "List me in v2 too", assignee: "sari")
        let two = try t.http.get("/v2/tasks?limit=1&assignee=sari").expectStatus(200)
        let next = try two.json()["next"]?.string ?? ""
        try require(
            Tasks.target(ofLink: next).hasPrefix("/v2/tasks?"),
            Words(
                "expected the next link to start with /v2/tasks?, got \"\(next)\"",
                id: "seharusnya link next diawali /v2/tasks?, tapi yang datang \"\(next)\""),
            response: two)
    }

    Check(
        Words(
            "POST /v2/tasks accepts and answers the v2 shape, with a Location under /v2/tasks",
            id: "POST /v2/tasks menerima dan menjawab dengan bentuk v2, dengan Location di bawah /v2/tasks"),
        hint: Words(
            "Only the assignee changes shape in v2: the id stays a whole number, as in v1, and the new task's Location is under /v2/tasks.",
            id:
                "Di v2 hanya assignee yang berubah bentuk: id tetap bilangan bulat, seperti di v1, dan Location tugas barunya ada di bawah /v2/tasks."
        ),
        needs: v2Shape.en
    ) { t in
        let response = try t.http.post(
            "/v2/tasks", json: ["title": "Plan the offsite", "assignee": ["username": "sari"]])
        try response.expectStatus(201)
        let task = try response.json()
        try expectV2(task, assignee: "sari", response)
        let id = try Tasks.id(of: task, in: response)
        try requireEqual(
            Tasks.path(ofLocation: response.headers["Location"] ?? ""), "/v2/tasks/\(id)",
            Words("the path in the Location header", id: "path di header Location"), response: response)
        let v1 = try t.http.get("/v1/tasks/\(id)").expectStatus(200)
        try expectV1(try v1.json(), assignee: "sari", v1)
    }

    Check(
        oldClientsWork,
        hint: Words(
            "Old clients send no Accept, or one that allows anything (*/*, application/*). Every offer then has the same quality, and on a tie the first offer wins: v1 as application/json. Replace the best offer only when another one is strictly better.",
            id:
                "Client lama tidak mengirim Accept, atau mengirim Accept yang menerima apa saja (*/*, application/*). Dalam kasus itu setiap offer punya quality yang sama, dan kalau seri, offer pertama yang menang: v1 sebagai application/json. Ganti offer terbaik hanya kalau ada offer lain yang benar-benar lebih baik."
        )
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
                sent: Words(
                    "Accept: \(accept ?? "(none)") (an entry that is not type/subtype is left out)",
                    id: "Accept: \(accept ?? "(tidak ada)") (entri yang bukan type/subtype diabaikan)"))
            try response.expectStatus(
                200,
                hint: Words(
                    "Without an Accept header, or with one that allows anything, answer the first offer: v1 as application/json. application/* matches every application type, such as application/json (specificity 2).",
                    id:
                        "Tanpa header Accept, atau dengan Accept yang menerima apa saja, jawab dengan offer pertama: v1 sebagai application/json. application/* cocok dengan semua tipe application, misalnya application/json (specificity 2)."
                ))
            try response.expectContentType("application/json")
            try expectV1(try response.json(), assignee: "dewi", response)
        }
    }

    Check(
        negotiatesV2,
        hint: Words(
            "Compare each offer with the Accept header: the offer application/vnd.tasks.v2+json matches the range application/vnd.tasks.v2+json exactly (specificity 3).",
            id:
                "Bandingkan setiap offer dengan header Accept: offer application/vnd.tasks.v2+json cocok persis dengan range application/vnd.tasks.v2+json (specificity 3)."
        ),
        needs: v2Shape.en, oldClientsWork.en
    ) { t in
        let id = try newTask(t, "Try the new version")
        let response = try t.http.get("/tasks/\(id)", headers: ["Accept": v2Type]).expectStatus(200)
        try response.expectContentType(v2Type)
        try expectV2(try response.json(), assignee: "dewi", response)
        try response.expectHeader("Vary")
        let vary = response.headers["Vary"] ?? ""
        try require(
            Tasks.tokens(response.headers["Vary"]).contains("accept"),
            Words(
                "expected Vary to list Accept, got \(vary)",
                id: "seharusnya Vary mencantumkan Accept, tapi yang datang \(vary)"),
            response: response)
        let v1 = try t.http.get("/tasks/\(id)", headers: ["Accept": v1Type]).expectStatus(200)
        try v1.expectContentType(v1Type)
        try expectV1(try v1.json(), assignee: "dewi", v1)
    }

    Check(
        Words(
            "q-values decide which representation wins",
            id: "q-value menentukan representasi mana yang menang"),
        hint: Words(
            "Each offer takes the quality of the most specific range that matches it; the highest quality wins, the first offer on a tie, and q=0 means \"not this one\".",
            id:
                "Setiap offer mengambil quality dari range paling spesifik yang cocok dengannya; quality tertinggi yang menang, offer pertama kalau seri, dan q=0 berarti \"jangan yang ini\"."
        ),
        needs: negotiatesV2.en
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
                    v2Type,
                    hint: Words(
                        "For Accept: \(accept), v2 has the highest quality.",
                        id: "Untuk Accept: \(accept), v2 punya quality tertinggi."))
                try expectV2(try response.json(), assignee: "dewi", response)
            } else {
                try expectV1(try response.json(), assignee: "dewi", response)
            }
        }
    }

    Check(
        refusesWith406,
        hint: Words(
            "When no offer gets a quality above 0, choose(from:accept:) returns nil, and the server answers 406.",
            id:
                "Kalau tidak ada offer yang mendapat quality di atas 0, choose(from:accept:) mengembalikan nil, dan server menjawab 406."
        ),
        needs: negotiatesV2.en
    ) { t in
        let id = try newTask(t, "Refuse what I cannot send")
        for (target, accept) in [
            ("/tasks/\(id)", "text/html"), ("/v2/tasks/\(id)", v1Type), ("/v1/tasks/\(id)", v2Type),
            ("/tasks", "image/png, text/*;q=0.5"), ("/tasks/\(id)", "application/json;q=0"),
        ] {
            let response = try t.http.get(target, headers: ["Accept": accept])
            try Tasks.expectNot500(response, sent: Words(verbatim: "Accept: \(accept)"))
            try response.expectProblem(status: 406)
        }
    }

    Check(
        Words(
            "a POST that asks for an impossible Accept is refused with 406 and creates nothing",
            id: "POST yang meminta Accept yang mustahil ditolak dengan 406 dan tidak membuat apa-apa"),
        needs: refusesWith406.en
    ) { t in
        let before = try Tasks.storedCount(t)
        let response = try t.http.post(
            "/tasks", json: Tasks.draft("Never stored"), headers: ["Accept": "text/csv"])
        try response.expectProblem(status: 406)
        try requireEqual(
            try Tasks.storedCount(t), before,
            Words("the number of tasks after the refused POST", id: "jumlah tugas setelah POST yang ditolak"),
            hint: Words(
                "The server negotiates before it writes, so a client never gets a 406 for a task that was created anyway.",
                id:
                    "Server bernegosiasi dulu sebelum menulis, jadi client tidak pernah mendapat 406 untuk tugas yang ternyata tetap dibuat."
            ))
    }

    Check(
        documentIsWellFormed,
        hint: Words(
            "The versions copy each task operation to /v1/tasks and /v2/tasks: each copy needs its own operationId (listTasksV2), and every \"$ref\" must name a component that exists, such as #/components/schemas/TaskV2.",
            id:
                "Versi-versi ini menyalin setiap operation tugas ke /v1/tasks dan /v2/tasks: setiap salinan butuh operationId-nya sendiri (listTasksV2), dan setiap \"$ref\" harus menyebut komponen yang ada, misalnya #/components/schemas/TaskV2."
        )
    ) { t in
        let problems = try fetchOpenAPIDocument(t).structureProblems()
        try require(
            problems.isEmpty,
            Words(
                "the document breaks the rules of OpenAPI:" + list(problems),
                id: "dokumennya melanggar aturan OpenAPI:" + list(problems)))
    }

    Check(
        Words(
            "the document describes each version as the server sends it: media types, task schemas, 406",
            id:
                "dokumennya mendeskripsikan setiap versi seperti yang dikirim server: media type, schema tugas, 406"
        ),
        hint: Words(
            "Each answer lists every media type its path offers (application/json, application/vnd.tasks.v1+json, application/vnd.tasks.v2+json) with the schema of that version: TaskV2 has the assignee as {\"username\": ...} or null. /v2/tasks takes the v2 shape in its request bodies, and a 406 is a problem document.",
            id:
                "Setiap jawaban mencantumkan semua media type yang ditawarkan path-nya (application/json, application/vnd.tasks.v1+json, application/vnd.tasks.v2+json) dengan schema versi itu: di TaskV2, assignee berupa {\"username\": ...} atau null. /v2/tasks menerima bentuk v2 di body request-nya, dan 406 berupa dokumen problem."
        ),
        needs: v2Shape.en, documentIsWellFormed.en
    ) { t in
        let doc = try fetchOpenAPIDocument(t)
        var problems: [String] = []
        for probe in versionProbes {
            let id = try newTask(t, "Documented task")
            let target = probe.key.replacingOccurrences(of: "{}", with: String(id))
            guard let operation = doc.operation(probe.method, probe.key) else {
                problems.append(
                    Words(
                        "the server answers \(probe.method) \(target), but the document does not describe it",
                        id:
                            "server menjawab \(probe.method) \(target), tapi dokumennya tidak mendeskripsikannya"
                    ).text)
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
                    let place = Words("the request body", id: "body request").text
                    problems += doc.schemaProblems(body, schema, at: place).map {
                        Words(
                            "\(operation.name) with \(probe.what.en): the server accepts \(body), but the document refuses it: \($0)",
                            id:
                                "\(operation.name) dengan \(probe.what[.id]): server menerima \(body), tapi dokumennya menolaknya: \($0)"
                        ).text
                    }
                } else {
                    problems.append(
                        Words(
                            "\(operation.name) takes a \(probe.contentType) body, but the document has no schema for it",
                            id:
                                "\(operation.name) menerima body \(probe.contentType), tapi dokumennya tidak punya schema untuk itu"
                        ).text)
                }
            } else {
                response = try t.http.get(target, headers: headers)
            }
            try Tasks.expectNot500(
                response,
                sent: Words(
                    "\(probe.method) \(target) with \(probe.what.en)",
                    id: "\(probe.method) \(target) dengan \(probe.what[.id])"))
            guard doc.statuses(operation).contains(response.status) else {
                problems.append(
                    Words(
                        "\(operation.name) with \(probe.what.en) answered \(response.status), but the document does not list \(response.status)",
                        id:
                            "\(operation.name) dengan \(probe.what[.id]) dijawab \(response.status), tapi dokumennya tidak mencantumkan \(response.status)"
                    ).text)
                continue
            }
            problems += doc.answerProblems(operation, sent: probe.what.text, response: response)
        }
        try require(
            problems.isEmpty,
            Words(
                "the document differs from what the server does:" + list(problems),
                id: "dokumennya berbeda dengan yang dilakukan server:" + list(problems)))
    }
}
