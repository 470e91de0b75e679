import Foundation
import StrictJSON

/// The JSON encoder and decoder BackendKit uses everywhere, configured once.
///
/// Keys are sorted so the same value always produces the same bytes (ETags and tests rely on it),
/// slashes are not escaped, and dates travel as ISO 8601 text (`2026-11-29T05:11:06Z`).
public enum JSONCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Describes a decoding failure the way a client developer wants to read it:
    /// which field, and what was wrong with it.
    public static func describe(_ error: any Error) -> (field: String?, message: String) {
        if let syntax = error as? JSONSyntaxError {
            return (nil, "The body is not valid JSON: \(JSONSyntax.describe(syntax)).")
        }
        guard let error = error as? DecodingError else { return (nil, "The body is not valid JSON.") }
        func path(_ codingPath: [any CodingKey], appending key: (any CodingKey)? = nil) -> String? {
            let keys = codingPath + (key.map { [$0] } ?? [])
            guard !keys.isEmpty else { return nil }
            return keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath, appending: key)
            return (field, "The field \"\(field ?? key.stringValue)\" is required.")
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return (field, "The field \"\(field ?? "body")\" must be \(describe(type)).")
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return (field, "The field \"\(field ?? "body")\" must be \(describe(type)), not null.")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return (nil, "The body is not valid JSON.")
            }
            let field = path(context.codingPath)
            return (field, "The field \"\(field ?? "body")\" has an invalid value.")
        @unknown default:
            return (nil, "The body could not be read as JSON.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type: "a number"
        case is [Any].Type: "an array"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
