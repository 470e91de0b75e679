/// Turns the bytes a terminal sends into ``Key``s, one chunk at a time.
///
/// A key can be split across reads (an escape sequence or a multi-byte UTF-8 character), so the
/// decoder keeps the unfinished part until the next chunk. A lone Escape looks like the start of a
/// sequence: when ``isWaitingForMore`` and no byte arrives for a moment, call ``flush()``.
struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    /// Escape sequences longer than this are garbage; they are dropped as one `.other`.
    private static let longestSequence = 32

    /// Whether part of a key has arrived and the rest is expected.
    var isWaitingForMore: Bool { !pending.isEmpty }

    mutating func decode(_ bytes: some Sequence<UInt8>) -> [Key] {
        var keys: [Key] = []
        for byte in bytes { decode(byte, into: &keys) }
        return keys
    }

    /// Input went quiet with a key unfinished: it was a lone Escape or a broken sequence.
    mutating func flush() -> [Key] {
        guard !pending.isEmpty else { return [] }
        pending.removeAll()
        return [.other]
    }

    private mutating func decode(_ byte: UInt8, into keys: inout [Key]) {
        guard let first = pending.first else {
            start(byte, into: &keys)
            return
        }
        if first == 0x1B {
            continueEscape(byte, into: &keys)
        } else {
            continueUTF8(byte, lead: first, into: &keys)
        }
    }

    private mutating func start(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case 0x1B, 0xC2...0xF4: pending = [byte]
        case 3: keys.append(.interrupt)
        case 4: keys.append(.endOfInput)
        case 10, 13: keys.append(.enter)
        case 0x20..<0x7F: keys.append(.character(Character(Unicode.Scalar(byte))))
        default: keys.append(.other)  // other control keys, DEL, stray UTF-8 continuation bytes
        }
    }

    /// `ESC [ params final` (CSI), `ESC O x` (SS3), `ESC x` (Alt+x): each is one `.other`.
    private mutating func continueEscape(_ byte: UInt8, into keys: inout [Key]) {
        if pending.count == 1 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "O"):
                pending.append(byte)
            case 0x1B:
                keys.append(.other)  // Escape pressed twice: the first one is complete
            default:
                pending.removeAll()
                keys.append(.other)
            }
            return
        }
        let isCSI = pending[1] == UInt8(ascii: "[")
        if isCSI, (0x20...0x3F).contains(byte), pending.count < Self.longestSequence {
            pending.append(byte)  // parameter and intermediate bytes
            return
        }
        pending.removeAll()
        keys.append(.other)
        let ended = !isCSI || (0x40...0x7E).contains(byte)
        if !ended { start(byte, into: &keys) }  // the sequence broke off; this byte is a key of its own
    }

    private mutating func continueUTF8(_ byte: UInt8, lead: UInt8, into keys: inout [Key]) {
        guard (0x80...0xBF).contains(byte) else {
            pending.removeAll()
            keys.append(.other)
            start(byte, into: &keys)
            return
        }
        pending.append(byte)
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard pending.count == length else { return }
        let text = String(decoding: pending, as: UTF8.self)
        pending.removeAll()
        if let character = text.first, text.count == 1,
            !text.unicodeScalars.contains(where: { $0.value == 0xFFFD })
        {
            keys.append(.character(character))
        } else {
            keys.append(.other)
        }
    }
}
