import BackendKit
import Foundation
import GraderKit

/// A pair as `POST /tokens` and `POST /tokens/refresh` answer it.
private struct Pair {
    let access: String
    let refresh: String
    let json: JSONValue
}

private enum Tokens {
    static let password = "correct horse battery staple"

    /// Signs up `email` and returns its account id.
    static func account(_ t: TestContext, _ email: String) throws -> Int { try JWTs.account(t, email) }

    /// `POST /tokens` for `email`, expected to work.
    static func logIn(_ t: TestContext, _ email: String) throws -> Pair {
        try pair(t.http.post("/tokens", json: Accounts.credentials(email, password)).expectStatus(200))
    }

    static func refreshResponse(_ t: TestContext, _ token: String) throws -> ClientResponse {
        try t.http.post("/tokens/refresh", json: ["refresh_token": .string(token)])
    }

    /// `POST /tokens/refresh`, expected to work.
    static func refresh(_ t: TestContext, _ token: String, hint: Words? = nil) throws -> Pair {
        try pair(refreshResponse(t, token).expectStatus(200, hint: hint))
    }

    static func pair(_ response: ClientResponse) throws -> Pair {
        let json = try response.json()
        let access = try requireValue(
            json["access_token"]?.string,
            Words("the answer has no access_token string", id: "jawabannya tidak punya string access_token"),
            response: response)
        let refresh = try requireValue(
            json["refresh_token"]?.string,
            Words(
                "the answer has no refresh_token string", id: "jawabannya tidak punya string refresh_token"),
            response: response)
        return Pair(access: access, refresh: refresh, json: json)
    }

    /// The claims of an access token the server made (the grader checks its signature itself).
    static func claims(_ token: String) throws -> JSONValue {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, let payload = Base64URL.decodeData(parts[1]),
            let claims = try? JSONValue(parsing: payload)
        else {
            throw CheckFailure(
                Words(
                    "the access_token is not a JWT of three base64url parts: \(token.prefix(60))",
                    id: "access_token-nya bukan JWT tiga bagian base64url: \(token.prefix(60))"))
        }
        return claims
    }

    /// Fails unless `POST /tokens/refresh` with `token` is refused with 401.
    static func expectRefreshRefused(_ t: TestContext, _ token: String, _ what: Words, hint: Words? = nil)
        throws
    {
        let response = try refreshResponse(t, token)
        if response.status == 200 {
            throw response.failure(
                Words(
                    "your server gave a new pair for \(what.en): it must answer 401",
                    id: "server kamu memberi pasangan token baru untuk \(what[.id]): seharusnya 401"),
                hint: hint)
        }
        try response.expectStatus(401, hint: hint)
    }
}

private let issues = Words(
    "POST /tokens with the right password answers 200 with access_token, refresh_token, token_type Bearer and expires_in",
    id:
        "POST /tokens dengan password yang benar dijawab 200 dengan access_token, refresh_token, token_type Bearer, dan expires_in"
)

private let rotates = Words(
    "POST /tokens/refresh gives a new pair, and the old refresh token is used up (RFC 9700 §4.14.2)",
    id: "POST /tokens/refresh memberi pasangan baru, dan refresh token lama sudah terpakai (RFC 9700 §4.14.2)"
)

private let familyHint = Words(
    "A used refresh token that comes back means two parties hold a copy, and the server cannot tell which is the thief. End the whole family (writer.revokeFamily) inside the transaction, return from it, then throw Self.refused: a throw inside the transaction rolls the revocation back. Rotated tokens keep the family of the token they replace.",
    id:
        "Refresh token bekas yang datang lagi berarti ada dua pihak yang memegang salinannya, dan server tidak bisa tahu mana pencurinya. Akhiri seluruh family-nya (writer.revokeFamily) di dalam transaction, keluar dari transaction itu, lalu lempar Self.refused: throw di dalam transaction membatalkan pencabutannya. Token hasil rotasi tetap memakai family dari token yang digantikannya."
)

