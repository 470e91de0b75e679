import CSQLite
import Foundation

/// A compiled SQL statement on one connection.
///
/// Compiling SQL costs more than running it, so connections keep these in a ``StatementCache``
/// and run them again with new parameters. The statement is finalized when the last reference goes
/// away, so a statement can never outlive its use or leak.
final class PreparedStatement {
    let handle: OpaquePointer
    let sql: String
    let parameterCount: Int

    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        self.parameterCount = Int(sqlite3_bind_parameter_count(handle))
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Compiles exactly one statement. Refuses an empty string and a string with a second statement
    /// after the first (comments and whitespace after the first statement are fine).
    static func prepare(_ sql: String, on database: OpaquePointer) throws -> PreparedStatement {
        var statement: OpaquePointer?
        var failure: DatabaseError?
        sql.withCString { start in
            var tail: UnsafePointer<CChar>?
            guard sqlite3_prepare_v2(database, start, -1, &statement, &tail) == SQLITE_OK else {
                failure = SQLiteFailure.lastError(of: database, sql: sql)
                return
            }
            if statement == nil {
                failure = .emptyStatement(sql: sql)
            } else if let tail, !holdsNoStatement(tail, on: database) {
                failure = .multipleStatements(sql: sql)
            }
        }
        if let failure {
            sqlite3_finalize(statement)
            throw failure
        }
        guard let statement else { throw DatabaseError.emptyStatement(sql: sql) }
        return PreparedStatement(handle: statement, sql: sql)
    }

    /// Whether the text after the first statement is only whitespace, comments and semicolons.
    /// Compiling it (without running it) is the one exact way to tell.
    private static func holdsNoStatement(_ text: UnsafePointer<CChar>, on database: OpaquePointer) -> Bool {
        var next: OpaquePointer?
        let code = sqlite3_prepare_v2(database, text, -1, &next, nil)
        defer { sqlite3_finalize(next) }
        return code == SQLITE_OK && next == nil
    }

    /// Binds one value per placeholder, after checking that the counts match.
    func bind(_ values: [SQLValue], on database: OpaquePointer) throws {
        guard values.count == parameterCount else {
            throw DatabaseError.parameterCount(expected: parameterCount, given: values.count, sql: sql)
        }
        for (offset, value) in values.enumerated() {
            guard bind(value, at: Int32(offset + 1)) == SQLITE_OK else {
                throw SQLiteFailure.lastError(of: database, sql: sql)
            }
        }
    }

    private func bind(_ value: SQLValue, at index: Int32) -> Int32 {
        switch value {
        case .integer(let number):
            return sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            return sqlite3_bind_double(handle, index, number)
        case .text(let text):
            return text.withCString { pointer in
                sqlite3_bind_text64(
                    handle, index, pointer, UInt64(text.utf8.count), SQLiteFailure.transient,
                    UInt8(SQLITE_UTF8))
            }
        case .blob(let data):
            return data.withUnsafeBytes { bytes in
                guard let base = bytes.baseAddress, bytes.count > 0 else {
                    return sqlite3_bind_zeroblob(handle, index, 0)  // empty, but not NULL
                }
                return sqlite3_bind_blob64(handle, index, base, UInt64(bytes.count), SQLiteFailure.transient)
            }
        case .null:
            return sqlite3_bind_null(handle, index)
        }
    }

    /// Makes the statement ready for its next use and drops the bound values, so a cached
    /// statement keeps no parameter (a password, say) alive and holds no read lock.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// The result's column names.
    func columnNames() -> [String] {
        (0..<sqlite3_column_count(handle)).map { index in
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? "column\(index + 1)"
        }
    }

    /// The values of the row the statement is on, after `sqlite3_step` returned `SQLITE_ROW`.
    func currentValues() -> [SQLValue] {
        (0..<sqlite3_column_count(handle)).map(value(at:))
    }

    private func value(at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let bytes = sqlite3_column_blob(handle, index) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, index))))
        default:
            return .null
        }
    }
}

/// Building ``DatabaseError`` values from a connection's last error.
enum SQLiteFailure {
    static func lastError(of database: OpaquePointer, sql: String?) -> DatabaseError {
        let extendedCode = sqlite3_extended_errcode(database)
        let message = sqlite3_errmsg(database).map { String(cString: $0) } ?? "unknown error"
        return .sqlite(code: extendedCode & 0xFF, extendedCode: extendedCode, message: message, sql: sql)
    }

    /// `SQLITE_TRANSIENT`: tells SQLite to copy a bound value, since Swift's buffer is temporary.
    /// The C macro is a cast that Swift cannot import.
    static var transient: sqlite3_destructor_type {
        unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    }
}
