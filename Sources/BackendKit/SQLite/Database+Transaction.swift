extension Database {
    /// Runs `body` as one transaction: all its statements take effect together, or none do.
    ///
    /// The transaction starts with `BEGIN IMMEDIATE`, which takes the database's write lock at
    /// once (waiting up to 5 seconds for another writer to finish). So when `body` reads a value and
    /// then writes based on it, no other writer can change that value in between, and no update is
    /// lost. When `body` returns, the transaction commits and its result is returned; when `body`
    /// throws, everything it did is rolled back and the same error is rethrown.
    ///
    /// ```swift
    /// let newStock = try db.transaction { tx -> Int in
    ///     guard let row = try tx.queryOne("SELECT stock FROM books WHERE id = ?", id) else {
    ///         throw BookError.notFound                 // rolls back; nothing changed
    ///     }
    ///     let stock = try row.int("stock") - 1
    ///     try tx.execute("UPDATE books SET stock = ? WHERE id = ?", stock, id)
    ///     return stock
    /// }
    /// ```
    ///
    /// Rules for `body`:
    /// - Use `tx`, never `db`, inside it (using `db` throws ``DatabaseError/nestedDatabaseUse(sql:)``).
    /// - It is synchronous on purpose and cannot `await`: the write lock is held until it returns,
    ///   so do slow work (network calls, hashing a password) before the transaction, not inside it.
    /// - Do not write `BEGIN`, `COMMIT` or `ROLLBACK` yourself; use ``Transaction/savepoint(_:)``
    ///   to nest.
    ///
    /// On a read-only database the transaction starts with a plain `BEGIN`, which gives a
    /// consistent view of the data across several queries.
    @discardableResult
    public func transaction<T>(_ body: (Transaction) throws -> T) throws -> T {
        let begin = isReadOnly ? "BEGIN" : "BEGIN IMMEDIATE"
        if TransactionContext.isInTransaction(of: self) {
            throw DatabaseError.nestedDatabaseUse(sql: begin)
        }
        return try pool.withConnection(sql: begin) { connection in
            try connection.execute(begin, [])
            let transaction = Transaction(connection: connection)
            defer { transaction.end() }
            do {
                let value = try TransactionContext.whileInTransaction(of: self) {
                    try body(transaction)
                }
                try connection.execute("COMMIT", [])
                return value
            } catch {
                if connection.isInTransaction {
                    _ = try? connection.execute("ROLLBACK", [])
                }
                throw error
            }
        }
    }
}
