#if canImport(CommonCrypto)
    import CommonCrypto
#else
    import CLibCrypto
#endif

/// The SHA-256 hash function (FIPS 180-4): a 32-byte fingerprint of any input.
///
/// The same input always gives the same fingerprint, and nobody can find another input with the
/// same one, which makes it fit for checking that data is unchanged or for storing a lookup key
/// for a secret token. It is fast, and so it is NOT fit for passwords: use ``PasswordHash``.
///
/// ```swift
/// let digest = SHA256.hash("abc")
/// Hex.encode(digest)   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public enum SHA256 {
    /// The length of a SHA-256 digest in bytes.
    public static let byteCount = 32

    /// The digest of some bytes (`[UInt8]`, `Data`, `string.utf8`, ...).
    public static func hash(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: byteCount)
        ByteInput.with(bytes) { input, count in
            digest.withUnsafeMutableBufferPointer { output in
                compute(input, count, into: output.baseAddress!)
            }
        }
        return digest
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(_ string: String) -> [UInt8] {
        hash(Array(string.utf8))
    }

    #if canImport(CommonCrypto)
        private static func compute(
            _ input: UnsafePointer<UInt8>, _ count: Int, into output: UnsafeMutablePointer<UInt8>
        ) {
            var context = CC_SHA256_CTX()
            CC_SHA256_Init(&context)
            var offset = 0
            while offset < count {
                let chunk = min(count - offset, 1 << 30)
                CC_SHA256_Update(&context, input + offset, CC_LONG(chunk))
                offset += chunk
            }
            CC_SHA256_Final(output, &context)
        }
    #else
        private static func compute(
            _ input: UnsafePointer<UInt8>, _ count: Int, into output: UnsafeMutablePointer<UInt8>
        ) {
            var length: UInt32 = 0
            let status = EVP_Digest(input, count, output, &length, EVP_sha256(), nil)
            precondition(status == 1 && length == UInt32(byteCount), "libcrypto failed to compute SHA-256")
        }
    #endif
}
