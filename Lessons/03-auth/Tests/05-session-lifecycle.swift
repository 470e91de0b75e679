import BackendKit
import Foundation
import GraderKit

private typealias S = SessionTests

/// The check that shows step 4's sessions still work; every other check of the step needs it.
private let sessionsWork = Words(
    "logging in still sets a session cookie that GET /me accepts",
    id: "login masih memasang cookie session yang diterima GET /me")

/// The check that shows PUT /me/password changes the password; the check about the other
/// sessions needs it.
private let passwordChanges = Words(
    "PUT /me/password with the current password changes it: the new one logs in, the old one no longer does",
    id:
        "PUT /me/password dengan password saat ini menggantinya: yang baru bisa login, yang lama tidak lagi"
)

private func logOut(_ t: TestContext, _ token: String) throws -> ClientResponse {
    t.http.cookies.removeAll()
    return try t.http.delete("/sessions/current", headers: ["Cookie": "\(S.cookieName)=\(token)"])
}

private func changePassword(_ t: TestContext, _ token: String?, from current: String, to new: String) throws
    -> ClientResponse
{
    t.http.cookies.removeAll()
    return try t.http.put(
        "/me/password",
        json: .object(["current_password": .string(current), "new_password": .string(new)]),
        headers: token.map { ["Cookie": "\(S.cookieName)=\($0)"] } ?? [:])
}

/// Fails unless `GET /me` with `token` answers `email`'s account.
private func expectAlive(_ t: TestContext, _ token: String, _ email: String, what: Words, hint: Words? = nil)
    throws
{
    let me = try S.me(t, cookie: "\(S.cookieName)=\(token)")
    try require(
        S.email(of: me) == email,
        Words(
            "GET /me with \(what.en) was answered \(me.status); expected 200 with \(email)",
            id: "GET /me dengan \(what[.id]) dijawab \(me.status); seharusnya 200 dengan \(email)"),
        hint: hint, response: me)
}

private func cookie(_ token: String) -> String { "\(S.cookieName)=\(token)" }

