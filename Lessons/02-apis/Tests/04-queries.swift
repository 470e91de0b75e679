import BackendKit
import Foundation
import GraderKit

/// The 25 tasks the query checks work on, created once through the API.
private enum Seed {
    struct Row: Sendable {
        var id: Int
        var title: String
        var status: String
        var assignee: String?
        var due: String?
        var dueKey: String { due ?? "9999-12-31" }
    }

    static let titles = [
        "Mangga", "Apel", "Durian", "Kelapa", "Bayam", "Jeruk", "Salak", "Nanas", "Pepaya", "Rambutan",
        "Cabai", "Duku", "Gula",
        "Garam", "Kopi", "Teh", "Susu", "Tahu", "Tempe", "Sambal", "Lontong", "Bakso", "Soto", "Rendang",
        "Sate",
    ]

    private static let rows = Locked<[Row]>([])

    /// The seeded tasks, oldest first; creates them on the first call.
    static func ensure(_ t: TestContext) throws -> [Row] {
        if let existing = rows.value, !existing.isEmpty { return existing }
        var created: [Row] = []
        for (index, title) in titles.enumerated() {
            let status = ["todo", "doing", "done"][index % 3]
            let assignee = ["dewi", "budi", "sari", nil][index % 4]
            let due = index % 5 == 0 ? nil : String(format: "2026-12-%02d", (index * 7) % 28 + 1)
            let task = try Tasks.create(t, Tasks.draft(title, status: status, assignee: assignee, due: due))
            created.append(
                Row(id: try Tasks.id(of: task), title: title, status: status, assignee: assignee, due: due))
        }
        rows.value = created
        return created
    }
}

/// One page of `GET /tasks`: its ids and its next link.
private struct Page {
    var ids: [Int]
    var next: String?
    var response: ClientResponse
}

/// One page of `GET /tasks`. When it cannot be read after an earlier check has failed, the check is
/// "not checked (needs GET /tasks to answer a page of tasks)" rather than one more ✗.
private func page(_ t: TestContext, _ target: String) throws -> Page {
    try given("GET /tasks to answer a page of tasks") {
        let response = try t.http.get(target).expectStatus(200)
        let body = try response.json()
        guard let items = body["items"]?.array else {
            throw response.failure(
                "expected a JSON object with an \"items\" list, got \(body.kindDescription)")
        }
        let ids = try items.map { try Tasks.id(of: $0, in: response) }
        let next: String?
        switch body["next"] {
        case .string(let link)?: next = link
        case .null?: next = nil
        default:
            throw response.failure(
                "expected a \"next\" member: the next page's address, or null on the last page",
                hint:
                    "ListQuery.nextLink must return the link when there is a next page; TaskList sends null when it is nil."
            )
        }
        return Page(ids: ids, next: next, response: response)
    }
}

/// Follows next links from `target` to the end; returns every id in order. Every page but the last
/// must hold `pageSize` tasks, the limit the client asked for.
private func walk(_ t: TestContext, _ target: String, pageSize: Int, maxPages: Int = 30) throws -> [Int] {
    var ids: [Int] = []
    var current: String? = target
    var pages = 0
    while let link = current {
        pages += 1
        if pages > maxPages {
            try fail(
                "followed \(maxPages) next links from \(target) and the list did not end; the next link must move forward (use the cursor of the last task on the page)"
            )
        }
        let result = try page(t, Tasks.target(ofLink: link))
        if result.ids.count > pageSize || (result.next != nil && result.ids.count != pageSize) {
            throw result.response.failure(
                "expected \(pageSize) tasks on page \(pages) of \(target) (the client's limit), got \(result.ids.count)",
                hint:
                    "The next link must carry limit= too: the client chose the page size once, and every page keeps it."
            )
        }
        ids += result.ids
        current = result.next
    }
    return ids
}

private func describe(_ ids: [Int], _ rows: [Seed.Row]) -> String {
    ids.map { id in rows.first { $0.id == id }.map { "\($0.title) (\(id))" } ?? "\(id)" }.joined(
        separator: ", ")
}

