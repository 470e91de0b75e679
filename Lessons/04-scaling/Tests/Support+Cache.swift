import Foundation
import GraderKit

/// What the cache checks of steps 4 and 5 read in the statement log: the lookups of `links`.
/// Click INSERTs still happen on every redirect (until clicks move off the request path), so only
/// statements that read the links table count.
extension Shortlinks {
    /// The statements in `statements` that read the links table (`SELECT … FROM links …`).
    static func linkReads(_ statements: [LoggedStatement]) -> [LoggedStatement] {
        statements.filter(readsLinks)
    }

    static func readsLinks(_ statement: LoggedStatement) -> Bool {
        let words = statement.sql.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "_") }
        return words.first == "select" && words.contains("links")
    }

    /// The reads of the links table the request behind `response` ran.
    static func linkReads(_ t: TestContext, for response: ClientResponse) throws -> [LoggedStatement] {
        linkReads(try t.statements(for: response))
    }

    /// How many reads of the links table every server of the run has logged so far.
    static func linkReadCount(_ t: TestContext) throws -> Int {
        try t.loggedStatements.filter(readsLinks).count
    }

    /// `GET /<code>` must be a 302 to `url`; returns the response.
    @discardableResult
    static func expectRedirect(_ t: TestContext, _ code: String, to url: String) throws -> ClientResponse {
        let response = try t.http.get("/\(code)").expectStatus(302)
        try requireEqual(
            response.headers["Location"] ?? "", url,
            Words("the Location of GET /\(code)", id: "Location dari GET /\(code)"), response: response)
        return response
    }

    /// The SQL of `statements`, one per line, for a failure message.
    static func listed(_ statements: [LoggedStatement]) -> String {
        statements.map(\.sql).joined(separator: "; ")
    }
}
