import BackendKit
import Foundation
import GraderKit

/// The attacks on session tokens: guessing them, finding them in the database, forging them.
enum SessionTokens {
    /// Logins per account in the predictability check: enough to see a counter or a clock.
    static let loginsPerAccount = 5
    /// Tokens the entropy estimate reads.
    static let entropySamples = 16
    /// How far from the server's time a number still counts as "made from the clock".
    static let clockWindow: TimeInterval = 2 * 60 * 60

    /// Fails when the first tokens of two accounts are their account ids.
    static func requireNotAccountIDs(_ tokens: [String], ids: [Int], response: ClientResponse) throws {
        guard tokens.count == ids.count, zip(tokens, ids).allSatisfy({ Int($0) == $1 }) else { return }
        throw response.failure(
            Words(
                "the session tokens are the accounts' ids (\(tokens.joined(separator: ", "))): anyone can write the cookie of any account",
                id:
                    "token session-nya adalah id akunnya (\(tokens.joined(separator: ", "))): siapa pun bisa menulis cookie akun mana pun"
            ))
    }

    /// Fails when `token` repeats an earlier token, counts up from the last one, or is (or
    /// contains) the server's time in seconds, milliseconds, microseconds or nanoseconds.
    static func requireUnpredictable(_ token: String, earlier: [String], response: ClientResponse) throws {
        if let clock = clockReading(in: token, near: response.serverDate ?? Date()) {
            throw response.failure(
                Words(
                    "the session token \(token) is made from the clock (it holds \(clock.en)): an attacker who knows roughly when a user logged in can try every value near it",
                    id:
                        "token session \(token) dibuat dari jam (isinya \(clock[.id])): penyerang yang kira-kira tahu kapan seseorang login bisa mencoba setiap nilai di sekitarnya"
                ))
        }
        if earlier.contains(token) {
            throw response.failure(
                Words(
                    "two logins got the same session token \(token): a token must be new at every login",
                    id:
                        "dua login mendapat token session yang sama, \(token): token harus baru di setiap login"
                ))
        }
        if let previous = earlier.last, let step = counterStep(from: previous, to: token) {
            throw response.failure(
                Words(
                    "the session token went from \(previous) to \(token), \(step) more: it follows a counter, so the next user's token is the next number",
                    id:
                        "token session berubah dari \(previous) ke \(token), bertambah \(step): token-nya mengikuti counter, jadi token pengguna berikutnya adalah angka berikutnya"
                ))
        }
    }

    /// How `token` holds the time near `now`, or `nil` when it does not.
    static func clockReading(in token: String, near now: Date) -> Words? {
        let seconds = now.timeIntervalSince1970
        let units: [(scale: Double, digits: Int, name: Words)] = [
            (1, 10, Words("the time in seconds", id: "waktu dalam detik")),
            (1e3, 13, Words("the time in milliseconds", id: "waktu dalam milidetik")),
            (1e6, 16, Words("the time in microseconds", id: "waktu dalam mikrodetik")),
            (1e9, 19, Words("the time in nanoseconds", id: "waktu dalam nanodetik")),
        ]
        let digitRuns = token.split { !$0.isNumber }.map(String.init)
        // The finest unit first: the first ten digits of a time in microseconds are also the seconds.
        for run in digitRuns {
            for unit in units.reversed() where run.count >= unit.digits {
                // Every window of the unit's length, so "1796198400-abc" and "x1796198400123" count.
                let characters = Array(run)
                for start in 0...(characters.count - unit.digits) {
                    guard let value = Double(String(characters[start..<(start + unit.digits)])) else {
                        continue
                    }
                    if abs(value / unit.scale - seconds) <= clockWindow { return unit.name }
                }
            }
        }
        return nil
    }

    /// The difference when both tokens are numbers (decimal or hex) a small step apart, or `nil`.
    static func counterStep(from previous: String, to token: String) -> Int? {
        for radix in [10, 16] {
            guard previous.count <= 18, token.count <= 18,
                let a = Int(previous, radix: radix), let b = Int(token, radix: radix)
            else { continue }
            let step = b - a
            if step != 0 && abs(step) <= 1_000 { return step }
        }
        return nil
    }

