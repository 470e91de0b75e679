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
    // TODO(learner): throw passwordRefused("…") when the password
    //  - has more than maximumPasswordBytes bytes in UTF-8 (check this first: it is cheap),
    //  - has fewer than minimumPasswordCharacters or more than maximumPasswordCharacters
    //    characters (what a person sees as one character: an emoji, é, a space),
    //  - is in CommonPasswords.all, compared in lowercase.
    // Ask for nothing else: no digit, no capital, no symbol (ASVS 6.2.5). Never put the password
    // itself in the message.
}

/// The 422 problem for a refused password: `{"errors": [{"field": "password", "message": …}]}`.
func passwordRefused(_ message: String) -> HTTPError {
    HTTPError.validation([(field: "password", message: message)])
}
