/// SQLite result codes that the C module does not export as Swift constants (they are built with
/// macros), and the names and hints used in ``DatabaseError``'s messages.
enum SQLiteCode {
    static let busy: Int32 = 5
    static let locked: Int32 = 6
    static let readOnly: Int32 = 8
    static let constraint: Int32 = 19
    static let constraintCheck: Int32 = 275
    static let constraintForeignKey: Int32 = 787
    /// What SQLite reports when `ON DELETE RESTRICT` refuses a delete (the rule runs as a trigger).
    static let constraintTrigger: Int32 = 1811
    static let constraintNotNull: Int32 = 1299
    static let constraintPrimaryKey: Int32 = 1555
    static let constraintUnique: Int32 = 2067
}

private let primaryNames: [Int32: String] = [
    1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT", 5: "SQLITE_BUSY",
    6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT",
    10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN",
    15: "SQLITE_PROTOCOL", 17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG", 19: "SQLITE_CONSTRAINT",
    20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 23: "SQLITE_AUTH", 25: "SQLITE_RANGE",
    26: "SQLITE_NOTADB",
]

private let extendedNames: [Int32: String] = [
    261: "SQLITE_BUSY_RECOVERY", 517: "SQLITE_BUSY_SNAPSHOT", 773: "SQLITE_BUSY_TIMEOUT",
    275: "SQLITE_CONSTRAINT_CHECK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
    1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
    1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE",
    2579: "SQLITE_CONSTRAINT_ROWID", 3091: "SQLITE_CONSTRAINT_DATATYPE",
]

/// `SQLITE_CONSTRAINT_UNIQUE`, or the primary code's name, or `code N` for anything unknown.
func sqliteCodeName(_ code: Int32) -> String {
    if let name = extendedNames[code] { return name }
    if let name = primaryNames[code & 0xFF] {
        return code > 0xFF ? "\(name), extended code \(code)" : name
    }
    return "code \(code)"
}

/// What a learner can do about the most common failures; nil when there is nothing general to say.
func sqliteHint(code: Int32, extendedCode: Int32, message: String) -> String? {
    switch extendedCode {
    case SQLiteCode.constraintUnique, SQLiteCode.constraintPrimaryKey:
        return "a row with this value already exists. Catch it with "
            + "error.isUniqueConstraintViolation and answer 409 Conflict"
    case SQLiteCode.constraintForeignKey:
        return "the row points to a row that does not exist, or another row still points to it. "
            + "Catch it with error.isForeignKeyViolation and answer 422 (or 409 for a delete)"
    case SQLiteCode.constraintNotNull:
        return "a required column got no value (NULL). Check the input and answer 422 "
            + "(error.isNotNullViolation)"
    case SQLiteCode.constraintCheck:
        return "a value broke one of the table's CHECK rules. Answer 422 "
            + "(error.isCheckConstraintViolation)"
    default: break
    }
    switch code {
    case SQLiteCode.busy, SQLiteCode.locked:
        return "another connection kept the database busy for too long; keep transactions short"
    case SQLiteCode.readOnly:
        return "this database was opened read-only, or this program may not write its file"
    default: break
    }
    if message.hasPrefix("no such table") {
        return "has the table been created? Run your schema or migrations before this statement"
    }
    if message.hasPrefix("no such column") {
        return "check the column's spelling against the table's CREATE TABLE statement"
    }
    if message.contains("syntax error") {
        return "look just before the quoted word: a missing comma, quote or parenthesis is the usual cause"
    }
    return nil
}
