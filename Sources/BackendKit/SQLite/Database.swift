import Foundation

/// The SQLite database your backend stores its data in: one file on disk.
///
/// Open it once when the server starts and share that one value with every handler. It holds a
/// small pool of connections (4 by default), so handlers running at the same time on several
/// threads can all use it safely: each statement borrows a free connection and gives it back.
///
/// ```swift
/// let db = try Database.open()          // the file named by DATABASE_PATH, or data.sqlite
/// try db.execute("CREATE TABLE IF NOT EXISTS books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)")
/// try db.execute("INSERT INTO books (title) VALUES (?)", "Dune")
/// let rows = try db.query("SELECT id, title FROM books")
/// ```
///
/// Every connection uses write-ahead logging (`journal_mode=WAL`, so readers never wait for the
/// writer), `synchronous=NORMAL`, `foreign_keys=ON` (so `REFERENCES` rules are enforced) and waits
/// up to 5 seconds for a lock before failing with a "busy" error. For several statements that must
/// succeed or fail together, use ``transaction(_:)``.
public final class Database: Sendable {
    /// The database file's path, as given when opening.
    public let path: String
    /// Whether the database was opened with ``openReadOnly(path:maxConnections:)``.
    public let isReadOnly: Bool
    let pool: ConnectionPool

    /// The most connections this value opens at once.
    public var maxConnections: Int { pool.maxConnections }

    /// Opens (and creates, when missing) the database file at `path`.
    ///
    /// - Parameter maxConnections: how many statements can run at the same moment. Only one write
    ///   runs at a time whatever this says (SQLite has one writer); more connections let reads run
    ///   alongside. 4 suits a small server; values below 1 count as 1.
    /// - Throws: ``DatabaseError/cannotOpen(path:code:message:)`` when the file cannot be opened,
    ///   for example because its folder does not exist.
    public convenience init(path: String, maxConnections: Int = 4) throws {
        try self.init(path: path, readOnly: false, maxConnections: maxConnections, checkoutTimeout: 10)
    }

    init(path: String, readOnly: Bool, maxConnections: Int, checkoutTimeout: Double) throws {
        self.path = path
        self.isReadOnly = readOnly
        self.pool = ConnectionPool(maxConnections: maxConnections, checkoutTimeout: checkoutTimeout) {
            try Connection(path: path, readOnly: readOnly)
        }
        try pool.openFirstConnection()
    }

    /// Opens the database your server should use: the file named by the `DATABASE_PATH`
    /// environment variable, or `data.sqlite` in the current directory when it is not set.
    ///
    /// The grader starts your server with its own `DATABASE_PATH`, so always open the database
    /// this way in a mini-backend rather than with a fixed path.
    public static func open() throws -> Database {
        try Database(path: path(fromEnvironment: ProcessInfo.processInfo.environment))
    }

    /// `DATABASE_PATH` when set and not empty, otherwise `data.sqlite`.
    static func path(fromEnvironment environment: [String: String]) -> String {
        let configured = environment["DATABASE_PATH"] ?? ""
        return configured.isEmpty ? "data.sqlite" : configured
    }

    /// Opens an existing database file for reading only; every write fails with SQLite's
    /// "attempt to write a readonly database".
    ///
    /// Meant for looking into a database that another program (a running server) is using: it
    /// changes nothing in the file, not even its settings, and does not create a missing file.
    public static func openReadOnly(path: String, maxConnections: Int = 4) throws -> Database {
        try Database(path: path, readOnly: true, maxConnections: maxConnections, checkoutTimeout: 10)
    }

    /// Borrows a connection for one call from the outside (not from a transaction), refusing use
    /// inside this database's own transaction and hand-written `BEGIN`.
    func withConnection<T>(sql: String, _ body: (Connection) throws -> T) throws -> T {
        if TransactionContext.isInTransaction(of: self) {
            throw DatabaseError.nestedDatabaseUse(sql: sql)
        }
        return try pool.withConnection(sql: sql) { connection in
            let result = try body(connection)
            if connection.isInTransaction {
                _ = try? connection.execute("ROLLBACK", [])
                throw DatabaseError.manualTransaction(sql: sql)
            }
            return result
        }
    }

    /// Statement cache counters summed over the idle connections; for tests.
    var statementCacheStatistics: (hits: Int, misses: Int, cached: Int) {
        pool.statistics()
    }
}

extension Database: SQLExecuting {
    @discardableResult
    public func execute(_ sql: String, parameters: [any SQLBindable]) throws -> ExecutionResult {
        try withConnection(sql: sql) { try $0.execute(sql, parameters.map(\.sqlValue)) }
    }

    public func query(_ sql: String, parameters: [any SQLBindable]) throws -> [Row] {
        try withConnection(sql: sql) { try $0.query(sql, parameters.map(\.sqlValue)) }
    }

    public func queryOne(_ sql: String, parameters: [any SQLBindable]) throws -> Row? {
        try withConnection(sql: sql) { try $0.queryOne(sql, parameters.map(\.sqlValue)) }
    }

    public func executeScript(_ sql: String) throws {
        try withConnection(sql: sql) { try $0.executeScript(sql) }
    }
}
