import BackendKit
import Foundation
import GraderKit

/// The answer without what may differ between any two requests (the path they were sent to).
private func comparable(_ response: ClientResponse) -> JSONValue? {
    guard case .object(var members) = try? response.json() else { return nil }
    members["instance"] = nil
    return .object(members)
}

private let mailsLink = Words(
    "asking for a reset answers 202 and mails the account's address a link with a token",
    id: "meminta reset menjawab 202 dan mengirim ke alamat akunnya sebuah link berisi token")
private let resets = Words(
    "the mailed token sets a new password: the old one stops working, the new one logs in (ASVS 6.4.3)",
    id:
        "token dari mail mengganti password: yang lama tidak berlaku lagi, yang baru bisa login (ASVS 6.4.3)")

let passwordReset = ExerciseTests("auth09-password-reset") {
    Check(mailsLink) { t in
        var box = try Resets.start(t)
        try box.account(t, "ayu@example.com")
        _ = try box.token(t, "ayu@example.com")
    }

    Check(
        Words(
            "an address with an account and one without get the same 202 with the same body, and only the account gets a mail (ASVS 6.3.8)",
            id:
                "alamat yang punya akun dan yang tidak punya mendapat 202 yang sama dengan body yang sama, dan hanya akunnya yang mendapat mail (ASVS 6.3.8)"
        ),
        hint: Words(
            "Without an account, return from requestReset without an error: the route answers resetRequested() either way. A 404 or a \"no such account\" message tells anybody which addresses to attack; the owner's mailbox is the only place that learns anything.",
            id:
                "Kalau akunnya tidak ada, keluar dari requestReset tanpa error: route-nya tetap menjawab resetRequested(). 404 atau pesan \"akun tidak ada\" memberi tahu siapa pun alamat mana yang bisa diserang; hanya kotak mail pemiliknya yang boleh tahu sesuatu."
        ),
        needs: mailsLink.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "ayu@example.com")
        let unknown = try Resets.request(t, "nobody@example.com")
        let known = try Resets.request(t, "ayu@example.com")
        let otherCase = try Resets.request(t, " AYU@Example.com ")
        for response in [unknown, known, otherCase] {
            try response.expectStatus(202)
        }
        for response in [known, otherCase] {
            try require(
                comparable(response) == comparable(unknown) && response.text.count == unknown.text.count,
                Words(
                    "the answer for an address with an account differs from the answer for one without: \(response.text) and \(unknown.text). Anybody can tell which addresses have an account",
                    id:
                        "jawaban untuk alamat yang punya akun berbeda dari jawaban untuk alamat tanpa akun: \(response.text) dan \(unknown.text). Siapa pun bisa tahu alamat mana yang punya akun"
                ), response: response)
        }
        // The mails go out in the background: wait for both of ayu's, then look at all of them.
        let first = try box.next()
        let second = try box.next()
        for message in [first, second] {
            try requireEqual(
                message.to, ["ayu@example.com"],
                Words(
                    "the recipients of a reset mail (nobody@example.com has no account: no mail for it)",
                    id: "penerima mail reset (nobody@example.com tidak punya akun: tidak ada mail untuknya)"))
        }
        try requireEqual(
            box.unread, 0,
            Words(
                "mails after three reset requests, two of them for ayu's account",
                id: "mail tambahan setelah tiga permintaan reset, dua di antaranya untuk akun ayu"))
    }

    Check(
        Words(
            "the mailed link is made from PUBLIC_URL, never from the request's Host or X-Forwarded-Host header (host-header poisoning)",
            id:
                "link di mail dibuat dari PUBLIC_URL, tidak pernah dari header Host atau X-Forwarded-Host request-nya (host-header poisoning)"
        ),
        hint: Words(
            "The Host header is whatever the client wrote: an attacker asks for a reset of your account with Host: evil.example, and you click a link to their server, handing them the token. Build the link from publicURL (PUBLIC_URL), the address you configured.",
            id:
                "Header Host berisi apa saja yang ditulis client: penyerang meminta reset untuk akunmu dengan Host: evil.example, lalu kamu mengklik link ke server mereka dan menyerahkan token-nya. Buat link-nya dari publicURL (PUBLIC_URL), alamat yang kamu konfigurasi."
        ),
        needs: mailsLink.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "ayu@example.com")
        let poisoned = RawRequest(.post, "/password-resets")
            .header("Host", "evil.example")
            .header("X-Forwarded-Host", "evil.example")
            .json(["email": "ayu@example.com"])
        try t.http.send(poisoned).expectStatus(202)
        let message = try box.next()
        try require(
            !message.text.lowercased().contains("evil.example"),
            Words(
                "a reset asked for with Host: evil.example mailed a link to evil.example: \(Resets.links(in: message.text).joined(separator: " ")). Whoever sent the request gets the token when the owner clicks it",
                id:
                    "reset yang diminta dengan Host: evil.example mengirim link ke evil.example: \(Resets.links(in: message.text).joined(separator: " ")). Pengirim request-nya mendapat token-nya saat pemilik akun mengkliknya"
            ))
        try Resets.requireOnPublicURL(Resets.link(in: message))
    }

    Check(
        Words(
            "the reset token is 32 random bytes, new at every request, and only its SHA-256 is stored (ASVS 6.4.1)",
            id:
                "token reset berisi 32 byte acak, baru di setiap permintaan, dan hanya SHA-256-nya yang disimpan (ASVS 6.4.1)"
        ),
        hint: Words(
            "SecureRandom.token() gives 32 random bytes as base64url. Save Self.digest(token) with writer.insertReset, never the token: whoever reads a copy of the database must not be able to reset anyone's password with it.",
            id:
                "SecureRandom.token() memberi 32 byte acak dalam base64url. Simpan Self.digest(token) dengan writer.insertReset, jangan token-nya: siapa pun yang membaca salinan database tidak boleh bisa me-reset password siapa pun dengannya."
        ),
        needs: mailsLink.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "budi@example.com")
        var tokens: [String] = []
        for _ in 0..<3 {
            tokens.append(try box.token(t, "budi@example.com"))
        }
        for token in tokens {
            if let clock = SessionTokens.clockReading(in: token, near: Date()) {
                try fail(
                    Words(
                        "the reset token \(token) is made from the clock (it holds \(clock.en)): an attacker who knows when a reset was asked for can try every value near it",
                        id:
                            "token reset \(token) dibuat dari jam (isinya \(clock[.id])): penyerang yang tahu kapan reset diminta bisa mencoba setiap nilai di sekitarnya"
                    ))
            }
            let bytes = Base64URL.decode(token)?.count ?? 0
            try require(
                bytes >= 32,
                Words(
                    "the reset token \(token) is \(bytes) bytes of base64url; it must be 32 random bytes (SecureRandom.token()): a short token can be guessed",
                    id:
                        "token reset \(token) berisi \(bytes) byte base64url; seharusnya 32 byte acak (SecureRandom.token()): token yang pendek bisa ditebak"
                ))
        }
        try require(
            Set(tokens).count == tokens.count,
            Words(
                "three reset requests mailed the same token twice: \(tokens.joined(separator: ", "))",
                id:
                    "tiga permintaan reset mengirim token yang sama dua kali: \(tokens.joined(separator: ", "))"
            ))
        let database = try t.database()
        for token in tokens {
            if let place = try SessionTokens.findInDatabase(token, database) {
                try fail(
                    Words(
                        "the reset token itself is stored in \(place): a copy of the database resets any password. Store Self.digest(token)",
                        id:
                            "token reset-nya sendiri tersimpan di \(place): salinan database bisa me-reset password siapa pun. Simpan Self.digest(token)"
                    ))
            }
        }
        try require(
            try database.queryOne(
                "SELECT 1 AS found FROM password_resets WHERE token_hash = ?",
                Hex.encode(SHA256.hash(tokens[2]))) != nil,
            Words(
                "password_resets has no row whose token_hash is the hex SHA-256 of the mailed token",
                id: "password_resets tidak punya baris yang token_hash-nya SHA-256 hex dari token di mail"))
    }

    Check(
        resets,
        hint: Words(
            "confirmReset: find writer.reset(hash: Self.digest(token)) and, when it works, writer.updatePasswordHash with hashPassword(newPassword, iterations: iterations).",
            id:
                "confirmReset: cari writer.reset(hash: Self.digest(token)) dan, kalau masih berlaku, panggil writer.updatePasswordHash dengan hashPassword(newPassword, iterations: iterations)."
        ),
        needs: mailsLink.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "citra@example.com")
        let token = try box.token(t, "citra@example.com")
        try Resets.confirm(t, token).expectStatus(204)
        try require(
            try Resets.logsIn(t, "citra@example.com", Resets.newPassword),
            Words(
                "after the reset, citra cannot log in with her new password",
                id: "setelah reset, citra tidak bisa login dengan password barunya"))
        try require(
            try !Resets.logsIn(t, "citra@example.com", Resets.password),
            Words(
                "after the reset, citra's old password still logs in",
                id: "setelah reset, password lama citra masih bisa login"))
        let stored = try StoredHash.parse(Accounts.storedHash(t, of: "citra@example.com"))
        try require(
            stored.isDerived(from: Resets.newPassword),
            Words(
                "the new password_hash is not the PBKDF2 of the new password (use hashPassword)",
                id: "password_hash yang baru bukan PBKDF2 dari password baru (pakai hashPassword)"))
        for message in box.mail.messages {
            for secret in [Resets.password, Resets.newPassword] where message.text.contains(secret) {
                try fail(
                    Words(
                        "the mail \"\(message.subject)\" holds a password: mail is stored in many places and read on many screens",
                        id:
                            "mail \"\(message.subject)\" berisi password: mail disimpan di banyak tempat dan dibaca di banyak layar"
                    ))
            }
        }
    }

    Check(
        Words(
            "a reset token works once: used again it is refused and the password stays (ASVS 6.4.1)",
            id:
                "token reset hanya berlaku sekali: dipakai lagi ia ditolak dan password-nya tetap (ASVS 6.4.1)"
        ),
        hint: Words(
            "In the transaction, refuse a reset whose usedAt is set, and call writer.useAllResets(accountID:at:) before changing the password. Otherwise whoever finds the link later (in a mailbox, a proxy log, the browser history) takes the account again.",
            id:
                "Di dalam transaction, tolak reset yang usedAt-nya sudah terisi, dan panggil writer.useAllResets(accountID:at:) sebelum mengganti password. Kalau tidak, siapa pun yang menemukan link-nya nanti (di kotak mail, log proxy, riwayat browser) bisa mengambil akunnya lagi."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "dewi@example.com")
        let token = try box.token(t, "dewi@example.com")
        try Resets.confirm(t, token).expectStatus(204)
        try Resets.expectRefused(
            Resets.confirm(t, token, "another very good password"),
            Words(
                "the same reset token, sent a second time",
                id: "token reset yang sama, dikirim untuk kedua kalinya"))
        try require(
            try Resets.logsIn(t, "dewi@example.com", Resets.newPassword),
            Words(
                "a used reset token changed the password a second time",
                id: "token reset yang sudah dipakai mengganti password untuk kedua kalinya"))
    }

    Check(
        Words(
            "a reset token expires 30 minutes after it was mailed, on the server's clock (ASVS 6.4.1)",
            id:
                "token reset kedaluwarsa 30 menit setelah dikirim, menurut jam server (ASVS 6.4.1)"),
        hint: Words(
            "Save expiresAt: request.now + Self.lifetime (30 minutes) and refuse when reset.expiresAt <= now, with now from the request (the server's clock, which the grader moves), never Date().",
            id:
                "Simpan expiresAt: request.now + Self.lifetime (30 menit) dan tolak kalau reset.expiresAt <= now, dengan now dari request (jam server, yang digeser grader), jangan Date()."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "eka@example.com")
        try box.account(t, "fajar@example.com")
        let late = try box.token(t, "eka@example.com")
        try t.advanceClock(by: .minutes(2))
        let inTime = try box.token(t, "fajar@example.com")
        try t.advanceClock(by: .minutes(27))
        try Resets.confirm(t, inTime).expectStatus(
            204,
            hint: Words(
                "A token 27 minutes old must still work: it lives 30 minutes (Self.lifetime).",
                id: "Token berumur 27 menit harus masih berlaku: umurnya 30 menit (Self.lifetime)."))
        try t.advanceClock(by: .minutes(2))
        try Resets.expectRefused(
            Resets.confirm(t, late),
            Words(
                "a reset token 31 minutes old (by the server's clock)",
                id: "token reset berumur 31 menit (menurut jam server)"))
        try require(
            try Resets.logsIn(t, "eka@example.com", Resets.password),
            Words(
                "an expired reset token changed eka's password",
                id: "token reset yang kedaluwarsa mengganti password eka"))
    }

    Check(
        Words(
            "a made-up or altered token is refused, whatever account it aims at",
            id: "token karangan atau yang diubah ditolak, akun mana pun sasarannya"),
        hint: Words(
            "Look the token up only by Self.digest(token), and refuse with Self.refused when nothing is found: a reset must never trust anything but a token the server mailed.",
            id:
                "Cari token-nya hanya lewat Self.digest(token), dan tolak dengan Self.refused kalau tidak ada: reset tidak boleh memercayai apa pun selain token yang dikirim server."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "gita@example.com")
        let token = try box.token(t, "gita@example.com")
        for (value, description) in SessionTokens.forgeries(of: token) {
            try Resets.expectRefused(Resets.confirm(t, value), description)
        }
        try require(
            try Resets.logsIn(t, "gita@example.com", Resets.password),
            Words(
                "a forged reset token changed gita's password",
                id: "token reset palsu mengganti password gita"))
        try Resets.confirm(t, token).expectStatus(204)
    }

    Check(
        Words(
            "a new password that breaks a rule is refused with 422 and the token still works (ASVS 6.2.1, 6.2.4)",
            id:
                "password baru yang melanggar aturan ditolak dengan 422 dan token-nya masih berlaku (ASVS 6.2.1, 6.2.4)"
        ),
        hint: Words(
            "Call checkNewPassword(newPassword) first, before the transaction: a reset is not a way around step 2's rules, and a refused password must leave the token usable for the next try.",
            id:
                "Panggil checkNewPassword(newPassword) lebih dulu, sebelum transaction: reset bukan jalan pintas melewati aturan langkah 2, dan password yang ditolak harus membiarkan token-nya bisa dipakai untuk percobaan berikutnya."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "hadi@example.com")
        let token = try box.token(t, "hadi@example.com")
        for (password, what) in [
            ("pendek", Words("a 6-character password", id: "password 6 karakter")),
            ("password123", Words("one of the most common passwords", id: "salah satu password paling umum")),
        ] {
            let response = try Resets.confirm(t, token, password)
            guard response.status == 422 else {
                throw response.failure(
                    Words(
                        "a reset to \(what.en) was answered \(response.status); it must be refused with 422 by step 2's rules",
                        id:
                            "reset ke \(what[.id]) dijawab \(response.status); seharusnya ditolak dengan 422 oleh aturan langkah 2"
                    ))
            }
        }
        try Resets.confirm(t, token).expectStatus(
            204,
            hint: Words(
                "The token was refused after a password that broke a rule: check the password before you use the token up.",
                id:
                    "Token-nya ditolak setelah password yang melanggar aturan: periksa password-nya sebelum token-nya dipakai."
            ))
    }

    Check(
        Words(
            "a reset ends every session and every refresh token of the account, and no other account's (ASVS 7.4.3)",
            id:
                "reset mengakhiri semua session dan semua refresh token akun itu, dan tidak menyentuh akun lain (ASVS 7.4.3)"
        ),
        hint: Words(
            "Whoever knew the old password may be logged in right now. In the same transaction as the new password, call writer.deleteSessions(accountID:) and writer.revokeRefreshTokens(accountID:at:).",
            id:
                "Siapa pun yang tahu password lama mungkin sedang login saat ini. Dalam transaction yang sama dengan password baru, panggil writer.deleteSessions(accountID:) dan writer.revokeRefreshTokens(accountID:at:)."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "indah@example.com")
        try box.account(t, "joko@example.com")
        let phone = try SessionTests.logIn(t, "indah@example.com")
        let laptop = try SessionTests.logIn(t, "indah@example.com")
        let other = try SessionTests.logIn(t, "joko@example.com")
        func refreshToken(_ email: String) throws -> String {
            let answer = try t.http.post("/tokens", json: Accounts.credentials(email, Resets.password))
                .expectStatus(200)
            return try requireValue(
                try answer.json()["refresh_token"]?.string,
                Words(
                    "POST /tokens answered no refresh_token", id: "POST /tokens tidak menjawab refresh_token")
            )
        }
        let script = try refreshToken("indah@example.com")
        let otherScript = try refreshToken("joko@example.com")
        let token = try box.token(t, "indah@example.com")
        try Resets.confirm(t, token).expectStatus(204)
        for (session, what) in [
            (phone, Words("the phone's", id: "milik ponsel")),
            (laptop, Words("the laptop's", id: "milik laptop")),
        ] {
            let me = try SessionTests.me(t, cookie: session.cookie.pair)
            try require(
                me.status == 401,
                Words(
                    "after the reset, \(what.en) session cookie of indah still opens GET /me (\(me.status))",
                    id:
                        "setelah reset, cookie session \(what[.id]) indah masih membuka GET /me (\(me.status))"
                ),
                response: me)
        }
        let refreshed = try t.http.post("/tokens/refresh", json: ["refresh_token": .string(script)])
        try require(
            refreshed.status == 401,
            Words(
                "after the reset, indah's refresh token still gets new tokens (\(refreshed.status))",
                id: "setelah reset, refresh token indah masih mendapat token baru (\(refreshed.status))"),
            response: refreshed)
        try require(
            SessionTests.email(of: try SessionTests.me(t, cookie: other.cookie.pair)) == "joko@example.com",
            Words(
                "indah's reset ended joko's session too: end only the sessions of the account reset",
                id: "reset indah ikut mengakhiri session joko: akhiri hanya session akun yang di-reset"))
        try t.http.post("/tokens/refresh", json: ["refresh_token": .string(otherScript)]).expectStatus(
            200,
            hint: Words(
                "indah's reset ended joko's refresh token too: revoke only the account's own.",
                id: "reset indah ikut mengakhiri refresh token joko: cabut hanya milik akun itu sendiri."))
    }

    Check(
        Words(
            "a new reset link makes the earlier ones of the account stop working",
            id: "link reset yang baru membuat link sebelumnya dari akun itu tidak berlaku lagi"),
        hint: Words(
            "In requestReset's transaction, call writer.useAllResets(accountID:at:) before writer.insertReset: one live link per account, so an old mail someone else can read is worth nothing.",
            id:
                "Di transaction requestReset, panggil writer.useAllResets(accountID:at:) sebelum writer.insertReset: satu link aktif per akun, supaya mail lama yang bisa dibaca orang lain tidak ada gunanya."
        ),
        needs: resets.en
    ) { t in
        var box = try Resets.start(t)
        try box.account(t, "kartika@example.com")
        let first = try box.token(t, "kartika@example.com")
        let second = try box.token(t, "kartika@example.com")
        try Resets.expectRefused(
            Resets.confirm(t, first),
            Words(
                "the first reset token, after a second one was mailed",
                id: "token reset pertama, setelah token kedua dikirim"))
        try Resets.confirm(t, second).expectStatus(204)
    }
}
