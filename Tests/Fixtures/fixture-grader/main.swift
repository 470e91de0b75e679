// fixture-grader: a compiled grader with three plain checks, for the grader's self-tests.
//
// Run it like any module's grader, `--exercise fixture --server <grader-fixture>`, with the fixture's
// misbehaviour in GRADER_FIXTURE_MODE (a grader passes no arguments to the server). It shows how a
// whole grading run ends against each misbehaving server, and what is left when its runner is killed.
import GraderKit

let fixture = ExerciseTests("fixture") {
    for number in 1...3 {
        Check("GET /hello answers 200 (\(number) of 3)") { t in try t.http.get("/hello").expectStatus(200) }
    }
}

GraderMain.run([fixture])
