import BackendKit
import GraderKit

let passwords = ExerciseTests("auth01-passwords") {
    Check(
        Words(
            "the accounts table never holds the password itself (ASVS 6.2)",
            id: "tabel accounts tidak pernah menyimpan password-nya sendiri (ASVS 6.2)")
    ) { t in
        try Accounts.start(t)
        let password = "correct horse battery staple"
        try t.http.post("/accounts", json: Accounts.credentials("ayu@example.com", password)).expectStatus(
            201)
        let row = try requireValue(
            try t.database().queryOne(
                "SELECT password_hash FROM accounts WHERE email = ?", "ayu@example.com"),
            Words("no row for ayu@example.com in accounts", id: "tidak ada baris ayu@example.com di accounts")
        )
        let stored = try row.string("password_hash")
        try require(
            !stored.contains(password),
            Words("password_hash holds the password as typed", id: "password_hash berisi password apa adanya")
        )
    }
}
