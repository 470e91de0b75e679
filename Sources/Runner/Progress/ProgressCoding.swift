import Foundation

/// The JSON form of `LearnerProgress`: sorted keys and ISO 8601 dates, so the file is stable,
/// readable and diffable.
enum ProgressCoding {
    enum Decoded {
        case success(LearnerProgress)
        /// The file is intact but newer than this build; it must be left alone.
        case newer(Int)
        /// The file cannot be used; the words say why, for the notice.
        case corrupt(String)
    }

    private struct VersionProbe: Decodable {
        var formatVersion: Int
    }

    static func encode(_ progress: LearnerProgress) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain values and dates into JSON cannot fail.
        var data = (try? encoder.encode(progress)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Looks at `formatVersion` first, so that a newer file is recognised even when its other fields
    /// have changed shape.
    static func decode(_ data: Data) -> Decoded {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .corrupt("it is empty")
        }
        guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
            return .corrupt("it is not valid JSON")
        }
        guard let probe = try? decoder.decode(VersionProbe.self, from: data) else {
            return .corrupt("it has no formatVersion")
        }
        if probe.formatVersion > LearnerProgress.currentFormatVersion { return .newer(probe.formatVersion) }
        guard probe.formatVersion >= 1 else {
            return .corrupt("its formatVersion \(probe.formatVersion) is not valid")
        }
        do {
            return .success(try decoder.decode(LearnerProgress.self, from: data))
        } catch {
            return .corrupt("a field has the wrong form: \(describe(error))")
        }
    }

    /// A short "where" for a decoding error: the field path and what was wrong.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return at.isEmpty ? "missing \(key.stringValue)" : "missing \(at).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)) (\(context.debugDescription))"
        @unknown default:
            return "\(error)"
        }
    }
}
