import Foundation

/// A Swift type that a value read from the database can be turned into, with ``Row/get(_:as:)``.
///
/// Conversions are strict on purpose, so a wrong column or a wrong type shows up as a clear error
/// instead of a silent surprise: text is never turned into a number, and `NULL` only fits an
/// optional. The few lenient cases are safe ones: a whole-number `REAL` (such as `3.0`) reads as
/// `Int`, and an `INTEGER` reads as `Double`.
///
/// `Int`, `Int64`, `Int32`, `Double`, `String`, `Bool` (from 0 or 1), `Data`, `[UInt8]`,
/// ``SQLValue`` and optionals of these conform.
public protocol SQLConvertible {
    /// Returns the value as `Self`, or `nil` when it cannot be represented as `Self`.
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension SQLValue: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> SQLValue? { value }
}

extension Int64: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .real(let number): return Int64(exactly: number)
        default: return nil
        }
    }
}

extension Int: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> Int? {
        Int64.fromSQL(value).flatMap { Int(exactly: $0) }
    }
}

extension Int32: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> Int32? {
        Int64.fromSQL(value).flatMap { Int32(exactly: $0) }
    }
}

extension Double: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        default: return nil
        }
    }
}

extension String: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Bool: SQLConvertible {
    /// Only 0 and 1 are accepted, since that is how ``SQLBindable`` stores a `Bool`.
    public static func fromSQL(_ value: SQLValue) -> Bool? {
        switch value {
        case .integer(0): return false
        case .integer(1): return true
        default: return nil
        }
    }
}

extension Data: SQLConvertible {
    public static func fromSQL(_ value: SQLValue) -> Data? {
        if case .blob(let data) = value { return data }
        return nil
    }
}

extension Array: SQLConvertible where Element == UInt8 {
    public static func fromSQL(_ value: SQLValue) -> [UInt8]? {
        if case .blob(let data) = value { return [UInt8](data) }
        return nil
    }
}

extension Optional: SQLConvertible where Wrapped: SQLConvertible {
    /// `NULL` becomes `nil`; any other value must convert to `Wrapped`.
    public static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(.none) }
        guard let wrapped = Wrapped.fromSQL(value) else { return .none }
        return .some(.some(wrapped))
    }
}

/// `Int`, `String?` and so on as a learner writes them, for error messages (`Optional<Int>` → `Int?`).
func readableTypeName(_ type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Optional<"), name.hasSuffix(">") {
        return String(name.dropFirst("Optional<".count).dropLast()) + "?"
    }
    return name
}
