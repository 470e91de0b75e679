/// A transaction in progress: statements run through it either all take effect or none do.
///
/// You get one from ``Database/transaction(_:)`` and use it only inside that closure. It offers the
/// same calls as ``Database`` (``SQLExecuting``). Every statement in the closure runs on the same
/// connection and sees the transaction's own changes; other connections see none of them until the
/// closure returns and the transaction commits.
///
/// ```swift
/// try db.transaction { tx in
///     try tx.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", 10, from)
///     try tx.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", 10, to)
/// }
/// ```
public final class Transaction {
    let connection: Connection
    private var isOpen = true
    private var savepointDepth = 0

    init(connection: Connection) {
        self.connection = connection
    }

    /// Called when the transaction's closure has returned; later use is refused.
    func end() {
        isOpen = false
    }

    /// Runs `body` as a nested transaction (an SQL savepoint): when `body` throws, only its own
    /// changes are undone and the error is rethrown; the outer transaction goes on, and you may
    /// catch the error there.
    ///
    /// ```swift
    /// try db.transaction { tx in
    ///     try tx.execute("INSERT INTO orders (book_id) VALUES (?)", bookID)
    ///     do {
    ///         try tx.savepoint { sp in try sp.execute("INSERT INTO coupons (code) VALUES (?)", code) }
    ///     } catch let error as DatabaseError where error.isUniqueConstraintViolation {
    ///         // the coupon was used already; the order stays
    ///     }
    /// }
    /// ```
    @discardableResult
    public func savepoint<T>(_ body: (Transaction) throws -> T) throws -> T {
        guard isOpen else { throw DatabaseError.transactionEnded(sql: "SAVEPOINT") }
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        let name = "backendkit_savepoint_\(savepointDepth)"
        try connection.execute("SAVEPOINT \(name)", [])
        do {
            let value = try body(self)
            try connection.execute("RELEASE \(name)", [])
            return value
        } catch {
            if connection.isInTransaction {
                _ = try? connection.execute("ROLLBACK TO \(name)", [])
                _ = try? connection.execute("RELEASE \(name)", [])
            }
            throw error
        }
    }

    /// Runs one call on the transaction's connection, refusing use after the end and noticing
    /// a hand-written `COMMIT` or `ROLLBACK` that ended the transaction early.
    private func run<T>(_ sql: String, _ body: (Connection) throws -> T) throws -> T {
        guard isOpen else { throw DatabaseError.transactionEnded(sql: sql) }
        let result = try body(connection)
        guard connection.isInTransaction else { throw DatabaseError.manualTransaction(sql: sql) }
        return result
    }
}

extension Transaction: SQLExecuting {
    @discardableResult
    public func execute(_ sql: String, parameters: [any SQLBindable]) throws -> ExecutionResult {
        try run(sql) { try $0.execute(sql, parameters.map(\.sqlValue)) }
    }

    public func query(_ sql: String, parameters: [any SQLBindable]) throws -> [Row] {
        try run(sql) { try $0.query(sql, parameters.map(\.sqlValue)) }
    }

    public func queryOne(_ sql: String, parameters: [any SQLBindable]) throws -> Row? {
        try run(sql) { try $0.queryOne(sql, parameters.map(\.sqlValue)) }
    }

    public func executeScript(_ sql: String) throws {
        try run(sql) { try $0.executeScript(sql) }
    }
}
