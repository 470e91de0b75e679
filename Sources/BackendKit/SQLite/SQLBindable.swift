import Foundation

/// A Swift value that can be passed as a parameter of a SQL statement (the value for a `?`).
///
/// Parameters are how values get into SQL safely: the value is sent to SQLite separately from the
/// SQL text, so a title such as `Robert'); DROP TABLE books;--` is stored as plain text and can
/// never change what the statement does. Never build SQL by pasting values into the string.
///
/// ```swift
/// try db.execute("INSERT INTO books (title, year) VALUES (?, ?)", title, year)
/// ```
///
/// `Int`, `Int64`, `Int32`, `Double`, `String`, `Substring`, `Bool` (stored as 0 or 1), `Data`,
/// `[UInt8]`, ``SQLValue`` and optionals of these (where `nil` becomes `NULL`) conform.
public protocol SQLBindable {
    /// The value SQLite will store for this parameter.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    public var sqlValue: SQLValue { self }
}

extension Int: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Int64: SQLBindable {
    public var sqlValue: SQLValue { .integer(self) }
}

extension Int32: SQLBindable {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
}

extension Double: SQLBindable {
    public var sqlValue: SQLValue { .real(self) }
}

extension String: SQLBindable {
    public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLBindable {
    public var sqlValue: SQLValue { .text(String(self)) }
}

extension Bool: SQLBindable {
    /// SQLite has no boolean type; `true` is stored as 1 and `false` as 0.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
}

extension Data: SQLBindable {
    public var sqlValue: SQLValue { .blob(self) }
}

extension Array: SQLBindable where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(Data(self)) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// `nil` is stored as `NULL`.
    public var sqlValue: SQLValue {
        switch self {
        case .some(let value): return value.sqlValue
        case .none: return .null
        }
    }
}