let refreshTokens = ExerciseTests("auth07-refresh-tokens") {
    Check(
        issues,
        hint: Words(
            "Make the pair in TokenService.issue: signAccessToken with a new jti and TokenLifetimes.access, a refresh token from SecureRandom.token(), and TokenPair(accessToken:refreshToken:expiresIn:).",
            id:
                "Buat pasangannya di TokenService.issue: signAccessToken dengan jti baru dan TokenLifetimes.access, refresh token dari SecureRandom.token(), dan TokenPair(accessToken:refreshToken:expiresIn:)."
        )
    ) { t in
        try Accounts.start(t)
        let id = try Tokens.account(t, "ayu@example.com")
        let response = try t.http.post(
            "/tokens", json: Accounts.credentials("ayu@example.com", Tokens.password)
        )
        .expectStatus(200)
        let pair = try Tokens.pair(response)
        try requireEqual(
            pair.json["token_type"], "Bearer", Words("token_type", id: "token_type"), response: response)
        let lifetime = pair.json["expires_in"]?.int ?? 0
        try require(
            lifetime > 0,
            Words(
                "expires_in must be the access token's lifetime in whole seconds, got \(pair.json["expires_in"]?.description ?? "nothing")",
                id:
                    "expires_in harus berisi umur access token dalam detik bulat, tapi isinya \(pair.json["expires_in"]?.description ?? "tidak ada")"
            ),
            response: response)
        let me = try JWTs.me(t, pair.access).expectStatus(
            200,
            hint: Words(
                "The access_token must work at GET /api/me as a Bearer token.",
                id: "access_token-nya harus bisa dipakai di GET /api/me sebagai Bearer token."))
        try requireEqual(
            try me.json()["id"], .number(Double(id)), Words("the account of /api/me", id: "akun dari /api/me")
        )
        try t.http.post("/tokens", json: Accounts.credentials("ayu@example.com", "wrong password, sorry"))
            .expectStatus(401)
    }

    Check(
        Words(
            "the access token lives 5 minutes and has its own jti: after 6 minutes GET /api/me refuses it",
            id: "access token hidup 5 menit dan punya jti sendiri: setelah 6 menit GET /api/me menolaknya"),
        hint: Words(
            "Give signAccessToken lifetime: TokenLifetimes.access (300 s) and id: SecureRandom.token(byteCount: 16), new for every token. A short life is what makes a stolen access token worth little.",
            id:
                "Beri signAccessToken lifetime: TokenLifetimes.access (300 detik) dan id: SecureRandom.token(byteCount: 16), yang baru untuk setiap token. Umur yang pendek membuat access token curian tidak banyak gunanya."
        ),
        needs: issues.en
    ) { t in
        _ = try Tokens.account(t, "budi@example.com")
        let first = try Tokens.logIn(t, "budi@example.com")
        let second = try Tokens.logIn(t, "budi@example.com")
        let claims = try Tokens.claims(first.access)
        let lifetime = (claims["exp"]?.double ?? 0) - (claims["iat"]?.double ?? 0)
        try require(
            lifetime > 0 && lifetime <= 300,
            Words(
                "the access token's exp is \(Int(lifetime)) s after its iat; an access token lives at most 300 s",
                id:
                    "exp access token-nya \(Int(lifetime)) detik setelah iat-nya; access token hidup paling lama 300 detik"
            ))
        try requireEqual(
            first.json["expires_in"]?.int, Int(lifetime),
            Words(
                "expires_in (the token's exp minus its iat)", id: "expires_in (exp token dikurangi iat-nya)"))
        let ids = [claims["jti"]?.string, try Tokens.claims(second.access)["jti"]?.string]
        try require(
            ids[0] != nil && ids[0] != ids[1],
            Words(
                "two access tokens have the jti \(ids.map { $0 ?? "(none)" }): each needs its own, so one can be revoked alone",
                id:
                    "dua access token punya jti \(ids.map { $0 ?? "(tidak ada)" }): masing-masing butuh jti sendiri, supaya satu token bisa dicabut sendirian"
            ))
        try t.advanceClock(by: .minutes(6))
        try JWTs.expectRefused(
            JWTs.me(t, first.access),
            Words(
                "an access token 6 minutes after it was issued",
                id: "access token 6 menit setelah diterbitkan"))
    }

    Check(
        Words(
            "the refresh token is 32 random bytes and only its SHA-256 is stored (ASVS 7.2.3)",
            id: "refresh token berisi 32 byte acak dan hanya SHA-256-nya yang disimpan (ASVS 7.2.3)"),
        hint: Words(
            "SecureRandom.token() gives 32 random bytes as base64url. Save Self.digest(token) with writer.insertRefreshToken, never the token: whoever reads a copy of the database must not be able to log in with it.",
            id:
                "SecureRandom.token() memberi 32 byte acak dalam base64url. Simpan Self.digest(token) dengan writer.insertRefreshToken, jangan token-nya: siapa pun yang membaca salinan database tidak boleh bisa login dengannya."
        ),
        needs: issues.en
    ) { t in
        _ = try Tokens.account(t, "citra@example.com")
        let pair = try Tokens.logIn(t, "citra@example.com")
        let bytes = Base64URL.decode(pair.refresh)?.count ?? 0
        try require(
            bytes >= 32,
            Words(
                "the refresh token is \(bytes) bytes of base64url; it must be 32 random bytes (SecureRandom.token())",
                id:
                    "refresh token-nya \(bytes) byte base64url; seharusnya 32 byte acak (SecureRandom.token())"
            ))
        let database = try t.database()
        let digest = Hex.encode(SHA256.hash(pair.refresh))
        try require(
            try database.queryOne("SELECT 1 AS found FROM refresh_tokens WHERE token_hash = ?", digest)
                != nil,
            Words(
                "refresh_tokens has no row whose token_hash is the hex SHA-256 of the refresh token",
                id: "refresh_tokens tidak punya baris yang token_hash-nya SHA-256 hex dari refresh token itu")
        )
        for table in ["refresh_tokens", "revoked_access_tokens", "accounts"] {
            for column in try database.columns(of: table) {
                let found = try database.queryOne(
                    "SELECT 1 AS found FROM \(table) WHERE instr(CAST(\(column.name) AS TEXT), ?) > 0",
                    pair.refresh)
                try require(
                    found == nil,
                    Words(
                        "the refresh token itself is stored in \(table).\(column.name)",
                        id: "refresh token-nya sendiri tersimpan di \(table).\(column.name)"))
            }
        }
    }

    Check(
        rotates,
        hint: Words(
            "In refresh, mark the presented token used (writer.markUsed) and make a NEW refresh token, in the same transaction. A refresh token that can be used again and again is a password that never changes.",
            id:
                "Di refresh, tandai token yang dikirim sebagai terpakai (writer.markUsed) dan buat refresh token BARU, dalam transaction yang sama. Refresh token yang bisa dipakai berulang kali sama saja dengan password yang tidak pernah berganti."
        ),
        needs: issues.en
    ) { t in
        _ = try Tokens.account(t, "dewi@example.com")
        let first = try Tokens.logIn(t, "dewi@example.com")
        let second = try Tokens.refresh(t, first.refresh)
        try require(
            second.refresh != first.refresh,
            Words(
                "POST /tokens/refresh answered the same refresh token it was given: rotate it",
                id:
                    "POST /tokens/refresh menjawab dengan refresh token yang sama dengan yang dikirim: rotasikan"
            ))
        try JWTs.me(t, second.access).expectStatus(200)
        _ = try Tokens.refresh(t, second.refresh)
        try Tokens.expectRefreshRefused(
            t, first.refresh,
            Words("a refresh token that was already exchanged", id: "refresh token yang sudah ditukar"))
        try Tokens.expectRefreshRefused(
            t, "not-a-refresh-token",
            Words(
                "a refresh token the server never made", id: "refresh token yang tidak pernah dibuat server"))
    }

    Check(
        Words(
            "a used refresh token presented again ends its whole family: the thief's and the victim's newer tokens stop working (RFC 9700 §4.14.2)",
            id:
                "refresh token bekas yang dikirim lagi mengakhiri seluruh family-nya: token baru milik pencuri maupun korban berhenti bekerja (RFC 9700 §4.14.2)"
        ),
        hint: familyHint,
        needs: rotates.en
    ) { t in
        _ = try Tokens.account(t, "eko@example.com")
        // The thief refreshes first with a stolen copy; then the victim's client uses its own.
        let stolen = try Tokens.logIn(t, "eko@example.com")
        let thief = try Tokens.refresh(t, stolen.refresh)
        try Tokens.expectRefreshRefused(
            t, stolen.refresh,
            Words(
                "the victim's copy, already used by the thief",
                id: "salinan milik korban, yang sudah dipakai pencuri"))
        try Tokens.expectRefreshRefused(
            t, thief.refresh,
            Words(
                "the thief's newer refresh token after the replay was seen",
                id: "refresh token baru milik pencuri setelah replay-nya terlihat"),
            hint: familyHint)
        // The victim refreshes first; then the thief tries the old copy, two rotations later.
        let login = try Tokens.logIn(t, "eko@example.com")
        let victim = try Tokens.refresh(t, Tokens.refresh(t, login.refresh).refresh)
        try Tokens.expectRefreshRefused(
            t, login.refresh, Words("the thief's old copy", id: "salinan lama milik pencuri"))
        try Tokens.expectRefreshRefused(
            t, victim.refresh,
            Words(
                "the victim's newest refresh token after an older one of its family came back",
                id: "refresh token terbaru milik korban setelah token lama dari family-nya datang lagi"),
            hint: familyHint)
        let other = try Tokens.logIn(t, "eko@example.com")
        _ = try Tokens.refresh(
            t, other.refresh,
            hint: Words(
                "Another login is another family: a replay in one family must not end the others.",
                id:
                    "Login lain adalah family lain: replay di satu family tidak boleh mengakhiri family lainnya."
            ))
    }

    Check(
        Words(
            "POST /tokens/revoke denies that access token until its exp, and only that one (keyed by its jti) (ASVS 7.4.1)",
            id:
                "POST /tokens/revoke menolak access token itu sampai exp-nya, dan hanya yang itu (dengan jti-nya sebagai kunci) (ASVS 7.4.1)"
        ),
        hint: Words(
            "Put Self.digest(jti) on the denylist until token.expiresAt, and answer isRevoked from store.isDenylisted. The jti names one token, however it is written; sub would revoke every token of the account.",
            id:
                "Masukkan Self.digest(jti) ke denylist sampai token.expiresAt, dan jawab isRevoked dari store.isDenylisted. jti menunjuk satu token, bagaimanapun penulisannya; sub akan mencabut semua token milik akun itu."
        ),
        needs: issues.en
    ) { t in
        _ = try Tokens.account(t, "fajar@example.com")
        let phone = try Tokens.logIn(t, "fajar@example.com")
        let laptop = try Tokens.logIn(t, "fajar@example.com")
        try t.http.post("/tokens/revoke", json: [:], headers: ["Authorization": "Bearer \(phone.access)"])
            .expectStatus(204)
        try JWTs.expectRefused(
            JWTs.me(t, phone.access),
            Words("an access token that was revoked", id: "access token yang sudah dicabut"))
        try JWTs.me(t, laptop.access).expectStatus(
            200,
            hint: Words(
                "Revoking the phone's token must leave the laptop's working: key the denylist by the token's jti, not by the account.",
                id:
                    "Mencabut token di HP harus membiarkan token di laptop tetap bekerja: gunakan jti token sebagai kunci denylist, bukan akunnya."
            ))
        let jti = try Tokens.claims(phone.access)["jti"]?.string ?? ""
        let exp = try Tokens.claims(phone.access)["exp"]?.double ?? 0
        let row = try requireValue(
            try t.database().queryOne(
                "SELECT expires_at FROM revoked_access_tokens WHERE jti_hash = ?",
                Hex.encode(SHA256.hash(jti))),
            Words(
                "revoked_access_tokens has no row whose jti_hash is the hex SHA-256 of the token's jti",
                id: "revoked_access_tokens tidak punya baris yang jti_hash-nya SHA-256 hex dari jti token itu"
            ))
        let kept = try row.string("expires_at")
        let expected = Date(timeIntervalSince1970: exp).formatted(.iso8601)
        try requireEqual(
            kept, expected,
            Words(
                "the denylist entry's expires_at (the token's exp)",
                id: "expires_at di denylist (exp token-nya)"))
    }

    Check(
        Words(
            "POST /tokens/revoke with the refresh token ends its family too: logging out ends both tokens (ASVS 7.4.1)",
            id:
                "POST /tokens/revoke dengan refresh token juga mengakhiri family-nya: logout mengakhiri kedua token (ASVS 7.4.1)"
        ),
        hint: Words(
            "When revoke gets a refreshToken that belongs to the account, end its family with writer.revokeFamily. Otherwise the refresh token keeps making new access tokens after the logout.",
            id:
                "Kalau revoke menerima refreshToken milik akun itu, akhiri family-nya dengan writer.revokeFamily. Kalau tidak, refresh token itu terus membuat access token baru setelah logout."
        ),
        needs: rotates.en
    ) { t in
        _ = try Tokens.account(t, "gita@example.com")
        let pair = try Tokens.logIn(t, "gita@example.com")
        try t.http.post(
            "/tokens/revoke", json: ["refresh_token": .string(pair.refresh)],
            headers: ["Authorization": "Bearer \(pair.access)"]
        ).expectStatus(204)
        try Tokens.expectRefreshRefused(
            t, pair.refresh,
            Words(
                "the refresh token of a pair that logged out",
                id: "refresh token dari pasangan yang sudah logout"))
    }

    Check(
        Words(
            "ten refreshes of one refresh token at the same moment give at most one new pair",
            id:
                "sepuluh refresh dengan satu refresh token pada saat yang sama memberi paling banyak satu pasangan baru"
        ),
        hint: Words(
            "Look the token up, check usedAt and mark it used inside ONE store.transaction. When the lookup happens before the transaction, requests that arrive together all find the token unused and each gets a pair: one stolen token becomes many.",
            id:
                "Cari token-nya, periksa usedAt, dan tandai sebagai terpakai di dalam SATU store.transaction. Kalau pencarian terjadi sebelum transaction, request yang datang bersamaan semuanya menemukan token itu belum terpakai dan masing-masing mendapat pasangan baru: satu token curian menjadi banyak."
        ),
        needs: rotates.en
    ) { t in
        try t.enableStatementLog()
        try Accounts.start(t, environment: ["BACKENDKIT_THREADS": "8"])
        _ = try Tokens.account(t, "indah@example.com")
        let single = try Tokens.refreshResponse(t, Tokens.logIn(t, "indah@example.com").refresh).expectStatus(
            200)
        try t.expectOneTransaction(
            for: single,
            hint: Words(
                "Find the refresh token, check it and mark it used in ONE store.transaction: a request that arrives between two transactions finds it unused.",
                id:
                    "Cari refresh token-nya, periksa, dan tandai terpakai dalam SATU store.transaction: request yang datang di antara dua transaction akan menemukannya belum terpakai."
            ))
        for _ in 0..<3 {
            let login = try Tokens.logIn(t, "indah@example.com")
            // The check holds the write lock while the ten requests start: they can all read the
            // token, none can write yet. Only a lookup inside the transaction sees the first one's mark.
            let results = try t.concurrently(10, holdingWriteLockFor: .milliseconds(300)) { _ in
                try Tokens.refreshResponse(t, login.refresh)
            }
            var granted = 0
            for result in results {
                let response = try result.get()
                if response.status == 200 { granted += 1 } else { try response.expectStatus(401) }
            }
            try require(
                granted <= 1,
                Words(
                    "\(granted) of 10 refreshes with one refresh token at the same moment got a new pair; at most one may",
                    id:
                        "\(granted) dari 10 refresh dengan satu refresh token pada saat yang sama mendapat pasangan baru; paling banyak satu yang boleh"
                ))
        }
    }

    Check(
        Words(
            "a refresh token expires 14 days after it was made",
            id: "refresh token kedaluwarsa 14 hari setelah dibuat"),
        hint: Words(
            "Save expiresAt: now + TokenLifetimes.refresh, and refuse a token whose expiresAt is not after now. A token that never expires is a login that never ends.",
            id:
                "Simpan expiresAt: now + TokenLifetimes.refresh, dan tolak token yang expiresAt-nya tidak setelah sekarang. Token yang tidak pernah kedaluwarsa adalah login yang tidak pernah berakhir."
        ),
        needs: rotates.en
    ) { t in
        _ = try Tokens.account(t, "hadi@example.com")
        let pair = try Tokens.logIn(t, "hadi@example.com")
        try t.advanceClock(by: .hours(15 * 24))
        try Tokens.expectRefreshRefused(
            t, pair.refresh, Words("a refresh token 15 days old", id: "refresh token berumur 15 hari"))
    }
}
