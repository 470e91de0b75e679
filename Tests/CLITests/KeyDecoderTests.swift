import Testing

@testable import backendlings

@Suite struct KeyDecoderTests {
    private func decode(_ chunks: [[UInt8]]) -> [Key] {
        var decoder = KeyDecoder()
        return chunks.flatMap { decoder.decode($0) } + decoder.flush()
    }

    @Test func lettersEnterAndControlKeys_decodeOneKeyPerByte() {
        let keys = decode([Array("hq".utf8) + [13, 10, 3, 4, 9, 127]])
        #expect(
            keys == [
                .character("h"), .character("q"), .enter, .enter, .interrupt, .endOfInput, .other, .other,
            ])
    }

    @Test func arrowAndFunctionKeys_areSwallowedWhole() {
        let up: [UInt8] = [0x1B, 0x5B, 0x41]  // ESC [ A
        let ctrlRight: [UInt8] = Array("\u{1B}[1;5C".utf8)
        let f1: [UInt8] = [0x1B, 0x4F, 0x50]  // ESC O P
        let keys = decode([up + Array("n".utf8) + ctrlRight + f1 + Array("h".utf8)])
        #expect(keys == [.other, .character("n"), .other, .other, .character("h")])
    }

    @Test func sequencesSplitAcrossReads_areStillOneKey() {
        let keys = decode([[0x1B], [0x5B], [0x31, 0x3B], [0x35, 0x43], Array("x".utf8)])
        #expect(keys == [.other, .character("x")])
    }

    @Test func loneEscape_isReportedOnFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x1B]) == [])
        #expect(decoder.isWaitingForMore)
        #expect(decoder.flush() == [.other])
        #expect(!decoder.isWaitingForMore)
        #expect(decoder.decode(Array("n".utf8)) == [.character("n")])
    }

    @Test func altLetterAndDoubleEscape_doNotLeakLetters() {
        #expect(decode([[0x1B] + Array("n".utf8)]) == [.other])
        #expect(decode([[0x1B, 0x1B, 0x5B, 0x42]]) == [.other, .other])
    }

    @Test func multiByteCharacters_decodeEvenWhenSplit() {
        let text = Array("é✓".utf8)  // 2 bytes + 3 bytes
        #expect(decode([text]) == [.character("é"), .character("✓")])
        #expect(
            decode([[text[0]], [text[1], text[2]], [text[3]], [text[4]]]) == [
                .character("é"), .character("✓"),
            ])
    }

    @Test func invalidUTF8_becomesOtherWithoutSwallowingTheNextKey() {
        #expect(decode([[0xC3, 0x41]]) == [.other, .character("A")])
        #expect(decode([[0x80, 0x41]]) == [.other, .character("A")])
    }
}
