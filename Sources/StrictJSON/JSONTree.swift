/// A JSON document as RFC 8259 defines it, with object members in the order they were written.
///
/// What `StrictJSON.parse` returns: for readers that must say exactly which field is wrong (the
/// runner's `pack.json`), not for everyday decoding (use `Codable` after `StrictJSON.validate`).
public indirect enum JSONTree: Sendable, Equatable {
    /// Members in document order; duplicates are refused unless the options allow them.
    case object([(key: String, value: JSONTree)])
    case array([JSONTree])
    case string(String)
    /// The number, and whether it was written without a fraction or an exponent.
    case number(Double, isInteger: Bool)
    case bool(Bool)
    case null

    /// "an object", "a number", …: the "found …" part of a message about the wrong kind of value.
    public var kindDescription: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    /// The value of member `key`; nil when this is not an object or has no such member.
    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.number(let a, let x), .number(let b, let y)): a == b && x == y
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        default: false
        }
    }
}
