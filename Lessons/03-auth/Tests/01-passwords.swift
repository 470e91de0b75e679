import BackendKit
import Foundation
import GraderKit

/// The cost this exercise's server runs with: low for speed, and not a round number a learner
/// would hard-code, so a count that ignores PASSWORD_ITERATIONS shows.
private let configuredIterations = 1_500
/// The cost the raised-cost check restarts the server with.
private let raisedIterations = 3_000
private let password = "correct horse battery staple"

private func startServer(_ t: TestContext, iterations: Int = configuredIterations) throws {
    try t.startServer(environment: ["PASSWORD_ITERATIONS": String(iterations)])
}

private let signsUp = Words(
    "sign-up answers 201 with the new account's id and email, and neither the password nor its hash",
    id: "sign-up menjawab 201 dengan id dan email akun barunya, tanpa password maupun hash-nya")
private let noPlaintext = Words(
    "the database holds no password, in no column and in no form (ASVS 11.4.2)",
    id: "database tidak menyimpan password, di kolom mana pun dan dalam bentuk apa pun (ASVS 11.4.2)")
private let format = Words(
    "password_hash reads pbkdf2-sha256$<iterations>$<salt>$<hash>, with the configured iterations, a salt of 16 bytes or more and a hash of 32 bytes or more",
    id:
        "password_hash berbentuk pbkdf2-sha256$<iterations>$<salt>$<hash>, dengan jumlah iterasi dari konfigurasi, salt 16 byte atau lebih, dan hash 32 byte atau lebih"
)
private let recomputed = Words(
    "the stored hash really is PBKDF2-HMAC-SHA256 of the password with the stored salt and iterations (ASVS 11.4.2)",
    id:
        "hash yang tersimpan benar-benar PBKDF2-HMAC-SHA256 dari password dengan salt dan jumlah iterasi yang tersimpan (ASVS 11.4.2)"
)
private let logsIn = Words(
    "log-in answers 200 with the right password and 401 with any other, even one differing only in case or by one character (ASVS 6.2.8)",
    id:
        "log-in menjawab 200 dengan password yang benar dan 401 dengan password lain, bahkan yang cuma beda huruf besar-kecil atau satu karakter (ASVS 6.2.8)"
)

