import BackendKit
import Foundation
import GraderKit

/// A stored password hash taken apart: `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
struct StoredHash: Sendable {
    let text: String
    let iterations: Int
    let salt: [UInt8]
    let hash: [UInt8]

    static let scheme = "pbkdf2-sha256"

    /// Reads `text`, failing the check with what is wrong in it (never with the row's value).
    static func parse(_ text: String) throws -> StoredHash {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
        try require(
            parts.count == 4,
            Words(
                "password_hash has \(parts.count) part(s) separated by $; expected 4: pbkdf2-sha256$<iterations>$<salt>$<hash>",
                id:
                    "password_hash punya \(parts.count) bagian yang dipisah $; seharusnya 4: pbkdf2-sha256$<iterations>$<salt>$<hash>"
            ))
        try require(
            parts[0] == scheme,
            Words(
                "password_hash starts with \"\(parts[0].prefix(20))\"; expected the name of the method, pbkdf2-sha256",
                id: "password_hash diawali \"\(parts[0].prefix(20))\"; seharusnya nama caranya, pbkdf2-sha256"
            ))
        let iterations = try requireValue(
            Int(parts[1]),
            Words(
                "the second part of password_hash (\"\(parts[1].prefix(20))\") is not a whole number of iterations",
                id:
                    "bagian kedua password_hash (\"\(parts[1].prefix(20))\") bukan bilangan bulat jumlah iterasi"
            ))
        let salt = try requireValue(
            Base64URL.decode(parts[2]),
            Words(
                "the salt (the third part of password_hash) is not base64url",
                id: "salt-nya (bagian ketiga password_hash) bukan base64url"))
        let hash = try requireValue(
            Base64URL.decode(parts[3]),
            Words(
                "the hash (the fourth part of password_hash) is not base64url",
                id: "hash-nya (bagian keempat password_hash) bukan base64url"))
        return StoredHash(text: text, iterations: iterations, salt: salt, hash: hash)
    }

    /// Whether the hash really is PBKDF2-HMAC-SHA256 of `password` with the stored salt and count:
    /// computed here again, so a string that claims a count it did not do is found out.
    func isDerived(from password: String) -> Bool {
        guard PBKDF2.allowedIterations.contains(iterations), PBKDF2.allowedKeyLengths.contains(hash.count),
            let key = try? PBKDF2.sha256(
                password: password, salt: salt, iterations: iterations, keyLength: hash.count)
        else { return false }
        return key == hash
    }
}

extension Accounts {
    /// Signs up `email` with `password`, expecting 201 (step 1 and 2) or 202 (from step 3 on).
    @discardableResult
    static func signUp(_ t: TestContext, _ email: String, _ password: String) throws -> ClientResponse {
        try t.http.post("/accounts", json: credentials(email, password)).expectStatus(201, 202)
    }

    /// Logs in, whatever the answer.
    static func logIn(_ t: TestContext, _ email: String, _ password: String) throws -> ClientResponse {
        try t.http.post("/sessions", json: credentials(email, password))
    }

    /// The stored `password_hash` of `email`, failing the check when there is no such row.
    static func storedHash(_ t: TestContext, of email: String) throws -> String {
        let row = try requireValue(
            try t.database().queryOne("SELECT password_hash FROM accounts WHERE email = ?", email),
            Words(
                "the accounts table has no row for \(email) after its sign-up was answered",
                id: "tabel accounts tidak punya baris untuk \(email) padahal sign-up-nya sudah dijawab"))
        return try row.string("password_hash")
    }

    /// Every text and blob in every table of the learner's database, as one list of values.
    static func everyStoredValue(_ t: TestContext) throws -> [(table: String, value: String)] {
        let database = try t.database()
        let tables = try database.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).map { try $0.string("name") }
        var values: [(table: String, value: String)] = []
        for table in tables {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for row in try database.query("SELECT * FROM \(quoted)") {
                for value in row.values {
                    switch value {
                    case .text(let text): values.append((table, text))
                    case .blob(let data): values.append((table, String(decoding: data, as: UTF8.self)))
                    default: break
                    }
                }
            }
        }
        return values
    }

    /// The forms a password can be stored in that are as good as the password itself: as typed,
    /// in another case, and its UTF-8 bytes in base64url, base64 or hex (a "salt" made of it).
    static func revealingForms(of password: String) -> [String] {
        let bytes = Array(password.utf8)
        return [
            password, password.lowercased(), Base64URL.encode(bytes), Data(bytes).base64EncodedString(),
            Hex.encode(bytes),
        ]
    }
}
