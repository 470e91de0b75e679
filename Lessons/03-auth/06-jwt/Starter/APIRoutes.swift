import BackendKit

/// `GET /api/me` for API clients. A browser keeps a session cookie; a script or a phone app sends
/// `Authorization: Bearer <access token>` instead, and the token is a JWT this server signed.
struct APIRoutes: Sendable {
    let accounts: AccountStore
    let config: AuthConfig

    func register(on router: Router) {
        router.get("/api/me") { request in try .json(authenticate(request).account.view) }
    }

    /// The account the request's access token speaks for, and the verified token. Without a token,
    /// or with one that is not valid, the answer is 401 with the `WWW-Authenticate` header of
    /// RFC 6750 §3, and the same detail whatever was wrong, so the answer teaches a forger nothing.
    func authenticate(_ request: Request) throws -> (account: Account, token: AccessToken) {
        guard let token = bearerToken(from: request.headers["Authorization"]) else {
            throw HTTPError(
                .unauthorized, detail: "Send an access token: Authorization: Bearer <token>.",
                headers: ["WWW-Authenticate": #"Bearer realm="team-tasks""#])
        }
        guard let claims = verifyAccessToken(token, secret: config.jwtSecret, now: request.now),
            let id = Int(claims.subject), let account = try accounts.find(id: id)
        else {
            throw HTTPError(
                .unauthorized, detail: "The access token is not valid.",
                headers: ["WWW-Authenticate": #"Bearer realm="team-tasks", error="invalid_token""#])
        }
        return (account, claims)
    }
}
