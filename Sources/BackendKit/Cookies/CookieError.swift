/// Why a `SetCookie` cannot be sent: browsers would drop it or, worse, store something else.
/// Each message names the cookie and what to change.
public enum CookieError: Error, Equatable, CustomStringConvertible {
    case invalidName(String)
    case invalidValue(name: String)
    case tooLarge(name: String, bytes: Int)
    case invalidAttribute(name: String, attribute: String, value: String)
    case prefixNeedsSecure(name: String, prefix: String)
    case hostPrefixNeedsRootPath(name: String)
    case hostPrefixForbidsDomain(name: String)
    case sameSiteNoneNeedsSecure(name: String)

    public var description: String {
        switch self {
        case .invalidName(let name):
            "The cookie name \"\(name)\" is not allowed: use letters, digits and !#$%&'*+-.^_`|~ only (no spaces, =, ; or quotes)."
        case .invalidValue(let name):
            "The value of cookie \"\(name)\" has a character cookies cannot carry (space, comma, semicolon, backslash, quote or a control character). Encode it first, for example with Base64URL."
        case .tooLarge(let name, let bytes):
            "The cookie \"\(name)\" is \(bytes) bytes; browsers refuse name plus value over \(SetCookie.maxNameAndValueBytes). Store the data on the server and put only an id in the cookie."
        case .invalidAttribute(let name, let attribute, let value):
            "The \(attribute) of cookie \"\(name)\" (\"\(value)\") is not allowed: no control characters or semicolons, at most \(SetCookie.maxAttributeBytes) bytes."
        case .prefixNeedsSecure(let name, let prefix):
            "The cookie \"\(name)\" starts with \(prefix), so browsers accept it only with Secure: set secure = true."
        case .hostPrefixNeedsRootPath(let name):
            "The cookie \"\(name)\" starts with __Host-, so it must have Path=/: set path = \"/\"."
        case .hostPrefixForbidsDomain(let name):
            "The cookie \"\(name)\" starts with __Host-, so it must not have a Domain: remove domain (the cookie then belongs to this host only)."
        case .sameSiteNoneNeedsSecure(let name):
            "The cookie \"\(name)\" has SameSite=None, which browsers accept only with Secure: set secure = true, or use .lax."
        }
    }
}
