/// The indexes of the Shortlinks tables. `LinkStore` runs these statements every time it opens the
/// database, right after it creates the tables, so each must be safe to run again:
/// `CREATE … INDEX IF NOT EXISTS`.
enum LinkIndexes {
    static let statements: [String] = [
        // The redirect's lookup (code = ?) jumps straight to its row, and UNIQUE makes the database
        // itself refuse a second link with a code that is taken, whoever writes the row.
        "CREATE UNIQUE INDEX IF NOT EXISTS links_code ON links (code)",
        // The clicks of one link, in time order: the count of GET /links/:code and the stats' last
        // click are read from the index alone (a covering index), never from the table.
        "CREATE INDEX IF NOT EXISTS clicks_link ON clicks (link_id, clicked_at)",
    ]
}
