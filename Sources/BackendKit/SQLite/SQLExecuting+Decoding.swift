extension Row {
    /// This row as a `Decodable` type whose property names match the column names.
    ///
    /// ```swift
    /// struct Book: Decodable { let id: Int; let title: String; let year: Int? }
    /// let book = try row.decode(Book.self)
    /// ```
    ///
    /// A column named differently from the property can be renamed in the SQL
    /// (`SELECT created_at AS createdAt`). See ``SQLExecuting/query(_:_:_:)`` for the supported
    /// property types.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: RowDecoder(row: self))
    }
}

extension SQLExecuting {
    /// Runs one `SELECT` and decodes every row as `T`, matching column names to property names.
    ///
    /// ```swift
    /// struct Book: Decodable { let id: Int; let title: String; let year: Int? }
    /// let books = try db.query(Book.self, "SELECT id, title, year FROM books ORDER BY id")
    /// ```
    ///
    /// Supported property types: `Int`, `Int64`, `Int32`, `Double`, `String`, `Bool`, `Data` and
    /// their optionals (`nil` for `NULL` or a column the query did not select), plus enums with a
    /// `String` or `Int` raw value. A nested struct, an array or a `Date` fails with
    /// ``DatabaseError/unsupportedType(type:column:sql:)``. A single-column query can also decode
    /// straight to a plain type: `try db.queryOne(Int.self, "SELECT COUNT(*) FROM books")`.
    public func query<T: Decodable>(_ type: T.Type, _ sql: String, _ parameters: any SQLBindable...) throws
        -> [T]
    {
        try query(type, sql, parameters: parameters)
    }

    /// Like ``query(_:_:_:)``, with the values given as an array.
    public func query<T: Decodable>(_ type: T.Type, _ sql: String, parameters: [any SQLBindable]) throws
        -> [T]
    {
        try query(sql, parameters: parameters).map { try $0.decode(type) }
    }

    /// Runs one `SELECT` and decodes its first row as `T`, or returns nil when nothing matched.
    ///
    /// ```swift
    /// guard let book = try db.queryOne(Book.self, "SELECT * FROM books WHERE id = ?", id) else {
    ///     // answer 404
    /// }
    /// ```
    public func queryOne<T: Decodable>(_ type: T.Type, _ sql: String, _ parameters: any SQLBindable...) throws
        -> T?
    {
        try queryOne(type, sql, parameters: parameters)
    }

    /// Like ``queryOne(_:_:_:)``, with the values given as an array.
    public func queryOne<T: Decodable>(_ type: T.Type, _ sql: String, parameters: [any SQLBindable]) throws
        -> T?
    {
        try queryOne(sql, parameters: parameters).map { try $0.decode(type) }
    }
}
