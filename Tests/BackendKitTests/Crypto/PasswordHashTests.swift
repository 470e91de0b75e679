import Testing

@testable import BackendKit

struct PasswordHashTests {
    /// Low so the suite stays fast; one test uses the real default.
    private let fastIterations = 1_000

    @Test func madeHash_hasTheDocumentedFormat() throws {
        let stored = PasswordHash.make("hunter2", iterations: fastIterations)
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256")
        #expect(parts[1] == "1000")
        #expect(try #require(Base64URL.decode(parts[2])).count == 16)
        #expect(try #require(Base64URL.decode(parts[3])).count == 32)
    }

    @Test func rightPassword_verifies_wrongOneDoesNot() {
        let stored = PasswordHash.make("correct horse battery staple", iterations: fastIterations)
        #expect(PasswordHash.verify("correct horse battery staple", against: stored))
        #expect(!PasswordHash.verify("Correct horse battery staple", against: stored))
        #expect(!PasswordHash.verify("", against: stored))
    }

    @Test func samePasswordTwice_givesDifferentHashesThatBothVerify() {
        let first = PasswordHash.make("sama", iterations: fastIterations)
        let second = PasswordHash.make("sama", iterations: fastIterations)
        #expect(first != second)
        #expect(PasswordHash.verify("sama", against: first) && PasswordHash.verify("sama", against: second))
    }

    /// The stored form is plain PBKDF2, so other tools can check it: built here by hand.
    @Test func handBuiltStoredString_verifies() throws {
        let salt: [UInt8] = Array(0..<16)
        let key = try PBKDF2.sha256(password: "rahasia", salt: salt, iterations: 2_000, keyLength: 32)
        let stored = "pbkdf2-sha256$2000$" + Base64URL.encode(salt) + "$" + Base64URL.encode(key)
        #expect(stored == "pbkdf2-sha256$2000$AAECAwQFBgcICQoLDA0ODw$" + Base64URL.encode(key))
        #expect(PasswordHash.verify("rahasia", against: stored))
        #expect(!PasswordHash.verify("rahasiA", against: stored))
    }

    @Test func malformedStoredStrings_neverVerify() {
        let good = PasswordHash.make("pw", iterations: fastIterations)
        let parts = good.split(separator: "$").map(String.init)
        let malformed = [
            "", "pw", "$$$", "pbkdf2-sha256$1000$$", "bcrypt$1000$\(parts[2])$\(parts[3])",
            "pbkdf2-sha256$0$\(parts[2])$\(parts[3])", "pbkdf2-sha256$-1$\(parts[2])$\(parts[3])",
            "pbkdf2-sha256$+1000$\(parts[2])$\(parts[3])",
            "pbkdf2-sha256$99999999999999999999$\(parts[2])$\(parts[3])",
            "pbkdf2-sha256$20000000$\(parts[2])$\(parts[3])", "pbkdf2-sha256$abc$\(parts[2])$\(parts[3])",
            "pbkdf2-sha256$1000$\(parts[2])", "pbkdf2-sha256$1000$\(parts[2])$\(parts[3])$extra",
            "pbkdf2-sha256$1000$!!!!$\(parts[3])", "pbkdf2-sha256$1000$\(parts[2])$AAAA",
            "pbkdf2-sha256$1000$\(parts[2])$\(parts[3])=", good + " ",
        ]
        for stored in malformed {
            #expect(!PasswordHash.verify("pw", against: stored), "\(stored)")
        }
        #expect(PasswordHash.verify("pw", against: good))
    }

    @Test func needsRehash_whenWeakerThanAskedOrMalformed() {
        let weak = PasswordHash.make("pw", iterations: fastIterations)
        #expect(PasswordHash.needsRehash(weak))
        #expect(PasswordHash.needsRehash(weak, iterations: 2_000))
        #expect(!PasswordHash.needsRehash(weak, iterations: fastIterations))
        #expect(PasswordHash.needsRehash("not a hash", iterations: 1))
    }

    @Test func defaultIterations_followOWASP() {
        #expect(PasswordHash.defaultIterations == 600_000)
        let stored = PasswordHash.make("default")
        #expect(stored.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(PasswordHash.verify("default", against: stored))
        #expect(!PasswordHash.needsRehash(stored))
    }
}
