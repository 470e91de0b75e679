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
        // TODO(learner): make the dummy hash: hashPassword of a random password
        // (SecureRandom.token()) with the configured iterations.
        dummyHash = ""
    }

    /// The account these credentials open, or `nil`. The route answers every `nil` with the one
    /// `logInFailure`.
    func authenticate(_ credentials: Credentials) throws -> Account? {
        // TODO(learner): this returns at once for an unknown address, so an attacker who times
        // the answer learns which addresses have an account. Do the same work either way: verify
        // the password against the account's hash, or against dummyHash when there is no account.
        guard let account = try accounts.find(email: credentials.normalizedEmail) else { return nil }
        return verifyPassword(credentials.password, against: account.passwordHash) ? account : nil
    }

    /// Signs up `email` with a password that passed the rules.
    func signUp(email: String, password: String, at now: Date) async throws -> Response {
        // TODO(learner): this answers 201 for a new address and 409 for a taken one, which tells
        // anybody who has an account. Answer signUpAccepted() in both cases instead, and tell the
        // address's owner by mail (MailMessage.welcome or .signUpAttempt) with
        // mailer.sendInBackground, so the answer neither waits for the mail service nor depends
        // on it.
        let hash = hashPassword(password, iterations: iterations)
        guard let account = try accounts.create(email: email, passwordHash: hash, at: now) else {
            throw HTTPError.conflict("An account with this email address exists already.")
        }
        return try .created(account.view, location: "/accounts/\(account.id)")
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
