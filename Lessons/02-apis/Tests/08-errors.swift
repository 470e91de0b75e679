import BackendKit
import Foundation
import GraderKit

/// Fails unless the response is a problem document with the members every error shares.
@discardableResult
private func expectShape(_ response: ClientResponse, status: Int) throws -> JSONValue {
    let hint =
        "Turn every HTTPError into its problem document with error.response(instance: request.path). A hand-made {\"error\": ...} is a second shape that clients must learn."
    let problem = try response.expectProblem(status: status, hint: hint)
    for member in ["type", "title", "detail"] where problem[member]?.string == nil {
        throw response.failure(
            "expected the problem document to have a \"\(member)\" string, like every other error", hint: hint
        )
    }
    try expectRequestID(response)
    return problem
}

private func expectRequestID(_ response: ClientResponse) throws {
    try response.expectHeader(
        "X-Request-Id",
        hint:
            "Set response.headers[\"X-Request-Id\"] = request.id in the middleware, after you have the final response, so errors get it too."
    )
}

private let leaks = [
    "internal_audit_log", "select ", "no such table", "sqlite", "databaseerror", ".swift", "sql:",
]

/// The check that shows the problem shape every other check expects.
private let problemShape = "an unknown path and an unknown task answer 404 as problem documents"

let errors = ExerciseTests("api08-errors") {
    Check(problemShape) { t in
        try t.startServer(environment: ["TASKS_DEBUG": "1"])
        try expectShape(try t.http.get("/nope"), status: 404)
        try expectShape(try t.http.get("/tasks/999999"), status: 404)
    }

    Check(
        "405 is a problem document and keeps its Allow header",
        hint:
            "error.response(instance:) keeps the error's headers. A response built by hand from error.detail loses the Allow header, and the client no longer knows which methods work.",
        needs: problemShape
    ) { t in
        let response = try t.http.delete("/tasks")
        try expectShape(response, status: 405)
        try Tasks.expectAllow(response, contains: ["GET", "POST"])
    }

    Check(
        "400, 415 and 422 are problem documents; 422 keeps its errors list, 415 its Accept-Patch",
        needs: problemShape
    ) { t in
        try expectShape(
            try t.http.send(
                .post, "/tasks", headers: ["Content-Type": "application/json"], body: Data("{".utf8)),
            status: 400)
        try expectShape(
            try t.http.send(
                .post, "/tasks", headers: ["Content-Type": "text/plain"], body: Data(#"{"title": "x"}"#.utf8)),
            status: 415)
        let invalid = try t.http.post("/tasks", json: ["title": "", "due": "someday"])
        try expectShape(invalid, status: 422)
        try Tasks.expectValidation(
            invalid, fields: ["title", "due"],
            hint: "Keep the error's extensions: error.response(instance:) includes the errors list.")
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Check the error shapes")))
        let patch = try t.http.patch("/tasks/\(id)", json: ["title": "x"], contentType: "application/json")
        try expectShape(patch, status: 415)
        try patch.expectHeader(
            "Accept-Patch", hint: "error.response(instance:) keeps the Accept-Patch header of the 415.")
    }

    Check(
        "a crash answers 500 as a problem document that reveals nothing about the code",
        hint:
            "Never put \"\\(error)\" into an answer: it shows your SQL, table names and file paths to anyone. Answer a fixed text with the request id, and write the real error to the log.",
        needs: problemShape
    ) { t in
        let response = try t.http.get("/debug/fail").expectStatus(500)
        let body = response.text.lowercased()
        for leak in leaks where body.contains(leak) {
            throw response.failure(
                "the 500 answer contains \"\(leak)\": it shows the client how the server is built. Send a general message and the request id instead."
            )
        }
        let problem = try expectShape(response, status: 500)
        let id = response.headers["X-Request-Id"] ?? ""
        try require(
            !id.isEmpty && response.text.contains(id),
            "expected the 500 answer to include the request id (\(id)), so a user can quote it when they report the problem; got \(problem.description)",
            hint:
                "Put request.id into the detail, or into a \"requestId\" member (HTTPError(..., extensions: [\"requestId\": .string(request.id)])).",
            response: response)
    }

    Check(
        "the real error of a 500 is written to the server log, with the request id",
        hint:
            "Log the error before you answer: request.logger.error(\"...\\(error)\"). The request's logger adds the request id to the line, so the team can find the error from the id a user quotes."
    ) { t in
        let response = try t.http.get("/debug/fail", headers: ["X-Request-Id": "grader-crash-0001"])
        try response.expectStatus(500)
        let id = "grader-crash-0001"
        // One log entry is its first line (which carries request_id=...) and the indented lines
        // that continue a long message. BackendKit's own access line ("GET /debug/fail 500 ...")
        // has the id too, but not the error: only the server's own error line counts.
        func entries() -> [String] {
            var found: [String] = []
            for line in t.serverOutput.split(separator: "\n").map(String.init) {
                if line.hasPrefix(" "), let last = found.popLast() {
                    found.append(last + "\n" + line)
                } else {
                    found.append(line)
                }
            }
            return found.filter { $0.contains(id) }
        }
        func isTheError(_ entry: String) -> Bool {
            entry.contains("internal_audit_log") || entry.contains("no such table")
        }
        // The server writes the line before it answers, but its output reaches the grader through a
        // pipe: give the last lines a moment to arrive.
        var withID = entries()
        for _ in 0..<40 where !withID.contains(where: isTheError) {
            Thread.sleep(forTimeInterval: 0.05)
            withID = entries()
        }
        try require(
            withID.contains(where: isTheError),
            "expected one log entry with both the request id \(id) and the real error (no such table: internal_audit_log); the entries with that id are:\n"
                + (withID.isEmpty ? ["    (none)"] : withID.map { "    " + $0 }).joined(separator: "\n"),
            hint: withID.isEmpty
                ? nil
                : "Only BackendKit's access line has the id. print(...) writes a line without it, so nobody can find the error from the id a user quotes: log with request.logger.error(\"...\\(error)\"), which adds request_id= to the line."
        )
    }

    Check(
        "every answer has an X-Request-Id header: 200, 201, 204, 304, 404, 405, 500 and HEAD",
        hint:
            "Add the header to the response in the middleware, for successful answers and for errors alike.",
        needs: problemShape
    ) { t in
        let created = try t.http.post("/tasks", json: Tasks.draft("Every answer has an id")).expectStatus(201)
        try expectRequestID(created)
        let id = try Tasks.id(of: try created.json(), in: created)
        let read = try t.http.get("/tasks/\(id)").expectStatus(200)
        try expectRequestID(read)
        try expectRequestID(try t.http.head("/tasks/\(id)").expectStatus(200))
        try expectRequestID(
            try t.http.get("/tasks/\(id)", headers: ["If-None-Match": read.headers["ETag"] ?? "*"])
                .expectStatus(304))
        try expectRequestID(try t.http.get("/health").expectStatus(200))
        try expectRequestID(try t.http.get("/tasks").expectStatus(200))
        try expectRequestID(try t.http.delete("/tasks/\(id)").expectStatus(204))
        try expectRequestID(try t.http.get("/tasks/\(id)").expectStatus(404))
        try expectRequestID(try t.http.patch("/health", json: [:]).expectStatus(405))
        try expectRequestID(try t.http.get("/debug/fail").expectStatus(500))
    }

    Check(
        "a client's valid X-Request-Id comes back unchanged; an invalid one is replaced",
        hint:
            "Use request.id: BackendKit takes the client's X-Request-Id when it is short and made of letters, digits, '-', '.' and '_', and makes a new one otherwise.",
        needs: "every answer has an X-Request-Id header: 200, 201, 204, 304, 404, 405, 500 and HEAD"
    ) { t in
        let mine = try t.http.get("/health", headers: ["X-Request-Id": "app-7f3a-42"]).expectStatus(200)
        try requireEqual(
            mine.headers["X-Request-Id"], "app-7f3a-42", "the X-Request-Id of the answer", response: mine)
        let invalid = try t.http.get("/health", headers: ["X-Request-Id": "<script>alert(1)</script>"])
            .expectStatus(200)
        let replaced = invalid.headers["X-Request-Id"] ?? ""
        try require(
            !replaced.isEmpty && replaced != "<script>alert(1)</script>",
            "expected an invalid X-Request-Id to be replaced by a new id, got \"\(replaced)\"",
            response: invalid)
        let a = try t.http.get("/health").headers["X-Request-Id"]
        let b = try t.http.get("/health").headers["X-Request-Id"]
        try require(
            a != nil && a != b,
            "expected two requests without an id to get two different ids, got \(a ?? "none") and \(b ?? "none")"
        )
    }

    Check(
        "without TASKS_DEBUG=1 the debug route does not exist",
        needs: problemShape
    ) { t in
        try t.startServer(environment: ["TASKS_DEBUG": "0"])
        try expectShape(try t.http.get("/debug/fail"), status: 404)
    }
}
