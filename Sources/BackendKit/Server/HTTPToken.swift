/// Character classes and interned strings for the parser's hot path.
enum HTTPToken {
    /// tchar of RFC 9110 §5.6.2: letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isTokenByte(_ byte: UInt8) -> Bool { tokenTable[Int(byte)] }

    private static let tokenTable: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static let knownMethods: [HTTPMethod] = [.get, .post, .put, .patch, .delete, .head, .options]

    /// The method for these bytes, reusing the shared constants for the common ones.
    static func method(_ bytes: UnsafeBufferPointer<UInt8>) -> HTTPMethod {
        for known in knownMethods where known.rawValue.utf8.elementsEqual(bytes) { return known }
        return HTTPMethod(String(decoding: bytes, as: UTF8.self))
    }

    private static let knownHeaderNames = [
        "Host", "User-Agent", "Accept", "Content-Type", "Content-Length", "Connection", "Accept-Encoding",
        "Authorization", "Cookie", "If-None-Match", "If-Match", "Idempotency-Key", "X-Request-Id",
    ]

    /// The header name as sent, reusing shared strings for common names (saves an allocation each).
    static func headerName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for known in knownHeaderNames where known.utf8.elementsEqual(bytes) { return known }
        return String(decoding: bytes, as: UTF8.self)
    }
}
