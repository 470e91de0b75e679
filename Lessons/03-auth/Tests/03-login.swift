import BackendKit
import Foundation
import GraderKit

/// The cost the timing check runs with: high enough that one hash is clearly measurable over a
/// local HTTP round trip (about ten milliseconds), low enough that the check takes a second.
private let timingIterations = 20_000
/// Log-ins of each kind the timing check measures, after `timingWarmUps` of each it ignores.
private let timingSamples = 11
private let timingWarmUps = 2
/// How far apart the two medians may be. Measured on a busy 2-core machine: one hash more or less
/// makes them 5 to 12 times apart, the same work 0.8 to 1.5. Generous, so that a busy moment
/// never fails a right solution.
private let timingTolerance = 0.5...2.0

private let password = "kopi tubruk tanpa gula"

/// Starts the server with the fast cost and a fresh fake mail service, and signs up ayu.
private func start(_ t: TestContext, iterations: Int = Accounts.fastIterations) throws -> FakeMailService {
    let mail = try t.fakeMail()
    try t.startServer(environment: ["PASSWORD_ITERATIONS": String(iterations), "MAIL_URL": mail.url])
    return mail
}

/// Two kinds of request timed against each other in the same run.
private struct Timing {
    let first: Double
    let second: Double

    /// Whether the medians are alike within `timingTolerance`.
    var isAlike: Bool { timingTolerance.contains(first / second) }

    var shown: Words {
        Words(
            String(format: "%.1f ms and %.1f ms", first * 1000, second * 1000),
            id: String(format: "%.1f ms dan %.1f ms", first * 1000, second * 1000))
    }

    /// Sends `first` and `second` in turns (so a busy moment slows both alike), ignores the
    /// first `timingWarmUps` of each, and keeps the medians of the next `timingSamples`.
    static func compare(
        _ t: TestContext, _ first: (Int) throws -> ClientResponse, with second: (Int) throws -> ClientResponse
    ) throws -> Timing {
        var firstTimes: [Double] = []
        var secondTimes: [Double] = []
        let clock = ContinuousClock()
        for round in 0..<(timingWarmUps + timingSamples) {
            let firstTime = try clock.measure { _ = try first(round) }
            let secondTime = try clock.measure { _ = try second(round) }
            if round >= timingWarmUps {
                firstTimes.append(seconds(firstTime))
                secondTimes.append(seconds(secondTime))
            }
        }
        return Timing(first: median(firstTimes), second: median(secondTimes))
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }
}

/// The answer without what may differ between any two requests (the path they were sent to).
private func comparable(_ response: ClientResponse) -> JSONValue? {
    guard case .object(var members) = try? response.json() else { return nil }
    members["instance"] = nil
    return .object(members)
}

private let logsIn = Words(
    "the right password still logs in: 200 with the account",
    id: "password yang benar tetap bisa login: 200 dengan akunnya")
private let sameAnswer = Words(
    "an unknown email and a wrong password get the same 401 with the same body (ASVS 6.3.8)",
    id:
        "email yang tidak dikenal dan password yang salah mendapat 401 yang sama dengan body yang sama (ASVS 6.3.8)"
)
private let signUpSame = Words(
    "sign-up answers the same 202 with the same body for a new and for a taken address, and changes nothing for a taken one (ASVS 6.3.8)",
    id:
        "sign-up menjawab 202 yang sama dengan body yang sama untuk alamat baru maupun yang sudah dipakai, dan tidak mengubah apa pun untuk alamat yang sudah dipakai (ASVS 6.3.8)"
)

