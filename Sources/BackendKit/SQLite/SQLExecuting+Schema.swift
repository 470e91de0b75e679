extension SQLExecuting {
    /// The names of the tables you created, in alphabetical order (SQLite's own are left out).
    public func tableNames() throws -> [String] {
        try query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                + "ORDER BY name"
        ).map { try $0.string("name") }
    }

    /// The columns of a table (or view), in the order they were declared.
    ///
    /// ```swift
    /// let columns = try db.columns(of: "books")
    /// columns.map(\.name)          // ["id", "title", "year"]
    /// ```
    ///
    /// - Throws: ``DatabaseError/tableNotFound(table:tables:)`` when there is no such table.
    public func columns(of table: String) throws -> [ColumnInfo] {
        let rows = try query(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid", table)
        guard !rows.isEmpty else {
            throw DatabaseError.tableNotFound(table: table, tables: try tableNames())
        }
        return try rows.map { row in
            ColumnInfo(
                name: try row.string("name"), type: try row.string("type"),
                notNull: try row.int("notnull") != 0, primaryKey: try row.int("pk") != 0,
                defaultValue: try row.get("dflt_value"))
        }
    }

    /// The indexes of a table, including those SQLite made for `UNIQUE` constraints.
    public func indexes(of table: String) throws -> [IndexInfo] {
        try requireTable(table)
        return try query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?) ORDER BY name", table
        )
        .map { row in
            let name = try row.string("name")
            let columns = try query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", name)
                .map { try $0.get("name", as: String?.self) ?? "" }
            let origin: IndexInfo.Origin
            switch try row.string("origin") {
            case "u": origin = .uniqueConstraint
            case "pk": origin = .primaryKey
            default: origin = .createIndex
            }
            return IndexInfo(
                name: name, columns: columns, isUnique: try row.int("unique") != 0,
                isPartial: try row.int("partial") != 0, origin: origin)
        }
    }

    /// The foreign keys of a table: which of its columns point to which other table.
    public func foreignKeys(of table: String) throws -> [ForeignKeyInfo] {
        try requireTable(table)
        let rows = try query(
            "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                + "FROM pragma_foreign_key_list(?) ORDER BY id, seq", table)
        var keys: [ForeignKeyInfo] = []
        var index = rows.startIndex
        while index < rows.endIndex {
            let id = try rows[index].int("id")
            let group = rows[index...].prefix { (try? $0.int("id")) == id }
            index += group.count
            guard let first = group.first else { break }
            let referencedTable = try first.string("table")
            var referenced = try group.map { try $0.get("to", as: String?.self) ?? "" }
            if referenced.allSatisfy(\.isEmpty) {
                referenced = try primaryKeyColumns(of: referencedTable)
            }
            keys.append(
                ForeignKeyInfo(
                    columns: try group.map { try $0.string("from") }, referencedTable: referencedTable,
                    referencedColumns: referenced, onUpdate: try first.string("on_update"),
                    onDelete: try first.string("on_delete")))
        }
        return keys
    }

    /// How SQLite plans to run a query: the `detail` lines of `EXPLAIN QUERY PLAN`, such as
    /// `SEARCH books USING INDEX books_year (year=?)` (an index is used) or `SCAN books` (every row
    /// is read). Pass the same parameters the query takes.
    public func explainQueryPlan(_ sql: String, _ parameters: any SQLBindable...) throws -> [String] {
        try explainQueryPlan(sql, parameters: parameters)
    }

    /// `explainQueryPlan` with the values in an array, for SQL built with a varying number of `?`.
    public func explainQueryPlan(_ sql: String, parameters: [any SQLBindable]) throws -> [String] {
        try query("EXPLAIN QUERY PLAN " + sql, parameters: parameters).map { try $0.string("detail") }
    }

    private func requireTable(_ table: String) throws {
        let found = try queryOne(
            "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE", table)
        if found == nil {
            throw DatabaseError.tableNotFound(table: table, tables: try tableNames())
        }
    }

    private func primaryKeyColumns(of table: String) throws -> [String] {
        try query("SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk", table)
            .map { try $0.string("name") }
    }
}
