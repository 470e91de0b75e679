import Foundation

/// Checks that bytes are JSON exactly as RFC 8259 defines it, before Foundation decodes them.
///
/// Foundation's decoder on Linux accepts some things that are not JSON, such as trailing commas
/// (`{"a":1,}`). A client that sends those works against a lenient server and breaks against a
/// strict one, so BackendKit refuses them with a message that says where the problem is.
enum JSONSyntax {
    struct Error: Swift.Error, Equatable, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset + 1)" }
    }

    /// The most nested arrays and objects accepted, so a hostile body cannot exhaust the stack.
    static let maxDepth = 512

    static func validate(_ data: Data) throws(Error) {
        let outcome: Result<Void, Error> = data.withUnsafeBytes { raw in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            return Result { () throws(Error) in
                scanner.skipWhitespace()
                try scanner.value(depth: 0)
                scanner.skipWhitespace()
                guard scanner.index == scanner.bytes.count else {
                    throw scanner.error("unexpected text after the JSON value")
                }
            }
        }
        try outcome.get()
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        func error(_ reason: String) -> Error { Error(offset: index, reason: reason) }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                index += 1
            }
        }

        mutating func value(depth: Int) throws(Error) {
            guard depth <= JSONSyntax.maxDepth else {
                throw error("JSON nested more than \(JSONSyntax.maxDepth) levels deep")
            }
            guard let byte = current else { throw error("the JSON ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            default: throw error("expected a value (an object, array, string, number, true, false or null)")
            }
        }

        mutating func object(depth: Int) throws(Error) {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                guard current == UInt8(ascii: "\"") else {
                    throw error(
                        current == UInt8(ascii: "}")
                            ? "a comma before } (trailing comma)" : "expected a member name in double quotes")
                }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw error("expected : after a member name") }
                index += 1
                skipWhitespace()
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                } else if current == UInt8(ascii: "}") {
                    index += 1
                    return
                } else {
                    throw error("expected , or } in an object")
                }
            }
        }

        mutating func array(depth: Int) throws(Error) {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                if current == UInt8(ascii: "]") { throw error("a comma before ] (trailing comma)") }
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                } else if current == UInt8(ascii: "]") {
                    index += 1
                    return
                } else {
                    throw error("expected , or ] in an array")
                }
            }
        }

        mutating func string() throws(Error) {
            index += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            index += 1
                            guard let hex = current, hex.isHexDigit else {
                                throw error("\\u must be followed by four hex digits")
                            }
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        throw error("unknown escape \\\(UnicodeScalar(escaped))")
                    }
                    index += 1
                case 0..<0x20:
                    throw error("a control character inside a string (write \\n, \\t…)")
                default:
                    index += 1
                }
            }
            throw error("a string is not closed")
        }

        mutating func number() throws(Error) {
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, first.isDigit else { throw error("expected a digit") }
            index += 1
            if first == UInt8(ascii: "0"), let next = current, next.isDigit {
                throw error("a number may not start with 0")
            }
            while let byte = current, byte.isDigit { index += 1 }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let byte = current, byte.isDigit else {
                    throw error("expected a digit after the decimal point")
                }
                while let byte = current, byte.isDigit { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let byte = current, byte.isDigit else {
                    throw error("expected a digit in the exponent")
                }
                while let byte = current, byte.isDigit { index += 1 }
            }
        }

        mutating func literal(_ word: String) throws(Error) {
            for expected in word.utf8 {
                guard current == expected else { throw error("expected \(word)") }
                index += 1
            }
        }
    }
}

extension UInt8 {
    fileprivate var isDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    fileprivate var isHexDigit: Bool {
        isDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
