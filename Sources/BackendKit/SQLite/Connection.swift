import CSQLite

/// One open connection to the database file.
///
/// A connection is not thread-safe on its own: it is opened with `SQLITE_OPEN_NOMUTEX`, and the
/// ``ConnectionPool`` makes sure only one thread uses it at a time. Every statement this library
/// runs, whatever its origin, ends up in ``run(_:_:rows:)``.
final class Connection {
    let handle: OpaquePointer
    let path: String
    private var cache = StatementCache(capacity: 64)
    /// Numbers this connection and its transactions in the statement log ("3.7").
    let serial = ConnectionSerials.next()
    var transactionCount = 0

    /// What to do with the rows a statement produces.
    enum RowHandling {
        /// Step to the end, keeping every row.
        case all
        /// Stop after the first row.
        case first
        /// Step to the end and keep nothing (writes, pragmas).
        case none
    }

    init(path: String, readOnly: Bool) throws {
        var opened: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &opened, access | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "out of memory"
            sqlite3_close_v2(opened)
            throw DatabaseError.cannotOpen(path: path, code: code, message: message)
        }
        self.handle = opened
        self.path = path
        sqlite3_extended_result_codes(opened, 1)
        // The settings belong to the connection, not to the request or job that happened to need
        // one more: the statement log shows them outside any request, so a check of a request's
        // statements ("all in one transaction", "at most 2") sees only what its handler ran.
        try StatementLog.$requestID.withValue(nil) {
            try StatementLog.$jobName.withValue(nil) { try configure(readOnly: readOnly) }
        }
    }

    deinit {
        cache.removeAll()  // finalize statements before closing
        sqlite3_close_v2(handle)
    }

    /// Settings every connection needs. WAL lets readers work while one writer writes; the busy
    /// timeout makes a connection wait for a lock instead of failing at once; foreign keys are off
    /// in SQLite unless asked for. A read-only connection runs only settings that write nothing.
    private func configure(readOnly: Bool) throws {
        _ = try query("PRAGMA busy_timeout = 5000", [])
        if readOnly {
            try execute("PRAGMA query_only = ON", [])
            return
        }
        _ = try query("PRAGMA journal_mode = WAL", [])
        try execute("PRAGMA synchronous = NORMAL", [])
        try execute("PRAGMA foreign_keys = ON", [])
    }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    var statementCacheHits: Int { cache.hits }
    var statementCacheMisses: Int { cache.misses }
    var cachedStatementCount: Int { cache.count }

    @discardableResult
    func execute(_ sql: String, _ parameters: [SQLValue]) throws -> ExecutionResult {
        try run(cachedStatement(sql), parameters, rows: .none).result
    }

    func query(_ sql: String, _ parameters: [SQLValue]) throws -> [Row] {
        try run(cachedStatement(sql), parameters, rows: .all).rows
    }

    func queryOne(_ sql: String, _ parameters: [SQLValue]) throws -> Row? {
        try run(cachedStatement(sql), parameters, rows: .first).rows.first
    }

    /// Runs each statement of a script in turn (not cached: a script usually runs once).
    func executeScript(_ script: String) throws {
        try script.withCString { start in
            var current = start
            while current.pointee != 0 {
                var compiled: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                guard sqlite3_prepare_v2(handle, current, -1, &compiled, &tail) == SQLITE_OK else {
                    // Where the failing statement ends is unknown, so the message shows the rest.
                    throw SQLiteFailure.lastError(of: handle, sql: trimmed(String(cString: current)))
                }
                guard let compiled else { return }  // only whitespace or comments were left
                let end = tail ?? current
                let text = String(
                    decoding: UnsafeRawBufferPointer(start: current, count: end - current), as: UTF8.self)
                let statement = PreparedStatement(handle: compiled, sql: trimmed(text))
                _ = try run(statement, [], rows: .none)
                guard let tail else { return }
                current = tail
            }
        }
    }

    private func trimmed(_ text: String) -> String {
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    private func cachedStatement(_ sql: String) throws -> PreparedStatement {
        try cache.statement(for: sql) { try PreparedStatement.prepare($0, on: handle) }
    }

    /// Runs one statement to its end. This is the single place where statements are executed.
    private func run(
        _ statement: PreparedStatement, _ parameters: [SQLValue], rows handling: RowHandling
    ) throws -> (rows: [Row], result: ExecutionResult) {
        // Statement log hook: every statement of the library passes this point. With the log off
        // (`StatementLog.shared == nil`, the usual case) this costs one load of a global.
        let log = StatementLog.shared
        let wasInTransaction = log != nil && isInTransaction
        var succeeded = false
        defer {
            if let log {
                record(statement, in: log, wasInTransaction: wasInTransaction, succeeded: succeeded)
            }
        }
        defer { statement.reset() }  // also after a failed bind, so no value stays bound
        try statement.bind(parameters, on: handle)
        sqlite3_set_last_insert_rowid(handle, 0)
        let totalChangesBefore = sqlite3_total_changes(handle)
        var rows: [Row] = []
        var layout: RowLayout?
        stepping: while true {
            switch sqlite3_step(statement.handle) {
            case SQLITE_ROW:
                guard handling != .none else { continue }
                let shared = layout ?? RowLayout(columns: statement.columnNames(), sql: statement.sql)
                layout = shared
                rows.append(Row(layout: shared, values: statement.currentValues()))
                if handling == .first { break stepping }
            case SQLITE_DONE:
                break stepping
            default:
                throw SQLiteFailure.lastError(of: handle, sql: statement.sql)
            }
        }
        let changed = sqlite3_total_changes(handle) != totalChangesBefore
        let result = ExecutionResult(
            changes: changed ? Int(sqlite3_changes(handle)) : 0,
            lastInsertedRowID: Int(sqlite3_last_insert_rowid(handle)))
        succeeded = true
        return (rows, result)
    }
}
