import Foundation

/// A cookie for the browser to store, written as one `Set-Cookie` header (RFC 6265bis §4.1).
///
/// The defaults are the safe ones for a session cookie: `Secure` (sent over HTTPS only; browsers
/// treat `http://localhost` as secure), `HttpOnly` (scripts cannot read it, so an XSS bug cannot
/// steal it), `SameSite=Lax` and `Path=/`. `headerValue()` refuses a cookie that browsers would
/// drop or misread, including the rules of the name prefixes: `__Secure-` needs `Secure`;
/// `__Host-` needs `Secure`, `Path=/` and no `Domain`, which pins the cookie to exactly this host.
///
/// ```swift
/// let cookie = SetCookie(name: "__Host-session", value: token, maxAge: 15 * 60)
/// return try Response.noContent().withCookie(cookie)
/// ```
public struct SetCookie: Sendable, Equatable {
    /// Browsers ignore a cookie whose name and value together are longer (RFC 6265bis §5.7).
    public static let maxNameAndValueBytes = 4096
    /// Browsers ignore an attribute value longer than this.
    public static let maxAttributeBytes = 1024

    public var name: String
    public var value: String
    /// The paths it is sent to; `"/"` is the whole site.
    public var path: String?
    /// Sends it to subdomains of this domain too; `nil` keeps it on the exact host (safer).
    public var domain: String?
    /// Seconds until the browser forgets it; `0` or less deletes it now. `nil` with no `expires`
    /// makes a session cookie, gone when the browser closes.
    public var maxAge: Int?
    /// The moment it expires; browsers prefer `maxAge` when both are set.
    public var expires: Date?
    public var secure: Bool
    public var httpOnly: Bool
    public var sameSite: SameSite?

    public init(
        name: String, value: String, path: String? = "/", domain: String? = nil, maxAge: Int? = nil,
        expires: Date? = nil, secure: Bool = true, httpOnly: Bool = true, sameSite: SameSite? = .lax
    ) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.maxAge = maxAge
        self.expires = expires
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
    }

    /// A cookie that makes the browser delete `name` (an empty value, `Max-Age=0` and an `Expires`
    /// in 1970). `path` and `domain` must be the ones the cookie was set with.
    public static func removal(named name: String, path: String? = "/", domain: String? = nil) -> SetCookie {
        SetCookie(
            name: name, value: "", path: path, domain: domain, maxAge: 0,
            expires: Date(timeIntervalSince1970: 0))
    }

    /// The `Set-Cookie` header value, such as
    /// `__Host-session=abc; Path=/; Max-Age=900; Secure; HttpOnly; SameSite=Lax`.
    public func headerValue() throws -> String {
        try validate()
        var text = "\(name)=\(value)"
        if let path { text += "; Path=\(path)" }
        if let domain { text += "; Domain=\(domain)" }
        if let maxAge { text += "; Max-Age=\(max(0, maxAge))" }
        if let expires {
            text += "; Expires=" + DateHeaderCache.format(Int(expires.timeIntervalSince1970.rounded(.down)))
        }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        if let sameSite { text += "; SameSite=\(sameSite.rawValue)" }
        return text
    }

    /// Throws the `CookieError` that explains why browsers would not accept this cookie.
    public func validate() throws {
        guard !name.isEmpty, name.utf8.allSatisfy(HTTPToken.isTokenByte) else {
            throw CookieError.invalidName(name)
        }
        guard Self.isCookieValue(value) else { throw CookieError.invalidValue(name: name) }
        let size = name.utf8.count + value.utf8.count
        guard size <= Self.maxNameAndValueBytes else { throw CookieError.tooLarge(name: name, bytes: size) }
        for (attribute, text) in [("Path", path), ("Domain", domain)] {
            guard let text else { continue }
            guard text.utf8.count <= Self.maxAttributeBytes,
                text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != UInt8(ascii: ";") })
            else {
                throw CookieError.invalidAttribute(name: name, attribute: attribute, value: text)
            }
        }
        let lowered = name.lowercased()
        if lowered.hasPrefix("__secure-") && !secure {
            throw CookieError.prefixNeedsSecure(name: name, prefix: "__Secure-")
        }
        if lowered.hasPrefix("__host-") {
            guard secure else { throw CookieError.prefixNeedsSecure(name: name, prefix: "__Host-") }
            guard path == "/" else { throw CookieError.hostPrefixNeedsRootPath(name: name) }
            guard domain == nil else { throw CookieError.hostPrefixForbidsDomain(name: name) }
        }
        if sameSite == SameSite.none && !secure { throw CookieError.sameSiteNoneNeedsSecure(name: name) }
    }

    /// cookie-value of RFC 6265bis §4.1.1: cookie-octets, optionally inside one pair of quotes.
    private static func isCookieValue(_ value: String) -> Bool {
        var bytes = Array(value.utf8)[...]
        if bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 { bytes = bytes.dropFirst().dropLast() }
        return bytes.allSatisfy { byte in
            byte == 0x21 || (0x23...0x2B).contains(byte) || (0x2D...0x3A).contains(byte)
                || (0x3C...0x5B).contains(byte) || (0x5D...0x7E).contains(byte)
        }
    }
}
