// A window into the database for learning. A real server must not offer this: it shows the SQL and
// the shape of your data to anyone who asks.
import BackendKit

extension Lookups {
    /// Every lookup, with a name and an example value to plan it with.
    static let all: [(name: String, sql: String, example: SQLValue)] = [
        ("book_by_id", bookByID, 1),
        ("book_by_isbn", bookByISBN, "9780000000001"),
        ("books_by_author", booksByAuthor, 1),
        ("authors_by_name", authorsByName, "Andrea Hirata"),
        ("loans_away_of_book", loansAwayOfBook, 1),
        ("loans_away_of_member", loansAwayOfMember, 1),
    ]
}

func registerDebugRoutes(on router: Router, database: Database) {
    // GET /debug/query-plans: how SQLite plans to run each lookup.
    // {"lookups": [{"name": "books_by_author", "sql": "…", "plan": ["SEARCH books USING INDEX …"]}, …]}
    router.get("/debug/query-plans") { _ in
        var lookups: [JSONValue] = []
        for lookup in Lookups.all {
            let plan = try database.explainQueryPlan(lookup.sql, lookup.example)
            lookups.append([
                "name": .string(lookup.name),
                "sql": .string(lookup.sql),
                "plan": .array(plan.map { .string($0) }),
            ])
        }
        return try .json(["lookups": JSONValue.array(lookups)])
    }
}
