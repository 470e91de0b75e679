import Foundation

/// Decodes a `Decodable` type from one row, matching property names to column names.
///
/// Rows are flat, so only plain properties are supported: the ``SQLConvertible`` types (`Int`,
/// `Int64`, `Int32`, `Double`, `String`, `Bool`, `Data`, ...), other integer types and `Float`,
/// optionals (a `NULL` or a missing column decodes as `nil`) and types that decode from one such
/// value, like `enum Status: String, Decodable` or `UUID`. Anything else (a nested struct, an
/// array, a `Date`) fails with ``DatabaseError/unsupportedType(type:column:sql:)``.
struct RowDecoder: Decoder {
    /// The `type` of ``DatabaseError/unsupportedType(type:column:sql:)`` when a whole row with
    /// several columns was asked for as one plain value.
    static let wholeRowType = "a single value"
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RowContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DatabaseError.unsupportedType(
            type: Self.wholeRowType, column: row.columns.joined(separator: ", "), sql: row.sql)
    }

    /// A single value from a whole row: allowed when the row has exactly one column, so
    /// `db.queryOne(Int.self, "SELECT COUNT(*) FROM books")` works.
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard row.columns.count == 1 else {
            throw DatabaseError.unsupportedType(
                type: Self.wholeRowType, column: row.columns.joined(separator: ", "), sql: row.sql)
        }
        return ColumnDecoder(row: row, column: row.columns[0], typeName: "a plain value")
    }
}

/// Decodes one column's value, for properties whose type wraps a plain value.
private func decodeColumn<T: Decodable>(_ type: T.Type, column: String, row: Row) throws -> T {
    if let convertible = T.self as? any SQLConvertible.Type {
        func read<C: SQLConvertible>(_ type: C.Type) throws -> Any { try row.get(column, as: type) }
        if let value = try read(convertible) as? T { return value }
    }
    let name = readableTypeName(T.self)
    if T.self == Date.self || T.self == Date?.self {
        throw DatabaseError.unsupportedType(type: name, column: column, sql: row.sql)
    }
    return try T(from: ColumnDecoder(row: row, column: column, typeName: name))
}

private func integer<T: FixedWidthInteger>(_ type: T.Type, column: String, row: Row) throws -> T {
    let value = try row.value(column)
    guard let wide = Int64.fromSQL(value), let narrow = T(exactly: wide) else {
        throw DatabaseError.typeMismatch(
            column: column, requested: readableTypeName(T.self), value: value, sql: row.sql)
    }
    return narrow
}

private struct RowContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { row[key.stringValue] != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try row.value(key.stringValue).isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try row.get(key.stringValue) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try row.get(key.stringValue) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try row.get(key.stringValue) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try row.get(key.stringValue, as: Double.self))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try row.get(key.stringValue) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try row.get(key.stringValue) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try row.get(key.stringValue) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 {
        try integer(type, column: key.stringValue, row: row)
    }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 {
        try integer(type, column: key.stringValue, row: row)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeColumn(type, column: key.stringValue, row: row)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        throw DatabaseError.unsupportedType(type: "a nested type", column: key.stringValue, sql: row.sql)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DatabaseError.unsupportedType(type: "an array", column: key.stringValue, sql: row.sql)
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        throw DatabaseError.unsupportedType(type: "a nested type", column: key.stringValue, sql: row.sql)
    }
}

/// The decoder handed to a property type that decodes itself from one value (a raw-value enum,
/// `UUID`); only its single-value container works.
private struct ColumnDecoder: Decoder, SingleValueDecodingContainer {
    let row: Row
    let column: String
    let typeName: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DatabaseError.unsupportedType(type: typeName, column: column, sql: row.sql)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DatabaseError.unsupportedType(type: typeName, column: column, sql: row.sql)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { row[column]?.isNull ?? true }
    func decode(_ type: Bool.Type) throws -> Bool { try row.get(column) }
    func decode(_ type: String.Type) throws -> String { try row.get(column) }
    func decode(_ type: Double.Type) throws -> Double { try row.get(column) }
    func decode(_ type: Float.Type) throws -> Float { Float(try row.get(column, as: Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try row.get(column) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type, column: column, row: row) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type, column: column, row: row) }
    func decode(_ type: Int32.Type) throws -> Int32 { try row.get(column) }
    func decode(_ type: Int64.Type) throws -> Int64 { try row.get(column) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type, column: column, row: row) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type, column: column, row: row) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type, column: column, row: row) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type, column: column, row: row) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type, column: column, row: row) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeColumn(type, column: column, row: row) }
}
