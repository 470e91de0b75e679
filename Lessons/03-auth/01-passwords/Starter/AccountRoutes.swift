import BackendKit

/// Sign-up, log-in and "who am I". The handlers stay thin: the password work is in
/// PasswordStorage.swift, the SQL in AccountStore.swift.
struct AccountRoutes: Sendable {
    let accounts: AccountStore
    let config: AuthConfig

    func register(on router: Router) {
        router.post("/accounts") { request in try signUp(request) }
        router.post("/sessions") { request in try logIn(request) }
    }

    /// `POST /accounts`: 201 with the new account, 409 when the address is taken.
    func signUp(_ request: Request) throws -> Response {
        try request.requireContentType()
        let credentials = try request.decode(Credentials.self)
        let email = credentials.normalizedEmail
        guard !email.isEmpty else {
            throw HTTPError.validation([(field: "email", message: "Give an email address.")])
        }
        let hash = hashPassword(credentials.password, iterations: config.passwordIterations)
        guard let account = try accounts.create(email: email, passwordHash: hash, at: request.now) else {
            throw HTTPError.conflict("An account with this email address exists already.")
        }
        return try .created(account.view, location: "/accounts/\(account.id)")
    }

    /// `POST /sessions`: 200 with the account when the password is right, 401 otherwise. (A later
    /// step gives the client a session to keep.)
    func logIn(_ request: Request) throws -> Response {
        try request.requireContentType()
        let credentials = try request.decode(Credentials.self)
        guard let account = try accounts.find(email: credentials.normalizedEmail),
            verifyPassword(credentials.password, against: account.passwordHash)
        else {
            throw HTTPError.unauthorized("The email address or the password is not right.")
        }
        return try .json(account.view)
    }
}
