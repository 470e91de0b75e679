/// Storing passwords safely: a salted, deliberately slow hash, in one self-describing string.
///
/// Never store a password itself, or a plain hash of it. Store `PasswordHash.make(password)` and
/// check a login with `PasswordHash.verify(password, against: stored)`.
///
/// The algorithm is PBKDF2-HMAC-SHA256 with 600,000 iterations, following the OWASP Password
/// Storage Cheat Sheet (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html),
/// which recommends "PBKDF2 with a work factor of 600,000 or more and set with an internal hash
/// function of HMAC-SHA-256" where Argon2id, scrypt or bcrypt are not available. Each hash gets its
/// own 16-byte random salt, so two users with the same password get different hashes, and the
/// stored string records the iteration count, so it can be raised later (see ``needsRehash(_:iterations:)``).
///
/// The stored form is `pbkdf2-sha256$<iterations>$<salt>$<hash>`, salt and 32-byte hash in
/// base64url without padding, for example
/// `pbkdf2-sha256$600000$q0VZ3j2mR4CzVvGm1vYw2A$V6r...`.
///
/// ```swift
/// let stored = PasswordHash.make("correct horse battery staple")      // at sign-up
/// PasswordHash.verify("correct horse battery staple", against: stored) // true, at login
/// PasswordHash.verify("Correct horse battery staple", against: stored) // false
/// ```
///
/// Hashing takes a noticeable fraction of a second by design; do it outside any database transaction.
public enum PasswordHash {
    /// The iteration count OWASP recommends for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    /// The iteration counts `make` accepts and `verify` trusts (a stored string claiming more is
    /// treated as malformed, so a tampered record cannot make a login hang).
    public static let allowedIterations = 1...10_000_000
    static let scheme = "pbkdf2-sha256"
    static let saltLength = 16
    static let keyLength = 32

    /// Hashes a new password for storing, with a fresh random salt.
    ///
    /// - Parameter iterations: leave the default outside tests; lower counts only make tests faster.
    ///   Must be within ``allowedIterations`` (a programming error otherwise).
    public static func make(_ password: String, iterations: Int = defaultIterations) -> String {
        precondition(
            allowedIterations.contains(iterations),
            "PasswordHash.make: iterations must be within 1...10000000 (use the default, 600000)")
        let salt = SecureRandom.bytes(saltLength)
        let key = derive(password, salt: salt, iterations: iterations, keyLength: keyLength)
        return [scheme, String(iterations), Base64URL.encode(salt), Base64URL.encode(key)].joined(
            separator: "$")
    }

    /// Whether `password` is the one `stored` was made from. Compares in constant time. Returns
    /// false (never crashes) for a stored string that is not in the format `make` writes.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = Stored(parsing: stored) else { return false }
        let key = derive(
            password, salt: parsed.salt, iterations: parsed.iterations, keyLength: parsed.hash.count)
        return constantTimeEquals(key, parsed.hash)
    }

    /// Whether a stored hash should be replaced by a fresh `make` (after a successful `verify`,
    /// while you still have the password): true when it used fewer iterations than asked for, a
    /// different salt or key length, or is not in the expected format at all.
    public static func needsRehash(_ stored: String, iterations: Int = defaultIterations) -> Bool {
        guard let parsed = Stored(parsing: stored) else { return true }
        return parsed.iterations < iterations || parsed.salt.count != saltLength
            || parsed.hash.count != keyLength
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, keyLength: Int) -> [UInt8]
    {
        // The arguments are checked by the callers, so PBKDF2 has nothing left to refuse.
        (try? PBKDF2.sha256(password: password, salt: salt, iterations: iterations, keyLength: keyLength))
            ?? []
    }

    /// The parts of a stored string, when it is well-formed.
    private struct Stored {
        let iterations: Int
        let salt: [UInt8]
        let hash: [UInt8]

        init?(parsing stored: String) {
            let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
            // `make` writes base64url without padding; anything else did not come from it.
            guard parts.count == 4, parts[0] == PasswordHash.scheme, !stored.contains("=") else { return nil }
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 8, digits.utf8.allSatisfy({ (48...57).contains($0) }),
                let iterations = Int(digits), PasswordHash.allowedIterations.contains(iterations),
                let salt = Base64URL.decode(String(parts[2])), !salt.isEmpty,
                let hash = Base64URL.decode(String(parts[3])), (16...64).contains(hash.count)
            else { return nil }
            self.iterations = iterations
            self.salt = salt
            self.hash = hash
        }
    }
}
