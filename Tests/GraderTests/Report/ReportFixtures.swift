@testable import Grader

/// Grading runs to render: one of each kind the learner meets, built with defaults so a test only
/// spells out what it is about.
enum ReportFixtures {
    // MARK: Building blocks

    static func check(
        _ name: String,
        _ status: CheckResult.Status = .pass,
        points: Int = 1,
        message: String? = nil,
        hint: String? = nil,
        exchange: HTTPExchange? = nil,
        duration: Double = 0.012
    ) -> CheckResult {
        CheckResult(
            name: name, status: status, points: points, message: message, hint: hint, exchange: exchange,
            duration: duration
        )
    }

    static func request(
        _ method: String = "GET",
        _ target: String = "/books",
        headers: [(String, String)] = [("Accept", "application/json")],
        body: String? = nil
    ) -> HTTPExchange.Request {
        HTTPExchange.Request(
            method: method, target: target, headers: headers.map { HTTPExchange.Header($0.0, $0.1) },
            body: body
        )
    }

    static func response(
        _ status: Int = 200,
        _ reason: String = "OK",
        headers: [(String, String)] = [("Content-Type", "application/json; charset=utf-8")],
        body: String? = nil,
        bodyBytesOmitted: Int = 0
    ) -> HTTPExchange.Response {
        HTTPExchange.Response(
            status: status, reason: reason, headers: headers.map { HTTPExchange.Header($0.0, $0.1) },
            body: body,
            bodyBytesOmitted: bodyBytesOmitted
        )
    }

    static func exchange(
        _ request: HTTPExchange.Request = request(),
        _ response: HTTPExchange.Response? = response(),
        problem: String? = nil
    ) -> HTTPExchange {
        HTTPExchange(request: request, response: response, problem: problem)
    }

    // MARK: Whole runs

    /// db02-insert: five checks, all passed.
    static func passingRun() -> GradeReport {
        GradeReport(
            exercise: "db02-insert",
            status: .pass,
            checks: [
                check("POST /books answers 201 Created", duration: 0.021),
                check("the new book is in the database", duration: 0.004),
                check("the answer holds the new book's id", duration: 0.003),
                check("a book without a title is refused with 400", duration: 0.006),
                check("a quote in the title is stored as written", points: 2, duration: 0.008),
            ],
            serverLog: CapturedOutput(head: "Listening on http://127.0.0.1:41234\n"),
            duration: 0.318
        )
    }

