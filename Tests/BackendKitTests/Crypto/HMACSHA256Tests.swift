import Foundation
import Testing

@testable import BackendKit

/// The HMAC-SHA-256 test cases of RFC 4231, section 4.
struct HMACSHA256Tests {
    private func mac(key: [UInt8], data: [UInt8]) -> String {
        Hex.encode(HMACSHA256.authenticationCode(for: data, key: key))
    }

    @Test func rfc4231Case1() {
        #expect(
            mac(key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8))
                == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
    }

    @Test func rfc4231Case2_keyShorterThanOutput() {
        #expect(
            Hex.encode(HMACSHA256.authenticationCode(for: "what do ya want for nothing?", key: "Jefe"))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func rfc4231Case3() {
        #expect(
            mac(key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50))
                == "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
    }

    @Test func rfc4231Case4() {
        #expect(
            mac(key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50))
                == "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
    }

    @Test func rfc4231Case5_truncatedTo128Bits() {
        let code = HMACSHA256.authenticationCode(
            for: "Test With Truncation", key: [UInt8](repeating: 0x0c, count: 20))
        #expect(Hex.encode(code.prefix(16)) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func rfc4231Case6_keyLargerThanBlock() {
        #expect(
            mac(
                key: [UInt8](repeating: 0xaa, count: 131),
                data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
                == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func rfc4231Case7_keyAndDataLargerThanBlock() {
        let data =
            "This is a test using a larger than block-size key and a larger than block-size data. "
            + "The key needs to be hashed before being used by the HMAC algorithm."
        #expect(
            mac(key: [UInt8](repeating: 0xaa, count: 131), data: Array(data.utf8))
                == "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    @Test func emptyKeyAndMessage_giveTheKnownCode() {
        #expect(
            mac(key: [], data: [])
                == "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad")
    }

    @Test func stringDataAndByteOverloads_agree() {
        let key = Array("secret".utf8)
        let expected = HMACSHA256.authenticationCode(for: Array("user=42".utf8), key: key)
        #expect(HMACSHA256.authenticationCode(for: "user=42", key: key) == expected)
        #expect(HMACSHA256.authenticationCode(for: "user=42", key: "secret") == expected)
        #expect(HMACSHA256.authenticationCode(for: Data("user=42".utf8), key: Data(key)) == expected)
    }
}
