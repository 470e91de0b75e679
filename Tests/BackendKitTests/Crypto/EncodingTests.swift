import Foundation
import Testing

@testable import BackendKit

struct Base64URLTests {
    /// RFC 4648 section 10, without padding.
    @Test func rfc4648Vectors_encodeWithoutPadding() {
        let vectors = [
            "": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE",
            "foobar": "Zm9vYmFy",
        ]
        for (plain, encoded) in vectors {
            #expect(Base64URL.encode(plain) == encoded)
            #expect(Base64URL.decode(encoded) == Array(plain.utf8))
        }
    }

    @Test func urlSafeAlphabet_replacesPlusAndSlash() {
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.encode([0xfb, 0xef, 0xbe]) == "----")
        #expect(Base64URL.encode([0xff, 0xff, 0xff]) == "____")
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
    }

    @Test func everyLengthUpTo70_roundTrips() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let encoded = Base64URL.encode(bytes)
            #expect(!encoded.contains("="))
            #expect(encoded.count == (length * 4 + 2) / 3)
            #expect(Base64URL.decode(encoded) == bytes, "length \(length)")
            #expect(Base64URL.decodeData(encoded) == Data(bytes))
        }
    }

    @Test func correctPadding_isAccepted() {
        #expect(Base64URL.decode("Zg==") == Array("f".utf8))
        #expect(Base64URL.decode("Zm8=") == Array("fo".utf8))
        #expect(Base64URL.decode("Zm9v") == Array("foo".utf8))
    }

    @Test func malformedText_decodesToNil() {
        let malformed = [
            "Z", "Zm9vY", "Zg=", "Zg===", "=Zg=", "Z=g=", "Zm+v", "Zm/v", "Zm9v\n", " Zm9v", "Zh", "Zm9=",
            "Zm8=Zm8=",
        ]
        for text in malformed {
            #expect(Base64URL.decode(text) == nil, "\(text)")
        }
    }
}

struct HexTests {
    @Test func encode_isLowercaseTwoDigitsPerByte() {
        #expect(Hex.encode([0x00, 0x0f, 0xa0, 0xff]) == "000fa0ff")
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.encode(Data([0xab])) == "ab")
    }

    @Test func decode_acceptsBothCasesAndRefusesJunk() {
        #expect(Hex.decode("000fA0Ff") == [0x00, 0x0f, 0xa0, 0xff])
        #expect(Hex.decode("") == [])
        #expect(Hex.decode("abc") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("0x00") == nil)
    }
}

struct ConstantTimeEqualsTests {
    @Test func equalSequences_areEqual() {
        #expect(constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(constantTimeEquals([UInt8](), [UInt8]()))
        #expect(constantTimeEquals(Data([9, 8]), [9, 8]))
        #expect(constantTimeEquals("abc".utf8, Array("abc".utf8)))
    }

    @Test func anyDifferingByte_makesThemUnequal() {
        let base = [UInt8](repeating: 0x41, count: 32)
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x01
            #expect(!constantTimeEquals(base, changed), "byte \(index)")
        }
    }

    @Test func differentLengths_areUnequalEvenWhenOneIsAPrefix() {
        #expect(!constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(!constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(!constantTimeEquals([UInt8](), [0]))
    }
}

struct SecureRandomTests {
    @Test func bytes_haveTheRequestedLengthAndDiffer() {
        #expect(SecureRandom.bytes(0) == [])
        #expect(SecureRandom.bytes(-5) == [])
        let first = SecureRandom.bytes(32)
        let second = SecureRandom.bytes(32)
        #expect(first.count == 32)
        #expect(first != second)
    }

    @Test func token_isUnpaddedBase64URLOfTheRequestedBytes() throws {
        let token = SecureRandom.token()
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(try #require(Base64URL.decode(token)).count == 32)
        #expect(SecureRandom.token(byteCount: 16).count == 22)
        #expect(SecureRandom.token() != token)
    }
}
