import BackendKit

/// The body of `PUT /me/password`.
struct PasswordChange: Decodable, Sendable {
    let currentPassword: String
    let newPassword: String

    enum CodingKeys: String, CodingKey {
        case currentPassword = "current_password"
        case newPassword = "new_password"
    }
}

extension AccountRoutes {
    /// `DELETE /sessions/current`: 204, and the browser is told to forget the cookie. Answered the
    /// same with no session or an expired one: there is nothing left to end.
    func logOut(_ request: Request) throws -> Response {
        try endSession(request, in: sessions)
        return try Response.noContent().withCookie(.removal(named: sessionCookieName))
    }

    /// `PUT /me/password`: 204 once the password is changed; 401 without a live session, 403 when
    /// the current password is not right, 422 when the new one breaks a password rule.
    func changePassword(_ request: Request) throws -> Response {
        guard let session = try liveSession(request, in: sessions),
            let account = try accounts.find(id: session.accountID)
        else {
            throw HTTPError.unauthorized("Log in first.")
        }
        try request.requireContentType()
        let change = try request.decode(PasswordChange.self)
        // Asking for the current password again means a stolen session alone cannot take over the
        // account by changing its password.
        guard verifyPassword(change.currentPassword, against: account.passwordHash) else {
            throw HTTPError.forbidden("The current password is not right.")
        }
        // The same rules as at sign-up (step 2): a change must not be the way around them.
        try checkNewPassword(change.newPassword)
        let hash = hashPassword(change.newPassword, iterations: config.passwordIterations)
        try accounts.updatePasswordHash(hash, accountID: account.id)
        try endOtherSessions(of: session, in: sessions)
        return .noContent()
    }
}
