import Testing

@testable import Runner

/// The mutation operators on small pieces of code, compared as the one-line diffs `dev mutants`
/// shows.
struct MutationCatalogTests {
    private func mutants(_ source: String) -> [String] {
        let catalog = MutationCatalog(file: "File.swift", text: source)
        return catalog.mutations().map { mutation in
            let diff = MutationDiff(
                original: catalog.map.bytes, mutated: mutation.apply(to: catalog.map.bytes))
            return "\(mutation.kind.rawValue): " + diff.lines().joined(separator: " ")
        }
    }

    @Test func statusCodes_areSwappedForTheirNeighbours() {
        #expect(
            mutants("func f() throws -> Response {\n    return try .created(task, location: path)\n}\n") == [
                "swap a status code: - return try .created(task, location: path) + return try .json(task).with(\"Location\", path)",
                "drop a header: - return try .created(task, location: path) + return try .json(task, status: .created)",
            ])
        #expect(
            mutants("let e = HTTPError.notFound(\"x\")\nlet s: HTTPStatus = .preconditionFailed\n") == [
                "swap a status code: - let e = HTTPError.notFound(\"x\") + let e = HTTPError.badRequest(\"x\")",
                "swap a status code: - let s: HTTPStatus = .preconditionFailed + let s: HTTPStatus = .conflict",
            ])
        #expect(
            mutants("let saved = Saved(status: 201)\nlet limit = 200\n") == [
                "swap a status code: - let saved = Saved(status: 201) + let saved = Saved(status: 200)"
            ])
    }

    @Test func conditions_areTurnedRoundOrLoosened_inCodeOnly() {
        #expect(
            mutants("let ok = a <= b && c == d // a == b\nlet text = \"a == b\"\n") == [
                "change a condition: - let ok = a <= b && c == d // a == b + let ok = a <= b && c != d // a == b",
                "change a condition: - let ok = a <= b && c == d // a == b + let ok = a < b && c == d // a == b",
                "change a condition: - let ok = a <= b && c == d // a == b + let ok = a <= b || c == d // a == b",
            ])
    }

    @Test func boundValues_arePastedIntoTheSQL() {
        #expect(
            mutants(
                "func f() throws {\n    _ = try db.queryOne(\"SELECT * FROM t WHERE a = ? AND b = ?\", a, b)\n}\n"
            )
            .filter { $0.hasPrefix("paste") } == [
                "paste a bound value into the SQL: - _ = try db.queryOne(\"SELECT * FROM t WHERE a = ? AND b = ?\", a, b) + _ = try db.queryOne(\"SELECT * FROM t WHERE a = '\\(a)' AND b = ?\", b)",
                "paste a bound value into the SQL: - _ = try db.queryOne(\"SELECT * FROM t WHERE a = ? AND b = ?\", a, b) + _ = try db.queryOne(\"SELECT * FROM t WHERE a = ? AND b = '\\(b)'\", a)",
            ])
        #expect(
            mutants("func f() {\n    conditions.append(\"author = ?\")\n    values.append(author)\n}\n")
                .filter { $0.hasPrefix("paste") } == [
                    "paste a bound value into the SQL: - conditions.append(\"author = ?\") - values.append(author) + conditions.append(\"author = '\\(author)'\")"
                ])
    }

    @Test func schemaRules_areDroppedOneAtATime() {
        let schema =
            "let sql = \"\"\"\n    CREATE TABLE IF NOT EXISTS t (\n        a TEXT NOT NULL UNIQUE,\n        b INTEGER DEFAULT 1 CHECK (b >= 0)\n    )\n    \"\"\"\n"
        #expect(
            mutants(schema).filter { $0.hasPrefix("drop a SQL rule") } == [
                "drop a SQL rule: - a TEXT NOT NULL UNIQUE, + a TEXT UNIQUE,",
                "drop a SQL rule: - a TEXT NOT NULL UNIQUE, + a TEXT NOT NULL,",
                "drop a SQL rule: - CREATE TABLE IF NOT EXISTS t ( + CREATE TABLE t (",
                "drop a SQL rule: - b INTEGER DEFAULT 1 CHECK (b >= 0) + b INTEGER CHECK (b >= 0)",
                "drop a SQL rule: - b INTEGER DEFAULT 1 CHECK (b >= 0) + b INTEGER DEFAULT 1",
            ])
        #expect(
            mutants(schema).filter { $0.hasPrefix("drop a line of SQL") } == [
                "drop a line of SQL: - a TEXT NOT NULL UNIQUE,"
            ])
    }

    @Test func aTransaction_isRemoved_keepingItsBody() {
        #expect(
            mutants(
                "func f() throws -> Int {\n    try database.transaction { tx in\n        try g(tx)\n    }\n}\n"
            )
            .filter { $0.hasPrefix("remove") } == [
                "remove a transaction: - try database.transaction { tx in - try g(tx) - } + try { tx in + try g(tx) + }(database)"
            ])
    }

    @Test func headers_areDropped() {
        #expect(
            mutants(
                "func f() -> Response {\n    Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\")\n}\n"
            ) == [
                "swap a status code: - Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\") + Response(status: .created, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\")",
                "swap a status code: - Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\") + Response(status: .noContent, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\")",
                "swap a status code: - Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\") + Response(status: .notModified, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\")",
                "drop a header: - Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\") + Response(status: .ok, headers: [\"ETag\": tag])",
                "drop a header: - Response(status: .ok, headers: [\"ETag\": tag]).with(\"Vary\", \"Accept\") + Response(status: .ok, headers: [:]).with(\"Vary\", \"Accept\")",
            ])
        #expect(
            mutants("func f() {\n    response.headers[\"X-Request-Id\"] = id\n    log()\n}\n") == [
                "drop a header: - response.headers[\"X-Request-Id\"] = id",
                "drop a statement: - log()",
            ])
    }

    @Test func statements_areDropped_exceptThoseWhoseRemovalCannotCompile() {
        let source = """
            func f() throws -> Int {
                guard let x = y else {
                    throw E.x
                }
                if x > 1 {
                    count += 1
                }
                return x
            }
            func g() -> Int {
                42
            }

            """
        #expect(
            mutants(source).filter { $0.hasPrefix("drop") } == [
                "drop a statement: - if x > 1 { - count += 1 - }",
                "drop a statement: - count += 1",
            ])
    }

    @Test func theSample_isTheSameForTheSameSeed_andTakesOperatorsInTurn() {
        let catalog = MutationCatalog(
            file: "F.swift", text: "let a = b == c\nlet d = e == f\nlet s = Saved(status: 201)\n")
        let all = catalog.mutations()
        let first = MutantSample.take(all, maximum: 2, seed: 7)
        #expect(first == MutantSample.take(all, maximum: 2, seed: 7))
        #expect(Set(first.map(\.kind)) == [.statusCode, .condition])
        #expect(MutantSample.take(all, maximum: 10, seed: 7) == all)
    }
}
