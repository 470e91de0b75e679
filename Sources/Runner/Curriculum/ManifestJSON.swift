/// A parsed JSON document, kept only long enough to check `pack.json` field by field.
///
/// The runner parses the manifest itself (see `ManifestJSONParser`) instead of using `JSONDecoder`
/// so that a pack author gets the line and column of a syntax error and a precise "expected X,
/// found Y" for every wrong field, which is what makes a broken manifest quick to fix.
indirect enum ManifestJSON: Sendable, Equatable {
    /// Fields in file order; duplicates are rejected by the parser.
    case object([(key: String, value: ManifestJSON)])
    case array([ManifestJSON])
    case string(String)
    /// The number and whether it was written without a fraction or exponent.
    case number(Double, isInteger: Bool)
    case bool(Bool)
    case null

    /// "a number", "an array", ...: the "found …" part of a type error.
    var kindDescription: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        }
    }

    /// The value of a field of an object; nil when this is not an object or the field is absent.
    subscript(key: String) -> ManifestJSON? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    static func == (lhs: ManifestJSON, rhs: ManifestJSON) -> Bool {
        switch (lhs, rhs) {
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.array(let a), .array(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.number(let a, let x), .number(let b, let y)): return a == b && x == y
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        default: return false
        }
    }
}
