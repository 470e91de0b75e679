import Foundation

extension Connection {
    /// Writes a statement to the statement log, naming the transaction it ran in: a statement
    /// that opened one (BEGIN) starts a new number, one that closed it (COMMIT) keeps the old.
    func record(_ statement: PreparedStatement, in log: StatementLog, wasInTransaction: Bool, succeeded: Bool)
    {
        let inTransaction = isInTransaction
        if !wasInTransaction && inTransaction { transactionCount += 1 }
        let transaction = wasInTransaction || inTransaction ? "\(serial).\(transactionCount)" : nil
        log.record(sql: statement.sql, transaction: transaction, succeeded: succeeded)
    }
}

/// Hands out connection numbers for the statement log, unique within the process.
enum ConnectionSerials {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var last = 0  // guarded by `lock`

    static func next() -> Int {
        lock.withLock {
            last += 1
            return last
        }
    }
}
