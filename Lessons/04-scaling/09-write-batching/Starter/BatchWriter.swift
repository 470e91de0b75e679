import BackendKit
import Foundation

/// Writes many rows in one transaction. Every transaction ends with a commit, which appends to the
/// WAL file and takes the database's one write lock: 500 clicks in one transaction cost about what
/// one click costs, and hold the lock once, briefly, instead of 500 times. So other writers (a
/// link being created, a bulk import) wait less, and none waits long enough to see
/// `database is locked`.
struct BatchWriter: Sendable {
    let database: Database

    /// A code of the import was taken already; the whole import was rolled back.
    struct CodeTaken: Error {
        var code: String
    }

    /// Stores one batch of clicks (at most ClickQueue.batchLimit) in one transaction.
    func writeClicks(_ clicks: [Click]) throws {
        // TODO(learner): run the INSERTs inside one database.transaction { tx in … }, on `tx`.
        // As it is, each INSERT is a transaction of its own: one commit per click.
        for click in clicks {
            _ = try timeDatabase {
                try database.execute(
                    "INSERT INTO clicks (link_id, clicked_at) VALUES (?, ?)", click.linkID,
                    LinkStore.timestamp(click.at))
            }
        }
    }

    /// Stores every link of an import, or none: one transaction, which a taken code rolls back
    /// (throwing CodeTaken). The check of each code and its insert run in that same transaction,
    /// so a second import of the same code at the same moment waits, then finds it taken.
    func importLinks(_ drafts: [LinkDraft], at now: Date) throws -> [Link] {
        // TODO(learner): one database.transaction around the whole loop, not one per link, so a
        // taken code (throw CodeTaken inside it) rolls back the links stored before it too.
        let stamp = LinkStore.timestamp(now)
        var links: [Link] = []
        for draft in drafts {
            links += try database.transaction { tx in
                let taken = try timeDatabase {
                    try tx.queryOne("SELECT 1 FROM links WHERE code = ?", draft.code)
                }
                guard taken == nil else {
                    throw CodeTaken(code: draft.code)
                }
                return try timeDatabase {
                    try tx.query(
                        "INSERT INTO links (code, url, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING \(LinkStore.columns)",
                        draft.code, draft.url, stamp, stamp)
                }.map(Link.init(row:))
            }
        }
        return links
    }
}
