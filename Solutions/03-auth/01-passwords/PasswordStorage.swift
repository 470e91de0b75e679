import BackendKit

/// The name at the start of every stored hash, so a reader knows how it was made.
let passwordScheme = "pbkdf2-sha256"
/// 16 random bytes: enough that no two accounts ever share a salt (NIST SP 800-63B asks for 32 bits).
let saltByteCount = 16
/// The length of SHA-256's output; a longer key only costs more work for us, not an attacker.
let derivedKeyByteCount = 32
/// The counts a stored hash may claim; more would let a tampered row make a log-in take forever.
let trustedIterations = 1_000...10_000_000

/// Turns a password into the text the accounts table stores: never the password itself.
///
/// The stored text is `pbkdf2-sha256$<iterations>$<salt>$<hash>`, salt and hash in base64url.
func hashPassword(_ password: String, iterations: Int) -> String {
    let salt = SecureRandom.bytes(saltByteCount)
    let key = derive(password, salt: salt, iterations: iterations)
    return [passwordScheme, String(iterations), Base64URL.encode(salt), Base64URL.encode(key)].joined(
        separator: "$")
}

/// Whether `password` is the one `stored` was made from.
func verifyPassword(_ password: String, against stored: String) -> Bool {
    let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
    guard parts.count == 4, parts[0] == passwordScheme,
        let iterations = Int(parts[1]), trustedIterations.contains(iterations),
        let salt = Base64URL.decode(String(parts[2])), !salt.isEmpty,
        let expected = Base64URL.decode(String(parts[3])), expected.count == derivedKeyByteCount
    else { return false }
    return constantTimeEquals(derive(password, salt: salt, iterations: iterations), expected)
}

private func derive(_ password: String, salt: [UInt8], iterations: Int) -> [UInt8] {
    // The count comes from the configuration or a checked stored hash, so PBKDF2 has nothing to refuse.
    (try? PBKDF2.sha256(
        password: password, salt: salt, iterations: iterations, keyLength: derivedKeyByteCount))
        ?? []
}
