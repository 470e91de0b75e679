import GraderKit

#if canImport(Glibc)
    import Glibc
#endif

let shutdown = ExerciseTests("kit03-shutdown") {
    Check(Words(english: "without KIT_SECRET the server refuses to start and names the variable")) { t in
        try t.expectStartFailure(removing: ["KIT_SECRET"]).expectNonZeroExit().expectOutput(
            mentions: "KIT_SECRET")
    }

    Check(Words(english: "a too-short KIT_SECRET is named, never printed")) { t in
        try t.expectStartFailure(environment: ["KIT_SECRET": "hunter2"])
            .expectNonZeroExit().expectOutput(mentions: "KIT_SECRET").expectOutput(omits: "hunter2")
    }

    Check(
        Words(english: "on SIGTERM it stops accepting, finishes requests in progress and exits 0"),
        timeout: .seconds(20)
    ) {
        t in
        try start(t)
        let seen = try t.observeShutdown(SIGTERM, inFlight: 3) { http in try http.get("/slow?ms=700") }
        try seen.expectStoppedAccepting(within: .milliseconds(500)).expectInFlightCompleted()
            .expectCleanExit()
        try require(seen.duration < .seconds(5), Words(english: "the shutdown took \(seen.duration)"))
    }

    Check(
        Words(english: "a reset still in the outbox at SIGTERM is delivered before the exit"),
        timeout: .seconds(20)
    ) { t in
        let mail = try t.fakeMail()
        mail.failNext(1)
        try start(t, ["MAIL_URL": mail.url])
        try t.http.post("/password-resets", json: ["email": "dewi@example.com"]).expectStatus(202)
        _ = mail.upstream.waitForRequests(1, to: "/messages")  // the first delivery failed
        let seen = try t.observeShutdown(SIGTERM)
        try seen.expectCleanExit()
        try mail.waitForMessages(1, timeout: .seconds(2))
    }
}