let login = ExerciseTests("auth03-login") {
    Check(logsIn) { t in
        let mail = try start(t)
        try Accounts.signUp(t, "ayu@example.com", password)
        let response = try Accounts.logIn(t, "ayu@example.com", password).expectStatus(200)
        try require(
            try response.json()["email"]?.string == "ayu@example.com",
            Words(
                "a right log-in answers the account: {\"id\": …, \"email\": \"ayu@example.com\", …}",
                id: "log-in yang benar menjawab akunnya: {\"id\": …, \"email\": \"ayu@example.com\", …}"),
            response: response)
        // The fake mail service lives as long as this check holds it.
        withExtendedLifetime(mail) {}
    }

    Check(
        sameAnswer,
        hint: Words(
            "Return nil from authenticate for every failure and let the route throw the one logInFailure. A \"no such account\" message, or a 404, tells an attacker which addresses to attack.",
            id:
                "Kembalikan nil dari authenticate untuk setiap kegagalan, dan biarkan route-nya melempar satu logInFailure itu. Pesan \"akun tidak ada\", atau 404, memberi tahu penyerang alamat mana yang bisa diserang."
        ),
        needs: logsIn.en
    ) { t in
        let unknown = try Accounts.logIn(t, "nobody@example.com", password)
        let wrong = try Accounts.logIn(t, "ayu@example.com", password + "!")
        let otherCase = try Accounts.logIn(t, "AYU@example.com", "not the password")
        for response in [unknown, wrong, otherCase] {
            _ = try response.expectProblem(status: 401)
        }
        for (response, what) in [
            (wrong, Words("a wrong password", id: "password yang salah")),
            (
                otherCase,
                Words(
                    "a wrong password for the address in capitals",
                    id: "password yang salah untuk alamat berhuruf kapital")
            ),
        ] {
            try require(
                comparable(response) == comparable(unknown),
                Words(
                    "the 401 for \(what.en) differs from the 401 for an unknown address: \(response.text) and \(unknown.text). Anybody can tell which addresses have an account",
                    id:
                        "401 untuk \(what[.id]) berbeda dari 401 untuk alamat yang tidak dikenal: \(response.text) dan \(unknown.text). Siapa pun bisa tahu alamat mana yang punya akun"
                ), response: response)
        }
    }

    Check(
        Words(
            "an unknown email takes as long as a wrong password: each costs one hash (ASVS 6.3.8)",
            id:
                "email yang tidak dikenal butuh waktu selama password yang salah: masing-masing satu hash (ASVS 6.3.8)"
        ),
        hint: Words(
            "Without an account, verify the password against dummyHash (made once in init with hashPassword and the configured iterations) instead of returning at once: then both failures do one PBKDF2 with the same cost.",
            id:
                "Kalau akunnya tidak ada, verifikasi password-nya terhadap dummyHash (dibuat sekali di init dengan hashPassword dan jumlah iterasi dari konfigurasi), jangan langsung return: dengan begitu kedua kegagalan mengerjakan satu PBKDF2 dengan biaya yang sama."
        ),
        needs: sameAnswer.en,
        timeout: .seconds(40)
    ) { t in
        let mail = try start(t, iterations: timingIterations)
        try Accounts.signUp(t, "timing@example.com", password)
        let timing = try Timing.compare(
            t,
            { round in try Accounts.logIn(t, "nobody-\(round)@example.com", password).expectStatus(401) },
            with: { round in
                try Accounts.logIn(t, "timing@example.com", "wrong password \(round)").expectStatus(401)
            })
        try require(
            timing.isAlike,
            Words(
                "with PASSWORD_ITERATIONS=\(timingIterations), the median log-in for an unknown address and for a wrong password took \(timing.shown.en) (\(timingSamples) of each): an attacker can tell from the time alone which addresses have an account",
                id:
                    "dengan PASSWORD_ITERATIONS=\(timingIterations), median log-in untuk alamat yang tidak dikenal dan untuk password yang salah adalah \(timing.shown[.id]) (masing-masing \(timingSamples) kali): penyerang bisa tahu dari waktunya saja alamat mana yang punya akun"
            ))
        // The fake mail service lives as long as this check holds it.
        withExtendedLifetime(mail) {}
    }

    Check(
        signUpSame,
        hint: Words(
            "Answer signUpAccepted() for a new address and for a taken one alike, and never replace a taken account's hash. A 409 or another body is an oracle: it tells anybody whether an address has an account.",
            id:
                "Jawab signUpAccepted() untuk alamat baru maupun yang sudah dipakai, dan jangan pernah mengganti hash akun yang sudah ada. 409 atau body yang lain adalah oracle: ia memberi tahu siapa pun apakah sebuah alamat punya akun."
        ),
        needs: logsIn.en
    ) { t in
        let mail = try start(t)
        let before = try Accounts.storedHash(t, of: "ayu@example.com")
        let new = try t.http.post("/accounts", json: Accounts.credentials("budi@example.com", password))
        let taken = try t.http.post(
            "/accounts", json: Accounts.credentials("ayu@example.com", "another good password"))
        let takenOtherCase = try t.http.post(
            "/accounts", json: Accounts.credentials("Ayu@Example.com", "yet another password"))
        try new.expectStatus(202)
        try taken.expectStatus(
            202,
            hint: Words(
                "A taken address gets the same 202 as a new one; its owner learns about it by mail.",
                id:
                    "Alamat yang sudah dipakai mendapat 202 yang sama dengan alamat baru; pemiliknya tahu lewat mail."
            ))
        try takenOtherCase.expectStatus(202)
        for response in [taken, takenOtherCase] {
            try require(
                comparable(response) == comparable(new),
                Words(
                    "the answer for a taken address differs from the answer for a new one: \(response.text) and \(new.text)",
                    id:
                        "jawaban untuk alamat yang sudah dipakai berbeda dari jawaban untuk alamat baru: \(response.text) dan \(new.text)"
                ), response: response)
        }
        try requireEqual(
            try Accounts.storedHash(t, of: "ayu@example.com"), before,
            Words(
                "ayu's password_hash after two sign-ups with her address",
                id: "password_hash ayu setelah dua sign-up dengan alamatnya"))
        try Accounts.logIn(t, "ayu@example.com", "another good password").expectStatus(401)
        try Accounts.logIn(t, "budi@example.com", password).expectStatus(
            200,
            hint: Words(
                "A sign-up with a new address still creates the account.",
                id: "Sign-up dengan alamat baru tetap membuat akunnya."))
        // The fake mail service lives as long as this check holds it.
        withExtendedLifetime(mail) {}
    }

    Check(
        Words(
            "a taken address takes as long to sign up as a new one: each costs one hash (ASVS 6.3.8)",
            id:
                "sign-up dengan alamat yang sudah dipakai butuh waktu selama alamat baru: masing-masing satu hash (ASVS 6.3.8)"
        ),
        hint: Words(
            "Hash the password before you find out whether the address is taken (accounts.create tells you, after the hash). Looking the address up first and answering at once makes a taken address answer sooner.",
            id:
                "Hash password-nya sebelum kamu tahu apakah alamatnya sudah dipakai (accounts.create memberi tahu, setelah hash-nya dibuat). Mencari alamatnya dulu lalu langsung menjawab membuat alamat yang sudah dipakai dijawab lebih cepat."
        ),
        needs: signUpSame.en,
        timeout: .seconds(40)
    ) { t in
        let mail = try start(t, iterations: timingIterations)
        let timing = try Timing.compare(
            t,
            { _ in try Accounts.signUp(t, "ayu@example.com", "yet another good password") },
            with: { round in try Accounts.signUp(t, "new-\(round)@example.com", password) })
        try require(
            timing.isAlike,
            Words(
                "with PASSWORD_ITERATIONS=\(timingIterations), the median sign-up with a taken address and with a new one took \(timing.shown.en) (\(timingSamples) of each): an attacker can tell from the time alone which addresses have an account",
                id:
                    "dengan PASSWORD_ITERATIONS=\(timingIterations), median sign-up dengan alamat yang sudah dipakai dan dengan alamat baru adalah \(timing.shown[.id]) (masing-masing \(timingSamples) kali): penyerang bisa tahu dari waktunya saja alamat mana yang punya akun"
            ))
        // The fake mail service lives as long as this check holds it.
        withExtendedLifetime(mail) {}
    }

    Check(
        Words(
            "sign-up mails the address's owner, a new one and a taken one, and no mail holds the password",
            id:
                "sign-up mengirim mail ke pemilik alamatnya, baik yang baru maupun yang sudah dipakai, dan tidak ada mail yang berisi password-nya"
        ),
        hint: Words(
            "mailer.sendInBackground(.welcome(to: email)) for a new account, .signUpAttempt(to: email) for a taken address: the answer says nothing, the owner's mailbox says what happened. Never mail a password.",
            id:
                "mailer.sendInBackground(.welcome(to: email)) untuk akun baru, .signUpAttempt(to: email) untuk alamat yang sudah dipakai: jawabannya tidak menyebut apa-apa, kotak mail pemiliknya yang menjelaskan apa yang terjadi. Jangan pernah mengirim password lewat mail."
        ),
        needs: signUpSame.en
    ) { t in
        let mail = try start(t)
        try Accounts.signUp(t, "citra@example.com", "nasi goreng kampung")
        let first = try mail.waitForMessages(1)
        try Accounts.signUp(t, "citra@example.com", "mie goreng jawa")
        let both = try mail.waitForMessages(2)
        try requireEqual(
            first[0].to, ["citra@example.com"],
            Words("the recipients of the mail after a new sign-up", id: "penerima mail setelah sign-up baru"))
        try requireEqual(
            both[1].to, ["citra@example.com"],
            Words(
                "the recipients of the mail after a sign-up with a taken address",
                id: "penerima mail setelah sign-up dengan alamat yang sudah dipakai"))
        try requireEqual(
            [first[0].subject, both[1].subject],
            ["Welcome to Team Tasks", "Someone tried to sign up with your address"],
            Words(
                "the subjects of the mail after a new sign-up and after one with a taken address (MailMessage.welcome, then MailMessage.signUpAttempt)",
                id:
                    "subject mail setelah sign-up baru dan setelah sign-up dengan alamat yang sudah dipakai (MailMessage.welcome, lalu MailMessage.signUpAttempt)"
            ))
        for message in both {
            for secret in ["nasi goreng kampung", "mie goreng jawa"] where message.text.contains(secret) {
                try fail(
                    Words(
                        "the mail \"\(message.subject)\" holds the password: mail is stored in many places and read on many screens",
                        id:
                            "mail \"\(message.subject)\" berisi password-nya: mail disimpan di banyak tempat dan dibaca di banyak layar"
                    ))
            }
        }
    }

    Check(
        Words(
            "when the mail service fails, sign-up still answers the same 202, for a new and for a taken address",
            id:
                "kalau layanan mail gagal, sign-up tetap menjawab 202 yang sama, untuk alamat baru maupun yang sudah dipakai"
        ),
        hint: Words(
            "Send with mailer.sendInBackground: the answer must not wait for the mail service or depend on it. A 500 only when mail fails would tell an attacker which addresses got which mail.",
            id:
                "Kirim dengan mailer.sendInBackground: jawabannya tidak boleh menunggu layanan mail atau bergantung padanya. 500 yang muncul hanya saat mail gagal memberi tahu penyerang alamat mana yang mendapat mail yang mana."
        ),
        needs: signUpSame.en
    ) { t in
        let mail = try start(t)
        let healthy = try Accounts.signUp(t, "dewi@example.com", password)
        try mail.waitForMessages(1)
        mail.failNext(2)
        let new = try t.http.post("/accounts", json: Accounts.credentials("eka@example.com", password))
        let taken = try t.http.post("/accounts", json: Accounts.credentials("dewi@example.com", password))
        for response in [new, taken] {
            try response.expectStatus(202)
            try require(
                comparable(response) == comparable(healthy),
                Words(
                    "with the mail service failing, sign-up answered \(response.text) instead of \(healthy.text)",
                    id: "saat layanan mail gagal, sign-up menjawab \(response.text), bukan \(healthy.text)"),
                response: response)
        }
        try Accounts.logIn(t, "eka@example.com", password).expectStatus(200)
    }
}
