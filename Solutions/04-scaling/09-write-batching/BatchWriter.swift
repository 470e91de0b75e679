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
        guard !clicks.isEmpty else { return }
        try database.transaction { tx in
            for click in clicks {
                _ = try timeDatabase {
                    try tx.execute(
                        "INSERT INTO clicks (link_id, clicked_at) VALUES (?, ?)", click.linkID,
                        LinkStore.timestamp(click.at))
                }
            }
        }
    }

    /// Stores every link of an import, or none: one transaction, which a taken code rolls back
    /// (throwing CodeTaken). The check of each code and its insert run in that same transaction,
    /// so a second import of the same code at the same moment waits, then finds it taken.
    func importLinks(_ drafts: [LinkDraft], at now: Date) throws -> [Link] {
        let stamp = LinkStore.timestamp(now)
        return try database.transaction { tx in
            var links: [Link] = []
            for draft in drafts {
                let taken = try timeDatabase {
                    try tx.queryOne("SELECT 1 FROM links WHERE code = ?", draft.code)
                }
                guard taken == nil else {
                    throw CodeTaken(code: draft.code)  // leaves the transaction: nothing is stored
                }
                links += try timeDatabase {
                    try tx.query(
                        "INSERT INTO links (code, url, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING \(LinkStore.columns)",
                        draft.code, draft.url, stamp, stamp)
                }.map(Link.init(row:))
            }
            return links
        }
    }
}
