import BackendKit
import Foundation
import GraderKit

/// Helpers shared by the Scaling module's hidden tests.
enum Shortlinks {
    /// The address short links are made under in every check (the server's own port is random).
    static let publicURL = "https://sho.rt"

    /// Starts the learner's server with the grader's PUBLIC_URL; `environment` adds or replaces
    /// settings (the caller's values win).
    static func start(_ t: TestContext, environment: [String: String] = [:]) throws {
        try t.startServer(environment: environment.merging(["PUBLIC_URL": publicURL]) { given, _ in given })
    }

    /// Creates a link through the API (of `instance`, when given) and returns its code.
    @discardableResult
    static func create(
        _ t: TestContext, url: String, code: String? = nil, on instance: ServerInstance? = nil
    ) throws -> String {
        try create(url: url, code: code, via: instance?.http ?? t.http)
    }

    /// Creates a link through `http` (an instance, or the reference solution) and returns its code.
    static func create(url: String, code: String? = nil, via http: HTTPClient) throws -> String {
        var body: [String: JSONValue] = ["url": .string(url)]
        if let code { body["code"] = .string(code) }
        let response = try http.post("/links", json: .object(body)).expectStatus(201)
        return try requireValue(
            try response.json()["code"]?.string,
            Words(
                "expected the new link's code in the answer, as {\"code\": \"…\"}",
                id: "seharusnya code link baru ada di jawabannya, seperti {\"code\": \"…\"}"),
            response: response)
    }

    /// The code of the `index`th seeded link: `seed0000042`. Sorted as text, they keep their order.
    static func seededCode(_ index: Int) -> String {
        "seed" + String(repeating: "0", count: max(0, 7 - String(index).count)) + String(index)
    }

    /// Writes `count` links (and `clicksPerLink` clicks each) straight into the database file in one
    /// transaction: thousands of rows in well under a second, where the API would take minutes.
    /// The server is started first so its tables exist; the next request starts it again. `first`
    /// is the index of the first code, so a second seeding of one database never repeats a code.
    static func seed(_ t: TestContext, links count: Int, clicksPerLink: Int = 0, first: Int = 0) throws
        -> [String]
    {
        if !t.isServerRunning { try start(t) }
        _ = try t.http.get("/health")
        let codes = (first..<first + count).map(seededCode)
        try t.prepareDatabase { db in
            try db.transaction { tx in
                let stamp = "2026-01-01T00:00:00Z"
                for (index, code) in codes.enumerated() {
                    let id = try tx.execute(
                        "INSERT INTO links (code, url, created_at, updated_at) VALUES (?, ?, ?, ?)",
                        code, "https://example.com/page/\(first + index)", stamp, stamp
                    ).lastInsertedRowID
                    for _ in 0..<clicksPerLink {
                        try tx.execute("INSERT INTO clicks (link_id, clicked_at) VALUES (?, ?)", id, stamp)
                    }
                }
            }
        }
        return codes
    }
}
