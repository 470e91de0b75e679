#if canImport(CommonCrypto)
    import CommonCrypto
#else
    import CLibCrypto
#endif

/// PBKDF2 (RFC 8018) with HMAC-SHA-256: turns a password into a key, slowly on purpose.
///
/// Every guess an attacker makes costs them `iterations` HMAC computations, which is what makes
/// stolen password hashes expensive to crack. To store passwords, use ``PasswordHash``, which
/// picks the salt, the iteration count and the storage format for you.
///
/// ```swift
/// let key = try PBKDF2.sha256(password: "passwd", salt: "salt", iterations: 1, keyLength: 64)
/// ```
public enum PBKDF2 {
    /// The iteration counts accepted.
    public static let allowedIterations = 1...Int(Int32.max)
    /// The key lengths accepted, in bytes.
    public static let allowedKeyLengths = 1...1024

    /// Derives `keyLength` bytes from `password` and `salt`.
    ///
    /// - Throws: ``CryptoError`` when `iterations` or `keyLength` is out of range.
    public static func sha256(
        password: some Collection<UInt8>, salt: some Collection<UInt8>, iterations: Int, keyLength: Int
    ) throws -> [UInt8] {
        guard allowedIterations.contains(iterations) else {
            throw CryptoError.invalidIterations(iterations, allowed: allowedIterations)
        }
        guard allowedKeyLengths.contains(keyLength) else {
            throw CryptoError.invalidKeyLength(keyLength, allowed: allowedKeyLengths)
        }
        guard password.count <= Int(Int32.max) else {
            throw CryptoError.inputTooLong(what: "password", byteCount: password.count)
        }
        guard salt.count <= Int(Int32.max) else {
            throw CryptoError.inputTooLong(what: "salt", byteCount: salt.count)
        }
        var key = [UInt8](repeating: 0, count: keyLength)
        let succeeded = ByteInput.with(password) { passwordPointer, passwordCount in
            ByteInput.with(salt) { saltPointer, saltCount in
                key.withUnsafeMutableBufferPointer { output in
                    derive(
                        password: passwordPointer, passwordCount, salt: saltPointer, saltCount,
                        iterations: iterations, into: output.baseAddress!, keyLength)
                }
            }
        }
        guard succeeded else { throw CryptoError.libraryFailure("PBKDF2-HMAC-SHA256 did not complete") }
        return key
    }

    /// Derives a key from a password given as a string (its UTF-8 bytes).
    public static func sha256(
        password: String, salt: some Collection<UInt8>, iterations: Int, keyLength: Int
    ) throws -> [UInt8] {
        try sha256(password: Array(password.utf8), salt: salt, iterations: iterations, keyLength: keyLength)
    }

    /// Derives a key from a password and a salt both given as strings (their UTF-8 bytes).
    public static func sha256(password: String, salt: String, iterations: Int, keyLength: Int) throws
        -> [UInt8]
    {
        try sha256(
            password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations,
            keyLength: keyLength)
    }

    #if canImport(CommonCrypto)
        private static func derive(
            password: UnsafePointer<UInt8>, _ passwordCount: Int, salt: UnsafePointer<UInt8>,
            _ saltCount: Int,
            iterations: Int, into output: UnsafeMutablePointer<UInt8>, _ keyLength: Int
        ) -> Bool {
            let status = UnsafeRawPointer(password).withMemoryRebound(
                to: CChar.self, capacity: max(passwordCount, 1)
            ) {
                CCKeyDerivationPBKDF(
                    CCPBKDFAlgorithm(kCCPBKDF2), $0, passwordCount, salt, saltCount,
                    CCPseudoRandomAlgorithm(kCCPRFHmacAlgSHA256), UInt32(iterations), output, keyLength)
            }
            return status == Int32(kCCSuccess)
        }
    #else
        private static func derive(
            password: UnsafePointer<UInt8>, _ passwordCount: Int, salt: UnsafePointer<UInt8>,
            _ saltCount: Int,
            iterations: Int, into output: UnsafeMutablePointer<UInt8>, _ keyLength: Int
        ) -> Bool {
            let status = UnsafeRawPointer(password).withMemoryRebound(
                to: CChar.self, capacity: max(passwordCount, 1)
            ) {
                PKCS5_PBKDF2_HMAC(
                    $0, Int32(passwordCount), salt, Int32(saltCount), Int32(iterations), EVP_sha256(),
                    Int32(keyLength), output)
            }
            return status == 1
        }
    #endif
}
