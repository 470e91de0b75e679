/// What a write statement did.
///
/// ```swift
/// let result = try db.execute("INSERT INTO books (title) VALUES (?)", "Dune")
/// let newID = result.lastInsertedRowID     // the id of the new book
/// let updated = try db.execute("UPDATE books SET year = ? WHERE id = ?", 1965, newID).changes
/// // updated == 0 means no book had that id: answer 404
/// ```
public struct ExecutionResult: Sendable, Equatable {
    /// How many rows the statement inserted, updated or deleted (0 for anything else, such as
    /// `CREATE TABLE`, or an `UPDATE` whose `WHERE` matched nothing).
    public let changes: Int
    /// The `rowid` (for a table with `id INTEGER PRIMARY KEY`: the `id`) of the row this statement
    /// inserted, or 0 when it inserted nothing. For an insert of several rows, the last one's.
    public let lastInsertedRowID: Int

    /// Makes a result by hand, for comparing in tests.
    public init(changes: Int, lastInsertedRowID: Int) {
        self.changes = changes
        self.lastInsertedRowID = lastInsertedRowID
    }
}