let queries = ExerciseTests("api04-queries") {
    Check(
        "GET /tasks answers the first 20 tasks, oldest first, and a next link",
        hint:
            "Without a limit the page holds 20 tasks. nextLink must return \"/tasks?\" + QueryString.make(...) with the cursor's token when there is a next page."
    ) { t in
        let rows = try Seed.ensure(t)
        let first = try page(t, "/tasks")
        try requireEqual(
            first.ids, Array(rows.prefix(20).map(\.id)), "the ids on the first page", response: first.response
        )
        try require(
            first.next != nil, "expected a next link (there are 25 tasks and a page holds 20), got null",
            response: first.response)
    }

    Check("?status=done lists only the tasks that are done") { t in
        let rows = try Seed.ensure(t)
        let result = try page(t, "/tasks?status=done&limit=50")
        try requireEqual(
            result.ids, rows.filter { $0.status == "done" }.map(\.id), "the ids of the done tasks",
            hint: "Read parameters[\"status\"], turn it into a TaskStatus and put it into query.status.",
            response: result.response)
    }

    Check(
        "?assignee=dewi&status=todo combines both filters",
        needs: "?status=done lists only the tasks that are done"
    ) { t in
        let rows = try Seed.ensure(t)
        let dewi = try page(t, "/tasks?assignee=dewi&limit=50")
        try requireEqual(
            dewi.ids, rows.filter { $0.assignee == "dewi" }.map(\.id), "the ids of Dewi's tasks",
            response: dewi.response)
        let both = try page(t, "/tasks?status=todo&assignee=dewi&limit=50")
        try requireEqual(
            both.ids, rows.filter { $0.assignee == "dewi" && $0.status == "todo" }.map(\.id),
            "the ids of Dewi's tasks to do", response: both.response)
    }

    Check(
        "a filter value that is not allowed answers 400, not an empty or a full list",
        hint:
            "An unknown status is a client mistake (a typo such as \"dnoe\"). Answering every task, or none, hides it. Throw HTTPError.badRequest naming the parameter and the allowed values."
    ) { t in
        _ = try Seed.ensure(t)
        for target in [
            "/tasks?status=later", "/tasks?status=DONE", "/tasks?status=", "/tasks?assignee=Dewi%20Lestari",
            "/tasks?assignee=",
        ] {
            let response = try t.http.get(target)
            try Tasks.expectNot500(response, sent: "the query of \(target)")
            try response.expectProblem(status: 400)
        }
    }

    Check("?sort=title sorts A to Z, ?sort=-title Z to A, and ?sort=due puts tasks without a date last") {
        t in
        let rows = try Seed.ensure(t)
        let byTitle = rows.sorted { $0.title < $1.title }.map(\.id)
        let up = try page(t, "/tasks?sort=title&limit=50")
        try require(
            up.ids == byTitle,
            "expected the tasks sorted by title A to Z: \(describe(byTitle, rows)); got \(describe(up.ids, rows))",
            hint: "TaskSort(parameter:) reads \"title\" and \"-title\"; put the result into query.sort.",
            response: up.response)
        let down = try page(t, "/tasks?sort=-title&limit=50")
        try require(
            down.ids == byTitle.reversed(),
            "expected the tasks sorted by title Z to A, got \(describe(down.ids, rows))",
            response: down.response)
        let byDue = rows.sorted { ($0.dueKey, $0.id) < ($1.dueKey, $1.id) }.map(\.id)
        let due = try page(t, "/tasks?sort=due&limit=50")
        try require(
            due.ids == byDue,
            "expected the tasks sorted by due date, tasks without one last: \(describe(byDue, rows)); got \(describe(due.ids, rows))",
            response: due.response)
    }

    Check(
        "sorting by a field that is not allowed answers 400",
        hint:
            "Only id, title and due may be sorted on. A sort value must never reach the SQL text: TaskSort(parameter:) returns nil for anything else, and then the answer is 400.",
        needs: "?sort=title sorts A to Z, ?sort=-title Z to A, and ?sort=due puts tasks without a date last"
    ) { t in
        _ = try Seed.ensure(t)
        for value in ["assignee", "password", "title;DROP%20TABLE%20tasks", "", "--title", "Title"] {
            let response = try t.http.get("/tasks?sort=\(value)")
            try Tasks.expectNot500(response, sent: "?sort=\(value)")
            try response.expectProblem(status: 400)
        }
        try t.http.get("/tasks").expectStatus(200, hint: "The tasks table must still be there.")
    }

    Check(
        "?limit= sets the page size from 1 to 100; any other value answers 400",
        hint:
            "Read it with try parameters.int(\"limit\") (400 when it is not a whole number), use 20 when it is nil, and refuse anything outside 1...100 with 400. Without a maximum, one request for a million rows can slow the server for everyone."
    ) { t in
        let rows = try Seed.ensure(t)
        let five = try page(t, "/tasks?limit=5")
        try requireEqual(
            five.ids, Array(rows.prefix(5).map(\.id)), "the ids with ?limit=5", response: five.response)
        let hundred = try page(t, "/tasks?limit=100")
        try requireEqual(
            hundred.ids.count, rows.count, "the number of tasks with ?limit=100", response: hundred.response)
        try require(
            hundred.next == nil,
            "expected next to be null when every task fits on the page, got \(hundred.next ?? "")",
            response: hundred.response)
        for value in ["0", "-1", "101", "1000000", "abc", "2.5", ""] {
            let response = try t.http.get("/tasks?limit=\(value)")
            try Tasks.expectNot500(response, sent: "?limit=\(value)")
            try response.expectProblem(status: 400)
        }
    }

    Check(
        "following the next links visits every task exactly once, in order, with the filters kept",
        hint:
            "The next link must repeat the client's status, assignee, sort and limit, and add cursor=<token>. The last page's next is null.",
        needs: "GET /tasks answers the first 20 tasks, oldest first, and a next link"
    ) { t in
        let rows = try Seed.ensure(t)
        let todo = rows.filter { $0.status == "todo" }.sorted { $0.title < $1.title }.map(\.id)
        let walked = try walk(t, "/tasks?status=todo&sort=title&limit=3", pageSize: 3)
        try require(
            walked == todo,
            "expected the tasks to do, by title, across all pages: \(describe(todo, rows)); got \(describe(walked, rows))"
        )
        let everything = try walk(t, "/tasks?sort=-due&limit=7", pageSize: 7)
        let byDue = rows.sorted { ($0.dueKey, $0.id) > ($1.dueKey, $1.id) }.map(\.id)
        try require(
            everything == byDue,
            "expected every task by due date, latest first, across all pages: \(describe(byDue, rows)); got \(describe(everything, rows))"
        )
    }

    Check(
        "a cursor that this server did not make answers 400",
        hint:
            "TaskCursor(token:) returns nil for a token it cannot read; answer 400 then, instead of starting again at the first page.",
        needs: "following the next links visits every task exactly once, in order, with the filters kept"
    ) { t in
        _ = try Seed.ensure(t)
        for value in ["abc", "eyJ", "%25%25%25", "eyJpZCI6MX0"] {
            let response = try t.http.get("/tasks?cursor=\(value)")
            try Tasks.expectNot500(response, sent: "?cursor=\(value)")
            try response.expectProblem(status: 400)
        }
    }

    Check(
        "a cursor made for another sort order answers 400",
        hint:
            "A cursor holds the last task's value of the sort field, so it means nothing in another order: a title is not a due date. Refuse the token when cursor.sort is not the sort of this request.",
        needs: "a cursor that this server did not make answers 400"
    ) { t in
        _ = try Seed.ensure(t)
        let byTitle = try page(t, "/tasks?sort=title&limit=5")
        let next = try requireValue(
            byTitle.next, "expected a next link after the first 5 of 25 tasks by title, got null")
        let token = try requireValue(
            URLComponents(string: Tasks.target(ofLink: next))?.queryItems?.first { $0.name == "cursor" }?
                .value,
            "expected the next link \(next) to carry a cursor= parameter")
        let encoded = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? token
        for target in ["/tasks?sort=due&limit=5&cursor=\(encoded)", "/tasks?limit=5&cursor=\(encoded)"] {
            let response = try t.http.get(target)
            try Tasks.expectNot500(response, sent: "a cursor made for ?sort=title")
            try response.expectProblem(status: 400)
        }
    }

    Check(
        "deleting a task between two pages does not make the next page skip a task (runs last)",
        hint:
            "The next page must start after the last task shown (its cursor), not at \"row number 5\". TaskStore.list does this when you pass query.cursor from the token.",
        needs: "following the next links visits every task exactly once, in order, with the filters kept"
    ) { t in
        let rows = try Seed.ensure(t)
        let first = try page(t, "/tasks?limit=5")
        let next = try requireValue(
            first.next, "expected a next link after the first 5 of 25 tasks, got null")
        guard let lastShown = first.ids.last else { try fail("expected 5 tasks on the first page, got none") }
        try t.http.delete("/tasks/\(lastShown)").expectStatus(204)
        let second = try page(t, Tasks.target(ofLink: next))
        let expected = Array(rows.map(\.id).drop { $0 != lastShown }.dropFirst().prefix(5))
        try require(
            second.ids == expected,
            "expected the second page to start with the 6th task after the 5th was deleted: \(describe(expected, rows)); got \(describe(second.ids, rows))",
            response: second.response)
    }
}
