#if canImport(CommonCrypto)
    import CommonCrypto
#else
    import CLibCrypto
#endif

/// HMAC-SHA-256 (RFC 2104, RFC 4231): a 32-byte code proving that a message was made by someone
/// holding the secret key and was not changed since.
///
/// Use it to sign what you hand out and later get back, such as a session cookie or a token:
/// send `message` together with its code; when it comes back, compute the code again with your key
/// and compare the two with ``constantTimeEquals(_:_:)`` (never with `==`, which leaks through its
/// timing how many bytes matched).
///
/// ```swift
/// let key = SecureRandom.bytes(32)                    // keep it secret, keep it stable
/// let code = HMACSHA256.authenticationCode(for: "user=42", key: key)
/// let cookie = "user=42." + Base64URL.encode(code)
/// ```
public enum HMACSHA256 {
    /// The length of an HMAC-SHA-256 code in bytes.
    public static let byteCount = 32

    /// The code for `message` under `key`. Keys of 32 random bytes are a good choice; any length works.
    public static func authenticationCode(
        for message: some Collection<UInt8>, key: some Collection<UInt8>
    ) -> [UInt8] {
        // Keys longer than SHA-256's 64-byte block are hashed first, as RFC 2104 says; doing it
        // here keeps every key length within what the C interface takes.
        let keyBytes = key.count > 64 ? SHA256.hash(key) : Array(key)
        var code = [UInt8](repeating: 0, count: byteCount)
        ByteInput.with(keyBytes) { keyPointer, keyCount in
            ByteInput.with(message) { messagePointer, messageCount in
                code.withUnsafeMutableBufferPointer { output in
                    compute(
                        key: keyPointer, keyCount, message: messagePointer, messageCount,
                        into: output.baseAddress!)
                }
            }
        }
        return code
    }

    /// The code for a string's UTF-8 bytes under `key`.
    public static func authenticationCode(for message: String, key: some Collection<UInt8>) -> [UInt8] {
        authenticationCode(for: Array(message.utf8), key: key)
    }

    /// The code for a string's UTF-8 bytes under a key given as a string's UTF-8 bytes.
    public static func authenticationCode(for message: String, key: String) -> [UInt8] {
        authenticationCode(for: Array(message.utf8), key: Array(key.utf8))
    }

    #if canImport(CommonCrypto)
        private static func compute(
            key: UnsafePointer<UInt8>, _ keyCount: Int, message: UnsafePointer<UInt8>, _ messageCount: Int,
            into output: UnsafeMutablePointer<UInt8>
        ) {
            CCHmac(CCHmacAlgorithm(kCCHmacAlgSHA256), key, keyCount, message, messageCount, output)
        }
    #else
        private static func compute(
            key: UnsafePointer<UInt8>, _ keyCount: Int, message: UnsafePointer<UInt8>, _ messageCount: Int,
            into output: UnsafeMutablePointer<UInt8>
        ) {
            var length: UInt32 = 0
            let result = HMAC(EVP_sha256(), key, Int32(keyCount), message, messageCount, output, &length)
            precondition(
                result != nil && length == UInt32(byteCount), "libcrypto failed to compute HMAC-SHA-256")
        }
    #endif
}
