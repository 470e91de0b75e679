import Foundation

/// Decodes a `Transfer-Encoding: chunked` body (RFC 9112 §7.1) incrementally, within a size limit.
///
/// Strict on purpose, because a lenient chunk parser is how requests get smuggled past a proxy that
/// reads the same bytes differently: a chunk-size line is exactly `1*HEXDIG [ chunk-ext ] CRLF`
/// (no sign, no `0x`, no stray words, no bare LF), at most `maxSizeDigits` digits; chunk data ends
/// with CRLF; trailer lines are `name: value` fields without a bare CR.
struct ChunkedBodyDecoder {
    enum Outcome {
        case needMoreData(consumed: Int)
        case complete(Data, consumed: Int)
        case failure(ParseFailure)
    }

    private enum Phase {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    /// The most hex digits a chunk size may have: 16 fill 64 bits, so nothing can overflow.
    static let maxSizeDigits = 16
    /// The longest chunk-size line, extensions included.
    static let maxSizeLineBytes = 1024
    /// The most bytes of trailer fields.
    static let maxTrailerBytes = 8192

    private let maxBodyBytes: Int
    private var phase = Phase.size
    private var body = Data()
    private var trailerBytes = 0

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var index = 0
        while true {
            switch phase {
            case .size:
                guard let lineFeed = bytes[index...].firstIndex(of: Self.lf) else {
                    if bytes.count - index > Self.maxSizeLineBytes {
                        return .failure(.badRequest("A chunk-size line is too long."))
                    }
                    return .needMoreData(consumed: index)
                }
                guard lineFeed > index, bytes[lineFeed - 1] == Self.cr else {
                    return .failure(.badRequest("A chunk-size line must end with CRLF."))
                }
                let size: Int
                switch Self.chunkSize(UnsafeBufferPointer(rebasing: bytes[index..<(lineFeed - 1)])) {
                case .success(let value): size = value
                case .failure(let failure): return .failure(failure)
                }
                if size > maxBodyBytes - body.count {
                    return .failure(
                        ParseFailure(
                            status: .contentTooLarge,
                            detail: "The body is larger than the limit of \(maxBodyBytes) bytes."))
                }
                index = lineFeed + 1
                phase = size == 0 ? .trailers : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, bytes.count - index)
                if available > 0 {
                    body.append(UnsafeBufferPointer(rebasing: bytes[index..<(index + available)]))
                    index += available
                }
                if available < remaining {
                    phase = .data(remaining: remaining - available)
                    return .needMoreData(consumed: index)
                }
                phase = .dataEnd
            case .dataEnd:
                guard index + 1 < bytes.count else {
                    if index < bytes.count, bytes[index] != Self.cr {
                        return .failure(.badRequest("A chunk is longer than its declared size."))
                    }
                    return .needMoreData(consumed: index)
                }
                guard bytes[index] == Self.cr, bytes[index + 1] == Self.lf else {
                    return .failure(.badRequest("A chunk is not followed by CRLF."))
                }
                index += 2
                phase = .size
            case .trailers:
                guard let lineFeed = bytes[index...].firstIndex(of: Self.lf) else {
                    if trailerBytes + bytes.count - index > Self.maxTrailerBytes {
                        return .failure(.badRequest("The chunked trailer section is too large."))
                    }
                    return .needMoreData(consumed: index)
                }
                trailerBytes += lineFeed - index + 1
                if trailerBytes > Self.maxTrailerBytes {
                    return .failure(.badRequest("The chunked trailer section is too large."))
                }
                var end = lineFeed
                if end > index, bytes[end - 1] == Self.cr { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[index..<end])
                index = lineFeed + 1
                if line.isEmpty { return .complete(body, consumed: index) }
                if let failure = Self.checkTrailerField(line) { return .failure(failure) }
            }
        }
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    /// `1*HEXDIG [ chunk-ext ]`, the chunk-size line without its CRLF.
    private static func chunkSize(_ line: UnsafeBufferPointer<UInt8>) -> Result<Int, ParseFailure> {
        let digits = line.prefix { hexValue($0) != nil }
        guard !digits.isEmpty else {
            return .failure(.badRequest("A chunk size is not a hexadecimal number."))
        }
        guard digits.count <= maxSizeDigits else {
            return .failure(.badRequest("A chunk size has more than \(maxSizeDigits) hexadecimal digits."))
        }
        var value: UInt64 = 0
        for digit in digits { value = value << 4 | UInt64(hexValue(digit)!) }
        guard isChunkExtension(UnsafeBufferPointer(rebasing: line[digits.count...])) else {
            return .failure(
                .badRequest("A chunk size is followed by something that is not a chunk extension."))
        }
        return .success(value > UInt64(Int.max) ? Int.max : Int(value))
    }

    /// `chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )` (RFC 9112 §7.1.1),
    /// with a value that is a token or a quoted-string.
    private static func isChunkExtension(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func skipWhitespace() {
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
            {
                index += 1
            }
        }
        func token() -> Bool {
            let start = index
            while index < bytes.count, HTTPToken.isTokenByte(bytes[index]) { index += 1 }
            return index > start
        }
        func quotedString() -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
            index += 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return true
                }
                if byte == UInt8(ascii: "\\") { index += 1 }
                guard index < bytes.count, isQuotedTextByte(bytes[index]) else { return false }
                index += 1
            }
            return false
        }
        while index < bytes.count {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return false }
            index += 1
            skipWhitespace()
            guard token() else { return false }
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipWhitespace()
                guard token() || quotedString() else { return false }
            }
        }
        return true
    }

    /// qdtext and quoted-pair octets (RFC 9110 §5.6.4): tab, space and visible characters.
    private static func isQuotedTextByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\t") || (0x20...0x7E).contains(byte) || byte >= 0x80
    }

    /// A trailer line must be a field line: a token name, a colon, and no CR or NUL in it.
    private static func checkTrailerField(_ line: UnsafeBufferPointer<UInt8>) -> ParseFailure? {
        if line.contains(cr) { return .badRequest("A trailer line contains a bare carriage return.") }
        if line.contains(0) { return .badRequest("A trailer line contains a NUL byte.") }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0,
            line[..<colon].allSatisfy(HTTPToken.isTokenByte)
        else { return .badRequest("A trailer line has no \"name: value\" form.") }
        return nil
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
