import BackendKit

extension AccountRoutes {
    /// `GET /me`: the account of the session cookie, or 401.
    func me(_ request: Request) throws -> Response {
        guard let session = try currentSession(request, in: sessions),
            let account = try accounts.find(id: session.accountID)
        else {
            throw HTTPError.unauthorized("Log in first.")
        }
        return try .json(account.view)
    }
}