    /// db03-filters: two checks pass, the third gets the books in the wrong order, the fourth is skipped.
    /// The server flooded its log, so the capture dropped a megabyte in the middle.
    static func failingRun() -> GradeReport {
        let books =
            #"[{"author":"Alan Moore","id":3,"title":"Watchmen","year":1987},"#
            + #"{"author":"Frank Herbert","id":1,"title":"Dune","year":1965},"#
            + #"{"author":"Neil Gaiman","id":2,"title":"American Gods","year":2001}]"#
        let exchange = exchange(
            request("GET", "/books?sort=year"),
            response(
                headers: [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", "192")],
                body: books)
        )
        return GradeReport(
            exercise: "db03-filters",
            status: .fail,
            checks: [
                check("GET /books lists every book", duration: 0.014),
                check("?author= filters by author", duration: 0.009),
                check(
                    "?sort=year orders by year", .fail,
                    message: "expected the books ordered by year, got 1987, 1965, 2001",
                    hint: "ORDER BY needs the column name in the SQL text, so pick it from a fixed list.",
                    exchange: exchange, duration: 0.011
                ),
                check("?sort=title,year is refused", .skipped, duration: 0),
            ],
            serverLog: CapturedOutput(
                head: "Listening on http://127.0.0.1:41234\n"
                    + "2026-11-29T05:11:06.101Z DEBUG row id=1\n"
                    + "2026-11-29T05:11:06.101Z DEBUG row id=2\n",
                tail: "DEBUG row id=98302\n"
                    + "2026-11-29T05:11:06.122Z DEBUG row id=98303\n"
                    + "2026-11-29T05:11:06.123Z INFO  GET /books 200 0.42ms request_id=7\n"
                    + "2026-11-29T05:11:06.131Z INFO  GET /books 200 0.38ms request_id=8\n"
                    + "2026-11-29T05:11:06.140Z INFO  GET /books 200 0.51ms request_id=9\n",
                omittedBytes: 1_048_576
            ),
            duration: 0.842
        )
    }

    /// api01-health: the status is wrong, so the checks that need it are not checked; the last one
    /// needed a set-up that failed after that failure. The failed check has a replay script.
    static func notCheckedRun() -> GradeReport {
        let answers = "GET /health answers 200 OK"
        let needsStatus = "“\(answers)”"
        var failed = check(
            answers, .fail, message: "expected status 200 OK, got 201 Created",
            hint: "200 OK means \"it worked\".",
            exchange: exchange(
                request("GET", "/health"),
                response(201, "Created", body: #"{"status":"ok"}"#)),
            duration: 0.009)
        failed.replayScript = "/home/ayu/backendlings/workspace/.backendlings/repro/api01-health/check-01.sh"
        return GradeReport(
            exercise: "api01-health",
            status: .fail,
            checks: [
                failed,
                notChecked(
                    "GET /health says its body is JSON (Content-Type: application/json)", needs: needsStatus),
                notChecked(
                    "the body of GET /health is the JSON object {\"status\": \"ok\"}", needs: needsStatus),
                notChecked("HEAD /health answers 200 with the headers and no body", needs: needsStatus),
                check("GET /healthz (a path with no route) answers 404 Not Found", duration: 0.004),
                notChecked("GET /tasks/:id answers 200 with the task", needs: "POST /tasks to create a task"),
            ],
            serverLog: CapturedOutput(
                head: "Listening on http://127.0.0.1:41234\n"
                    + "2026-11-29T05:11:06.123Z INFO  GET /health 201 0.31ms request_id=1\n"),
            duration: 0.201
        )
    }

    static func notChecked(_ name: String, needs: String) -> CheckResult {
        CheckResult(
            name: name, status: .skipped, message: "Not checked: it needs \(needs).", duration: 0,
            needs: needs)
    }

    /// db02-insert-fetch: a nil unwrap in a handler crashed the server during the second check; the
    /// third found it stopped. The log holds the runtime's whole crash report.
    static func crashedRun(log: String) -> GradeReport {
        let crash = ServerCrash(
            message: [
                "db02_insert_fetch/BookStore.swift:8: Fatal error: Unexpectedly found nil while unwrapping an Optional value"
            ],
            kind: "Illegal instruction",
            location: ServerCrash.Location(
                file: "01-databases/02-insert-fetch/BookStore.swift", line: 8, column: 21,
                function: "BookStore.find(id:)", source: "return title!"))
        var crashed = check(
            "GET /books/:id answers 404 for a book that does not exist", .fail,
            message:
                "GET /books/7 → no response: your server closed the connection without answering. Your server crashed (killed by signal SIGILL: a Swift runtime error such as a force-unwrapped nil, an index out of range or a failed precondition) while the checks were running.",
            exchange: exchange(
                request("GET", "/books/7"), nil,
                problem: "no response: your server closed the connection without answering."),
            duration: 0.152)
        crashed.crash = crash
        crashed.serverLog = CapturedOutput(head: log)
        crashed.replayScript =
            "/home/ayu/backendlings/workspace/.backendlings/repro/db02-insert-fetch/check-02.sh"
        return GradeReport(
            exercise: "db02-insert-fetch",
            status: .fail,
            checks: [
                check("GET /books/:id answers 200 with the book", duration: 0.011),
                crashed,
                notChecked(
                    "every book is still in the books table",
                    needs:
                        "your server, which stopped during “GET /books/:id answers 404 for a book that does not exist”"
                ),
            ],
            serverLog: CapturedOutput(head: log),
            duration: 0.402
        )
    }

    /// db01-schema: the server stopped before it listened; its log says why.
    static func erroringRun() -> GradeReport {
        GradeReport(
            exercise: "db01-schema",
            status: .error,
            message: "Your server exited with status 1 before it started listening.",
            serverLog: CapturedOutput(
                head:
                    "2026-11-29T05:11:06.101Z INFO  opening database path=/tmp/backendlings-7f3a/books.sqlite\n"
                    + #"2026-11-29T05:11:06.104Z ERROR could not create the books table: near "CREAT": syntax error "#
                    + #"sql="CREAT TABLE books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)""# + "\n"
            ),
            duration: 1.25
        )
    }

    /// db01-schema: the learner's code did not compile; the message is 100 lines of compiler output.
    static func compilerErrorRun() -> GradeReport {
        GradeReport(
            exercise: "db01-schema",
            status: .error,
            message: compilerOutput(lines: 100),
            duration: 14.5
        )
    }

    /// Compiler output `lines` lines long: headline, then groups of error, source line and caret.
    static func compilerOutput(lines count: Int) -> String {
        var lines = ["Your code did not compile. The compiler said:"]
        var number = 0
        while lines.count < count {
            number += 1
            let group = [
                "01-databases/01-schema/BookStore.swift:\(10 + number):17: error: cannot find 'databse' in scope",
                "    try databse.execute(\"CREATE TABLE books (id INTEGER PRIMARY KEY)\")",
                "        ^~~~~~~",
            ]
            lines += group.prefix(count - lines.count)
        }
        return lines.joined(separator: "\n")
    }
}
