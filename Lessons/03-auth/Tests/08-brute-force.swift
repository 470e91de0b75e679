import BackendKit
import Foundation
import GraderKit

/// The limits the lesson sets: failures per account and per client in any `lockWindow`.
private let perAccount = 10
private let perClient = 30
private let lockWindow = 15 * 60

private let password = "sate ayam madura pedas"
private let wrongPassword = "sate kambing tanpa kecap"

/// Starts the server with the fast cost (and `environment`), then, unless this is the first
/// check, moves its clock past every failure an earlier check made, so each check counts from zero.
private func start(_ t: TestContext, environment: [String: String] = [:], first: Bool = false) throws {
    try Accounts.start(t, environment: environment)
    if !first { try t.advanceClock(by: .seconds(lockWindow + 60)) }
}

/// A log-in with the wrong password, from the grader or, with `forwardedFor`, as a proxy would
/// pass it on.
private func wrongLogIn(_ t: TestContext, _ email: String, forwardedFor: String? = nil) throws
    -> ClientResponse
{
    var headers: HTTPHeaders = [:]
    if let forwardedFor { headers["X-Forwarded-For"] = forwardedFor }
    return try t.http.post("/sessions", json: Accounts.credentials(email, wrongPassword), headers: headers)
}

/// Sends `count` failed log-ins, each expected to be an ordinary 401.
private func failLogIns(
    _ t: TestContext, _ count: Int, email: (Int) -> String, forwardedFor: (Int) -> String? = { _ in nil }
) throws {
    for i in 0..<count {
        try wrongLogIn(t, email(i), forwardedFor: forwardedFor(i)).expectStatus(
            401,
            hint: Words(
                "Failed log-in number \(i + 1) is still under the limits (\(perAccount) per account, \(perClient) per client): it gets the usual 401.",
                id:
                    "Log-in gagal ke-\(i + 1) masih di bawah batas (\(perAccount) per akun, \(perClient) per client): ia mendapat 401 yang biasa."
            ))
    }
}

/// The 429 over a limit, with its Retry-After in whole seconds, at most the window.
@discardableResult
private func expectLimited(_ response: ClientResponse, _ what: Words) throws -> Int {
    try response.expectStatus(
        429,
        hint: Words(
            "\(what.en) is over a limit, so it gets 429 Too Many Requests before any password is checked.",
            id:
                "\(what[.id]) sudah melewati batas, jadi ia mendapat 429 Too Many Requests sebelum password apa pun dicek."
        ))
    let header = try requireValue(
        response.headers["Retry-After"],
        Words(
            "the 429 has no Retry-After header: a client cannot tell when to try again",
            id: "429-nya tidak punya header Retry-After: client tidak tahu kapan boleh mencoba lagi"),
        response: response)
    let seconds = try requireValue(
        Int(header.trimmingCharacters(in: .whitespaces)),
        Words(
            "Retry-After is \"\(header)\": it must be a whole number of seconds (RFC 9110 §10.2.3)",
            id: "Retry-After berisi \"\(header)\": seharusnya bilangan bulat detik (RFC 9110 §10.2.3)"),
        response: response)
    try require(
        (1...lockWindow).contains(seconds),
        Words(
            "Retry-After is \(seconds); a failure is forgotten after 15 minutes, so it must be 1 to \(lockWindow) seconds (seconds, not milliseconds)",
            id:
                "Retry-After berisi \(seconds); kegagalan dilupakan setelah 15 menit, jadi seharusnya 1 sampai \(lockWindow) detik (detik, bukan milidetik)"
        ), response: response)
    return seconds
}

private let accountLimited = Words(
    "ten failed log-ins lock the account: the 11th gets 429 with Retry-After in seconds, and so does the right password (ASVS 6.3.1)",
    id:
        "sepuluh log-in gagal mengunci akunnya: yang ke-11 mendapat 429 dengan Retry-After dalam detik, begitu juga password yang benar (ASVS 6.3.1)"
)

