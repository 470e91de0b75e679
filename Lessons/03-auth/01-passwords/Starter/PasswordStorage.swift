import BackendKit

/// The name at the start of every stored hash, so a reader knows how it was made.
let passwordScheme = "pbkdf2-sha256"

/// Turns a password into the text the accounts table stores: never the password itself.
///
/// The stored text is `pbkdf2-sha256$<iterations>$<salt>$<hash>`, salt and hash in base64url.
func hashPassword(_ password: String, iterations: Int) -> String {
    // TODO(learner): make a fresh random salt for every call (16 bytes from SecureRandom), derive a
    // 32-byte key with PBKDF2.sha256(password:salt:iterations:keyLength:), and join the four parts
    // with "$".
    return password
}

/// Whether `password` is the one `stored` was made from.
func verifyPassword(_ password: String, against stored: String) -> Bool {
    // TODO(learner): split `stored` into its four parts, check the scheme and the iteration count,
    // decode the salt and the hash, derive the key again from `password` with the same salt and
    // count, and compare the two keys with constantTimeEquals. Anything malformed is false.
    return password == stored
}
