import Foundation

/// One value as SQLite stores it.
///
/// SQLite keeps every value in one of five storage classes, whatever type a column was declared with.
/// `SQLValue` names them, so code can look at a value without guessing: what you bind as a parameter
/// becomes one of these, and every cell of a ``Row`` is one of these.
///
/// ```swift
/// let value: SQLValue = 42          // .integer(42)
/// let title: SQLValue = "Dune"      // .text("Dune")
/// ```
///
/// Integer, floating-point, string and boolean literals work. `nil` deliberately does not (write
/// `.null`): `row["year"] == nil` must keep meaning "this row has no column year".
public enum SQLValue: Sendable, Equatable, Hashable {
    /// A whole number. SQLite integers are 64-bit.
    case integer(Int64)
    /// A floating-point number.
    case real(Double)
    /// Text, stored as UTF-8.
    case text(String)
    /// Raw bytes (a "binary large object").
    case blob(Data)
    /// No value at all. SQL's `NULL`: not zero, not an empty string, but "unknown / not set".
    case null

    /// The storage class as SQLite spells it, for messages: `INTEGER`, `REAL`, `TEXT`, `BLOB`, `NULL`.
    public var storageClass: String {
        switch self {
        case .integer: return "INTEGER"
        case .real: return "REAL"
        case .text: return "TEXT"
        case .blob: return "BLOB"
        case .null: return "NULL"
        }
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SQLValue: CustomStringConvertible {
    /// A short form for error messages: `42`, `4.5`, `"Dune"`, `<3 bytes>`, `NULL`.
    /// Long text is shortened so a message stays readable.
    public var description: String {
        switch self {
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value):
            let shown = value.count > 40 ? value.prefix(40) + "…" : Substring(value)
            return "\"\(shown)\""
        case .blob(let data): return "<\(data.count) bytes>"
        case .null: return "NULL"
        }
    }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLValue: ExpressibleByBooleanLiteral {
    /// SQLite has no boolean type: `true` is stored as the integer 1 and `false` as 0.
    public init(booleanLiteral value: Bool) { self = .integer(value ? 1 : 0) }
}
