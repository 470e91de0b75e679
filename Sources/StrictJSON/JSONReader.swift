/// The scanner behind `StrictJSON`: one pass over the bytes, building the tree only when asked.
struct JSONReader {
    private let bytes: [UInt8]
    private let options: StrictJSON.Options
    private let building: Bool
    /// Where the text starts: after the byte order mark, if there is one and it is skipped.
    private let start: Int
    private var offset: Int

    init(_ bytes: [UInt8], options: StrictJSON.Options, building: Bool) {
        self.bytes = bytes
        self.options = options
        self.building = building
        start = options.skipsByteOrderMark && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        offset = start
    }

    mutating func document() throws(JSONSyntaxError) -> JSONTree {
        skipWhitespace()
        if offset == bytes.count { throw failure("there is no JSON value, only \(options.endName)") }
        let value = try readValue(depth: 0)
        skipWhitespace()
        if offset < bytes.count {
            throw failure("expected \(options.endName) after the JSON value, found \(found())")
        }
        return value
    }

    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        guard depth < options.maximumDepth else {
            throw failure("the JSON is nested more than \(options.maximumDepth) levels deep")
        }
        guard let byte = peek() else { throw failure("expected a value, found \(options.endName)") }
        switch byte {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""):
            let text = try readString(keep: building)
            return building ? .string(text) : .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case UInt8(ascii: "t"): return try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try readLiteral("null", .null)
        default:
            throw failure(
                "expected a value (an object, array, string, number, true, false or null), found \(found())")
        }
    }

    private mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        offset += 1
        var members: [(key: String, value: JSONTree)] = []
        var names = Set<String>()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            offset += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw failure(
                    peek() == UInt8(ascii: "}")
                        ? "a comma before '}' (a trailing comma is not JSON)"
                        : "expected a member name in double quotes, found \(found())")
            }
            let nameStart = offset
            let name = try readString(keep: building || !options.allowsDuplicateKeys)
            if !options.allowsDuplicateKeys {
                if names.contains(name) {
                    offset = nameStart
                    throw failure("the member \"\(name)\" appears twice in the same object")
                }
                names.insert(name)
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw failure("expected ':' after the member name, found \(found())")
            }
            offset += 1
            skipWhitespace()
            let value = try readValue(depth: depth + 1)
            if building { members.append((name, value)) }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"):
                offset += 1
                return .object(members)
            default: throw failure("expected ',' or '}', found \(found())")
            }
        }
    }

    private mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        offset += 1
        var elements: [JSONTree] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            offset += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                throw failure("a comma before ']' (a trailing comma is not JSON)")
            }
            let element = try readValue(depth: depth + 1)
            if building { elements.append(element) }
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

    /// Reads a string; decodes it only when `keep` (a validator skips the work).
    private mutating func readString(keep: Bool) throws(JSONSyntaxError) -> String {
        offset += 1
        var scalars = String.UnicodeScalarView()
        var chunkStart = offset
        func flush(_ end: Int) {
            guard keep else { return }
            scalars.append(
                contentsOf: String(decoding: bytes[chunkStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            guard let byte = peek() else { throw failure("a string is missing its closing quote") }
            switch byte {
            case UInt8(ascii: "\""):
                flush(offset)
                offset += 1
                return keep ? String(scalars) : ""
            case UInt8(ascii: "\\"):
                flush(offset)
                offset += 1
                let scalar = try readEscape()
                if keep { scalars.append(scalar) }
                chunkStart = offset
            case 0..<0x20:
                throw failure(
                    "a string may not contain a line break or another control character; write \\n or \\t")
            default:
                offset += 1
            }
        }
    }

    private mutating func readEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        guard let byte = peek() else { throw failure("a string is missing its closing quote") }
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
            let first = try readHex4()
            if (0xD800..<0xDC00).contains(first), bytes[offset...].starts(with: Array("\\u".utf8)) {
                offset += 2
                let second = try readHex4()
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

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
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
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func readNumber() throws(JSONSyntaxError) -> JSONTree {
        let numberStart = offset
        var isInteger = true
        if peek() == UInt8(ascii: "-") { offset += 1 }
        if peek() == UInt8(ascii: "0") {
            offset += 1
            if let next = peek(), Self.isDigit(next) { throw failure("a number may not start with 0") }
        } else if skipDigits() == 0 {
            throw failure("expected a digit, found \(found())")
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            offset += 1
            if skipDigits() == 0 {
                throw failure("expected a digit after the decimal point, found \(found())")
            }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { offset += 1 }
            if skipDigits() == 0 { throw failure("expected a digit in the exponent, found \(found())") }
        }
        guard building else { return .null }
        let text = String(decoding: bytes[numberStart..<offset], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            offset = numberStart
            throw failure("the number \(text) is out of range")
        }
        return .number(value, isInteger: isInteger)
    }

    private mutating func skipDigits() -> Int {
        let digitsStart = offset
        while let byte = peek(), Self.isDigit(byte) { offset += 1 }
        return offset - digitsStart
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func readLiteral(_ word: String, _ value: JSONTree) throws(JSONSyntaxError) -> JSONTree {
        guard bytes[offset...].starts(with: Array(word.utf8)) else {
            throw failure(
                "expected a value (an object, array, string, number, true, false or null), found \(found())")
        }
        offset += word.utf8.count
        return value
    }

    private func peek() -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek(),
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
                || byte == UInt8(ascii: "\t")
        {
            offset += 1
        }
    }

    /// How to name what sits at the current position: `'x'`, or the end of the input.
    private func found() -> String {
        guard offset < bytes.count else { return options.endName }
        let rest = String(decoding: bytes[offset..<min(bytes.count, offset + 4)], as: UTF8.self)
        guard let character = rest.first, character != "\u{FFFD}" else { return "an invalid byte" }
        return "'\(character)'"
    }

    /// A failure at the current position; the column counts characters, not bytes.
    private func failure(_ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        let end = max(start, min(offset, bytes.count))
        for byte in bytes[start..<end] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return JSONSyntaxError(offset: offset, line: line, column: column, message: message)
    }
}
