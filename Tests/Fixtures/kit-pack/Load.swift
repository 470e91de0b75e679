import GraderKit

let load = ExerciseTests("kit05-load") {
    Check(
        Words(english: "GET /hello keeps its latency under a steady 400 requests per second"),
        timeout: .seconds(20)
    ) { t in
        try start(t)
        let plan = LoadPlan(rate: 400, duration: .seconds(2), connections: 16, warmup: .milliseconds(300))
        try t.compareLoad(.get("/hello"), plan: plan)
            .expectNoErrors()
            .expectP99(atMost: 4, hint: Words(english: "Something in the handler blocks its event loop."))
    }
}
