/// The indexes of the Shortlinks tables. `LinkStore` runs these statements every time it opens the
/// database, right after it creates the tables, so each must be safe to run again:
/// `CREATE … INDEX IF NOT EXISTS`.
enum LinkIndexes {
    static let statements: [String] = [
        // TODO(learner): an index that finds a link by its code, and that makes the database itself
        // refuse a second link with the same code.

        // TODO(learner): an index that finds the clicks of one link (its first column: link_id).
    ]
}
