#if canImport(CommonCrypto)
    import Security
#else
    import CLibCrypto
#endif

/// Unpredictable random bytes from the operating system's cryptographic generator.
///
/// Use it for anything an attacker must not guess: session tokens, password-reset codes, salts,
/// keys. (`Int.random(in:)` is fine for games, not for secrets.)
///
/// ```swift
/// let sessionID = SecureRandom.token()     // 43 characters, safe in URLs and cookies
/// ```
public enum SecureRandom {
    /// `count` random bytes; an empty array when `count` is 0 or less.
    public static func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBufferPointer { buffer in
            var offset = 0
            while offset < count {
                let chunk = min(count - offset, 1 << 30)
                fill(buffer.baseAddress! + offset, chunk)
                offset += chunk
            }
        }
        return bytes
    }

    /// A random token as base64url text without padding: `byteCount` random bytes (32 by default,
    /// 256 bits, far beyond guessing) written with the characters `A-Z a-z 0-9 - _`.
    public static func token(byteCount: Int = 32) -> String {
        Base64URL.encode(bytes(byteCount))
    }

    #if canImport(CommonCrypto)
        private static func fill(_ pointer: UnsafeMutablePointer<UInt8>, _ count: Int) {
            let status = SecRandomCopyBytes(kSecRandomDefault, count, pointer)
            precondition(status == errSecSuccess, "the system's random generator failed (\(status))")
        }
    #else
        private static func fill(_ pointer: UnsafeMutablePointer<UInt8>, _ count: Int) {
            let status = RAND_bytes(pointer, Int32(count))
            precondition(status == 1, "libcrypto's random generator failed")
        }
    #endif
}
