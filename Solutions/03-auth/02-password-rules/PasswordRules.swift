import BackendKit

/// ASVS 6.2.1: at least 8 characters (15 is better for an account without a second factor).
let minimumPasswordCharacters = 8
/// ASVS 6.2.9 asks to allow at least 64; we allow 128, enough for any passphrase.
let maximumPasswordCharacters = 128
/// A bound on the work one sign-up can cause, checked before anything else.
let maximumPasswordBytes = 1024

/// Refuses a new password that breaks a rule of ASVS 6.2 with a 422 naming the rule. A password
/// that passes is hashed exactly as typed: these rules only look at it, they never change it.
func checkNewPassword(_ password: String) throws {
    // Bytes first: cheap, and it bounds the work of counting characters in a huge body.
    guard password.utf8.count <= maximumPasswordBytes else {
        throw passwordRefused("The password must be at most \(maximumPasswordBytes) bytes long in UTF-8.")
    }
    // `count` counts what a person sees as one character: an emoji, é, a space.
    let characters = password.count
    guard characters >= minimumPasswordCharacters else {
        throw passwordRefused("The password must be at least \(minimumPasswordCharacters) characters long.")
    }
    guard characters <= maximumPasswordCharacters else {
        throw passwordRefused("The password must be at most \(maximumPasswordCharacters) characters long.")
    }
    guard !CommonPasswords.all.contains(password.lowercased()) else {
        throw passwordRefused(
            "This password is one of the most common ones, which attackers try first. Choose another.")
    }
}

/// The 422 problem for a refused password: `{"errors": [{"field": "password", "message": …}]}`.
func passwordRefused(_ message: String) -> HTTPError {
    HTTPError.validation([(field: "password", message: message)])
}
