import GraderKit

let clock = ExerciseTests("kit01-clock") {
    Check(Words(english: "a session is still valid after 14 idle minutes")) { t in
        try start(t)
        let login = try t.http.post("/sessions", json: ["user": "ayu"]).expectStatus(201)
        let cookie = try sessionCookie(login)
        try t.advanceClock(by: .minutes(14))
        let me = try t.http.get("/me", headers: ["Cookie": cookie]).expectStatus(200)
        try t.requireServerClockMoved(me)
    }

    Check(
        Words(english: "a session expires after 15 idle minutes"),
        hint: Words(english: "Compare the last activity with request.now.")
    ) {
        t in
        let login = try t.http.post("/sessions", json: ["user": "budi"]).expectStatus(201)
        let cookie = try sessionCookie(login)
        try t.advanceClock(by: .minutes(16))
        try t.http.get("/me", headers: ["Cookie": cookie]).expectStatus(401)
    }

    Check(Words(english: "the clock keeps its offset across a restart")) { t in
        try t.restartServer()
        let response = try t.http.get("/hello").expectStatus(200)
        try t.requireServerClockMoved(response)
    }
}
