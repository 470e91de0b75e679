/// When a browser sends a cookie with requests that another site started (RFC 6265bis §5.6.7).
public enum SameSite: String, Sendable, Equatable {
    /// Only with requests from the same site: the strongest protection against cross-site request
    /// forgery, but a link from elsewhere arrives without the cookie.
    case strict = "Strict"
    /// Also with top-level navigations from other sites (following a link), not with their forms
    /// or scripts: the usual choice for a session cookie.
    case lax = "Lax"
    /// With every request, cross-site too; browsers accept it only with `Secure`.
    case none = "None"
}