    /// An estimate of the random bits in each token: the positions that differ between tokens,
    /// times the bits one character of the alphabet they use can carry.
    static func estimatedBits(_ tokens: [String]) -> (bits: Int, length: Int, alphabet: Words) {
        let characters = tokens.map(Array.init)
        let length = characters.map(\.count).min() ?? 0
        let used = Set(characters.joined())
        let digits = Set("0123456789")
        let hex = Set("0123456789abcdefABCDEF")
        let base64url = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let alphabet: (bits: Double, name: Words)
        if used.isSubset(of: digits) {
            alphabet = (log2(10), Words("decimal digits", id: "digit desimal"))
        } else if used.isSubset(of: hex) {
            alphabet = (4, Words("hex digits", id: "digit hex"))
        } else if used.isSubset(of: base64url) && used.count > 22 {
            alphabet = (6, Words("base64url", id: "base64url"))
        } else {
            alphabet = (
                log2(Double(max(used.count, 2))),
                Words("\(used.count) different characters", id: "\(used.count) karakter berbeda")
            )
        }
        let varying = (0..<length).filter { index in Set(characters.map { $0[index] }).count > 1 }.count
        return (Int((Double(varying) * alphabet.bits).rounded(.down)), length, alphabet.name)
    }

    /// `table.column` of the first value in the database that holds `token` as text (or its bytes
    /// raw, or in hex), or `nil`.
    static func findInDatabase(_ token: String, _ database: Database) throws -> String? {
        let decoded = Base64URL.decode(token)
        let hex = decoded.map(Hex.encode)
        let tables = try database.query(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        for table in tables {
            let name = try table.string("name")
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            for row in try database.query("SELECT * FROM \(quoted)") {
                for (index, column) in row.columns.enumerated() {
                    switch row.values[index] {
                    case .text(let text):
                        if text.contains(token) { return "\(name).\(column)" }
                        if let hex, text.lowercased().contains(hex) { return "\(name).\(column)" }
                    case .blob(let data):
                        if let decoded, Data(decoded) == data { return "\(name).\(column)" }
                        if String(decoding: data, as: UTF8.self).contains(token) {
                            return "\(name).\(column)"
                        }
                    default: continue
                    }
                }
            }
        }
        return nil
    }

    /// Cookie values an attacker could try, made from one real token.
    static func forgeries(of token: String) -> [(value: String, description: Words)] {
        var attempts: [(value: String, description: Words)] = [
            (
                SecureRandom.token(),
                Words("a made-up token of the right shape", id: "token karangan dengan bentuk yang benar")
            ),
            (
                String(token.dropLast()),
                Words(
                    "the real token without its last character", id: "token asli tanpa karakter terakhirnya")
            ),
            (
                String(token.prefix(token.count / 2)),
                Words("the first half of the real token", id: "separuh pertama token asli")
            ),
            (
                token + "A",
                Words(
                    "the real token with one more character", id: "token asli dengan satu karakter tambahan")
            ),
            (token + token, Words("the real token twice", id: "token asli dua kali")),
            ("", Words("an empty value", id: "nilai kosong")),
            (
                Hex.encode(SHA256.hash(token)),
                Words(
                    "the SHA-256 of the real token (what the database keeps)",
                    id: "SHA-256 dari token asli (yang disimpan database)")
            ),
        ]
        for (index, name) in [(token.count - 1, "last"), (0, "first"), (token.count / 2, "middle")] {
            guard index >= 0, index < token.count else { continue }
            var characters = Array(token)
            characters[index] = characters[index] == "A" ? "B" : "A"
            let nameID = ["last": "terakhir", "first": "pertama", "middle": "tengah"][name] ?? name
            attempts.append(
                (
                    String(characters),
                    Words(
                        "the real token with its \(name) character changed",
                        id: "token asli dengan karakter \(nameID)-nya diganti")
                ))
        }
        return attempts
    }
}
