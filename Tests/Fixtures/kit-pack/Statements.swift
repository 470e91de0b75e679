import GraderKit

let statements = ExerciseTests("kit06-statements") {
    Check(Words(english: "GET /authors loads every author's books in at most 2 statements")) { t in
        try start(t)
        try t.enableStatementLog()
        let response = try t.http.get("/authors").expectStatus(200)
        try t.expectStatements(
            for: response, atMost: 2, hint: Words(english: "Join the books to the authors in one query."))
    }

    Check(Words(english: "a transfer's lookup and writes run in one transaction")) { t in
        let response = try t.http.post("/transfers", json: ["amount": 10]).expectStatus(204)
        try t.expectOneTransaction(
            for: response, hint: Words(english: "Wrap the balance check and the updates in db.transaction."))
    }
}
