import Testing

@testable import BackendKit

/// The PBKDF2-HMAC-SHA256 test vectors of RFC 7914, section 11.
struct PBKDF2Tests {
    @Test func rfc7914Vector1_oneIteration() throws {
        let key = try PBKDF2.sha256(password: "passwd", salt: "salt", iterations: 1, keyLength: 64)
        #expect(
            Hex.encode(key)
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    }

    @Test func rfc7914Vector2_80000Iterations() throws {
        let key = try PBKDF2.sha256(password: "Password", salt: "NaCl", iterations: 80_000, keyLength: 64)
        #expect(
            Hex.encode(key)
                == "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")
    }

    @Test func shorterKey_isPrefixOfLongerKey() throws {
        let long = try PBKDF2.sha256(password: "passwd", salt: "salt", iterations: 1, keyLength: 64)
        let short = try PBKDF2.sha256(
            password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, keyLength: 20)
        #expect(short == Array(long.prefix(20)))
    }

    @Test func emptyPassword_isAllowed() throws {
        let key = try PBKDF2.sha256(
            password: "", salt: [UInt8](repeating: 1, count: 16), iterations: 2, keyLength: 32)
        #expect(key.count == 32)
    }

    @Test func outOfRangeArguments_throwReadableErrors() {
        let iterations = #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: "p", salt: "s", iterations: 0, keyLength: 32)
        }
        #expect(
            iterations?.description
                == "the iteration count 0 is outside 1...2147483647; for passwords use 600000 (PasswordHash does this for you)"
        )
        let length = #expect(throws: CryptoError.self) {
            try PBKDF2.sha256(password: "p", salt: "s", iterations: 1, keyLength: 0)
        }
        #expect(
            length?.description == "the key length 0 is outside 1...1024 bytes; 32 bytes is the usual choice")
    }
}
