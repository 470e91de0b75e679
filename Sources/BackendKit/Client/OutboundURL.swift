/// An `http://host:port/path?query` URL taken apart for the outbound client. Plain HTTP only.
struct OutboundURL: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var port: Int
    /// The path and query, starting with `/`.
    var target: String

    static let defaultPort = 80

    init(parsing text: String) throws(OutboundError) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("https://") { throw .unsupportedScheme(url: text) }
        guard lowered.hasPrefix("http://") else {
            throw .invalidURL(text, reason: "it must start with http://")
        }
        let rest = text.dropFirst("http://".count)
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let fragment = target.firstIndex(of: "#") { target = String(target[..<fragment]) }
        if target.isEmpty || target.hasPrefix("?") { target = "/" + target }
        guard !authority.isEmpty else { throw .invalidURL(text, reason: "it has no host") }
        guard !authority.contains("@") else {
            throw .invalidURL(
                text,
                reason: "user names and passwords in URLs are not supported; send an Authorization header")
        }
        var host = String(authority)
        var port = Self.defaultPort
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw .invalidURL(text, reason: "the IPv6 address has no closing ]")
            }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let value = Int(after.dropFirst()) else {
                    throw .invalidURL(text, reason: "the port is not a number")
                }
                port = value
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            guard let value = Int(authority[authority.index(after: colon)...]) else {
                throw .invalidURL(text, reason: "the port is not a number")
            }
            port = value
        }
        guard (1...65535).contains(port) else {
            throw .invalidURL(text, reason: "the port must be 1 to 65535")
        }
        guard !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalidURL(text, reason: "the host is empty or has spaces")
        }
        guard target.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            throw .invalidURL(text, reason: "the path has spaces or control characters; percent-encode them")
        }
        self.host = host
        self.port = port
        self.target = target
    }

    /// The value of the `Host` header.
    var hostHeader: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return port == Self.defaultPort ? shown : "\(shown):\(port)"
    }

    var description: String { "http://\(hostHeader)\(target)" }

    /// `path` resolved against this URL: an absolute `http://` URL stands alone; otherwise it is
    /// appended to this URL's path (`http://pay/api` + `/charges` → `http://pay/api/charges`).
    func resolving(_ path: String) throws(OutboundError) -> OutboundURL {
        let lowered = path.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            return try OutboundURL(parsing: path)
        }
        var base = target
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        if base.hasSuffix("/") { base.removeLast() }
        let joined =
            path.isEmpty ? (base.isEmpty ? "/" : base) : base + (path.hasPrefix("/") ? path : "/" + path)
        return try OutboundURL(parsing: "http://\(hostHeader)\(joined)")
    }
}
