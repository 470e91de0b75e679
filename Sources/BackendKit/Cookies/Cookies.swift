/// The cookies a client sent, parsed from its `Cookie` header fields (RFC 6265bis §5.7).
///
/// `request.cookies["session"]` is the first value sent for that name. A second cookie of the same
/// name is usually one an attacker planted for another path or a sibling domain, and the browser
/// sends the one with the longest path first, so the first is not always yours: for a session,
/// read `values(for:)` and refuse a request that carries two (a `__Host-` name also stops a
/// sibling domain from setting one). Pairs without `=` are skipped; values keep their exact bytes,
/// including surrounding double quotes, since the server that set a cookie decides what it means.
public struct Cookies: Sendable, Equatable, Sequence {
    public typealias Element = (name: String, value: String)

    private var pairs: [(name: String, value: String)]

    /// Parses every `Cookie` field of `headers` (HTTP/2 clients may split them into several).
    public init(headers: HTTPHeaders) {
        var pairs: [(name: String, value: String)] = []
        for field in headers.values(for: "Cookie") {
            for part in field.split(separator: ";", omittingEmptySubsequences: true) {
                guard let equals = part.firstIndex(of: "=") else { continue }
                let name = part[..<equals].trimmingASCIIWhitespace()
                guard !name.isEmpty else { continue }
                let value = part[part.index(after: equals)...].trimmingASCIIWhitespace()
                pairs.append((name: String(name), value: String(value)))
            }
        }
        self.pairs = pairs
    }

    /// The first value sent for `name` (names are case-sensitive), or `nil`.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Every value sent for `name`, in the order sent.
    public func values(for name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    public var count: Int { pairs.count }
    public var isEmpty: Bool { pairs.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }

    public static func == (lhs: Cookies, rhs: Cookies) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }
}
