/// A strict JSON parser (RFC 8259) that reports where it stopped: line and column, both from 1.
///
/// Duplicate keys are an error (the second would silently win otherwise), nesting is capped so a
/// hostile file cannot overflow the stack, and a leading UTF-8 byte order mark is skipped.
struct ManifestJSONParser {
    /// Why parsing stopped and where.
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        /// E.g. `expected ',' or '}', found ']'`.
        var message: String
    }

    private let bytes: [UInt8]
    /// Where the text starts: after the byte order mark, if there is one.
    private let start: Int
    private var offset: Int
    private let maximumDepth = 64

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        offset = start
    }

    /// Parses the whole input as one JSON value.
    mutating func parse() throws(Failure) -> ManifestJSON {
        skipWhitespace()
        if offset == bytes.count { throw failure("the file is empty; expected a JSON object") }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count { throw failure("expected the end of the file, found \(found())") }
        return value
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> ManifestJSON {
        guard depth < maximumDepth else {
            throw failure("the JSON is nested more than \(maximumDepth) levels deep")
        }
        guard let byte = peek() else { throw failure("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: throw failure("expected a value, found \(found())")
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> ManifestJSON {
        offset += 1
        var fields: [(key: String, value: ManifestJSON)] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw failure("expected a field name in quotes, found \(found())")
            }
            let keyStart = offset
            let key = try parseString()
            if fields.contains(where: { $0.key == key }) {
                offset = keyStart
                throw failure("the field \"\(key)\" appears twice in the same object")
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw failure("expected ':' after the field name, found \(found())")
            }
            offset += 1
            skipWhitespace()
            fields.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(fields)
            default: throw failure("expected ',' or '}', found \(found())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> ManifestJSON {
        offset += 1
        var elements: [ManifestJSON] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"):
                offset += 1
                return .array(elements)
            default: throw failure("expected ',' or ']', found \(found())")
            }
        }
    }

    private mutating func parseString() throws(Failure) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = offset
        func flush(_ end: Int) {
            scalars.append(
                contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek() else { throw failure("this string is missing its closing quote") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(offset)
                offset += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(offset)
                offset += 1
                scalars.append(try parseEscape())
                chunkStart = offset
            case 0..<0x20:
                throw failure("a string may not contain a line break or control character; write it as \\n")
            default:
                offset += 1
            }
        }
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        guard let byte = peek() else { throw failure("this string is missing its closing quote") }
        offset += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try parseHex4()
            if (0xD800..<0xDC00).contains(first), bytes[offset...].starts(with: Array("\\u".utf8)) {
                offset += 2
                let second = try parseHex4()
                if (0xDC00..<0xE000).contains(second),
                    let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
                {
                    return scalar
                }
            }
            return Unicode.Scalar(first) ?? "\u{FFFD}"
        default:
            offset -= 1
            throw failure("unknown escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = Self.hexValue(byte) else {
                throw failure("expected four hexadecimal digits after \\u, found \(found())")
            }
            value = value * 16 + digit
            offset += 1
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func parseNumber() throws(Failure) -> ManifestJSON {
        let start = offset
        var isInteger = true
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
        } else if try skipDigits() == 0 {
            throw failure("expected a digit, found \(found())")
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            if try skipDigits() == 0 { throw failure("expected a digit after '.', found \(found())") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            if try skipDigits() == 0 { throw failure("expected a digit in the exponent, found \(found())") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let value = Double(text) else {
            offset = start
            throw failure("the number \(text) is out of range")
        }
        return .number(value, isInteger: isInteger)
    }

    private mutating func skipDigits() throws(Failure) -> Int {
        let start = offset
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
        return offset - start
    }

    private mutating func parseLiteral(_ word: String, _ value: ManifestJSON) throws(Failure) -> ManifestJSON
    {
        guard bytes[offset...].starts(with: Array(word.utf8)) else {
            throw failure("expected a value, found \(found())")
        }
        offset += word.utf8.count
        return value
    }

    private func peek() -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            offset += 1
        }
    }

    /// How to name what sits at the current position: `'x'` or "the end of the file".
    private func found() -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let rest = String(decoding: bytes[offset..<min(bytes.count, offset + 4)], as: UTF8.self)
        guard let character = rest.first, character != "\u{FFFD}" else { return "an invalid byte" }
        return "'\(character)'"
    }

    /// A failure at the current position; the column counts characters, not bytes.
    private func failure(_ message: String) -> Failure {
        var line = 1
        var column = 1
        for byte in bytes[start..<max(start, min(offset, bytes.count))] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return Failure(line: line, column: column, message: message)
    }
}
