/// One column of a table, as `columns(of:)` reports it.
public struct ColumnInfo: Sendable, Equatable {
    /// The column's name.
    public let name: String
    /// The type as written in `CREATE TABLE` (`INTEGER`, `TEXT`, ...), or "" when none was given.
    public let type: String
    /// Whether the column was declared `NOT NULL`. (SQLite reports an `INTEGER PRIMARY KEY`
    /// column as not `NOT NULL`, although it can never hold NULL.)
    public let notNull: Bool
    /// Whether the column is (part of) the table's primary key.
    public let primaryKey: Bool
    /// The `DEFAULT` as SQL text (`0`, `'draft'`, `CURRENT_TIMESTAMP`), or nil when there is none.
    public let defaultValue: String?

    /// Makes a description by hand, for comparing with what `columns(of:)` reports.
    public init(name: String, type: String, notNull: Bool, primaryKey: Bool, defaultValue: String?) {
        self.name = name
        self.type = type
        self.notNull = notNull
        self.primaryKey = primaryKey
        self.defaultValue = defaultValue
    }
}

/// One index of a table, as `indexes(of:)` reports it.
public struct IndexInfo: Sendable, Equatable {
    /// Why an index exists.
    public enum Origin: Sendable, Equatable {
        /// A `CREATE INDEX` statement.
        case createIndex
        /// A `UNIQUE` constraint in `CREATE TABLE`.
        case uniqueConstraint
        /// A `PRIMARY KEY` that is not an `INTEGER PRIMARY KEY`.
        case primaryKey
    }

    /// The index's name (SQLite names the ones it creates itself `sqlite_autoindex_...`).
    public let name: String
    /// The indexed columns, in index order; "" for an indexed expression.
    public let columns: [String]
    /// Whether two rows may not share the same values in these columns.
    public let isUnique: Bool
    /// Whether it is a partial index (`CREATE INDEX ... WHERE ...`).
    public let isPartial: Bool
    /// What created the index.
    public let origin: Origin

    /// Makes a description by hand, for comparing with what `indexes(of:)` reports.
    public init(name: String, columns: [String], isUnique: Bool, isPartial: Bool, origin: Origin) {
        self.name = name
        self.columns = columns
        self.isUnique = isUnique
        self.isPartial = isPartial
        self.origin = origin
    }
}

/// One foreign key (`REFERENCES`) of a table, as `foreignKeys(of:)` reports it.
public struct ForeignKeyInfo: Sendable, Equatable {
    /// The columns of this table that point to another table.
    public let columns: [String]
    /// The table pointed to.
    public let referencedTable: String
    /// The columns pointed to; when the SQL named none, the referenced table's primary key.
    public let referencedColumns: [String]
    /// The `ON UPDATE` action: `NO ACTION`, `CASCADE`, `SET NULL`, `SET DEFAULT` or `RESTRICT`.
    public let onUpdate: String
    /// The `ON DELETE` action, spelled like ``onUpdate``.
    public let onDelete: String

    /// Makes a description by hand, for comparing with what `foreignKeys(of:)` reports.
    public init(
        columns: [String], referencedTable: String, referencedColumns: [String], onUpdate: String,
        onDelete: String
    ) {
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onUpdate = onUpdate
        self.onDelete = onDelete
    }
}
