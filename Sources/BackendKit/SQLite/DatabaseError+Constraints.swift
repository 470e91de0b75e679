extension DatabaseError {
    /// The precise SQLite result code, or nil when this error did not come from SQLite.
    public var sqliteExtendedCode: Int32? {
        if case .sqlite(_, let extendedCode, _, _) = self { return extendedCode }
        return nil
    }

    /// A `UNIQUE` or `PRIMARY KEY` rule was broken: a row with that value exists. Usually 409 Conflict.
    public var isUniqueConstraintViolation: Bool {
        sqliteExtendedCode == SQLiteCode.constraintUnique
            || sqliteExtendedCode == SQLiteCode.constraintPrimaryKey
    }

    /// A `REFERENCES` (foreign key) rule was broken: the referenced row does not exist, or a row
    /// being deleted is still referenced. Usually 422 for a write, 409 for a delete.
    public var isForeignKeyViolation: Bool {
        if sqliteExtendedCode == SQLiteCode.constraintForeignKey { return true }
        // `ON DELETE RESTRICT` refuses through a trigger: SQLITE_CONSTRAINT_TRIGGER, same message.
        return sqliteExtendedCode == SQLiteCode.constraintTrigger
            && sqliteMessage?.contains("FOREIGN KEY constraint failed") == true
    }

    /// A `CHECK (...)` rule of the table was broken. Usually 422 Unprocessable Content.
    public var isCheckConstraintViolation: Bool {
        sqliteExtendedCode == SQLiteCode.constraintCheck
    }

    /// A `NOT NULL` column got `NULL`. Usually 422 Unprocessable Content.
    public var isNotNullViolation: Bool {
        sqliteExtendedCode == SQLiteCode.constraintNotNull
    }

    /// The database stayed busy or locked too long, or no connection became free in time.
    /// Nothing was wrong with the request itself; 503 Service Unavailable fits.
    public var isBusy: Bool {
        switch self {
        case .sqlite(let code, _, _, _):
            return code == SQLiteCode.busy || code == SQLiteCode.locked
        case .connectionPoolTimeout:
            return true
        default:
            return false
        }
    }
}

extension DatabaseError {
    /// SQLite's own one-line message, such as `UNIQUE constraint failed: books.isbn`, without the
    /// SQL: safe to show a client when it names only a broken rule. Nil when the error did not come
    /// from SQLite.
    public var sqliteMessage: String? {
        if case .sqlite(_, _, let message, _) = self { return message }
        return nil
    }
}
