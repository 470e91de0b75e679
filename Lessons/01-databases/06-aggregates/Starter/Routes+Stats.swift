// Numbers about the library, computed by the database.
import BackendKit

func registerStatsRoutes(on router: Router, stats: StatsStore) {
    // GET /stats/authors?min_books=2
    router.get("/stats/authors") { request in
        let minBooks = try request.query.int("min_books") ?? 0  // 400 when it is not a whole number
        guard minBooks >= 0 else {
            throw HTTPError.badRequest("min_books must be 0 or more, not \(minBooks).")
        }
        return try .json(try stats.authors(minBooks: minBooks))
    }
}