let sessionLifecycle = ExerciseTests("auth05-session-lifecycle") {
    Check(sessionsWork) { t in
        try Accounts.start(t)
        try S.signUp(t, "ayu@example.com")
        let login = try S.logIn(t, "ayu@example.com")
        try expectAlive(
            t, login.token, "ayu@example.com", what: Words("the new cookie", id: "cookie baru itu"))
    }

    Check(
        Words(
            "a session id the client brings to the login is never adopted (session fixation, ASVS 7.2.4)",
            id: "id session yang dibawa client saat login tidak pernah dipakai (session fixation, ASVS 7.2.4)"
        ),
        hint: Words(
            "Never turn the cookie that came with the login into the logged-in session: end it, and start a new session with a new token from startSession.",
            id:
                "Jangan pernah menjadikan cookie yang datang bersama login sebagai session yang sudah login: akhiri, lalu mulai session baru dengan token baru dari startSession."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "rina.victim@example.com")
        try S.signUp(t, "mallory.fixation@example.com")
        // An id the attacker made up and planted in the victim's browser before the login.
        let planted = SecureRandom.token()
        let victim = try S.logIn(t, "rina.victim@example.com", cookie: cookie(planted))
        try require(
            victim.token != planted,
            Words(
                "the login kept the session id the client sent (\(planted)): whoever planted it is now logged in as the victim",
                id:
                    "login memakai id session yang dikirim client (\(planted)): siapa pun yang menanamnya sekarang login sebagai korban"
            ), response: victim.response)
        try S.expectRefused(
            try S.me(t, cookie: cookie(planted)),
            sent: Words(
                "the id planted before the victim's login", id: "id yang ditanam sebelum korban login"))
        // The attacker's own real session, planted the same way.
        let attacker = try S.logIn(t, "mallory.fixation@example.com")
        let second = try S.logIn(t, "rina.victim@example.com", cookie: cookie(attacker.token))
        try require(
            second.token != attacker.token,
            Words(
                "the victim's login kept the attacker's session id it was sent: the attacker is now logged in as the victim",
                id:
                    "login korban memakai id session penyerang yang dikirim bersamanya: penyerang sekarang login sebagai korban"
            ), response: second.response)
        let replay = try S.me(t, cookie: cookie(attacker.token))
        try require(
            S.email(of: replay) != "rina.victim@example.com",
            Words(
                "GET /me with the attacker's planted session answered the victim's account",
                id: "GET /me dengan session penyerang yang ditanam menjawab akun korban"), response: replay)
    }

    Check(
        Words(
            "logging in again gives a new token and ends the one sent with the login (ASVS 7.2.4)",
            id:
                "login lagi memberi token baru dan mengakhiri token yang dikirim bersama login itu (ASVS 7.2.4)"
        ),
        hint: Words(
            "In renewSession, delete the session of every sessionCookieName value the login request carries, then start a new one. Reusing the old id keeps alive whatever copy of it is around.",
            id:
                "Di renewSession, hapus session dari setiap nilai sessionCookieName yang dibawa request login, lalu mulai yang baru. Memakai ulang id lama membuat salinan mana pun dari id itu tetap hidup."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "sari.relogin@example.com")
        let first = try S.logIn(t, "sari.relogin@example.com")
        let second = try S.logIn(t, "sari.relogin@example.com", cookie: cookie(first.token))
        try require(
            second.token != first.token,
            Words(
                "the second login answered with the same token the client sent: a login must always start a new session",
                id:
                    "login kedua menjawab dengan token yang sama dengan yang dikirim client: login harus selalu memulai session baru"
            ), response: second.response)
        try S.expectRefused(
            try S.me(t, cookie: cookie(first.token)),
            sent: Words(
                "the token sent with the second login", id: "token yang dikirim bersama login kedua"))
        try expectAlive(
            t, second.token, "sari.relogin@example.com",
            what: Words("the token of the second login", id: "token dari login kedua"))
    }

    Check(
        Words(
            "DELETE /sessions/current ends the session on the server: a copy of the old cookie gets 401 (ASVS 7.4.1)",
            id:
                "DELETE /sessions/current mengakhiri session di server: salinan cookie lama mendapat 401 (ASVS 7.4.1)"
        ),
        hint: Words(
            "Clearing the cookie in the browser is not enough: whoever copied it (a shared computer, malware, a log) still has it. Delete the session from the sessions table in endSession.",
            id:
                "Menghapus cookie di browser saja tidak cukup: siapa pun yang menyalinnya (komputer bersama, malware, log) masih memegangnya. Hapus session-nya dari tabel sessions di endSession."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "budi.logout@example.com")
        let login = try S.logIn(t, "budi.logout@example.com")
        try logOut(t, login.token).expectStatus(204)
        try S.expectRefused(
            try S.me(t, cookie: cookie(login.token)),
            sent: Words(
                "the cookie replayed after DELETE /sessions/current",
                id: "cookie yang dikirim ulang setelah DELETE /sessions/current"))
    }

    Check(
        Words(
            "logging out ends only that session: the account's other sessions keep working",
            id: "logout hanya mengakhiri session itu: session lain dari akun yang sama tetap jalan"),
        hint: Words(
            "endSession deletes the one session the request carries (sessions.delete(idHash:)), not every session of the account: logging out on the phone must not log the laptop out.",
            id:
                "endSession menghapus satu session yang dibawa request itu (sessions.delete(idHash:)), bukan semua session akunnya: logout di HP tidak boleh membuat laptop ikut logout."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "citra.devices@example.com")
        let phone = try S.logIn(t, "citra.devices@example.com")
        let laptop = try S.logIn(t, "citra.devices@example.com")
        try logOut(t, phone.token).expectStatus(204)
        try expectAlive(
            t, laptop.token, "citra.devices@example.com",
            what: Words(
                "the laptop's session after the phone logged out", id: "session laptop setelah HP logout"))
    }

    Check(
        Words(
            "a session unused for 30 minutes is over, and one used 29 minutes ago is not (idle timeout, ASVS 7.3.1)",
            id:
                "session yang tidak dipakai selama 30 menit berakhir, dan yang dipakai 29 menit lalu belum (idle timeout, ASVS 7.3.1)"
        ),
        hint: Words(
            "In liveSession compare request.now with the session's lastSeenAt: at sessionIdleTimeout or more, delete the session and return nil.",
            id:
                "Di liveSession, bandingkan request.now dengan lastSeenAt session-nya: kalau sudah sessionIdleTimeout atau lebih, hapus session-nya dan kembalikan nil."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "dewi.idle@example.com")
        let login = try S.logIn(t, "dewi.idle@example.com")
        try t.advanceClock(by: .minutes(29))
        try expectAlive(
            t, login.token, "dewi.idle@example.com",
            what: Words(
                "a session last used 29 minutes ago", id: "session yang terakhir dipakai 29 menit lalu"),
            hint: Words(
                "The idle limit is 30 minutes (sessionIdleTimeout, in seconds): a session used 29 minutes ago is still alive.",
                id:
                    "Batas idle-nya 30 menit (sessionIdleTimeout, dalam detik): session yang dipakai 29 menit lalu masih hidup."
            ))
        try t.advanceClock(by: .minutes(31))
        try S.expectRefused(
            try S.me(t, cookie: cookie(login.token)),
            sent: Words(
                "a session nobody used for 31 minutes",
                id: "session yang tidak dipakai siapa pun selama 31 menit"))
    }

    Check(
        Words(
            "activity keeps a session alive: the idle time counts from the last request (ASVS 7.3.1)",
            id:
                "aktivitas membuat session tetap hidup: waktu idle dihitung dari request terakhir (ASVS 7.3.1)"
        ),
        hint: Words(
            "Each time liveSession accepts a session, record the activity with sessions.touch(idHash:at: request.now), and measure the idle time from lastSeenAt, not createdAt.",
            id:
                "Setiap kali liveSession menerima sebuah session, catat aktivitasnya dengan sessions.touch(idHash:at: request.now), dan ukur waktu idle dari lastSeenAt, bukan createdAt."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "eka.active@example.com")
        let login = try S.logIn(t, "eka.active@example.com")
        for round in 1...4 {
            try t.advanceClock(by: .minutes(20))
            try expectAlive(
                t, login.token, "eka.active@example.com",
                what: Words(
                    "a session used every 20 minutes, \(round * 20) minutes after its login",
                    id: "session yang dipakai setiap 20 menit, \(round * 20) menit setelah login"))
        }
    }

    Check(
        Words(
            "a session ends 12 hours after its login, however busy it is (absolute timeout, ASVS 7.3.2)",
            id: "session berakhir 12 jam setelah login, sesibuk apa pun (absolute timeout, ASVS 7.3.2)"),
        hint: Words(
            "Besides the idle limit, compare request.now with the session's createdAt: at sessionAbsoluteTimeout (12 hours) or more it is over, even if it was used a minute ago.",
            id:
                "Selain batas idle, bandingkan request.now dengan createdAt session-nya: kalau sudah sessionAbsoluteTimeout (12 jam) atau lebih, session-nya berakhir, walaupun baru dipakai semenit lalu."
        ),
        needs: sessionsWork.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "fajar.busy@example.com")
        let login = try S.logIn(t, "fajar.busy@example.com")
        // 28 × 25 minutes = 11 h 40 min of steady use, then 11 h 55 min, then 12 h 5 min.
        for _ in 1...28 {
            try t.advanceClock(by: .minutes(25))
            try expectAlive(
                t, login.token, "fajar.busy@example.com",
                what: Words(
                    "a session in steady use for less than 12 hours",
                    id: "session yang terus dipakai kurang dari 12 jam"
                ))
        }
        try t.advanceClock(by: .minutes(15))
        try expectAlive(
            t, login.token, "fajar.busy@example.com",
            what: Words("a session 11 hours 55 minutes old", id: "session berumur 11 jam 55 menit"),
            hint: Words(
                "The absolute limit is 12 hours after the login: a session used all day is still alive at 11 hours 55 minutes.",
                id:
                    "Batas absolutnya 12 jam setelah login: session yang dipakai seharian masih hidup di 11 jam 55 menit."
            ))
        try t.advanceClock(by: .minutes(10))
        try S.expectRefused(
            try S.me(t, cookie: cookie(login.token)),
            sent: Words(
                "a session 12 hours 5 minutes old, used 10 minutes ago",
                id: "session berumur 12 jam 5 menit, dipakai 10 menit lalu"))
    }

    Check(passwordChanges, needs: sessionsWork.en) { t in
        try Accounts.start(t)
        try S.signUp(t, "gita.password@example.com")
        let login = try S.logIn(t, "gita.password@example.com")
        let newPassword = "a brand new long passphrase"
        try changePassword(t, nil, from: S.password, to: newPassword).expectStatus(401)
        try changePassword(t, login.token, from: "not the current one", to: newPassword).expectStatus(403)
        try changePassword(t, login.token, from: S.password, to: "short").expectProblem(status: 422)
        try changePassword(t, login.token, from: S.password, to: newPassword).expectStatus(204)
        t.http.cookies.removeAll()
        try t.http.post("/sessions", json: Accounts.credentials("gita.password@example.com", S.password))
            .expectStatus(401)
        _ = try S.logIn(t, "gita.password@example.com", password: newPassword)
    }

    Check(
        Words(
            "changing the password ends every other session of the account and keeps this one (ASVS 7.4.3)",
            id:
                "mengganti password mengakhiri semua session lain dari akun itu dan mempertahankan yang ini (ASVS 7.4.3)"
        ),
        hint: Words(
            "Whoever learnt the old password may be logged in on another device. In endOtherSessions call sessions.deleteAll(accountID: session.accountID, keeping: session.idHash): the other sessions end, the one that made the change stays.",
            id:
                "Siapa pun yang tahu password lama mungkin sedang login di perangkat lain. Di endOtherSessions, panggil sessions.deleteAll(accountID: session.accountID, keeping: session.idHash): session lain berakhir, session yang melakukan penggantian tetap ada."
        ),
        needs: passwordChanges.en
    ) { t in
        try Accounts.start(t)
        try S.signUp(t, "hana.owner@example.com")
        try S.signUp(t, "irfan.bystander@example.com")
        let laptop = try S.logIn(t, "hana.owner@example.com")
        let thief = try S.logIn(t, "hana.owner@example.com")
        let bystander = try S.logIn(t, "irfan.bystander@example.com")
        try changePassword(t, laptop.token, from: S.password, to: "a brand new long passphrase").expectStatus(
            204)
        try S.expectRefused(
            try S.me(t, cookie: cookie(thief.token)),
            sent: Words(
                "another session of the account, after the password change",
                id: "session lain dari akun itu, setelah password diganti"))
        try expectAlive(
            t, laptop.token, "hana.owner@example.com",
            what: Words(
                "the session that changed the password", id: "session yang mengganti password-nya"))
        try expectAlive(
            t, bystander.token, "irfan.bystander@example.com",
            what: Words(
                "another account's session, after Hana changed her password",
                id: "session akun lain, setelah Hana mengganti password-nya"))
    }
}
