import Foundation

/// The short hash a translation records of the English it translates (FNV-1a, 64 bits, as 16 hex
/// digits). Not for security: only to notice that the English changed after the translation was
/// written.
public enum TranslationHash {
    public static let algorithm = "fnv1a64"

    public static func of(_ data: Data) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(data)
        return hex(fingerprint.value)
    }

    public static func of(_ text: String) -> String { of(Data(text.utf8)) }

    /// Several texts as one: each is followed by a zero byte, so ["ab", "c"] and ["a", "bc"] differ.
    public static func of(_ texts: [String]) -> String {
        var fingerprint = Fingerprint()
        for text in texts {
            fingerprint.add(text.utf8)
            fingerprint.add([0])
        }
        return hex(fingerprint.value)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
