import BackendKit
import Foundation

/// Log-in and sign-up that tell nobody which addresses have an account (ASVS 6.3.8): for an
/// unknown address and for a wrong password, the same answer after the same work; for a new
/// address and for a taken one, the same answer, and a mail to the address's owner.
struct Login: Sendable {
    let accounts: AccountStore
    let mailer: Mailer
    let iterations: Int
    /// A hash of a random password nobody knows, made once at start with the configured cost:
    /// log-in verifies against it when no account has the address, so that failure costs one
    /// hash too.
    let dummyHash: String

    init(accounts: AccountStore, mailer: Mailer, iterations: Int) {
        self.accounts = accounts
        self.mailer = mailer
        self.iterations = iterations
        dummyHash = hashPassword(SecureRandom.token(), iterations: iterations)
    }

    /// The account these credentials open, or `nil`. The route answers every `nil` with the one
    /// `logInFailure`.
    func authenticate(_ credentials: Credentials) throws -> Account? {
        let account = try accounts.find(email: credentials.normalizedEmail)
        // One hash either way: against the account's, or against the dummy when there is no
        // account, so the time of the answer does not say whether the address exists.
        let matches = verifyPassword(credentials.password, against: account?.passwordHash ?? dummyHash)
        guard let account, matches else { return nil }
        return account
    }

    /// Signs up `email` with a password that passed the rules.
    func signUp(email: String, password: String, at now: Date) async throws -> Response {
        // Hash first, whatever happens next, so a taken address costs the same time as a new one.
        let hash = hashPassword(password, iterations: iterations)
        if try accounts.create(email: email, passwordHash: hash, at: now) != nil {
            mailer.sendInBackground(.welcome(to: email))
        } else {
            // Taken: nothing changes, and only the owner of the address learns about the attempt.
            mailer.sendInBackground(.signUpAttempt(to: email))
        }
        return try signUpAccepted()
    }
}

/// The one answer to a failed log-in, whatever failed.
let logInFailure = HTTPError.unauthorized("The email address or the password is not right.")

/// The one answer to a sign-up with a valid password, whether the address was new or taken.
func signUpAccepted() throws -> Response {
    try .json(
        ["message": "Thank you. We have sent a mail to this address: follow it to continue."],
        status: .accepted)
}
