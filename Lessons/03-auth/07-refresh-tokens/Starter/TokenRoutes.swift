import BackendKit

/// Tokens for API clients: log in once with the password (`POST /tokens`), then trade the refresh
/// token for a new pair when the 5-minute access token runs out (`POST /tokens/refresh`), and end
/// both at logout (`POST /tokens/revoke`). Answers follow RFC 6749 §5.1, with `Cache-Control: no-store`.
struct TokenRoutes: Sendable {
    let login: Login
    let api: APIRoutes
    let tokens: TokenService

    func register(on router: Router) {
        router.post("/tokens") { request in try issue(request) }
        router.post("/tokens/refresh") { request in try refresh(request) }
        router.post("/tokens/revoke") { request in try revoke(request) }
    }

    /// `POST /tokens` with `{"email","password"}`: a new token pair, or the one 401 of every failed
    /// log-in (Login.authenticate, so an unknown address takes as long as a wrong password).
    func issue(_ request: Request) throws -> Response {
        try request.requireContentType()
        let credentials = try request.decode(Credentials.self)
        guard let account = try login.authenticate(credentials) else { throw logInFailure }
        return try .json(tokens.issue(for: account, now: request.now)).with("Cache-Control", "no-store")
    }

    /// `POST /tokens/refresh` with `{"refresh_token"}`: the next pair, or 401.
    func refresh(_ request: Request) throws -> Response {
        try request.requireContentType()
        let body = try request.decode(RefreshRequest.self)
        return try .json(tokens.refresh(body.refreshToken, now: request.now)).with(
            "Cache-Control", "no-store")
    }

    /// `POST /tokens/revoke` with the access token in `Authorization` and, optionally,
    /// `{"refresh_token"}`: 204, and neither works again.
    func revoke(_ request: Request) throws -> Response {
        let (account, token) = try api.authenticate(request)
        let body =
            request.body.isEmpty ? RevokeRequest(refreshToken: nil) : try request.decode(RevokeRequest.self)
        try tokens.revoke(token, refreshToken: body.refreshToken, accountID: account.id, now: request.now)
        return .noContent()
    }
}

/// The body of `POST /tokens/refresh`.
struct RefreshRequest: Decodable, Sendable {
    let refreshToken: String
    enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
}

/// The body of `POST /tokens/revoke` (it may be left out).
struct RevokeRequest: Decodable, Sendable {
    let refreshToken: String?
    enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
}
