import BackendKit
import Foundation
import GraderKit

private typealias A = Authz

/// The check that shows the task routes work for their owner; every other check needs it.
private let tasksWork = Words(
    "POST /tasks makes a task its owner sees in GET /tasks and GET /tasks/:id; without a session it is 401",
    id:
        "POST /tasks membuat task yang dilihat pemiliknya di GET /tasks dan GET /tasks/:id; tanpa session jawabannya 401"
)

/// The check that shows PATCH /me changes the display name; the mass-assignment check needs it.
private let profileWorks = Words(
    "PATCH /me with {\"display_name\"} changes the display name and answers it",
    id: "PATCH /me dengan {\"display_name\"} mengganti nama tampilan dan menjawabnya")

/// The check that shows an admin seeded in the database gets GET /admin/accounts.
private let adminWorks = Words(
    "GET /admin/accounts answers 200 with every account to an admin (the role set in the database)",
    id: "GET /admin/accounts menjawab 200 dengan semua akun untuk admin (role-nya diatur di database)")

let authorization = ExerciseTests("auth10-authorization") {
    Check(
        tasksWork,
        hint: Words(
            "signedInAccount: liveSession(request, in: sessions), then accounts.find(id: session.accountID); throw HTTPError.unauthorized when either is nil. authorize: tasks.find(id: taskID).",
            id:
                "signedInAccount: liveSession(request, in: sessions), lalu accounts.find(id: session.accountID); lempar HTTPError.unauthorized kalau salah satunya nil. authorize: tasks.find(id: taskID)."
        )
    ) { t in
        try Accounts.start(t)
        let ayu = try A.member(t, "ayu.tasks@example.com")
        let id = try A.task(t, "Write the release notes", of: ayu)
        let list = try A.send(t, "GET", "/tasks", as: ayu).expectStatus(200)
        try require(
            (try list.json().array ?? []).contains { $0["id"]?.int == id },
            Words(
                "GET /tasks does not list the task its owner just made (id \(id))",
                id: "GET /tasks tidak mendaftar task yang baru dibuat pemiliknya (id \(id))"), response: list)
        let shown = try A.send(t, "GET", "/tasks/\(id)", as: ayu).expectStatus(200)
        try requireEqual(
            try shown.json()["title"]?.string, "Write the release notes",
            Words("the title GET /tasks/\(id) answers", id: "title yang dijawab GET /tasks/\(id)"),
            response: shown)
        try A.send(t, "GET", "/tasks", as: nil).expectStatus(
            401,
            hint: Words(
                "Without a live session there is nobody to show tasks to: signedInAccount must throw HTTPError.unauthorized.",
                id:
                    "Tanpa session yang hidup, tidak ada orang yang bisa ditunjukkan task-nya: signedInAccount harus melempar HTTPError.unauthorized."
            ))
        try A.send(t, "POST", "/tasks", as: nil, json: ["title": "Nobody's task"]).expectStatus(401)
    }

    Check(
        Words(
            "GET /tasks/:id of another account's task is 404, exactly like a task that does not exist, never 403 (BOLA/IDOR, ASVS 8.2.2)",
            id:
                "GET /tasks/:id untuk task milik akun lain dijawab 404, persis seperti task yang tidak ada, tidak pernah 403 (BOLA/IDOR, ASVS 8.2.2)"
        ),
        hint: Words(
            "In authorize, treat a task whose ownerID is not account.id exactly as a task that is not found: one guard, one HTTPError.notFound, the same detail text.",
            id:
                "Di authorize, perlakukan task yang ownerID-nya bukan account.id persis seperti task yang tidak ditemukan: satu guard, satu HTTPError.notFound, teks detail yang sama."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let ayu = try A.member(t, "ayu.owner@example.com")
        let mallory = try A.member(t, "mallory.reader@example.com")
        let first = try A.task(t, "Ayu's salary review", of: ayu)
        let second = try A.task(t, "Ayu's private notes", of: ayu)
        let own = try A.task(t, "Mallory's own task", of: mallory)
        // Ids count up, so Mallory only has to try the numbers below her own.
        let missing = try A.send(t, "GET", "/tasks/\(own + 1000)", as: mallory)
        for id in [first, second] {
            let response = try A.send(t, "GET", "/tasks/\(id)", as: mallory)
            try A.expectLikeMissing(
                response, missing,
                what: Words(
                    "GET /tasks/\(id) (Ayu's task) with Mallory's session",
                    id: "GET /tasks/\(id) (task milik Ayu) dengan session Mallory"))
        }
    }

    Check(
        Words(
            "PATCH and DELETE of another account's task are 404 like a missing task and change nothing (ASVS 8.2.2)",
            id:
                "PATCH dan DELETE untuk task milik akun lain dijawab 404 seperti task yang tidak ada dan tidak mengubah apa pun (ASVS 8.2.2)"
        ),
        hint: Words(
            "Check the owner for every action, not only for reading: authorize gets .change and .delete too, and must refuse them the same way.",
            id:
                "Periksa pemiliknya untuk setiap aksi, bukan hanya untuk membaca: authorize juga menerima .change dan .delete, dan harus menolaknya dengan cara yang sama."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let ayu = try A.member(t, "ayu.writer@example.com")
        let mallory = try A.member(t, "mallory.writer@example.com")
        let id = try A.task(t, "Ayu's budget", of: ayu)
        let own = try A.task(t, "Mallory's own task", of: mallory)
        let patchMissing = try A.send(t, "PATCH", "/tasks/\(own + 1000)", as: mallory, json: ["done": true])
        let change = try A.send(
            t, "PATCH", "/tasks/\(id)", as: mallory, json: ["title": "Hacked by Mallory", "done": true])
        try A.expectLikeMissing(
            change, patchMissing,
            what: Words(
                "PATCH /tasks/\(id) (Ayu's task) with Mallory's session",
                id: "PATCH /tasks/\(id) (task milik Ayu) dengan session Mallory"))
        let deleteMissing = try A.send(t, "DELETE", "/tasks/\(own + 1000)", as: mallory)
        let delete = try A.send(t, "DELETE", "/tasks/\(id)", as: mallory)
        try A.expectLikeMissing(
            delete, deleteMissing,
            what: Words(
                "DELETE /tasks/\(id) (Ayu's task) with Mallory's session",
                id: "DELETE /tasks/\(id) (task milik Ayu) dengan session Mallory"))
        let stored = try A.storedTask(t, id)
        try require(
            stored?.title == "Ayu's budget" && stored?.done == false,
            Words(
                "Ayu's task \(id) was changed or deleted by Mallory's requests: it is now \(stored.map { "\($0.title), done \($0.done)" } ?? "gone")",
                id:
                    "task \(id) milik Ayu diubah atau dihapus oleh request Mallory: sekarang \(stored.map { "\($0.title), done \($0.done)" } ?? "hilang")"
            ))
        // The owner still can.
        try A.send(t, "DELETE", "/tasks/\(id)", as: ayu).expectStatus(204)
    }

    Check(
        Words(
            "GET /tasks lists only the caller's own tasks (ASVS 8.2.2)",
            id: "GET /tasks hanya mendaftar task milik pemanggil sendiri (ASVS 8.2.2)"),
        hint: Words(
            "visibleTasks must ask the store for the account's tasks only: tasks.list(ownerID: account.id), not every row.",
            id:
                "visibleTasks harus meminta store hanya task milik akun itu: tasks.list(ownerID: account.id), bukan semua baris."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let ayu = try A.member(t, "ayu.list@example.com")
        let budi = try A.member(t, "budi.list@example.com")
        let ayus = [try A.task(t, "Ayu one", of: ayu), try A.task(t, "Ayu two", of: ayu)]
        let budis = [try A.task(t, "Budi one", of: budi)]
        for (member, own, others) in [(ayu, ayus, budis), (budi, budis, ayus)] {
            let list = try A.send(t, "GET", "/tasks", as: member).expectStatus(200)
            let ids = (try list.json().array ?? []).compactMap { $0["id"]?.int }
            try require(
                Set(ids) == Set(own),
                Words(
                    "GET /tasks as \(member.email) listed the ids \(ids); its own tasks are \(own)\(Set(ids).isDisjoint(with: others) ? "" : ", and \(others) belong to another account")",
                    id:
                        "GET /tasks sebagai \(member.email) mendaftar id \(ids); task miliknya sendiri adalah \(own)\(Set(ids).isDisjoint(with: others) ? "" : ", dan \(others) milik akun lain")"
                ), response: list)
        }
    }

    Check(
        adminWorks,
        hint: Words(
            "requireAdmin: signedInAccount first, then account.role == \"admin\", the role as the accounts table holds it.",
            id:
                "requireAdmin: signedInAccount dulu, lalu account.role == \"admin\", role seperti yang disimpan tabel accounts."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let admin = try A.member(t, "admin.rina@example.com")
        _ = try A.member(t, "member.budi@example.com")
        try A.makeAdmin(t, admin)
        let response = try A.send(t, "GET", "/admin/accounts", as: admin).expectStatus(200)
        let emails = (try response.json().array ?? []).compactMap { $0["email"]?.string }
        try require(
            Set(emails).isSuperset(of: ["admin.rina@example.com", "member.budi@example.com"]),
            Words(
                "GET /admin/accounts answered the emails \(emails); expected both accounts",
                id: "GET /admin/accounts menjawab email \(emails); seharusnya kedua akun"), response: response
        )
        try require(
            !response.text.contains("pbkdf2"),
            Words(
                "GET /admin/accounts shows password hashes: even an admin never needs them",
                id: "GET /admin/accounts menampilkan hash password: admin pun tidak pernah membutuhkannya"),
            response: response)
    }

    Check(
        Words(
            "GET /admin/accounts is 401 without a session and 403 for a member (ASVS 8.2.1)",
            id: "GET /admin/accounts dijawab 401 tanpa session dan 403 untuk member (ASVS 8.2.1)"),
        hint: Words(
            "A session only says who the caller is, not what they may do: after signedInAccount, requireAdmin must throw HTTPError.forbidden unless account.role is \"admin\".",
            id:
                "Session hanya mengatakan siapa pemanggilnya, bukan apa yang boleh dilakukannya: setelah signedInAccount, requireAdmin harus melempar HTTPError.forbidden kecuali account.role bernilai \"admin\"."
        ),
        needs: adminWorks.en
    ) { t in
        try Accounts.start(t)
        let member = try A.member(t, "member.sari@example.com")
        try A.send(t, "GET", "/admin/accounts", as: nil).expectStatus(401)
        let response = try A.send(t, "GET", "/admin/accounts", as: member)
        try response.expectStatus(403)
        try require(
            !response.text.contains("member.sari@example.com"),
            Words("the 403 answer lists accounts", id: "jawaban 403 itu mendaftar akun"), response: response)
    }

    Check(
        Words(
            "the role is read from the database: an X-Role header, a role cookie or ?role=admin makes a member no admin (ASVS 8.3.1)",
            id:
                "role dibaca dari database: header X-Role, cookie role, atau ?role=admin tidak menjadikan member sebagai admin (ASVS 8.3.1)"
        ),
        hint: Words(
            "Everything in a request is written by the client, who can write anything. Decide with account.role from accounts.find, never with a header, a cookie, the query or the body.",
            id:
                "Semua isi request ditulis oleh client, yang bisa menulis apa saja. Putuskan dengan account.role dari accounts.find, jangan pernah dengan header, cookie, query, atau body."
        ),
        needs: adminWorks.en
    ) { t in
        try Accounts.start(t)
        let member = try A.member(t, "member.eka@example.com")
        let attempts: [(target: String, headers: [String: String], what: Words)] = [
            (
                "/admin/accounts", ["X-Role": "admin", "X-User-Role": "admin", "X-Admin": "true"],
                Words(
                    "X-Role: admin (and X-User-Role, X-Admin) headers",
                    id: "header X-Role: admin (dan X-User-Role, X-Admin)")
            ),
            (
                "/admin/accounts", ["Cookie": "role=admin; is_admin=true"],
                Words("a role=admin cookie", id: "cookie role=admin")
            ),
            ("/admin/accounts?role=admin", [:], Words("?role=admin in the URL", id: "?role=admin di URL")),
        ]
        for attempt in attempts {
            let response = try A.send(t, "GET", attempt.target, as: member, headers: attempt.headers)
            try require(
                response.status == 403,
                Words(
                    "GET \(attempt.target) with a member's session and \(attempt.what.en) was answered \(response.status); expected 403: the client chose its own role",
                    id:
                        "GET \(attempt.target) dengan session member dan \(attempt.what[.id]) dijawab \(response.status); seharusnya 403: client memilih role-nya sendiri"
                ), response: response)
        }
    }

    Check(
        profileWorks,
        hint: Words(
            "ProfileChanges decodes display_name (CodingKeys), and updateProfile saves it with profiles.setDisplayName(_, accountID: account.id).",
            id:
                "ProfileChanges men-decode display_name (CodingKeys), dan updateProfile menyimpannya dengan profiles.setDisplayName(_, accountID: account.id)."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let member = try A.member(t, "fajar.profile@example.com")
        let response = try A.send(t, "PATCH", "/me", as: member, json: ["display_name": "Fajar"])
            .expectStatus(200)
        try requireEqual(
            try response.json()["display_name"]?.string, "Fajar",
            Words("the display_name PATCH /me answers", id: "display_name yang dijawab PATCH /me"),
            response: response)
        try A.send(t, "PATCH", "/me", as: nil, json: ["display_name": "Nobody"]).expectStatus(401)
    }

    Check(
        Words(
            "PATCH /me and sign-up never set role or id from the body (mass assignment, ASVS 8.2.3)",
            id:
                "PATCH /me dan sign-up tidak pernah mengatur role atau id dari body (mass assignment, ASVS 8.2.3)"
        ),
        hint: Words(
            "Decode the body into a struct that names only the fields a user may change (display_name). A struct with role or id in it, saved as a whole, lets anyone make themselves admin.",
            id:
                "Decode body ke struct yang hanya menyebut field yang boleh diubah pengguna (display_name). Struct yang berisi role atau id, lalu disimpan utuh, membuat siapa pun bisa menjadikan dirinya admin."
        ),
        needs: profileWorks.en
    ) { t in
        try Accounts.start(t)
        let victim = try A.member(t, "victim.first@example.com")
        let member = try A.member(t, "mallory.profile@example.com")
        let response = try A.send(
            t, "PATCH", "/me", as: member,
            json: ["display_name": "Mallory", "role": "admin", "id": .number(Double(victim.id))])
        try require(
            response.status < 500,
            Words(
                "PATCH /me with role and id in the body answered \(response.status)",
                id: "PATCH /me dengan role dan id di body dijawab \(response.status)"), response: response)
        try requireEqual(
            try A.role(t, member.id), "member",
            Words(
                "the role of \(member.email) in accounts after PATCH /me with \"role\": \"admin\"",
                id: "role \(member.email) di accounts setelah PATCH /me dengan \"role\": \"admin\""))
        try requireEqual(
            try A.role(t, victim.id), "member",
            Words("the role of the other account \(victim.email)", id: "role akun lain \(victim.email)"))
        let me = try A.send(t, "GET", "/me", as: member).expectStatus(200)
        try requireEqual(
            try me.json()["id"]?.int, member.id,
            Words(
                "the id GET /me answers after PATCH /me with another id",
                id: "id yang dijawab GET /me setelah PATCH /me dengan id lain"),
            response: me)
        try A.send(t, "GET", "/admin/accounts", as: member).expectStatus(403)
        // Sign-up decodes Credentials (email and password only); a role in it must change nothing.
        t.http.cookies.removeAll()
        try t.http.post(
            "/accounts",
            json: [
                "email": "mallory.signup@example.com", "password": "correct horse battery staple",
                "role": "admin",
            ]
        ).expectStatus(201, 202)
        let row = try t.database().queryOne(
            "SELECT role FROM accounts WHERE email = ?", "mallory.signup@example.com")
        try requireEqual(
            try row?.string("role"), "member",
            Words(
                "the role of an account signed up with \"role\": \"admin\" in the body",
                id: "role akun yang mendaftar dengan \"role\": \"admin\" di body"))
    }

    Check(
        Words(
            "a refused access is logged with the account id, method and path (ASVS 16.3.2)",
            id: "akses yang ditolak dicatat di log dengan id akun, method, dan path-nya (ASVS 16.3.2)"),
        hint: Words(
            "In logDenied, log through request.logger.warning with the account id, request.method and request.path as metadata: whoever reads the log can then see who probed whose data.",
            id:
                "Di logDenied, catat lewat request.logger.warning dengan id akun, request.method, dan request.path sebagai metadata: dengan begitu pembaca log bisa melihat siapa yang mengintip data siapa."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let ayu = try A.member(t, "ayu.logged@example.com")
        let mallory = try A.member(t, "mallory.logged@example.com")
        let id = try A.task(t, "Ayu's logged task", of: ayu)
        _ = try A.send(t, "GET", "/tasks/\(id)", as: mallory)
        try t.stopServer()
        let lines = t.serverOutput.split(whereSeparator: \.isNewline).filter {
            $0.contains("/tasks/\(id)") && !$0.contains(" 404 ")
        }
        try require(
            lines.contains { line in
                // The first word is the time, whose digits say nothing about who was refused.
                line.split(separator: " ").dropFirst().joined(separator: " ")
                    .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains {
                        $0 == "\(mallory.id)"
                    }
            },
            Words(
                "no line of the server's output names Mallory's account (id \(mallory.id)) beside GET /tasks/\(id), the task she was refused",
                id:
                    "tidak ada baris output server yang menyebut akun Mallory (id \(mallory.id)) di samping GET /tasks/\(id), task yang ditolak untuknya"
            ))
    }

    Check(
        Words(
            "no password, session token, cookie or JWT reaches the server's output (ASVS 16.2.5)",
            id:
                "tidak ada password, token session, cookie, atau JWT yang sampai ke output server (ASVS 16.2.5)"
        ),
        hint: Words(
            "Log what happened and who did it (an account id, a method, a path), never the request's headers or body: Cookie and Authorization carry the keys to the account.",
            id:
                "Catat apa yang terjadi dan siapa yang melakukannya (id akun, method, path), jangan pernah header atau body request: Cookie dan Authorization membawa kunci akun itu."
        ),
        needs: tasksWork.en
    ) { t in
        try Accounts.start(t)
        let password = "Log-hygiene passphrase 42"
        let ayuID = try SessionTests.signUp(t, "ayu.secrets@example.com", password: password)
        let ayu = A.Member(
            email: "ayu.secrets@example.com", id: ayuID,
            token: try SessionTests.logIn(t, "ayu.secrets@example.com", password: password).token)
        let mallory = try A.member(t, "mallory.secrets@example.com")
        let id = try A.task(t, "Ayu's task", of: ayu)
        let jwt = JWTs.token(t, account: ayuID)
        let requests: [(String, String, A.Member)] = [
            ("GET", "/tasks", ayu), ("GET", "/tasks/\(id)", mallory), ("PATCH", "/tasks/\(id)", mallory),
            ("DELETE", "/tasks/\(id)", mallory), ("GET", "/admin/accounts", ayu),
            ("GET", "/admin/accounts", mallory),
            ("PATCH", "/me", ayu),
        ]
        for (method, target, member) in requests {
            _ = try A.send(
                t, method, target, as: member, json: ["display_name": "Ayu", "title": "x"],
                headers: ["Authorization": "Bearer \(jwt)"])
        }
        t.http.cookies.removeAll()
        _ = try t.http.get("/api/me", headers: ["Authorization": "Bearer \(jwt)"])
        try t.stopServer()
        let output = t.serverOutput
        let signature = String(jwt.split(separator: ".").last ?? "")
        let secrets: [(String, Words)] =
            [
                (ayu.token, Words("Ayu's session token", id: "token session Ayu")),
                (mallory.token, Words("Mallory's session token", id: "token session Mallory")),
                (
                    "\(SessionTests.cookieName)=",
                    Words(
                        "a Cookie header (\(SessionTests.cookieName)=…)",
                        id: "header Cookie (\(SessionTests.cookieName)=…)")
                ),
                (signature, Words("a JWT's signature", id: "signature sebuah JWT")),
                (
                    "Bearer ",
                    Words("an Authorization header (Bearer …)", id: "header Authorization (Bearer …)")
                ),
            ] + Accounts.revealingForms(of: password).map { ($0, Words("a password", id: "sebuah password")) }
        for (secret, what) in secrets where !secret.isEmpty && output.contains(secret) {
            try fail(
                Words(
                    "the server's output shows \(what.en): whoever reads the logs can act as that user",
                    id:
                        "output server-nya menampilkan \(what[.id]): siapa pun yang membaca log bisa bertindak sebagai pengguna itu"
                ))
        }
    }
}
