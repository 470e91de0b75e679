import BackendKit
import Foundation
import GraderKit

/// Sign-up attempts of this exercise, each with an address of its own made from the password.
private enum Rules {
    static func email(for password: String) -> String {
        "rules-" + Hex.encode(SHA256.hash(password)).prefix(12) + "@example.com"
    }

    /// Signs up with `password`, expecting it to be accepted.
    static func expectAccepted(_ t: TestContext, _ password: String, _ what: Words, hint: Words) throws {
        let response = try t.http.post(
            "/accounts", json: Accounts.credentials(email(for: password), password))
        try response.expectStatus(
            201,
            hint: Words(
                "\(what.en.prefix(1).uppercased() + what.en.dropFirst()) was refused, but it follows the rules. \(hint.en)",
                id:
                    "\(what[.id].prefix(1).uppercased() + what[.id].dropFirst()) ditolak, padahal ia mengikuti aturannya. \(hint[.id])"
            ))
    }

    /// Signs up with `password`, expecting a 422 problem and no account.
    @discardableResult
    static func expectRefused(_ t: TestContext, _ password: String, _ what: Words, hint: Words) throws
        -> ClientResponse
    {
        let address = email(for: password)
        let response = try t.http.post("/accounts", json: Accounts.credentials(address, password))
        _ = try response.expectProblem(
            status: 422,
            hint: Words(
                "\(what.en.prefix(1).uppercased() + what.en.dropFirst()) must be refused with 422. \(hint.en)",
                id:
                    "\(what[.id].prefix(1).uppercased() + what[.id].dropFirst()) harus ditolak dengan 422. \(hint[.id])"
            ))
        let row = try t.database().queryOne("SELECT id FROM accounts WHERE email = ?", address)
        try require(
            row == nil,
            Words(
                "the sign-up with \(what.en) answered 422 but created the account anyway: check the password before creating it",
                id:
                    "sign-up dengan \(what[.id]) dijawab 422 tapi akunnya tetap dibuat: periksa password sebelum membuat akunnya"
            ), response: response)
        return response
    }
}

private let lengthHint = Words(
    "Count with password.count: Swift counts what a person sees as one character (an emoji, é, a space), which is what a rule about length means. utf8.count counts bytes, and an emoji is 4 of them.",
    id:
        "Hitung dengan password.count: Swift menghitung apa yang dilihat orang sebagai satu karakter (emoji, é, spasi), dan itulah maksud aturan panjang. utf8.count menghitung byte, dan satu emoji itu 4 byte."
)

private let tooShort = Words(
    "a password under 8 characters is refused with 422, and no account is created (ASVS 6.2.1)",
    id: "password di bawah 8 karakter ditolak dengan 422, dan tidak ada akun yang dibuat (ASVS 6.2.1)")
private let common = Words(
    "the most common passwords are refused, whatever their case (ASVS 6.2.4)",
    id: "password yang paling umum ditolak, apa pun huruf besar-kecilnya (ASVS 6.2.4)")

