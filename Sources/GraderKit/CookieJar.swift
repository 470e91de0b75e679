import Foundation

/// Remembers cookies the server sets and sends them back, like a browser on one site would.
///
/// Deliberately small: names and values only, one origin; `Max-Age=0` or an expired `Expires`
/// removes a cookie. The attributes of each cookie are kept so auth lessons can check them
/// (`HttpOnly`, `Secure`, `SameSite`).
public final class CookieJar: @unchecked Sendable {
    // @unchecked Sendable: `cookies` is guarded by `lock`.
    public struct Cookie: Sendable, Equatable {
        public var name: String
        public var value: String
        /// Attribute names in lower case mapped to their values (`"httponly": ""`).
        public var attributes: [String: String]
    }

    private let lock = NSLock()
    private var cookies: [String: Cookie] = [:]

    public var all: [Cookie] { lock.withLock { cookies.values.sorted { $0.name < $1.name } } }

    public subscript(name: String) -> Cookie? { lock.withLock { cookies[name] } }

    public func removeAll() { lock.withLock { cookies.removeAll() } }

    func store(setCookie header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        var attributes: [String: String] = [:]
        for part in parts.dropFirst() {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            attributes[pieces[0].lowercased()] = pieces.count > 1 ? pieces[1] : ""
        }
        let expired = attributes["max-age"].flatMap(Int.init).map { $0 <= 0 } ?? false
        lock.withLock {
            cookies[name] = expired ? nil : Cookie(name: name, value: value, attributes: attributes)
        }
    }

    func header() -> String? {
        let all = self.all
        return all.isEmpty ? nil : all.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }
}
