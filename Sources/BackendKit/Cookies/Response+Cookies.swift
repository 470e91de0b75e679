extension Response {
    /// Adds `cookie` as one more `Set-Cookie` header (others are kept). Throws `CookieError` for a
    /// cookie browsers would not accept.
    public mutating func setCookie(_ cookie: SetCookie) throws {
        headers.add(name: "Set-Cookie", value: try cookie.headerValue())
    }

    /// A copy with `cookie` added, for chaining: `try .json(user).withCookie(session)`.
    public func withCookie(_ cookie: SetCookie) throws -> Response {
        var copy = self
        try copy.setCookie(cookie)
        return copy
    }
}