let bruteForce = ExerciseTests("auth08-brute-force") {
    Check(
        accountLimited,
        hint: Words(
            "In begin, count this account's rows since now - Self.window; at Self.failuresPerAccount, throw tooManyFailures(retryAfter:) with the seconds until the oldest of them is 15 minutes old.",
            id:
                "Di begin, hitung baris akun ini sejak now - Self.window; kalau sudah Self.failuresPerAccount, lempar tooManyFailures(retryAfter:) dengan jumlah detik sampai yang paling lama di antaranya berumur 15 menit."
        )
    ) { t in
        // The first check: no failures to forget, so the clock stays as it is.
        try start(t, first: true)
        try Accounts.signUp(t, "ayu@example.com", password)
        try failLogIns(t, perAccount, email: { _ in "ayu@example.com" })
        try expectLimited(
            try wrongLogIn(t, "ayu@example.com"),
            Words("the 11th wrong password for one account", id: "password salah ke-11 untuk satu akun"))
        try expectLimited(
            try Accounts.logIn(t, "ayu@example.com", password),
            Words(
                "The right password, while the account is locked,",
                id: "Password yang benar, selama akunnya terkunci,"))
    }

    Check(
        Words(
            "POST /tokens, the other door for a password, counts against the same limit: after ten failures it answers 429 too (ASVS 6.3.1)",
            id:
                "POST /tokens, pintu lain untuk password, dihitung ke batas yang sama: setelah sepuluh kegagalan ia juga menjawab 429 (ASVS 6.3.1)"
        ),
        hint: Words(
            "TokenRoutes.issue calls limits.begin and limits.succeeded around login.authenticate, as logIn does: check that your begin throws for every caller once an account has ten failures.",
            id:
                "TokenRoutes.issue memanggil limits.begin dan limits.succeeded di sekitar login.authenticate, seperti logIn: pastikan begin-mu melempar error untuk setiap pemanggil begitu sebuah akun punya sepuluh kegagalan."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try Accounts.signUp(t, "tokens-door@example.com", password)
        for i in 0..<perAccount {
            let door = i.isMultiple(of: 2) ? "/tokens" : "/sessions"
            try t.http.post(door, json: Accounts.credentials("tokens-door@example.com", wrongPassword))
                .expectStatus(401)
        }
        try expectLimited(
            try t.http.post("/tokens", json: Accounts.credentials("tokens-door@example.com", password)),
            Words(
                "POST /tokens with the right password, after ten failures through both doors,",
                id: "POST /tokens dengan password yang benar, setelah sepuluh kegagalan lewat kedua pintu,"))
    }

    Check(
        Words(
            "an address without an account is locked after 10 failures just like a real one, so the limit tells nobody which addresses exist (ASVS 6.3.8)",
            id:
                "alamat tanpa akun terkunci setelah 10 kegagalan persis seperti alamat yang punya akun, jadi batasnya tidak memberi tahu siapa pun alamat mana yang ada (ASVS 6.3.8)"
        ),
        hint: Words(
            "Key the account's count on the address as typed (lowercased), not on an account id: an unknown address must reach the same 429 as a real one.",
            id:
                "Hitung per akun berdasarkan alamat seperti yang diketik (huruf kecil), bukan id akun: alamat yang tidak dikenal harus sampai ke 429 yang sama dengan alamat yang ada."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try failLogIns(t, perAccount, email: { _ in "nobody-here@example.com" })
        try expectLimited(
            try wrongLogIn(t, "Nobody-Here@example.com"),
            Words(
                "The 11th log-in for an address that has no account",
                id: "Log-in ke-11 untuk alamat yang tidak punya akun"))
    }

    Check(
        Words(
            "the lock ends when its 15 minutes are over: Retry-After counts down to the second, and then the right password logs in (no permanent lockout)",
            id:
                "kunciannya berakhir setelah 15 menitnya lewat: Retry-After menghitung mundur sampai detiknya, lalu password yang benar bisa login (tidak ada kuncian permanen)"
        ),
        hint: Words(
            "Count only the failures since now - Self.window, read the time from the now you are given (request.now), and do not count a refused attempt as a failure: a lock that never ends lets any stranger lock a victim out.",
            id:
                "Hitung hanya kegagalan sejak now - Self.window, ambil waktunya dari now yang diberikan (request.now), dan jangan hitung percobaan yang ditolak sebagai kegagalan: kuncian yang tidak pernah berakhir membuat orang asing mana pun bisa mengunci korbannya."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try Accounts.signUp(t, "budi@example.com", password)
        try failLogIns(t, perAccount, email: { _ in "budi@example.com" })
        let wait = try expectLimited(
            try wrongLogIn(t, "budi@example.com"),
            Words("the 11th wrong password for one account", id: "password salah ke-11 untuk satu akun"))
        // Ten minutes later the attacker is still guessing: refused guesses must not extend the lock.
        let guessingPause = 10 * 60
        try t.advanceClock(by: .seconds(guessingPause))
        for _ in 1...perAccount {
            try expectLimited(
                try wrongLogIn(t, "budi@example.com"),
                Words(
                    "A wrong password 10 minutes into the lock",
                    id: "Password salah 10 menit setelah kuncian dimulai"))
        }
        try t.advanceClock(by: .seconds(wait - guessingPause - 2))
        let almost = try Accounts.logIn(t, "budi@example.com", password)
        let left = try expectLimited(
            almost,
            Words(
                "The right password, 2 seconds before Retry-After is over,",
                id: "Password yang benar, 2 detik sebelum Retry-After habis,"))
        try require(
            (1...3).contains(left),
            Words(
                "Retry-After was \(wait); \(wait - 2) seconds later (with refused guesses in between) it is \(left), expected about 2: it must say how long is really left, and a refused guess must not make the lock longer",
                id:
                    "Retry-After tadinya \(wait); \(wait - 2) detik kemudian (dengan tebakan yang ditolak di antaranya) isinya \(left), seharusnya sekitar 2: ia harus menyebut sisa waktu yang sebenarnya, dan tebakan yang ditolak tidak boleh membuat kunciannya lebih lama"
            ), response: almost)
        try t.advanceClock(by: .seconds(3))
        try Accounts.logIn(t, "budi@example.com", password).expectStatus(
            200,
            hint: Words(
                "Retry-After is over: the owner's right password must log in again.",
                id: "Retry-After sudah habis: password yang benar milik pemiliknya harus bisa login lagi."))
    }

    Check(
        Words(
            "a credential-stuffing spray from one client is stopped: after 30 failures over 30 addresses, 429 (ASVS 6.3.1)",
            id:
                "semprotan credential stuffing dari satu client dihentikan: setelah 30 kegagalan di 30 alamat, 429 (ASVS 6.3.1)"
        ),
        hint: Words(
            "A limit per account alone lets an attacker try one leaked password on every address. Count the client's rows too (Self.failuresPerClient), keyed on client.",
            id:
                "Batas per akun saja membuat penyerang bisa mencoba satu password bocoran di setiap alamat. Hitung juga baris client-nya (Self.failuresPerClient), berdasarkan client."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try failLogIns(t, perClient, email: { "leaked-\($0)@example.com" })
        try expectLimited(
            try wrongLogIn(t, "leaked-\(perClient)@example.com"),
            Words(
                "The 31st failed log-in from one client, for a 31st address,",
                id: "Log-in gagal ke-31 dari satu client, untuk alamat ke-31,"))
    }

    Check(
        Words(
            "a made-up X-Forwarded-For from a client that is not a trusted proxy changes nothing: the client is the TCP peer (ASVS 6.3.1)",
            id:
                "X-Forwarded-For karangan dari client yang bukan proxy tepercaya tidak mengubah apa pun: client-nya adalah peer TCP (ASVS 6.3.1)"
        ),
        hint: Words(
            "Anybody can send X-Forwarded-For. In client(of:), use request.peer.host, and read X-Forwarded-For only when the peer is in trustedProxies.",
            id:
                "Siapa pun bisa mengirim X-Forwarded-For. Di client(of:), pakai request.peer.host, dan baca X-Forwarded-For hanya kalau peer-nya ada di trustedProxies."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try failLogIns(
            t, perClient, email: { "spoofer-\($0)@example.com" }, forwardedFor: { "198.51.100.\($0 + 1)" })
        try expectLimited(
            try wrongLogIn(t, "spoofer-\(perClient)@example.com", forwardedFor: "198.51.100.200"),
            Words(
                "The 31st failed log-in from one peer, each with another X-Forwarded-For,",
                id: "Log-in gagal ke-31 dari satu peer, masing-masing dengan X-Forwarded-For yang lain,"))
    }

    Check(
        Words(
            "behind a trusted proxy (TRUSTED_PROXIES=127.0.0.1) the client is the right-most X-Forwarded-For address, and another client is not limited by its failures",
            id:
                "di belakang proxy tepercaya (TRUSTED_PROXIES=127.0.0.1) client-nya adalah alamat X-Forwarded-For paling kanan, dan client lain tidak ikut dibatasi oleh kegagalannya"
        ),
        hint: Words(
            "A proxy appends the address it saw to whatever the client sent, so only the right-most addresses are true: take the right-most one that is not in trustedProxies.",
            id:
                "Proxy menambahkan alamat yang dilihatnya di belakang apa pun yang dikirim client, jadi hanya alamat paling kanan yang benar: ambil yang paling kanan yang tidak ada di trustedProxies."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t, environment: ["TRUSTED_PROXIES": "127.0.0.1"])
        try failLogIns(
            t, perClient, email: { "proxied-\($0)@example.com" },
            forwardedFor: { "10.9.8.\($0 + 1), 203.0.113.7" })
        try expectLimited(
            try wrongLogIn(t, "proxied-\(perClient)@example.com", forwardedFor: "10.9.8.200, 203.0.113.7"),
            Words(
                "The 31st failed log-in from 203.0.113.7 (behind the proxy, with another made-up address in front each time)",
                id:
                    "Log-in gagal ke-31 dari 203.0.113.7 (di belakang proxy, dengan alamat karangan lain di depannya setiap kali)"
            ))
        try wrongLogIn(t, "proxied-other@example.com", forwardedFor: "203.0.113.8").expectStatus(
            401,
            hint: Words(
                "203.0.113.8 is another client behind the same proxy: it has not failed yet, so it gets the usual 401. Counting the proxy's address puts every user behind it under one limit.",
                id:
                    "203.0.113.8 adalah client lain di belakang proxy yang sama: ia belum pernah gagal, jadi ia mendapat 401 yang biasa. Menghitung alamat proxy-nya membuat semua pengguna di belakangnya berbagi satu batas."
            ))
    }

    Check(
        Words(
            "a successful log-in does not wipe the failures already counted, for the account or for the client",
            id:
                "log-in yang berhasil tidak menghapus kegagalan yang sudah dihitung, untuk akun maupun untuk client"
        ),
        hint: Words(
            "In succeeded, delete only this attempt's row. Clearing every failure of the account or the client lets an attacker who logs in to their own account (or waits for the victim to) guess on for ever.",
            id:
                "Di succeeded, hapus hanya baris percobaan ini. Menghapus semua kegagalan akun atau client-nya membuat penyerang yang login ke akunnya sendiri (atau menunggu korbannya login) bisa terus menebak."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try Accounts.signUp(t, "citra@example.com", password)
        try Accounts.signUp(t, "mallory@example.com", password)
        try failLogIns(t, perAccount - 1, email: { _ in "citra@example.com" })
        try Accounts.logIn(t, "citra@example.com", password).expectStatus(200)
        try wrongLogIn(t, "citra@example.com").expectStatus(401)
        try expectLimited(
            try wrongLogIn(t, "citra@example.com"),
            Words(
                "After 9 failures, citra's own log-in and one failure more, the next wrong password",
                id:
                    "Setelah 9 kegagalan, log-in citra sendiri, dan satu kegagalan lagi, password salah berikutnya"
            )
        )
        try t.advanceClock(by: .seconds(lockWindow + 60))
        try failLogIns(t, perClient - 1, email: { "victim-\($0)@example.com" })
        try Accounts.logIn(t, "mallory@example.com", password).expectStatus(200)
        try wrongLogIn(t, "victim-\(perClient)@example.com").expectStatus(401)
        try expectLimited(
            try wrongLogIn(t, "victim-\(perClient + 1)@example.com"),
            Words(
                "After 29 failures, a log-in to the client's own account and one failure more, the next failed log-in from that client",
                id:
                    "Setelah 29 kegagalan, log-in ke akun milik client itu sendiri, dan satu kegagalan lagi, log-in gagal berikutnya dari client itu"
            ))
    }

    Check(
        Words(
            "the limiter's SQL takes every value as a bound parameter: an address with a quote in it is counted like any other",
            id:
                "SQL pembatasnya menerima setiap nilai sebagai parameter yang di-bind: alamat yang berisi tanda kutip dihitung seperti alamat lain"
        ),
        hint: Words(
            "Write ? in the SQL and pass the email, the client and the time as arguments of execute or query. An address is text the attacker types: pasted into the SQL it is SQL injection.",
            id:
                "Tulis ? di SQL-nya dan berikan email, client, dan waktunya sebagai argumen execute atau query. Alamat adalah teks yang diketik penyerang: kalau ditempel ke SQL, itu SQL injection."
        ),
        needs: accountLimited.en
    ) { t in
        try start(t)
        try t.enableStatementLog()
        let email = "o'hara@example.com"
        try Accounts.signUp(t, email, password)
        let wrong = try wrongLogIn(t, email).expectStatus(401)
        let right = try Accounts.logIn(t, email, password).expectStatus(200)
        for response in [wrong, right] {
            for statement in try t.statements(for: response) where statement.sql.contains("login_failures") {
                let pasted = statement.sql.contains("'") || statement.sql.contains(/[0-9]{6,}/)
                try require(
                    !pasted,
                    Words(
                        "\(response.requestLine) ran SQL with a value written into it: \(statement.sql)",
                        id:
                            "\(response.requestLine) menjalankan SQL yang nilainya ditulis langsung di dalamnya: \(statement.sql)"
                    ), response: response)
            }
        }
    }

    Check(
        Words(
            "20 wrong log-ins at the same moment are counted exactly: the count and the new row are one transaction, so 10 get 401 and 10 get 429",
            id:
                "20 log-in salah pada saat yang sama dihitung dengan tepat: penghitungan dan baris barunya satu transaction, jadi 10 mendapat 401 dan 10 mendapat 429"
        ),
        hint: Words(
            "Do the count and the INSERT inside one database.transaction { tx in … }: it takes the write lock first, so the next log-in waits and then sees this one's row. A count read outside it lets twenty log-ins all read \"none yet\".",
            id:
                "Lakukan penghitungan dan INSERT di dalam satu database.transaction { tx in … }: ia mengambil write lock lebih dulu, jadi log-in berikutnya menunggu lalu melihat baris log-in ini. Penghitungan yang dibaca di luarnya membuat dua puluh log-in semuanya membaca \"belum ada\"."
        ),
        needs: accountLimited.en,
        timeout: .seconds(30)
    ) { t in
        try start(t, environment: ["BACKENDKIT_THREADS": "8"])
        try t.enableStatementLog()
        try Accounts.signUp(t, "dewi@example.com", password)
        let one = try wrongLogIn(t, "dewi@example.com").expectStatus(401)
        let counting = try t.statements(for: one).filter { $0.sql.contains("login_failures") }
        try require(
            !counting.isEmpty,
            Words(
                "a failed log-in ran no statement on the login_failures table: keep the table the starter creates",
                id:
                    "log-in yang gagal tidak menjalankan statement apa pun pada tabel login_failures: pakai tabel yang dibuat starter"
            ), response: one)
        let transactions = Set(counting.map { $0.transaction ?? "none" })
        try require(
            transactions.count == 1 && !transactions.contains("none"),
            Words(
                "a failed log-in read and wrote login_failures outside one transaction: \(counting.map { $0.sql }.joined(separator: "; ")). Two log-ins at once can both read the old count",
                id:
                    "log-in yang gagal membaca dan menulis login_failures di luar satu transaction: \(counting.map { $0.sql }.joined(separator: "; ")). Dua log-in bersamaan bisa sama-sama membaca hitungan yang lama"
            ), response: one)
        try t.advanceClock(by: .seconds(lockWindow + 60))
        let results = try t.concurrently(20, holdingWriteLockFor: .milliseconds(300)) { _ in
            try wrongLogIn(t, "dewi@example.com").status
        }
        let statuses = try results.map { try $0.get() }
        let refused = statuses.filter { $0 == 401 }.count
        try require(
            refused == perAccount && statuses.filter({ $0 == 429 }).count == 20 - perAccount,
            Words(
                "20 wrong log-ins at once got \(refused) × 401 and \(statuses.filter { $0 == 429 }.count) × 429 (\(statuses)); the limit is 10 failures, so exactly 10 × 401",
                id:
                    "20 log-in salah sekaligus mendapat \(refused) × 401 dan \(statuses.filter { $0 == 429 }.count) × 429 (\(statuses)); batasnya 10 kegagalan, jadi tepat 10 × 401"
            ))
    }
}
