import BackendKit
import Foundation

/// Routes whose SQL the statement-log checks count: authors with their books (one query, not one
/// per author) and a transfer (lookup and writes in one transaction).
enum CatalogRoutes {
    static func register(_ router: Router, _ kit: Kit) {
        router.get("/authors") { _ in
            var authors: [JSONValue] = []
            if kit.variant == .nPlusOne {
                for author in try kit.db.query("SELECT id, name FROM authors ORDER BY id") {
                    let titles = try kit.db.query(
                        "SELECT title FROM books WHERE author_id = ? ORDER BY id", try author.int("id"))
                    authors.append([
                        "name": .string(try author.string("name")),
                        "books": .array(try titles.map { .string(try $0.string("title")) }),
                    ])
                }
                return try .json(JSONValue.array(authors))
            }
            var byAuthor: [(String, [JSONValue])] = []
            for row in try kit.db.query(
                "SELECT a.name, b.title FROM authors a JOIN books b ON b.author_id = a.id ORDER BY a.id, b.id"
            ) {
                let name = try row.string("name")
                if byAuthor.last?.0 != name { byAuthor.append((name, [])) }
                byAuthor[byAuthor.count - 1].1.append(.string(try row.string("title")))
            }
            authors = byAuthor.map { ["name": .string($0.0), "books": .array($0.1)] }
            return try .json(JSONValue.array(authors))
        }

        router.post("/transfers") { request in
            let body = try request.json()
            let amount = body["amount"]?.int ?? 0
            func move(_ db: some SQLExecuting) throws {
                let balance = try db.queryOne(Int.self, "SELECT balance FROM accounts WHERE id = 1") ?? 0
                guard balance >= amount else { throw HTTPError.conflict("Not enough money.") }
                try db.execute("UPDATE accounts SET balance = balance - ? WHERE id = 1", amount)
                try db.execute("UPDATE accounts SET balance = balance + ? WHERE id = 2", amount)
                try db.execute(
                    "INSERT INTO ledger (account_id, change) VALUES (1, ?), (2, ?)", -amount, amount)
            }
            if kit.variant == .noTransaction {
                try move(kit.db)
            } else {
                try kit.db.transaction { tx in try move(tx) }
            }
            return .noContent()
        }
    }
}
