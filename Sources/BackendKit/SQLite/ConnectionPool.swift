import Foundation

/// A few connections to one database file, lent out one thread at a time.
///
/// Connections are opened when first needed, up to `maxConnections`, and reused afterwards. A
/// thread that finds them all busy waits until one comes back, at most `checkoutTimeout` seconds.
final class ConnectionPool: @unchecked Sendable {
    // @unchecked Sendable: `idle` and `openCount` are guarded by `condition`.
    let maxConnections: Int
    let checkoutTimeout: Double
    private let openConnection: @Sendable () throws -> Connection
    // Guards `idle` and `openCount`; also the signal that a connection came back.
    private let condition = NSCondition()
    private var idle: [Connection] = []
    private var openCount = 0

    init(
        maxConnections: Int, checkoutTimeout: Double,
        openConnection: @escaping @Sendable () throws -> Connection
    ) {
        self.maxConnections = max(1, maxConnections)
        self.checkoutTimeout = checkoutTimeout
        self.openConnection = openConnection
    }

    /// Lends a connection to `body` and takes it back afterwards, even when `body` throws.
    /// `sql` is only used in the error message when no connection becomes free in time.
    func withConnection<T>(sql: String, _ body: (Connection) throws -> T) throws -> T {
        let connection = try checkOut(sql: sql)
        defer { checkIn(connection) }
        return try body(connection)
    }

    /// Opens the first connection now, so that a bad path fails when the database is opened.
    func openFirstConnection() throws {
        try withConnection(sql: "(opening the database)") { _ in }
    }

    /// How many connections are open right now; for tests.
    var openConnectionCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return openCount
    }

    /// Sums over the idle connections; for tests.
    func statistics() -> (hits: Int, misses: Int, cached: Int) {
        condition.lock()
        defer { condition.unlock() }
        return idle.reduce((0, 0, 0)) { total, connection in
            (
                total.0 + connection.statementCacheHits, total.1 + connection.statementCacheMisses,
                total.2 + connection.cachedStatementCount
            )
        }
    }

    private func checkOut(sql: String) throws -> Connection {
        let deadline = Date(timeIntervalSinceNow: checkoutTimeout)
        condition.lock()
        while true {
            if let connection = idle.popLast() {
                condition.unlock()
                return connection
            }
            if openCount < maxConnections {
                openCount += 1
                condition.unlock()
                do {
                    return try openConnection()
                } catch {
                    condition.lock()
                    openCount -= 1
                    condition.signal()
                    condition.unlock()
                    throw error
                }
            }
            if !condition.wait(until: deadline) && Date() >= deadline {
                condition.unlock()
                throw DatabaseError.connectionPoolTimeout(
                    maxConnections: maxConnections, waitedSeconds: checkoutTimeout, sql: sql)
            }
        }
    }

    private func checkIn(_ connection: Connection) {
        // A connection must never go back with a transaction still open: the next user would
        // silently run inside it.
        if connection.isInTransaction {
            _ = try? connection.execute("ROLLBACK", [])
        }
        condition.lock()
        idle.append(connection)
        condition.signal()
        condition.unlock()
    }
}
