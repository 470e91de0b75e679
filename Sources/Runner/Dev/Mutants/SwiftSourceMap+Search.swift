extension SwiftSourceMap {
    /// Offsets where `pattern` starts with every byte of it of `kind`.
    func matches(_ pattern: String, in kind: Kind) -> [Int] {
        let needle = Array(pattern.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        var found: [Int] = []
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<index + needle.count]) == needle
                && (index..<index + needle.count).allSatisfy({ kinds[$0] == kind })
            {
                found.append(index)
            }
            index += 1
        }
        return found
    }

    /// Offsets of `word` as a whole word (not part of a longer identifier or number) in `kind`.
    func words(_ word: String, in kind: Kind) -> [Int] {
        let length = word.utf8.count
        return matches(word, in: kind).filter { start in
            !(start > 0 && Self.isWordByte(bytes[start - 1]))
                && !(start + length < bytes.count && Self.isWordByte(bytes[start + length]))
        }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_")
    }

    /// The offset of the bracket that closes the one at `open` (`(`, `[` or `{`), counting only
    /// brackets in code; nil when it is never closed.
    func closing(_ open: Int) -> Int? {
        let pairs: [UInt8: UInt8] = [
            UInt8(ascii: "("): UInt8(ascii: ")"), UInt8(ascii: "["): UInt8(ascii: "]"),
            UInt8(ascii: "{"): UInt8(ascii: "}"),
        ]
        guard open < bytes.count, let close = pairs[bytes[open]] else { return nil }
        var depth = 0
        for index in open..<bytes.count where kinds[index] == .code {
            if bytes[index] == bytes[open] { depth += 1 }
            if bytes[index] == close {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// The offsets where each line starts.
    var lineStarts: [Int] {
        [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    /// The line (from 0) that holds `offset`.
    func line(of offset: Int, starts: [Int]) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The arguments of the call whose `(` is at `open`, split at top-level commas: each one's byte
    /// range, spaces and line breaks around it excluded.
    func arguments(of open: Int) -> [Range<Int>]? {
        guard let close = closing(open) else { return nil }
        var pieces: [Range<Int>] = []
        var depth = 0
        var start = open + 1
        for index in (open + 1)..<close where kinds[index] == .code {
            switch bytes[index] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                pieces.append(trimmed(start..<index))
                start = index + 1
            default: break
            }
        }
        if start < close || !pieces.isEmpty { pieces.append(trimmed(start..<close)) }
        return pieces.filter { !$0.isEmpty }
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && Self.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower && Self.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
            || byte == UInt8(ascii: "\r")
    }

    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
}
