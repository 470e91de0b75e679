import BackendKit
import Foundation

/// Reads and writes links and clicks in SQLite. Values always travel as bound parameters, and each
/// call is wrapped in `timeDatabase` (ServerTiming.swift), so a request can tell where its time went.
struct LinkStore: Sendable {
    let database: Database

    /// Opens the store and creates its tables when they do not exist yet.
    init(database: Database) throws {
        self.database = database
        try database.executeScript(Self.schema)
    }

    static let schema = """
        CREATE TABLE IF NOT EXISTS links (
            id         INTEGER PRIMARY KEY,
            code       TEXT NOT NULL,
            url        TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS clicks (
            id         INTEGER PRIMARY KEY,
            link_id    INTEGER NOT NULL,
            clicked_at TEXT NOT NULL
        );
        """

    static let columns = "id, code, url, created_at, updated_at"

    /// Adds a link; `nil` when the code is taken already. The check and the insert share one
    /// transaction (BEGIN IMMEDIATE), so two creators of one code cannot both win.
    func create(code: String, url: String, at now: Date) throws -> Link? {
        let stamp = Self.timestamp(now)
        return try database.transaction { tx in
            guard try timeDatabase({ try tx.queryOne("SELECT 1 FROM links WHERE code = ?", code) }) == nil
            else {
                return nil
            }
            return try timeDatabase {
                try tx.queryOne(
                    "INSERT INTO links (code, url, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING \(Self.columns)",
                    code, url, stamp, stamp)
            }.map(Link.init(row:))
        }
    }

    /// The link with this code, or `nil`.
    func find(code: String) throws -> Link? {
        try timeDatabase { try database.queryOne("SELECT \(Self.columns) FROM links WHERE code = ?", code) }
            .map(Link.init(row:))
    }

    /// Points a link somewhere else; `nil` when there is no such code.
    func update(code: String, url: String, at now: Date) throws -> Link? {
        try timeDatabase {
            try database.queryOne(
                "UPDATE links SET url = ?, updated_at = ? WHERE code = ? RETURNING \(Self.columns)",
                url, Self.timestamp(now), code)
        }.map(Link.init(row:))
    }

    /// Removes a link and its clicks; false when there was no such code.
    func delete(code: String) throws -> Bool {
        try database.transaction { tx in
            guard
                let row = try timeDatabase({
                    try tx.queryOne("DELETE FROM links WHERE code = ? RETURNING id", code)
                })
            else { return false }
            let id = try row.int("id")
            _ = try timeDatabase { try tx.execute("DELETE FROM clicks WHERE link_id = ?", id) }
            return true
        }
    }

    /// Records that someone followed the link.
    func recordClick(linkID: Int, at now: Date) throws {
        _ = try timeDatabase {
            try database.execute(
                "INSERT INTO clicks (link_id, clicked_at) VALUES (?, ?)", linkID, Self.timestamp(now))
        }
    }

    /// How often the link was followed.
    func clickCount(linkID: Int) throws -> Int {
        try timeDatabase {
            try database.queryOne("SELECT count(*) AS n FROM clicks WHERE link_id = ?", linkID)
        }?
        .int("n") ?? 0
    }

    /// The most clicked links, most first; ties by code. One statement for the links, then one per
    /// link for its clicks: fine for ten links, slow for ten thousand (a later step fixes it).
    func topLinks(limit: Int) throws -> [LinkStat] {
        let links = try timeDatabase { try database.query("SELECT \(Self.columns) FROM links") }.map(
            Link.init(row:))
        var stats: [LinkStat] = []
        for link in links {
            let row = try timeDatabase {
                try database.queryOne(
                    "SELECT count(*) AS n, max(clicked_at) AS last FROM clicks WHERE link_id = ?", link.id)
            }
            stats.append(
                LinkStat(
                    code: link.code, url: link.url, clicks: try row?.int("n") ?? 0,
                    lastClickAt: try row?.get("last", as: String?.self)))
        }
        stats.sort { $0.clicks != $1.clicks ? $0.clicks > $1.clicks : $0.code < $1.code }
        return Array(stats.prefix(limit))
    }

    /// Times are stored as ISO 8601 text in UTC, which sorts and compares correctly as text.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
