import Foundation

/// Base64url (RFC 4648 §5): bytes written with `A-Z a-z 0-9 - _`, safe in URLs, cookies and
/// headers without escaping. Tokens and signatures are usually passed around this way.
///
/// ``encode(_:)-(some Collection<UInt8>)`` writes no `=` padding (as JWTs and most tokens do);
/// ``decode(_:)`` accepts text with or without correct padding and returns nil for anything else:
/// a character outside the alphabet (including standard base64's `+` and `/`), an impossible
/// length, or unused bits that are not zero (so each byte sequence has exactly one spelling).
///
/// ```swift
/// Base64URL.encode([0xfb, 0xff])     // "-_8"
/// Base64URL.decode("-_8")            // [0xfb, 0xff]
/// ```
public enum Base64URL {
    private static let alphabet = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The base64url text of some bytes, without padding.
    public static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index < input.count {
            let first = input[index]
            let second = index + 1 < input.count ? input[index + 1] : 0
            let third = index + 2 < input.count ? input[index + 2] : 0
            let group = UInt32(first) << 16 | UInt32(second) << 8 | UInt32(third)
            let remaining = input.count - index
            output.append(alphabet[Int(group >> 18 & 63)])
            output.append(alphabet[Int(group >> 12 & 63)])
            if remaining > 1 { output.append(alphabet[Int(group >> 6 & 63)]) }
            if remaining > 2 { output.append(alphabet[Int(group & 63)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The base64url text of a string's UTF-8 bytes.
    public static func encode(_ string: String) -> String {
        encode(Array(string.utf8))
    }

    /// The bytes of base64url text, or nil when it is not valid base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        var characters = Array(text.utf8)
        if characters.count % 4 == 0, let firstPad = characters.firstIndex(of: UInt8(ascii: "=")) {
            let padding = characters.count - firstPad
            guard padding <= 2, characters[firstPad...].allSatisfy({ $0 == UInt8(ascii: "=") }) else {
                return nil
            }
            characters.removeLast(padding)
        }
        guard characters.count % 4 != 1 else { return nil }
        var values: [UInt8] = []
        values.reserveCapacity(characters.count)
        for character in characters {
            guard let value = sextet(character) else { return nil }
            values.append(value)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 3 / 4)
        var index = 0
        while index < values.count {
            let count = min(4, values.count - index)
            var group: UInt32 = 0
            for offset in 0..<4 {
                group = group << 6 | UInt32(offset < count ? values[index + offset] : 0)
            }
            let produced = count - 1  // 4 characters give 3 bytes, 3 give 2, 2 give 1
            let unusedBits = group & (produced == 3 ? 0 : (1 << (8 * (3 - produced))) - 1)
            guard unusedBits == 0 else { return nil }
            for byteIndex in 0..<produced {
                bytes.append(UInt8(truncatingIfNeeded: group >> (16 - 8 * byteIndex)))
            }
            index += 4
        }
        return bytes
    }

    /// The bytes of base64url text as `Data`, or nil when it is not valid base64url.
    public static func decodeData(_ text: String) -> Data? {
        decode(text).map { Data($0) }
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): return 62
        case UInt8(ascii: "_"): return 63
        default: return nil
        }
    }
}
