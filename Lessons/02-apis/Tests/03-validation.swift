import BackendKit
import Foundation
import GraderKit

private let json: HTTPHeaders = ["Content-Type": "application/json"]

let validation = ExerciseTests("api03-validation") {
    Check("a valid task is still created (201), with its title exactly as sent") { t in
        let response = try t.http.post(
            "/tasks",
            json: Tasks.draft(
                "Rapat evaluasi — Q4 ✅", status: "doing", assignee: "budi.santoso", due: "2028-02-29"))
        try response.expectStatus(
            201,
            hints: [
                422:
                    "A valid task was refused. 2028-02-29 is a real date (2028 is a leap year), and budi.santoso is a valid username.",
                501:
                    "Finish the TODO in TaskInput.draft(from:): return a TaskDraft when every field is valid.",
            ])
        try requireEqual(
            try response.json()["title"]?.string, "Rapat evaluasi — Q4 ✅", "the stored title",
            response: response)
        try requireEqual(
            try response.json()["status"]?.string, "doing", "the stored status (\"doing\" was sent)",
            response: response)
        let tricky = "O'Reilly: Robert'); DROP TABLE tasks;-- 100% \"done\""
        let stored = try t.http.post("/tasks", json: Tasks.draft(tricky)).expectStatus(201)
        let id = try Tasks.id(of: try stored.json(), in: stored)
        let fetched = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try fetched.json()["title"]?.string, tricky, "the title with quotes and SQL in it, read back",
            response: fetched)
    }

    Check(
        "null for assignee or due means \"none\": the task is created (201)",
        hint:
            "The rules say assignee and due are \"optional or null\": a client that clears a field sends \"assignee\": null. Treat .null like a missing field (no assignee, no due date), not as a value of the wrong type.",
        needs: "a valid task is still created (201), with its title exactly as sent"
    ) { t in
        let body: JSONValue = ["title": "Water the plants", "assignee": .null, "due": .null]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(response, sent: "a task with \"assignee\": null and \"due\": null")
        try response.expectStatus(201)
        let task = try response.json()
        try requireEqual(task["assignee"] ?? .null, .null, "the assignee of the new task", response: response)
        try requireEqual(task["due"] ?? .null, .null, "the due date of the new task", response: response)
    }

    Check(
        "a title is stored without the spaces at its ends, and a title of only spaces answers 422",
        hint:
            "Trim first (text.trimmingCharacters(in: .whitespacesAndNewlines)), then check the trimmed title and store that same trimmed title, not the text as sent.",
        needs: "a valid task is still created (201), with its title exactly as sent"
    ) { t in
        let response = try t.http.post("/tasks", json: Tasks.draft("  Call the printer repair shop \n"))
        try response.expectStatus(201)
        try requireEqual(
            try response.json()["title"]?.string, "Call the printer repair shop",
            "the stored title of \"  Call the printer repair shop \\n\"", response: response)
        let blank = try t.http.post("/tasks", json: Tasks.draft(" \t \n "))
        try Tasks.expectNot500(blank, sent: "a title of only spaces")
        try Tasks.expectValidation(blank, fields: ["title"])
    }

    Check(
        "a body that is not JSON answers 400 Bad Request as a problem document",
        hint:
            "request.json() throws 400 Bad Request when the body is not JSON. Parse the body with it before you check the fields."
    ) { t in
        let response = try t.http.send(
            .post, "/tasks", headers: json, body: Data(#"{"title": "Buy milk","#.utf8))
        try Tasks.expectNot500(response, sent: "a body cut off in the middle")
        try response.expectProblem(status: 400)
    }

    Check("a task without a title answers 422 with an error for the field title") { t in
        let response = try t.http.post("/tasks", json: ["status": "todo"])
        try Tasks.expectNot500(response, sent: "a task without a title")
        try Tasks.expectValidation(
            response, fields: ["title"],
            hint:
                "A missing title is a client mistake: add (\"title\", \"is required\") to your list of errors and throw HTTPError.validation(errors)."
        )
    }

    Check(
        "every invalid field is reported at once, not only the first",
        hint:
            "Do not throw at the first problem. Check every field, append each problem to an array of (field, message), and throw HTTPError.validation(errors) once at the end.",
        needs: "a task without a title answers 422 with an error for the field title"
    ) { t in
        let body: JSONValue = [
            "title": "   ", "status": "later", "assignee": "Dewi Lestari!", "due": "2026-02-30",
        ]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(response, sent: "a task with four invalid fields")
        try Tasks.expectValidation(response, fields: ["title", "status", "assignee", "due"])
    }

    Check(
        "fields of the wrong type answer 422 naming each field, never 500",
        needs: "every invalid field is reported at once, not only the first"
    ) { t in
        let body: JSONValue = ["title": 42, "status": true, "assignee": ["dewi"], "due": 20_261_201]
        let response = try t.http.post("/tasks", json: body)
        try Tasks.expectNot500(response, sent: "fields of the wrong type")
        try Tasks.expectValidation(
            response, fields: ["title", "status", "assignee", "due"],
            hint:
                "Look at the kind of each value: body[\"title\"]?.string is nil when the title is a number. That is a 422 for that field, not a crash."
        )
    }

    Check(
        "a title may have 200 characters but not 201",
        hint:
            "Count the characters of the title after trimming spaces (title.count) and refuse more than 200. A character is what a reader sees: \"é\" is one character, though UTF-8 writes it in two bytes, so title.utf8.count is not the length.",
        needs: "a task without a title answers 422 with an error for the field title"
    ) { t in
        try t.http.post("/tasks", json: Tasks.draft(String(repeating: "a", count: 200))).expectStatus(201)
        try t.http.post("/tasks", json: Tasks.draft(String(repeating: "é", count: 200))).expectStatus(
            201)
        let response = try t.http.post("/tasks", json: Tasks.draft(String(repeating: "b", count: 201)))
        try Tasks.expectNot500(response, sent: "a title of 201 characters")
        try Tasks.expectValidation(response, fields: ["title"])
    }

    Check(
        "a body not sent as application/json answers 415 Unsupported Media Type",
        hint:
            "Call try request.requireContentType(\"application/json\") before reading the body. It accepts \"application/json; charset=utf-8\" too."
    ) { t in
        let body = Data(#"{"title": "Buy milk"}"#.utf8)
        let plain = try t.http.send(.post, "/tasks", headers: ["Content-Type": "text/plain"], body: body)
        try plain.expectProblem(status: 415)
        let none = try t.http.send(.post, "/tasks", body: body)
        try none.expectProblem(status: 415)
        try t.http.send(
            .post, "/tasks", headers: ["Content-Type": "application/json; charset=utf-8"], body: body
        )
        .expectStatus(
            201,
            hint:
                "\"application/json; charset=utf-8\" is JSON too: compare the media type without its parameters (request.requireContentType does)."
        )
    }

    Check(
        "PUT checks its body the same way, and an invalid PUT changes nothing",
        needs: "every invalid field is reported at once, not only the first",
        "a body not sent as application/json answers 415 Unsupported Media Type"
    ) { t in
        let id = try Tasks.id(of: try Tasks.create(t, Tasks.draft("Order new laptops", assignee: "sari")))
        let response = try t.http.put("/tasks/\(id)", json: ["title": "", "due": "soon"])
        try Tasks.expectNot500(response, sent: "an invalid PUT body")
        try Tasks.expectValidation(
            response, fields: ["title", "due"],
            hint: "replace reads its body with TaskInput.read(from:) too, so the same rules apply.")
        let stored = try t.http.get("/tasks/\(id)").expectStatus(200)
        try requireEqual(
            try stored.json()["title"]?.string, "Order new laptops", "the title after a refused PUT",
            response: stored)
        let plain = try t.http.send(
            .put, "/tasks/\(id)", headers: ["Content-Type": "text/plain"], body: Data(#"{"title": "x"}"#.utf8)
        )
        try plain.expectProblem(status: 415)
    }

    Check(
        "twenty kinds of bad input never cause a 500, and none of them stores a task",
        hint:
            "Every bad input is the client's mistake: answer 400 (not JSON), 415 (not declared as JSON) or 422 (wrong fields), each as a problem document.",
        needs: "a body that is not JSON answers 400 Bad Request as a problem document",
        "fields of the wrong type answer 422 naming each field, never 500",
        "a body not sent as application/json answers 415 Unsupported Media Type"
    ) { t in
        let before = try Tasks.storedCount(t)
        let bodies: [(Words, Data)] = [
            ("an empty body", Data()),
            ("null", Data("null".utf8)),
            ("an array", Data("[]".utf8)),
            ("a string", Data(#""Buy milk""#.utf8)),
            ("a number", Data("123".utf8)),
            ("an empty object", Data("{}".utf8)),
            ("a null title", Data(#"{"title": null}"#.utf8)),
            ("a title that is an array", Data(#"{"title": ["Buy", "milk"]}"#.utf8)),
            ("a title that is an object", Data(#"{"title": {"text": "Buy milk"}}"#.utf8)),
            ("a null status", Data(#"{"title": "Buy milk", "status": null}"#.utf8)),
            ("a status that is a number", Data(#"{"title": "Buy milk", "status": 2}"#.utf8)),
            ("a due date in words", Data(#"{"title": "Buy milk", "due": "tomorrow"}"#.utf8)),
            ("month 13", Data(#"{"title": "Buy milk", "due": "2026-13-01"}"#.utf8)),
            ("an empty assignee", Data(#"{"title": "Buy milk", "assignee": ""}"#.utf8)),
            (
                "an assignee with SQL in it",
                Data(#"{"title": "Buy milk", "assignee": "x'); DROP TABLE tasks;--"}"#.utf8)
            ),
            ("a huge number", Data(#"{"title": 1e999}"#.utf8)),
            ("bytes that are not UTF-8", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D])),
            ("JSON with single quotes", Data("{'title': 'Buy milk'}".utf8)),
            ("two JSON documents", Data(#"{"title": "a"}{"title": "b"}"#.utf8)),
            (
                "arrays nested 200 deep",
                Data((String(repeating: "[", count: 200) + String(repeating: "]", count: 200)).utf8)
            ),
        ]
        for (name, body) in bodies {
            let response = try t.http.send(.post, "/tasks", headers: json, body: body)
            try Tasks.expectNot500(response, sent: name)
            try response.expectStatus(
                400, 422,
                hint:
                    "For \(name), answer 400 (the body is not JSON) or 422 (it is JSON, but not a valid task)."
            )
            try response.expectContentType(
                "application/problem+json",
                hint: "Throw HTTPError values; BackendKit sends them as application/problem+json.")
        }
        try requireEqual(
            try Tasks.storedCount(t), before,
            "the number of rows in the tasks table after twenty refused requests")
    }
}
