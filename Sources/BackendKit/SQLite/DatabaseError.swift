/// Everything that can go wrong while talking to the database.
///
/// Each case's `description` says what happened, shows the SQL involved and, where it can, what to
/// do next, so printing the error is usually enough to fix the problem. To turn a failed write into
/// the right HTTP status, use the helpers in `DatabaseError+Constraints.swift`:
///
/// ```swift
/// do {
///     try db.execute("INSERT INTO users (email) VALUES (?)", email)
/// } catch let error as DatabaseError where error.isUniqueConstraintViolation {
///     // answer 409 Conflict: that email is taken
/// }
/// ```
public enum DatabaseError: Error, Sendable {
    /// The database file could not be opened (a missing folder, no permission, not a database).
    case cannotOpen(path: String, code: Int32, message: String)
    /// SQLite refused or failed a statement. `message` is SQLite's own text (`sqlite3_errmsg`);
    /// `code` is the primary result code and `extendedCode` the precise one (for example
    /// 2067, `SQLITE_CONSTRAINT_UNIQUE`). `sql` is nil only for failures outside any statement.
    case sqlite(code: Int32, extendedCode: Int32, message: String, sql: String?)
    /// The string holds more than one statement. Refused because chaining statements with `;` is
    /// how SQL injection does its damage; run one statement per call, or use `executeScript`.
    case multipleStatements(sql: String)
    /// The string holds no statement at all (it is empty, or only comments).
    case emptyStatement(sql: String)
    /// The number of values given does not match the number of `?` placeholders in the SQL.
    case parameterCount(expected: Int, given: Int, sql: String)
    /// A row was asked for a column it does not have. `columns` lists the ones it has.
    case columnNotFound(column: String, columns: [String], sql: String)
    /// A column's value cannot be read as the requested Swift type (including `NULL` read as a
    /// non-optional type).
    case typeMismatch(column: String, requested: String, value: SQLValue, sql: String)
    /// Decoding a row into a `Decodable` type met a property type that rows cannot hold
    /// (a nested struct, an array, a `Date`).
    case unsupportedType(type: String, column: String, sql: String)
    /// A table asked about by name (for example in `columns(of:)`) does not exist.
    case tableNotFound(table: String, tables: [String])
    /// Every connection stayed busy for the whole waiting time.
    case connectionPoolTimeout(maxConnections: Int, waitedSeconds: Double, sql: String)
    /// Migration versions were not whole numbers above 0 in increasing order.
    case migrationOrder(versions: [Int])
    /// `db` itself was used inside `db.transaction { tx in ... }` on the same thread, where `tx`
    /// must be used instead.
    case nestedDatabaseUse(sql: String)
    /// A ``Transaction`` was used after the closure it was given to had returned.
    case transactionEnded(sql: String)
    /// The SQL began, committed or rolled back a transaction by hand, which the library does for you.
    case manualTransaction(sql: String)
}

extension DatabaseError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .cannotOpen(let path, let code, let message):
            return """
                could not open the database file "\(path)": \(message) (\(sqliteCodeName(code)))
                  Hint: does the folder exist, and may this program read and write there?
                """
        case .sqlite(let code, let extendedCode, let message, let sql):
            var text = "SQLite error: \(message) (\(sqliteCodeName(extendedCode)))"
            if let sql { text += "\n  SQL: \(displaySQL(sql))" }
            if let hint = sqliteHint(code: code, extendedCode: extendedCode, message: message) {
                text += "\n  Hint: \(hint)"
            }
            return text
        case .multipleStatements(let sql):
            return withSQL(
                "this SQL holds more than one statement; run one statement per call "
                    + "(executeScript runs a schema of several statements without parameters)", sql)
        case .emptyStatement(let sql):
            return withSQL("the SQL string holds no statement (it is empty or only comments)", sql)
        case .parameterCount(let expected, let given, let sql):
            return withSQL(
                "this SQL has \(expected) \(expected == 1 ? "placeholder" : "placeholders") (?) but "
                    + "\(given) \(given == 1 ? "value was" : "values were") given; "
                    + "pass exactly one value per placeholder", sql)
        case .columnNotFound(let column, let columns, let sql):
            let list = columns.isEmpty ? "(none)" : columns.joined(separator: ", ")
            return withSQL("no column \"\(column)\" in this row; columns are: \(list)", sql)
        case .typeMismatch(let column, let requested, let value, let sql):
            return withSQL(typeMismatchText(column: column, requested: requested, value: value), sql)
        case .unsupportedType(let type, let column, let sql) where type == RowDecoder.wholeRowType:
            return withSQL(
                "cannot decode a row with the columns \(column) as one plain value; select exactly one "
                    + "column, or decode a struct whose property names match the column names", sql)
        case .unsupportedType(let type, let column, let sql):
            var text =
                "cannot decode column \"\(column)\" as \(type): a row holds only plain values "
                + "(Int, Int64, Double, String, Bool, Data, their optionals, and enums with such raw values)"
            if type == "Date" || type == "Date?" {
                text += "; store dates as ISO 8601 TEXT and decode a String"
            }
            return withSQL(text, sql)
        case .tableNotFound(let table, let tables):
            let list = tables.isEmpty ? "(none yet)" : tables.joined(separator: ", ")
            return "no table \"\(table)\" in this database; tables are: \(list)"
        case .connectionPoolTimeout(let maxConnections, let waited, let sql):
            return withSQL(
                "waited \(formatSeconds(waited)) s for a free database connection, but all "
                    + "\(maxConnections) stayed busy. Keep transactions short, and inside "
                    + "db.transaction { tx in ... } use tx, not db", sql)
        case .migrationOrder(let versions):
            let list = versions.map(String.init).joined(separator: ", ")
            return "migration versions must be whole numbers above 0, each larger than the one "
                + "before (1, 2, 3, ...); got: \(list)"
        case .nestedDatabaseUse(let sql):
            return withSQL(
                "the database was used directly inside its own transaction; inside "
                    + "db.transaction { tx in ... } run every statement on tx, so it sees the "
                    + "transaction's changes (use tx.savepoint { ... } to nest)", sql)
        case .transactionEnded(let sql):
            return withSQL(
                "this transaction has already ended; use tx only inside the closure given to "
                    + "db.transaction { tx in ... }", sql)
        case .manualTransaction(let sql):
            return withSQL(
                "BEGIN, COMMIT and ROLLBACK are done for you; use db.transaction { tx in ... } "
                    + "(and tx.savepoint { ... } to nest) instead of writing them yourself", sql)
        }
    }

    private func withSQL(_ text: String, _ sql: String) -> String {
        "\(text)\n  SQL: \(displaySQL(sql))"
    }

    private func typeMismatchText(column: String, requested: String, value: SQLValue) -> String {
        if case .null = value {
            return "column \"\(column)\" is NULL but \(requested) was requested; "
                + "ask for \(requested)? if it can be empty"
        }
        let fitting: String
        switch value {
        case .integer: fitting = "Int"
        case .real: fitting = "Double"
        case .text: fitting = "String"
        case .blob: fitting = "Data"
        case .null: fitting = "an optional"
        }
        return "column \"\(column)\" holds the \(value.storageClass) value \(value) but \(requested) "
            + "was requested; ask for \(fitting), or store \(requested) values in this column"
    }
}

/// SQL shown on one line (runs of whitespace collapsed), shortened when very long.
func displaySQL(_ sql: String) -> String {
    let oneLine = sql.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    return oneLine.count > 500 ? oneLine.prefix(500) + " …" : oneLine
}

private func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
}
