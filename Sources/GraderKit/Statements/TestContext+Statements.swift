import Foundation
import Grader

/// Which SQL a request ran, from BackendKit's statement log: N+1 queries, cache hits, transactions.
///
/// ```swift
/// try t.enableStatementLog()
/// let response = try t.http.get("/authors").expectStatus(200)
/// try t.expectStatements(
///     for: response, atMost: 2,
///     hint: Words("Load the books of all authors in one query.", id: "Muat buku semua penulis dalam satu query."))
/// ```
extension TestContext {
    /// Turns the statement log on for every server started from now on (restarting the main
    /// server when it runs), and tags each request of `t.http` with an `X-Request-Id` so its
    /// statements can be found.
    public func enableStatementLog() throws {
        let wasOn = resources.lock.withLock {
            defer { resources.statementLogEnabled = true }
            return resources.statementLogEnabled
        }
        http.tagsRequests = true
        if !wasOn && isServerRunning { try restartServer() }
    }

    /// Every statement logged so far, in order, from every server of the run.
    public var loggedStatements: [LoggedStatement] {
        get throws { try StatementLogReader.read(resources.statementLogFile) }
    }

    /// The statements the request behind `response` ran.
    public func statements(for response: ClientResponse) throws -> [LoggedStatement] {
        guard resources.lock.withLock({ resources.statementLogEnabled }) else {
            throw CheckFailure(
                Words(
                    "the check reads the statement log without t.enableStatementLog() first",
                    id: "pengecekan ini membaca statement log tanpa memanggil t.enableStatementLog() dulu"
                ))
        }
        guard
            let id = response.exchange.request.headers.first(where: { $0.name.lowercased() == "x-request-id" }
            )?.value
        else {
            throw CheckFailure(
                Words(
                    "the request \(response.requestLine) carried no X-Request-Id, so its statements cannot be found",
                    id:
                        "request \(response.requestLine) tidak membawa X-Request-Id, jadi statement-nya tidak bisa "
                        + "ditemukan"
                ))
        }
        return try loggedStatements.filter { $0.requestID == id }
    }

    /// Fails when the request behind `response` ran more than `limit` statements, listing them.
    @discardableResult
    public func expectStatements(for response: ClientResponse, atMost limit: Int, hint: Words? = nil) throws
        -> [LoggedStatement]
    {
        let found = try statements(for: response)
        guard found.count <= limit else {
            throw response.failure(
                Words(
                    "ran \(found.count) SQL statements; at most \(limit) are needed.",
                    id: "menjalankan \(found.count) statement SQL; paling banyak \(limit) yang dibutuhkan."
                ).text + "\n" + Self.listing(found),
                hint: hint?.text)
        }
        return found
    }

    /// Fails unless every statement the request ran that writes or reads `table` ran inside one
    /// and the same transaction.
    @discardableResult
    public func expectOneTransaction(for response: ClientResponse, hint: Words? = nil) throws
        -> [LoggedStatement]
    {
        let found = try statements(for: response).filter {
            !$0.isBegin && !$0.sql.uppercased().hasPrefix("COMMIT")
        }
        let transactions = Set(found.map { $0.transaction ?? "none" })
        guard transactions.count == 1, transactions.first != "none" else {
            throw response.failure(
                Words(
                    "its statements did not all run in one transaction.",
                    id: "statement-nya tidak semuanya berjalan di satu transaction."
                ).text + "\n" + Self.listing(found), hint: hint?.text)
        }
        return found
    }

    /// ``expectStatements(for:atMost:hint:)`` with an English-only hint (see CheckFailure+EnglishOnly.swift).
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectStatements(for response: ClientResponse, atMost limit: Int, hint: String?) throws
        -> [LoggedStatement]
    {
        try expectStatements(for: response, atMost: limit, hint: hint.map(Words.init(english:)))
    }

    /// ``expectOneTransaction(for:hint:)`` with an English-only hint.
    @available(*, deprecated, message: "this text needs its Indonesian: write Words(\"…\", id: \"…\")")
    @_disfavoredOverload
    @discardableResult
    public func expectOneTransaction(for response: ClientResponse, hint: String?) throws -> [LoggedStatement]
    {
        try expectOneTransaction(for: response, hint: hint.map(Words.init(english:)))
    }

    /// The statements grouped by SQL text, most frequent first: "  50× SELECT … (transaction none)".
    static func listing(_ statements: [LoggedStatement], limit: Int = 8) -> String {
        var counts: [(String, Int)] = []
        for statement in statements {
            if let index = counts.firstIndex(where: { $0.0 == statement.sql }) {
                counts[index].1 += 1
            } else {
                counts.append((statement.sql, 1))
            }
        }
        let lines = counts.sorted { $0.1 > $1.1 }.prefix(limit).map { "    \($0.1)× \($0.0.prefix(160))" }
        let others = counts.count - limit
        let more =
            counts.count > limit
            ? "\n    "
                + Words("… and \(others) other statements", id: "… dan \(others) statement lainnya").text : ""
        return "  " + Words("The statements it ran:", id: "Statement yang dijalankan:").text + "\n"
            + lines.joined(separator: "\n") + more
    }
}
