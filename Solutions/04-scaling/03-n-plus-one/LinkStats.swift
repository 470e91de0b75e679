import BackendKit
import Foundation

/// The stats page: the most clicked links, most first, ties by code, with each link's number of
/// clicks and its last click (`nil` for a link nobody followed yet).
struct LinkStats: Sendable {
    let database: Database

    /// The `limit` most clicked links, in one statement whatever the number of links. The LEFT JOIN
    /// keeps links without clicks (count(clicks.id) counts 0 for them, where count(*) would count
    /// the one row of NULLs); ordering and LIMIT run on the counts, in SQL, so only `limit` rows
    /// come back. The clicks index (link_id, clicked_at) answers each link's count and last click.
    func top(limit: Int) throws -> [LinkStat] {
        try timeDatabase {
            try database.query(
                """
                SELECT links.code, links.url, count(clicks.id) AS clicks, max(clicks.clicked_at) AS last_click_at
                FROM links LEFT JOIN clicks ON clicks.link_id = links.id
                GROUP BY links.id
                ORDER BY clicks DESC, links.code
                LIMIT ?
                """, limit)
        }.map { row in
            LinkStat(
                code: try row.string("code"), url: try row.string("url"), clicks: try row.int("clicks"),
                lastClickAt: try row.get("last_click_at", as: String?.self))
        }
    }
}