let passwords = ExerciseTests("auth01-passwords") {
    Check(signsUp) { t in
        try startServer(t)
        let response = try t.http.post(
            "/accounts", json: Accounts.credentials("ayu@example.com", password)
        ).expectStatus(201)
        let body = try response.json()
        try require(
            body["id"]?.int != nil && body["email"]?.string == "ayu@example.com",
            Words(
                "expected a body like {\"id\": 1, \"email\": \"ayu@example.com\", …}",
                id: "seharusnya body-nya seperti {\"id\": 1, \"email\": \"ayu@example.com\", …}"),
            response: response)
        try require(
            !response.text.contains(password) && !response.text.contains(StoredHash.scheme),
            Words(
                "the sign-up answer shows the password or its hash: answer with account.view only",
                id: "jawaban sign-up menampilkan password atau hash-nya: jawab dengan account.view saja"),
            response: response)
    }

    Check(
        noPlaintext,
        hint: Words(
            "Store only pbkdf2-sha256$<iterations>$<salt>$<hash>. The salt is random bytes from SecureRandom, not the password or anything made from it alone.",
            id:
                "Simpan hanya pbkdf2-sha256$<iterations>$<salt>$<hash>. Salt-nya byte acak dari SecureRandom, bukan password-nya atau sesuatu yang dibuat dari password saja."
        ),
        needs: signsUp.en
    ) { t in
        for (table, value) in try Accounts.everyStoredValue(t) {
            for form in Accounts.revealingForms(of: password) where value.contains(form) {
                let shown = form == password ? "as typed" : "in an encoding a reader can undo"
                let shownID = form == password ? "apa adanya" : "dalam encoding yang bisa dibalik pembacanya"
                try fail(
                    Words(
                        "the table \(table) holds the password \(shown): whoever reads the database (a backup, a leak, an SQL injection) can log in as the user",
                        id:
                            "tabel \(table) menyimpan password-nya \(shownID): siapa pun yang membaca database-nya (backup, kebocoran, SQL injection) bisa login sebagai pengguna itu"
                    ))
            }
        }
    }

    Check(
        format,
        hint: Words(
            "Write the iterations you were given (the iterations parameter comes from PASSWORD_ITERATIONS), the salt and the 32-byte key, both with Base64URL.encode, joined with $.",
            id:
                "Tulis jumlah iterasi yang kamu terima (parameter iterations berasal dari PASSWORD_ITERATIONS), salt, dan key 32 byte, keduanya dengan Base64URL.encode, digabung dengan $."
        ),
        needs: signsUp.en
    ) { t in
        let stored = try StoredHash.parse(try Accounts.storedHash(t, of: "ayu@example.com"))
        try requireEqual(
            stored.iterations, configuredIterations,
            Words(
                "the iterations in password_hash (the server runs with PASSWORD_ITERATIONS=\(configuredIterations))",
                id:
                    "jumlah iterasi di password_hash (server-nya berjalan dengan PASSWORD_ITERATIONS=\(configuredIterations))"
            ))
        try require(
            stored.salt.count >= 16,
            Words(
                "the salt has \(stored.salt.count) bytes; make it 16 random bytes (SecureRandom.bytes(16))",
                id: "salt-nya \(stored.salt.count) byte; buat 16 byte acak (SecureRandom.bytes(16))"))
        try require(
            stored.hash.count >= 32,
            Words(
                "the hash has \(stored.hash.count) bytes; derive a key of 32 bytes (keyLength: 32)",
                id: "hash-nya \(stored.hash.count) byte; buat key 32 byte (keyLength: 32)"))
    }

    Check(
        recomputed,
        hint: Words(
            "Derive the key with PBKDF2.sha256(password:salt:iterations:keyLength:), using the same iterations you write in the string. A plain SHA-256, or fewer rounds than written, lets an attacker try billions of guesses a second.",
            id:
                "Buat key-nya dengan PBKDF2.sha256(password:salt:iterations:keyLength:), memakai jumlah iterasi yang sama dengan yang kamu tulis di string. SHA-256 biasa, atau putaran yang lebih sedikit dari yang tertulis, membuat penyerang bisa mencoba miliaran tebakan per detik."
        ),
        needs: format.en
    ) { t in
        let stored = try StoredHash.parse(try Accounts.storedHash(t, of: "ayu@example.com"))
        try require(
            stored.isDerived(from: password),
            Words(
                "the grader computed PBKDF2-HMAC-SHA256 of the password with the stored salt and \(stored.iterations) iterations, and got another hash: the hash is not what the string says it is",
                id:
                    "grader menghitung PBKDF2-HMAC-SHA256 dari password-nya dengan salt yang tersimpan dan \(stored.iterations) iterasi, dan hasilnya hash lain: hash-nya bukan seperti yang tertulis di string-nya"
            ))
    }

    Check(
        Words(
            "two accounts with the same password get different salts and different hashes (ASVS 11.4.2)",
            id: "dua akun dengan password yang sama mendapat salt dan hash yang berbeda (ASVS 11.4.2)"),
        hint: Words(
            "Make a new salt inside hashPassword for every call: SecureRandom.bytes(16). A salt shared by everyone, or one made from the password, gives equal passwords equal hashes, so one guess cracks them all.",
            id:
                "Buat salt baru di dalam hashPassword untuk setiap panggilan: SecureRandom.bytes(16). Salt yang dipakai semua orang, atau yang dibuat dari password-nya, membuat password yang sama punya hash yang sama, jadi satu tebakan membobol semuanya."
        ),
        needs: format.en
    ) { t in
        try Accounts.signUp(t, "budi@example.com", password)
        try Accounts.signUp(t, "citra@example.com", password)
        let hashes = try ["ayu@example.com", "budi@example.com", "citra@example.com"].map {
            try StoredHash.parse(try Accounts.storedHash(t, of: $0))
        }
        try require(
            Set(hashes.map(\.salt)).count == hashes.count,
            Words(
                "the three accounts with one password have the same salt: make a new salt for every hash",
                id: "tiga akun dengan satu password punya salt yang sama: buat salt baru untuk setiap hash"))
        try require(
            Set(hashes.map(\.hash)).count == hashes.count,
            Words(
                "the three accounts with one password have the same hash: mix each account's salt into its hash",
                id:
                    "tiga akun dengan satu password punya hash yang sama: campurkan salt setiap akun ke hash-nya"
            ))
    }

    Check(
        logsIn,
        hint: Words(
            "In verifyPassword, derive the key again from the password exactly as typed, with the stored salt and iterations, and compare it with the stored hash using constantTimeEquals. Change nothing in the password: no lowercasing, no trimming.",
            id:
                "Di verifyPassword, buat lagi key-nya dari password persis seperti yang diketik, dengan salt dan jumlah iterasi yang tersimpan, lalu bandingkan dengan hash yang tersimpan memakai constantTimeEquals. Jangan ubah password-nya sama sekali: jangan dijadikan huruf kecil, jangan di-trim."
        ),
        needs: signsUp.en
    ) { t in
        let right = try Accounts.logIn(t, "ayu@example.com", password).expectStatus(200)
        try require(
            try right.json()["email"]?.string == "ayu@example.com",
            Words(
                "a right log-in answers the account: {\"id\": …, \"email\": \"ayu@example.com\", …}",
                id: "log-in yang benar menjawab akunnya: {\"id\": …, \"email\": \"ayu@example.com\", …}"),
            response: right)
        let wrong: [(String, Words)] = [
            (
                "Correct Horse Battery Staple",
                Words("the password in other case", id: "password dengan huruf besar-kecil lain")
            ),
            (
                "CORRECT HORSE BATTERY STAPLE",
                Words("the password in capitals", id: "password dengan huruf kapital")
            ),
            (
                "correct horse battery stapl",
                Words("the password without its last character", id: "password tanpa karakter terakhirnya")
            ),
            (
                "correct horse battery staplf",
                Words(
                    "the password with its last character changed",
                    id: "password dengan karakter terakhir diganti")
            ),
            (
                "correct horse battery staple!",
                Words("the password with one character more", id: "password dengan satu karakter tambahan")
            ),
            ("Tr0ub4dor&3", Words("another password", id: "password lain")),
            ("", Words("an empty password", id: "password kosong")),
        ]
        for (attempt, what) in wrong {
            try Accounts.logIn(t, "ayu@example.com", attempt).expectStatus(
                401,
                hint: Words(
                    "The server let \(what.en) log in. \(logsIn.en)",
                    id: "Server-nya mengizinkan login dengan \(what[.id]). \(logsIn[.id])"))
        }
        try Accounts.logIn(t, "nobody@example.com", password).expectStatus(401)
    }

    Check(
        Words(
            "an account hashed at an older cost still logs in after PASSWORD_ITERATIONS is raised, and new hashes get the new cost",
            id:
                "akun yang di-hash dengan biaya lama tetap bisa login setelah PASSWORD_ITERATIONS dinaikkan, dan hash baru mendapat biaya baru"
        ),
        hint: Words(
            "verifyPassword reads the iterations from the stored string, not from the configuration: that is why the count is written there.",
            id:
                "verifyPassword membaca jumlah iterasi dari string yang tersimpan, bukan dari konfigurasi: itulah gunanya jumlah itu ditulis di sana."
        ),
        needs: logsIn.en, format.en
    ) { t in
        try startServer(t, iterations: raisedIterations)
        try Accounts.logIn(t, "ayu@example.com", password).expectStatus(200)
        try Accounts.signUp(t, "dewi@example.com", password)
        let stored = try StoredHash.parse(try Accounts.storedHash(t, of: "dewi@example.com"))
        try requireEqual(
            stored.iterations, raisedIterations,
            Words(
                "the iterations of a hash made after the restart with PASSWORD_ITERATIONS=\(raisedIterations)",
                id:
                    "jumlah iterasi hash yang dibuat setelah restart dengan PASSWORD_ITERATIONS=\(raisedIterations)"
            ))
        try Accounts.logIn(t, "dewi@example.com", password).expectStatus(200)
    }

    Check(
        Words(
            "a stored hash that is cut short, malformed or not pbkdf2-sha256 logs nobody in: 401, never 200 or 500",
            id:
                "hash tersimpan yang terpotong, rusak, atau bukan pbkdf2-sha256 tidak meloloskan siapa pun: 401, tidak pernah 200 atau 500"
        ),
        hint: Words(
            "In verifyPassword, return false unless there are exactly four parts, the first is pbkdf2-sha256, the count is a number in a sane range, and the salt and the 32-byte hash decode. Never compare the password with the stored text itself.",
            id:
                "Di verifyPassword, kembalikan false kecuali bagiannya tepat empat, yang pertama pbkdf2-sha256, jumlah iterasinya angka dalam rentang wajar, dan salt serta hash 32 byte-nya bisa di-decode. Jangan pernah membandingkan password dengan teks yang tersimpan itu sendiri."
        ),
        needs: logsIn.en, format.en
    ) { t in
        let good = try StoredHash.parse(try Accounts.storedHash(t, of: "ayu@example.com"))
        let salt = Base64URL.encode(good.salt)
        let hash = Base64URL.encode(good.hash)
        let wrongPassword = "not the password at all"
        let broken: [(stored: String, attempt: String, what: Words)] = [
            ("", wrongPassword, Words("an empty password_hash", id: "password_hash kosong")),
            (
                "legacy-plain-text", "legacy-plain-text",
                Words(
                    "a password_hash that is a password as typed (logging in with that text)",
                    id: "password_hash yang berisi password apa adanya (login dengan teks itu)")
            ),
            (
                "pbkdf2-sha256$\(good.iterations)$\(salt)$", wrongPassword,
                Words("a hash cut to nothing", id: "hash yang terpotong habis")
            ),
            (
                "pbkdf2-sha256$\(good.iterations)$\(salt)$\(hash.prefix(8))", password,
                Words("a hash cut to 6 bytes", id: "hash yang terpotong menjadi 6 byte")
            ),
            (
                "pbkdf2-sha256$\(good.iterations)$\(salt)", wrongPassword,
                Words("three parts instead of four", id: "tiga bagian, bukan empat")
            ),
            (
                "pbkdf2-sha256$many$\(salt)$\(hash)", password,
                Words("an iteration count that is not a number", id: "jumlah iterasi yang bukan angka")
            ),
            (
                "pbkdf2-sha256$0$\(salt)$\(hash)", password,
                Words("an iteration count of 0", id: "jumlah iterasi 0")
            ),
            (
                "pbkdf2-sha256$\(good.iterations)$not*base64$\(hash)", password,
                Words("a salt that is not base64url", id: "salt yang bukan base64url")
            ),
            (
                "md5$\(good.iterations)$\(salt)$\(hash)", password,
                Words("another method's name (md5)", id: "nama cara lain (md5)")
            ),
        ]
        try t.prepareDatabase { database in
            for (index, row) in broken.enumerated() {
                let email = "broken\(index)@example.com"
                try database.execute(
                    "INSERT INTO accounts (email, password_hash, created_at) VALUES (?, ?, '2026-01-01T00:00:00Z')",
                    email, row.stored)
            }
        }
        for (index, row) in broken.enumerated() {
            let response = try Accounts.logIn(t, "broken\(index)@example.com", row.attempt)
            try response.expectStatus(
                401,
                hint: Words(
                    "The account's row holds \(row.what.en). verifyPassword must return false for it.",
                    id:
                        "Baris akun itu berisi \(row.what[.id]). verifyPassword harus mengembalikan false untuknya."
                ))
        }
    }

    Check(
        Words(
            "the password is in no server output and in no response body (ASVS 16.2.5)",
            id: "password-nya tidak ada di output server mana pun dan di body response mana pun (ASVS 16.2.5)"
        ),
        hint: Words(
            "Remove every print or log line that shows the password or the request body. A log is read by many people and kept for months.",
            id:
                "Hapus setiap print atau baris log yang menampilkan password atau body request. Log dibaca banyak orang dan disimpan berbulan-bulan."
        )
    ) { t in
        let secret = "Ayu's secret 4 the grader"
        let answers = [
            try Accounts.signUp(t, "eka@example.com", secret),
            try Accounts.logIn(t, "eka@example.com", secret + "x"),
            try Accounts.logIn(t, "nobody@example.com", secret),
            try t.http.post("/accounts", json: Accounts.credentials("  ", secret)),
            try t.http.post("/accounts", json: ["email": "fajar@example.com", "password": 42]),
        ]
        for answer in answers {
            try require(
                !answer.text.contains(secret),
                Words(
                    "the answer to \(answer.requestLine) (\(answer.status)) shows the password",
                    id: "jawaban untuk \(answer.requestLine) (\(answer.status)) menampilkan password-nya"),
                response: answer)
        }
        // Stopping the server makes it write what it still buffers (print keeps lines in memory).
        try t.stopServer()
        for form in Accounts.revealingForms(of: secret) + Accounts.revealingForms(of: password)
        where t.serverOutput.contains(form) {
            try fail(
                Words(
                    "the server's output shows a password: whoever reads the logs can log in as that user",
                    id:
                        "output server-nya menampilkan sebuah password: siapa pun yang membaca log bisa login sebagai pengguna itu"
                ))
        }
    }

    Check(
        Words(
            "without PASSWORD_ITERATIONS a new hash gets 600000 iterations, and really does them (OWASP Password Storage Cheat Sheet)",
            id:
                "tanpa PASSWORD_ITERATIONS, hash baru mendapat 600000 iterasi, dan benar-benar mengerjakannya (OWASP Password Storage Cheat Sheet)"
        ),
        hint: Words(
            "Use the iterations you are given, always: the configuration's default is 600000. Capping the count to make sign-up faster makes every guess cheaper for an attacker too.",
            id:
                "Selalu pakai jumlah iterasi yang kamu terima: default konfigurasinya 600000. Membatasi jumlahnya supaya sign-up lebih cepat juga membuat setiap tebakan lebih murah bagi penyerang."
        ),
        needs: recomputed.en,
        timeout: .seconds(30)
    ) { t in
        try t.startServer(environment: [:], removing: ["PASSWORD_ITERATIONS"])
        try Accounts.signUp(t, "gita@example.com", password)
        let stored = try StoredHash.parse(try Accounts.storedHash(t, of: "gita@example.com"))
        try requireEqual(
            stored.iterations, 600_000,
            Words(
                "the iterations in password_hash when PASSWORD_ITERATIONS is not set",
                id: "jumlah iterasi di password_hash kalau PASSWORD_ITERATIONS tidak diatur"))
        try require(
            stored.isDerived(from: password),
            Words(
                "password_hash says 600000 iterations, but the hash is not PBKDF2-HMAC-SHA256 of the password with 600000 iterations: it did less work than it claims",
                id:
                    "password_hash menyebut 600000 iterasi, tapi hash-nya bukan PBKDF2-HMAC-SHA256 dari password-nya dengan 600000 iterasi: kerjanya lebih sedikit dari yang diakui"
            ))
    }
}
