import BackendKit
import Foundation

/// The stats page: the most clicked links, most first, ties by code, with each link's number of
/// clicks and its last click (`nil` for a link nobody followed yet).
struct LinkStats: Sendable {
    let database: Database

    /// The `limit` most clicked links. Wrap each statement in `timeDatabase { … }`, so the
    /// Server-Timing header keeps counting it.
    func top(limit: Int) throws -> [LinkStat] {
        // TODO(learner): this runs one statement for the links, then one more per link: 10,001
        // statements for 10,000 links (an N+1). Make it one statement (or two) whatever the number
        // of links: let SQL join the clicks to their links, count, order and limit, and keep the
        // links that have no clicks yet.
        let links = try timeDatabase { try database.query("SELECT id, code, url FROM links") }
        var stats: [LinkStat] = []
        for link in links {
            let clicks = try timeDatabase {
                try database.queryOne(
                    "SELECT count(*) AS n, max(clicked_at) AS last FROM clicks WHERE link_id = ?",
                    try link.int("id"))
            }
            stats.append(
                LinkStat(
                    code: try link.string("code"), url: try link.string("url"),
                    clicks: try clicks?.int("n") ?? 0,
                    lastClickAt: try clicks?.get("last", as: String?.self)))
        }
        stats.sort { $0.clicks != $1.clicks ? $0.clicks > $1.clicks : $0.code < $1.code }
        return Array(stats.prefix(limit))
    }
}
