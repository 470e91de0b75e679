import Foundation

/// The decoded `?name=value&…` part of a request target, in the order sent.
///
/// `+` means a space and `%XX` escapes are decoded, as HTML forms and curl's `--data-urlencode` send.
public struct QueryParameters: Sendable, Equatable, Sequence {
    public typealias Element = (name: String, value: String)

    private var items: [(name: String, value: String)]

    public init(parsing query: String) {
        items = []
        guard !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            items.append((name: name, value: value))
        }
    }

    public init(_ items: [(String, String)]) {
        self.items = items.map { (name: $0.0, value: $0.1) }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { items.makeIterator() }

    public var isEmpty: Bool { items.isEmpty }

    /// The first value of `name`, or `nil` when it was not sent.
    public subscript(name: String) -> String? { items.first { $0.name == name }?.value }

    /// Every value of `name`, for repeated parameters such as `?tag=a&tag=b`.
    public func values(_ name: String) -> [String] { items.filter { $0.name == name }.map(\.value) }

    /// The value of `name` as a whole number: `nil` when absent, 400 when present but not a number.
    public func int(_ name: String) throws -> Int? {
        guard let raw = self[name] else { return nil }
        switch WholeNumberText.parse(raw) {
        case .success(let value): return value
        case .failure(let problem):
            throw HTTPError(
                .badRequest, detail: "The query parameter \"\(name)\" " + problem.sentence(raw: raw))
        }
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.contains("+") ? part.replacingOccurrences(of: "+", with: " ") : String(part)
        return PercentDecoding.decode(spaced) ?? spaced
    }
}

/// `%XX` decoding that rejects malformed escapes and invalid UTF-8 instead of guessing.
enum PercentDecoding {
    static func decode(_ text: some StringProtocol) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue),
                    let low = iterator.next().flatMap(hexValue)
                else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
