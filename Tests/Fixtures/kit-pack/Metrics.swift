import GraderKit

let metrics = ExerciseTests("kit08-metrics") {
    Check(Words(english: "/metrics is valid Prometheus text and counts requests")) { t in
        try start(t)
        for _ in 1...3 { try t.http.get("/hello").expectStatus(200) }
        let scrape = try t.scrapeMetrics()
        let hellos = try requireValue(
            scrape.value("http_requests_total", ["method": "GET", "status": "200"]),
            Words(english: "no http_requests_total{method=\"GET\",status=\"200\"}"))
        try require(
            hellos >= 3, Words(english: "http_requests_total counted \(hellos) GET 200 answers after 3"))
        try requireEqual(
            scrape.types["http_request_duration_seconds"], "histogram",
            Words(english: "the type of http_request_duration_seconds"))
        try requireEqual(
            scrape.samples(named: "kit_info").first?.labels["variant"], "\"correct\" \\ build",
            Words(english: "the escaped label value"))
    }
}
