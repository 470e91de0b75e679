// fixture-grader: a compiled grader with three plain checks, for the grader's self-tests.
//
// Run it like any module's grader, `--exercise fixture --server <grader-fixture>`, with the fixture's
// misbehaviour in GRADER_FIXTURE_MODE (a grader passes no arguments to the server). It shows how a
// whole grading run ends against each misbehaving server, and what is left when its runner is killed.
//
// `--exercise languages` (against the `ok` mode) has checks written in both languages and in
// English only, to show what `--lang id` and `--lang en` make of each.
//
// `--exercise learner-files` judges the `Containerfile` in `--learner-folder` without starting the
// server, as an Ops exercise's checks do.
import GraderKit

let fixture = ExerciseTests("fixture") {
    for number in 1...3 {
        Check(Words(english: "GET /hello answers 200 (\(number) of 3)")) { t in
            try t.http.get("/hello").expectStatus(200)
        }
    }
}

let created = Words("GET /hello answers 201 Created", id: "GET /hello menjawab 201 Created")

let languages = ExerciseTests("languages") {
    Check(Words("GET /hello answers 200", id: "GET /hello menjawab 200")) { t in
        try t.http.get("/hello").expectStatus(200)
    }
    Check(
        created,
        hint: Words(
            "A request that creates something is answered 201 Created.",
            id: "Request yang membuat sesuatu dijawab dengan 201 Created.")
    ) { t in
        try t.http.get("/hello").expectStatus(201)
    }
    Check(Words(english: "GET /hello is still there"), needs: created.en) { t in
        try t.http.get("/hello").expectStatus(200)
    }
    Check(
        Words(english: "GET /missing says why in English"),
        hint: Words(english: "This pack ships English only.")
    ) { t in
        let response = try t.http.get("/missing")
        try require(
            response.status == 200, Words(english: "the body says \(response.text)"), response: response)
    }
    Check(Words("GET /hello says goodbye", id: "GET /hello bilang goodbye")) { t in
        let response = try t.http.get("/hello")
        guard response.text == "goodbye" else {
            throw response.failure(
                Words(
                    "the body is \"\(response.text)\", not \"goodbye\"",
                    id: "body-nya \"\(response.text)\", bukan \"goodbye\""),
                hint: Words(english: "Only the hint is English here."))
        }
    }
}

let learnerFiles = ExerciseTests("learner-files") {
    Check(
        Words("The Containerfile starts FROM an image", id: "Containerfile dimulai dengan FROM sebuah image")
    ) { t in
        let text = try t.learnerFile("Containerfile")
        try require(
            text.split(separator: "\n").contains { $0.hasPrefix("FROM ") },
            Words("the Containerfile has no FROM line", id: "Containerfile tidak punya baris FROM"))
    }
}

GraderMain.run([fixture, languages, learnerFiles])
