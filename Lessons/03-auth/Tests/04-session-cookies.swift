import BackendKit
import Foundation
import GraderKit

private typealias S = SessionTests

/// The check that shows a login gives a working session; every other check of the step needs it.
private let sessionWorks = Words(
    "logging in sets a session cookie, and GET /me answers the account for it and 401 without it (ASVS 7.2.1)",
    id:
        "login memasang cookie session, dan GET /me menjawab akunnya dengan cookie itu dan 401 tanpanya (ASVS 7.2.1)"
)

private func attributeCheck(
    _ title: Words, account: String, hint: Words,
    _ body: @escaping @Sendable (SentCookie, ClientResponse) throws -> Void
) -> Check {
    Check(title, hint: hint, needs: sessionWorks.en) { t in
        try Accounts.start(t)
        try S.signUp(t, account)
        let login = try S.logIn(t, account)
        try body(login.cookie, login.response)
    }
}

let sessionCookies = ExerciseTests("auth04-session-cookies") {
    Check(
        sessionWorks,
        hint: Words(
            "startSession makes the token, stores its hash and returns the SetCookie; currentSession reads the cookie and finds the session by the same hash.",
            id:
                "startSession membuat token-nya, menyimpan hash-nya, dan mengembalikan SetCookie; currentSession membaca cookie-nya dan mencari session-nya dengan hash yang sama."
        )
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "ayu@example.com")
        let login = try S.logIn(t, "ayu@example.com")
        let me = try S.me(t, cookie: login.cookie.pair).expectStatus(
            200,
            hint: Words(
                "currentSession must find the session startSession stored: hash the cookie's value the same way (sessionIDHash) and look it up with sessions.find(idHash:).",
                id:
                    "currentSession harus menemukan session yang disimpan startSession: hash nilai cookie-nya dengan cara yang sama (sessionIDHash), lalu cari dengan sessions.find(idHash:)."
            ))
        try requireEqual(
            S.email(of: me), "ayu@example.com",
            Words(
                "the email GET /me answered for Ayu's cookie",
                id: "email yang dijawab GET /me untuk cookie Ayu"),
            response: me)
        try S.expectRefused(
            try S.me(t, cookie: nil), sent: Words("no cookie at all", id: "tanpa cookie sama sekali"))
    }

    attributeCheck(
        Words(
            "the session cookie has Secure, so it never travels over plain HTTP (ASVS 3.3.1)",
            id: "cookie session punya Secure, jadi tidak pernah dikirim lewat HTTP biasa (ASVS 3.3.1)"),
        account: "ayu.secure@example.com",
        hint: Words(
            "Keep secure: true. Browsers treat http://localhost as secure, so the cookie still works while you develop.",
            id:
                "Biarkan secure: true. Browser menganggap http://localhost aman, jadi cookie-nya tetap jalan selama kamu develop."
        )
    ) { cookie, response in
        try require(
            cookie.attributes["secure"] != nil,
            Words(
                "the session cookie has no Secure attribute: \(cookie.header)",
                id: "cookie session tidak punya atribut Secure: \(cookie.header)"), response: response)
    }

    attributeCheck(
        Words(
            "the session cookie has HttpOnly, so scripts in the page cannot read it (ASVS 3.3.4)",
            id: "cookie session punya HttpOnly, jadi script di halaman tidak bisa membacanya (ASVS 3.3.4)"),
        account: "ayu.httponly@example.com",
        hint: Words(
            "Keep httpOnly: true. The front end never needs to read the session: the browser sends it by itself, and an XSS bug then cannot steal it.",
            id:
                "Biarkan httpOnly: true. Front end tidak pernah perlu membaca session-nya: browser mengirimnya sendiri, dan bug XSS jadi tidak bisa mencurinya."
        )
    ) { cookie, response in
        try require(
            cookie.attributes["httponly"] != nil,
            Words(
                "the session cookie has no HttpOnly attribute, so document.cookie shows it to any script: \(cookie.header)",
                id:
                    "cookie session tidak punya atribut HttpOnly, jadi document.cookie menunjukkannya ke script apa pun: \(cookie.header)"
            ), response: response)
    }

    attributeCheck(
        Words(
            "the session cookie has SameSite=Lax or Strict, so other sites cannot send it along (ASVS 3.3.2)",
            id:
                "cookie session punya SameSite=Lax atau Strict, jadi situs lain tidak bisa ikut mengirimnya (ASVS 3.3.2)"
        ),
        account: "ayu.samesite@example.com",
        hint: Words(
            "Use sameSite: .lax. SameSite=None sends the cookie with requests that other sites start (cross-site request forgery).",
            id:
                "Pakai sameSite: .lax. SameSite=None mengirim cookie-nya bersama request yang dimulai situs lain (cross-site request forgery)."
        )
    ) { cookie, response in
        let sameSite = cookie.attributes["samesite"]?.lowercased()
        try require(
            sameSite == "lax" || sameSite == "strict",
            Words(
                "the session cookie's SameSite is \(sameSite.map { "\"\($0)\"" } ?? "missing"); expected Lax or Strict: \(cookie.header)",
                id:
                    "SameSite cookie session-nya \(sameSite.map { "\"\($0)\"" } ?? "tidak ada"); seharusnya Lax atau Strict: \(cookie.header)"
            ), response: response)
    }

    attributeCheck(
        Words(
            "the session cookie has Path=/ and no Domain, so it stays on this host (ASVS 3.3.3)",
            id: "cookie session punya Path=/ dan tanpa Domain, jadi tetap di host ini saja (ASVS 3.3.3)"),
        account: "ayu.path@example.com",
        hint: Words(
            "Leave domain at nil and path at \"/\". A Domain attribute sends the cookie to every subdomain too, and lets each of them overwrite it.",
            id:
                "Biarkan domain nil dan path \"/\". Atribut Domain mengirim cookie-nya juga ke setiap subdomain, dan membiarkan masing-masing menimpanya."
        )
    ) { cookie, response in
        try require(
            cookie.attributes["domain"] == nil,
            Words(
                "the session cookie names a Domain (\(cookie.attributes["domain"] ?? "")): every subdomain gets it and can replace it: \(cookie.header)",
                id:
                    "cookie session menyebut Domain (\(cookie.attributes["domain"] ?? "")): setiap subdomain mendapatkannya dan bisa menggantinya: \(cookie.header)"
            ), response: response)
        try require(
            cookie.attributes["path"] == "/",
            Words(
                "the session cookie's Path is \(cookie.attributes["path"].map { "\"\($0)\"" } ?? "missing"); expected \"/\": \(cookie.header)",
                id:
                    "Path cookie session-nya \(cookie.attributes["path"].map { "\"\($0)\"" } ?? "tidak ada"); seharusnya \"/\": \(cookie.header)"
            ), response: response)
    }

    attributeCheck(
        Words(
            "the session cookie is named __Host-session, so no subdomain or plain-HTTP page can plant one (ASVS 3.3.3)",
            id:
                "cookie session bernama __Host-session, jadi tidak ada subdomain atau halaman HTTP biasa yang bisa menanamnya (ASVS 3.3.3)"
        ),
        account: "ayu.prefix@example.com",
        hint: Words(
            "Name the cookie __Host-session (sessionCookieName). Browsers accept a __Host- cookie only when it is Secure, has Path=/ and no Domain, and only from this host.",
            id:
                "Namai cookie-nya __Host-session (sessionCookieName). Browser hanya menerima cookie __Host- kalau cookie itu Secure, punya Path=/ tanpa Domain, dan hanya dari host ini."
        )
    ) { cookie, response in
        try requireEqual(
            cookie.name, S.cookieName, Words("the session cookie's name", id: "nama cookie session-nya"),
            response: response)
    }

    Check(
        Words(
            "every login gets a new token that follows no counter, clock or account id (ASVS 7.2.3)",
            id:
                "setiap login mendapat token baru yang tidak mengikuti counter, jam, atau id akun (ASVS 7.2.3)"
        ),
        hint: Words(
            "Make each token with SecureRandom.token(): 32 bytes from the operating system's random generator, nothing an attacker can count, guess from the time or from an id.",
            id:
                "Buat setiap token dengan SecureRandom.token(): 32 byte dari generator acak sistem operasi, tidak ada yang bisa dihitung, ditebak dari waktu, atau dari id oleh penyerang."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        // A filler account between the two, so their ids are two apart while a counter's tokens
        // would be one apart: the message can tell an id from a counter.
        let sari = try S.signUp(t, "sari.tokens@example.com")
        try S.signUp(t, "filler.tokens@example.com")
        let budi = try S.signUp(t, "budi.tokens@example.com")
        let first = [try S.logIn(t, "sari.tokens@example.com"), try S.logIn(t, "budi.tokens@example.com")]
        try SessionTokens.requireNotAccountIDs(
            first.map(\.token), ids: [sari, budi], response: first[1].response)
        var tokens: [String] = []
        for login in first {
            try SessionTokens.requireUnpredictable(login.token, earlier: tokens, response: login.response)
            tokens.append(login.token)
        }
        for _ in 1..<SessionTokens.loginsPerAccount {
            for email in ["sari.tokens@example.com", "budi.tokens@example.com"] {
                let login = try S.logIn(t, email)
                try SessionTokens.requireUnpredictable(login.token, earlier: tokens, response: login.response)
                tokens.append(login.token)
            }
        }
    }

    Check(
        Words(
            "session tokens carry at least 128 random bits (ASVS 7.2.3)",
            id: "token session membawa setidaknya 128 bit acak (ASVS 7.2.3)"),
        hint: Words(
            "Int.random gives at most 64 bits, and its digits carry about 3.3 bits each. SecureRandom.token() gives 32 random bytes: 256 bits in 43 base64url characters.",
            id:
                "Int.random paling banyak memberi 64 bit, dan setiap digitnya hanya membawa sekitar 3,3 bit. SecureRandom.token() memberi 32 byte acak: 256 bit dalam 43 karakter base64url."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "dewi.entropy@example.com")
        var tokens: [String] = []
        var last: ClientResponse?
        for _ in 0..<SessionTokens.entropySamples {
            let login = try S.logIn(t, "dewi.entropy@example.com")
            tokens.append(login.token)
            last = login.response
        }
        let estimate = SessionTokens.estimatedBits(tokens)
        try require(
            estimate.bits >= 128,
            Words(
                "your tokens look like \(estimate.length) characters of \(estimate.alphabet.en): about \(estimate.bits) bits, fewer than 128 (for example \(tokens[0]))",
                id:
                    "token-mu terlihat seperti \(estimate.length) karakter \(estimate.alphabet[.id]): sekitar \(estimate.bits) bit, kurang dari 128 (contohnya \(tokens[0]))"
            ), response: last)
    }

    Check(
        Words(
            "the database holds no session token in clear, in any column of any table",
            id: "database tidak menyimpan token session apa adanya, di kolom mana pun dari tabel mana pun"),
        hint: Words(
            "Store sessionIDHash(token), the SHA-256 of the token in hex, never the token: whoever reads a backup or a leaked copy of the database then holds no cookie that works.",
            id:
                "Simpan sessionIDHash(token), SHA-256 dari token-nya dalam hex, jangan token-nya: siapa pun yang membaca backup atau salinan database yang bocor jadi tidak memegang cookie yang bisa dipakai."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "eka.storage@example.com")
        var logins: [S.Login] = []
        for _ in 0..<3 { logins.append(try S.logIn(t, "eka.storage@example.com")) }
        for login in logins {
            if let place = try SessionTokens.findInDatabase(login.token, t.database()) {
                throw login.response.failure(
                    Words(
                        "the column \(place) holds the session token as the cookie carries it: a copy of the database is a set of working cookies",
                        id:
                            "kolom \(place) menyimpan token session persis seperti yang dibawa cookie-nya: salinan database jadi kumpulan cookie yang bisa dipakai"
                    ))
            }
        }
    }

    Check(
        Words(
            "a forged, shortened, lengthened or altered cookie gets 401 (ASVS 7.2.1)",
            id: "cookie palsu, dipendekkan, dipanjangkan, atau diubah mendapat 401 (ASVS 7.2.1)"),
        hint: Words(
            "Look the session up by the hash of the whole value, exactly as sent: no prefix, no trimming, no partial match.",
            id:
                "Cari session-nya dengan hash dari seluruh nilainya, persis seperti yang dikirim: tanpa prefix, tanpa dipotong, tanpa kecocokan sebagian."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "fajar.forged@example.com")
        let token = try S.logIn(t, "fajar.forged@example.com").token
        for attempt in SessionTokens.forgeries(of: token) {
            try S.expectRefused(
                try S.me(t, cookie: "\(S.cookieName)=\(attempt.value)"), sent: attempt.description)
        }
    }

    Check(
        Words(
            "a session token in the URL is never accepted, and the login answer's body does not carry it",
            id: "token session di URL tidak pernah diterima, dan body jawaban login tidak membawanya"),
        hint: Words(
            "Read the token from the Cookie header only. A URL ends up in server logs, the browser's history and the Referer header other sites receive.",
            id:
                "Baca token-nya dari header Cookie saja. URL tercatat di log server, riwayat browser, dan header Referer yang diterima situs lain."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "gita.url@example.com")
        let login = try S.logIn(t, "gita.url@example.com")
        try require(
            !login.response.text.contains(login.token),
            Words(
                "the login answer's body holds the session token: a script that reads it defeats HttpOnly",
                id: "body jawaban login berisi token session: script yang membacanya membuat HttpOnly sia-sia"
            ),
            response: login.response)
        for parameter in ["session", S.cookieName, "token", "sid"] {
            let target = "/me?\(parameter)=\(login.token)"
            try S.expectRefused(
                try S.me(t, cookie: nil, target: target),
                sent: Words(
                    "the token in the URL (\(parameter)=…) and no cookie",
                    id: "token di URL (\(parameter)=…) tanpa cookie"))
        }
    }

    Check(
        Words(
            "two session cookies in one request are refused, so a planted cookie cannot swap the account",
            id:
                "dua cookie session dalam satu request ditolak, jadi cookie yang ditanam tidak bisa menukar akunnya"
        ),
        hint: Words(
            "A browser keeps one __Host-session for this host, so a second value was planted by someone else. request.cookies.values(for:) shows every value: with more than one, answer 401 instead of picking one.",
            id:
                "Browser hanya menyimpan satu __Host-session untuk host ini, jadi nilai kedua pasti ditanam orang lain. request.cookies.values(for:) menunjukkan semua nilainya: kalau lebih dari satu, jawab 401, jangan memilih salah satunya."
        ),
        needs: sessionWorks.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "mallory.planted@example.com")
        try S.signUp(t, "hana.victim@example.com")
        let attacker = try S.logIn(t, "mallory.planted@example.com")
        let victim = try S.logIn(t, "hana.victim@example.com")
        let both = "\(S.cookieName)=\(attacker.token); \(S.cookieName)=\(victim.token)"
        try S.expectRefused(
            try S.me(t, cookie: both),
            sent: Words(
                "the attacker's session cookie first and the victim's second",
                id: "cookie session penyerang lebih dulu dan milik korban sesudahnya"))
    }
}
