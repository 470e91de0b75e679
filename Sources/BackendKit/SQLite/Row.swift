import Foundation

/// One row of a query's result: its values, found by column name or by position.
///
/// Column names are the names in the result, so `SELECT title AS name` gives a column `name`.
/// When two columns share a name (common with `SELECT *` over a `JOIN`), lookups by name find the
/// first; give them distinct names with `AS`.
///
/// ```swift
/// let row = try db.queryOne("SELECT id, title, year FROM books WHERE id = ?", 1)
/// let title = try row?.string("title")
/// let year: Int? = try row?.get("year")        // nil when year is NULL
/// ```
public struct Row: Sendable {
    let layout: RowLayout
    /// The row's values, in the order of ``columns``.
    public let values: [SQLValue]

    init(layout: RowLayout, values: [SQLValue]) {
        self.layout = layout
        self.values = values
    }

    /// The column names, in the order the query selected them.
    public var columns: [String] { layout.columns }

    /// The SQL that produced this row; error messages show it.
    public var sql: String { layout.sql }

    /// The value of the named column, or nil when the row has no such column.
    public subscript(_ column: String) -> SQLValue? {
        layout.index(of: column).map { values[$0] }
    }

    /// The value at a position (0 is the first column), or nil when out of range.
    public subscript(_ index: Int) -> SQLValue? {
        values.indices.contains(index) ? values[index] : nil
    }

    /// The raw value of a column; throws when the row has no such column.
    public func value(_ column: String) throws -> SQLValue {
        guard let index = layout.index(of: column) else {
            throw DatabaseError.columnNotFound(column: column, columns: columns, sql: sql)
        }
        return values[index]
    }

    /// The named column as `T`. Ask for an optional (`Int?`) when the column can be `NULL`.
    ///
    /// Throws ``DatabaseError/columnNotFound(column:columns:sql:)`` for a misspelt column and
    /// ``DatabaseError/typeMismatch(column:requested:value:sql:)`` when the value does not fit `T`.
    public func get<T: SQLConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        let raw = try value(column)
        guard let converted = T.fromSQL(raw) else {
            throw DatabaseError.typeMismatch(
                column: column, requested: readableTypeName(T.self), value: raw, sql: sql)
        }
        return converted
    }

    /// The column at a position as `T`; positions start at 0.
    public func get<T: SQLConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError.columnNotFound(column: "#\(index)", columns: columns, sql: sql)
        }
        return try get(columns[index], as: T.self)
    }

    /// The column as `Int`; throws when it is `NULL` or not a whole number.
    public func int(_ column: String) throws -> Int { try get(column) }

    /// The column as `String`; throws when it is `NULL` or not text.
    public func string(_ column: String) throws -> String { try get(column) }

    /// The column as `Double`; integers are accepted too.
    public func double(_ column: String) throws -> Double { try get(column) }

    /// The column as `Bool`, stored as 0 or 1.
    public func bool(_ column: String) throws -> Bool { try get(column) }

    /// The column as `Data` (a BLOB).
    public func data(_ column: String) throws -> Data { try get(column) }
}

extension Row: CustomStringConvertible {
    /// `id: 1, title: "Dune", year: NULL`
    public var description: String {
        zip(columns, values).map { "\($0): \($1)" }.joined(separator: ", ")
    }
}

/// What all rows of one result share: the column names and the SQL. Built once per statement run.
final class RowLayout: Sendable {
    let columns: [String]
    let sql: String
    private let positions: [String: Int]
    private let lowercasedPositions: [String: Int]

    init(columns: [String], sql: String) {
        self.columns = columns
        self.sql = sql
        var positions: [String: Int] = [:]
        var lowercased: [String: Int] = [:]
        for (index, name) in columns.enumerated() {
            if positions[name] == nil { positions[name] = index }
            if lowercased[name.lowercased()] == nil { lowercased[name.lowercased()] = index }
        }
        self.positions = positions
        self.lowercasedPositions = lowercased
    }

    /// SQLite treats column names case-insensitively, so a differently-cased name still matches.
    func index(of column: String) -> Int? {
        positions[column] ?? lowercasedPositions[column.lowercased()]
    }
}
