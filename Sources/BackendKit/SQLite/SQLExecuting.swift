/// Something SQL can be run on: a ``Database`` or a ``Transaction``.
///
/// Both offer the same calls, so code written against `some SQLExecuting` works in and out of a
/// transaction:
///
/// ```swift
/// func insertBook(_ title: String, into db: some SQLExecuting) throws -> Int {
///     try db.execute("INSERT INTO books (title) VALUES (?)", title).lastInsertedRowID
/// }
/// let id = try insertBook("Dune", into: db)                       // on its own
/// try db.transaction { tx in _ = try insertBook("Emma", into: tx) }   // inside a transaction
/// ```
///
/// Every call runs exactly one statement: a string with two statements (`...; DROP TABLE ...`) is
/// refused with ``DatabaseError/multipleStatements(sql:)``. Values always go in as parameters:
/// write `?` in the SQL and pass the value after it, in order.
public protocol SQLExecuting {
    /// Runs one statement that changes data or the schema (`INSERT`, `UPDATE`, `DELETE`, `CREATE`).
    @discardableResult
    func execute(_ sql: String, parameters: [any SQLBindable]) throws -> ExecutionResult

    /// Runs one `SELECT` and returns all its rows (an empty array when nothing matched).
    func query(_ sql: String, parameters: [any SQLBindable]) throws -> [Row]

    /// Runs one `SELECT` and returns its first row, or nil when nothing matched.
    func queryOne(_ sql: String, parameters: [any SQLBindable]) throws -> Row?

    /// Runs several statements separated by `;`, in order, for example a schema. Takes no
    /// parameters, so never build a script from input. Statements before a failing one stay done
    /// unless the script runs inside a transaction (as migrations do).
    func executeScript(_ sql: String) throws
}

extension SQLExecuting {
    /// Runs one statement that changes data or the schema; each `?` gets the next value.
    ///
    /// ```swift
    /// try db.execute("UPDATE books SET title = ? WHERE id = ?", "Dune Messiah", 2)
    /// ```
    @discardableResult
    public func execute(_ sql: String, _ parameters: any SQLBindable...) throws -> ExecutionResult {
        try execute(sql, parameters: parameters)
    }

    /// Runs one `SELECT` and returns all its rows; each `?` gets the next value.
    ///
    /// ```swift
    /// for row in try db.query("SELECT title FROM books WHERE year > ?", 1960) {
    ///     print(try row.string("title"))
    /// }
    /// ```
    public func query(_ sql: String, _ parameters: any SQLBindable...) throws -> [Row] {
        try query(sql, parameters: parameters)
    }

    /// Runs one `SELECT` and returns its first row, or nil when nothing matched.
    ///
    /// ```swift
    /// guard let row = try db.queryOne("SELECT * FROM books WHERE id = ?", id) else { /* 404 */ }
    /// ```
    public func queryOne(_ sql: String, _ parameters: any SQLBindable...) throws -> Row? {
        try queryOne(sql, parameters: parameters)
    }

    /// The schema version stored in the file (`PRAGMA user_version`); 0 for a new database.
    /// ``Database/migrate(_:)`` keeps it up to date.
    public var userVersion: Int {
        get throws {
            try queryOne("PRAGMA user_version")?.get(0, as: Int.self) ?? 0
        }
    }
}