let passwordRules = ExerciseTests("auth02-password-rules") {
    Check(
        Words(
            "a password of 8 characters or more that is not a common one is accepted: 201",
            id: "password 8 karakter atau lebih yang bukan password umum diterima: 201")
    ) { t in
        try Accounts.start(t)
        let hint = Words(
            "Refuse only what a rule forbids.", id: "Tolak hanya yang dilarang oleh aturan.")
        try Rules.expectAccepted(
            t, "Pelangi7", Words("an 8-character password", id: "password 8 karakter"), hint: hint)
        try Rules.expectAccepted(
            t, "Kopi Susu Gula Aren 2026", Words("a passphrase", id: "sebuah passphrase"), hint: hint)
    }

    Check(
        Words(
            "no composition rules: only lowercase letters, or only digits and spaces, are accepted (ASVS 6.2.5)",
            id:
                "tanpa aturan komposisi: hanya huruf kecil, atau hanya angka dan spasi, diterima (ASVS 6.2.5)"
        ),
        hint: Words(
            "Do not require a digit, a capital or a symbol. People meet such rules with Password1!, which every attacker tries; length and the common-password list protect better.",
            id:
                "Jangan wajibkan angka, huruf kapital, atau simbol. Orang memenuhi aturan seperti itu dengan Password1!, yang dicoba setiap penyerang; panjang password dan daftar password umum melindungi lebih baik."
        )
    ) { t in
        let hint = Words(
            "No composition rules.", id: "Tanpa aturan komposisi.")
        try Rules.expectAccepted(
            t, "correcthorsebatterystaple",
            Words("a password of lowercase letters only", id: "password yang hanya huruf kecil"), hint: hint)
        try Rules.expectAccepted(
            t, "semua huruf kecil saja",
            Words("a password of lowercase words", id: "password berisi kata-kata huruf kecil"), hint: hint)
        try Rules.expectAccepted(
            t, "7391 2846 5510",
            Words("a password of digits and spaces", id: "password berisi angka dan spasi"), hint: hint)
    }

    Check(
        tooShort,
        hint: Words(
            "Throw passwordRefused(…) when password.count is below minimumPasswordCharacters, before anything is hashed or stored.",
            id:
                "Lempar passwordRefused(…) kalau password.count di bawah minimumPasswordCharacters, sebelum apa pun di-hash atau disimpan."
        )
    ) { t in
        let hint = Words(
            "Eight characters is the least ASVS and NIST SP 800-63B allow.",
            id: "Delapan karakter adalah batas terkecil yang diizinkan ASVS dan NIST SP 800-63B.")
        try Rules.expectRefused(
            t, "s3kr1t!", Words("a password of 7 characters", id: "password 7 karakter"), hint: hint)
        try Rules.expectRefused(
            t, "abc", Words("a password of 3 characters", id: "password 3 karakter"), hint: hint)
        try Rules.expectRefused(t, "", Words("an empty password", id: "password kosong"), hint: hint)
    }

    Check(
        Words(
            "passwords of 64 and of 128 characters are accepted (ASVS 6.2.9)",
            id: "password 64 dan 128 karakter diterima (ASVS 6.2.9)"),
        hint: Words(
            "ASVS asks to allow at least 64 characters; this app allows 128 (maximumPasswordCharacters). A short maximum pushes people to short passwords.",
            id:
                "ASVS meminta minimal 64 karakter diizinkan; aplikasi ini mengizinkan 128 (maximumPasswordCharacters). Batas maksimum yang pendek mendorong orang memakai password pendek."
        )
    ) { t in
        let hint = Words(
            "Long passphrases are the strongest passwords.", id: "Passphrase panjang adalah password terkuat."
        )
        try Rules.expectAccepted(
            t, String(repeating: "sapi perah ", count: 5) + "kuda liar",
            Words("a password of 64 characters", id: "password 64 karakter"), hint: hint)
        try Rules.expectAccepted(
            t, String(repeating: "kelapa muda! ", count: 9) + "es teh mani",
            Words("a password of 128 characters", id: "password 128 karakter"), hint: hint)
    }

    Check(
        Words(
            "length counts characters as a person sees them, not bytes: 4 emoji or 5 accented letters are too short, 8 emoji or 100 emoji are fine (ASVS 6.2.1)",
            id:
                "panjang dihitung dalam karakter seperti yang dilihat orang, bukan byte: 4 emoji atau 5 huruf beraksen terlalu pendek, 8 emoji atau 100 emoji boleh (ASVS 6.2.1)"
        ),
        hint: lengthHint,
        needs: tooShort.en
    ) { t in
        try Rules.expectRefused(
            t, "🔑🌙🌊🔥", Words("a password of 4 emoji (16 bytes)", id: "password 4 emoji (16 byte)"),
            hint: lengthHint)
        try Rules.expectRefused(
            t, "ñáéíó",
            Words("a password of 5 accented letters (10 bytes)", id: "password 5 huruf beraksen (10 byte)"),
            hint: lengthHint)
        try Rules.expectAccepted(
            t, "🔑🌙🌊🔥🌸🍀⭐🎈", Words("a password of 8 emoji", id: "password 8 emoji"), hint: lengthHint)
        try Rules.expectAccepted(
            t, "kopi☕susu",
            Words("a password of 9 characters with an emoji", id: "password 9 karakter dengan emoji"),
            hint: lengthHint)
        try Rules.expectAccepted(
            t, String(repeating: "🌙🌊", count: 50),
            Words("a password of 100 emoji (400 bytes)", id: "password 100 emoji (400 byte)"),
            hint: lengthHint)
    }

    Check(
        Words(
            "spaces are characters like any other: \" kopi 7 \" (8 characters, 3 of them spaces) is accepted",
            id:
                "spasi adalah karakter seperti yang lain: \" kopi 7 \" (8 karakter, 3 di antaranya spasi) diterima"
        ),
        hint: Words(
            "Count the password as it was typed. Trimming spaces before counting (or before hashing) changes what the user chose.",
            id:
                "Hitung password-nya seperti yang diketik. Membuang spasi sebelum menghitung (atau sebelum meng-hash) mengubah apa yang dipilih pengguna."
        ),
        needs: tooShort.en
    ) { t in
        try Rules.expectAccepted(
            t, " kopi 7 ",
            Words("a password with spaces at both ends", id: "password dengan spasi di kedua ujungnya"),
            hint: Words("Spaces count.", id: "Spasi ikut dihitung."))
    }

    Check(
        Words(
            "a password over 128 characters, or over 1024 bytes, is refused with 422",
            id: "password lebih dari 128 karakter, atau lebih dari 1024 byte, ditolak dengan 422"),
        hint: Words(
            "Check password.utf8.count against maximumPasswordBytes first, then password.count against maximumPasswordCharacters. A character can be many bytes: the family emoji 👨‍👩‍👧‍👦 is one character of 25 bytes.",
            id:
                "Periksa password.utf8.count terhadap maximumPasswordBytes dulu, lalu password.count terhadap maximumPasswordCharacters. Satu karakter bisa terdiri dari banyak byte: emoji keluarga 👨‍👩‍👧‍👦 adalah satu karakter sebesar 25 byte."
        ),
        needs: tooShort.en
    ) { t in
        let hint = Words("Every input needs a limit.", id: "Setiap input butuh batas.")
        try Rules.expectRefused(
            t, String(repeating: "a1", count: 65),
            Words("a password of 130 characters", id: "password 130 karakter"), hint: hint)
        try Rules.expectRefused(
            t, String(repeating: "👨‍👩‍👧‍👦", count: 50),
            Words("a password of 50 characters and 1250 bytes", id: "password 50 karakter dan 1250 byte"),
            hint: hint)
        try Rules.expectAccepted(
            t, String(repeating: "👨‍👩‍👧‍👦", count: 40) + String(repeating: "x", count: 24),
            Words(
                "a password of exactly 1024 bytes (64 characters)",
                id: "password tepat 1024 byte (64 karakter)"),
            hint: Words(
                "1024 bytes is the limit itself, and allowed: refuse only more.",
                id: "1024 byte adalah batasnya sendiri, dan masih boleh: tolak hanya yang lebih."))
    }

    Check(
        common,
        hint: Words(
            "Refuse the password when CommonPasswords.all contains password.lowercased(): the list is lowercase, and PASSWORD1 is as weak as password1.",
            id:
                "Tolak password-nya kalau CommonPasswords.all berisi password.lowercased(): daftarnya huruf kecil, dan PASSWORD1 sama lemahnya dengan password1."
        ),
        needs: tooShort.en
    ) { t in
        let hint = Words(
            "Attackers try these first.", id: "Penyerang mencoba yang ini lebih dulu.")
        for password in ["password", "12345678", "iloveyou", "p@ssw0rd"] {
            try Rules.expectRefused(
                t, password,
                Words(
                    "the common password \(password)", id: "password umum \(password)"), hint: hint)
        }
        for password in ["PASSWORD1", "IloveYou", "SunShine"] {
            try Rules.expectRefused(
                t, password,
                Words(
                    "the common password \(password.lowercased()) written as \(password)",
                    id: "password umum \(password.lowercased()) yang ditulis \(password)"),
                hint: Words(
                    "Compare in lowercase.", id: "Bandingkan dalam huruf kecil."))
        }
    }

    Check(
        Words(
            "a refused password gets a 422 problem whose errors name the field password and the rule, never the password itself",
            id:
                "password yang ditolak mendapat problem 422 yang errors-nya menyebut field password dan aturannya, tidak pernah password-nya sendiri"
        ),
        hint: Words(
            "Say which rule was broken (\"at least 8 characters\", \"one of the most common\"), never the password: error bodies end up in logs, screenshots and support tickets.",
            id:
                "Sebutkan aturan mana yang dilanggar (\"minimal 8 karakter\", \"salah satu yang paling umum\"), jangan password-nya: body error berakhir di log, screenshot, dan tiket dukungan."
        ),
        needs: tooShort.en, common.en
    ) { t in
        for password in ["Zq7!kp", "sunshine", String(repeating: "Zq7!", count: 40)] {
            let response = try Rules.expectRefused(
                t, password, Words("a password that breaks a rule", id: "password yang melanggar aturan"),
                hint: Words(
                    "Throw passwordRefused(\"…\") with the rule it breaks.",
                    id: "Lempar passwordRefused(\"…\") dengan aturan yang dilanggarnya."))
            let errors = try response.json()["errors"]?.array ?? []
            let named = errors.contains {
                $0["field"]?.string == "password" && !($0["message"]?.string ?? "").isEmpty
            }
            try require(
                named,
                Words(
                    "the 422 has no entry {\"field\": \"password\", \"message\": …} in errors: throw passwordRefused(\"…\") with the rule in the message",
                    id:
                        "422-nya tidak punya entri {\"field\": \"password\", \"message\": …} di errors: lempar passwordRefused(\"…\") dengan aturannya di pesannya"
                ), response: response)
            try require(
                !response.text.contains(password),
                Words(
                    "the 422 shows the refused password: name the rule, not the password",
                    id: "422-nya menampilkan password yang ditolak: sebut aturannya, bukan password-nya"),
                response: response)
        }
    }

    Check(
        Words(
            "the whole password is verified as typed: long, spaced and emoji passwords log in exactly as typed, and not cut, trimmed or in another case (ASVS 6.2.8)",
            id:
                "seluruh password diverifikasi persis seperti yang diketik: password panjang, berspasi, dan emoji bisa login persis seperti yang diketik, dan tidak bisa kalau dipotong, di-trim, atau beda huruf besar-kecil (ASVS 6.2.8)"
        ),
        hint: Words(
            "Hash and verify the password exactly as it arrived: no trimming, no cutting to 64 or 72 bytes, no lowercasing, anywhere on the way.",
            id:
                "Hash dan verifikasi password persis seperti yang datang: tanpa trim, tanpa memotong ke 64 atau 72 byte, tanpa huruf kecil, di mana pun di sepanjang jalannya."
        ),
        needs: tooShort.en
    ) { t in
        let long = String(repeating: "Ayam goreng, nasi uduk & sambal! ", count: 3)
        let samples: [(password: String, wrong: [String])] = [
            (
                long,
                [
                    String(long.prefix(64)), String(decoding: Array(long.utf8.prefix(72)), as: UTF8.self),
                    long.lowercased(),
                ]
            ),
            ("  Lari pagi di Monas  ", ["Lari pagi di Monas", "  lari pagi di monas  "]),
            ("Kopi☕Susu🥛Gula🍬", ["Kopi☕Susu🥛Gula", "kopi☕susu🥛gula🍬"]),
        ]
        for sample in samples {
            let email = Rules.email(for: sample.password)
            try Accounts.signUp(t, email, sample.password)
            try Accounts.logIn(t, email, sample.password).expectStatus(
                200,
                hint: Words(
                    "Log-in with the password exactly as it was typed at sign-up must work.",
                    id: "Log-in dengan password persis seperti yang diketik saat sign-up harus berhasil."))
            for wrong in sample.wrong {
                try Accounts.logIn(t, email, wrong).expectStatus(
                    401,
                    hint: Words(
                        "A cut, trimmed or lowercased copy of the password logged in: something on the way changes the password before hashing it.",
                        id:
                            "Salinan password yang dipotong, di-trim, atau dijadikan huruf kecil bisa login: ada yang mengubah password-nya sebelum di-hash."
                    ))
            }
        }
    }
}
