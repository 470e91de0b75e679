import GraderKit

let instances = ExerciseTests("kit02-instances") {
    Check(
        Words(english: "a session created on instance 1 is valid on instance 3"),
        hint: Words(english: "Keep sessions in the database.")
    ) {
        t in
        try start(t)
        let servers = try t.startInstances(3, environment: ["KIT_SECRET": secret])
        let login = try servers[0].http.post("/sessions", json: ["user": "citra"]).expectStatus(201)
        let me = try servers[2].http.get("/me", headers: ["Cookie": try sessionCookie(login)])
        try me.expectStatus(
            200,
            hint: Words(
                english: "Instance 3 does not know a session instance 1 created: is it kept in memory?"))
        let shown = try servers[1].http.get("/whoami").expectStatus(200).json()
        try requireEqual(
            shown["instance"]?.string, "2", Words(english: "BACKENDLINGS_INSTANCE of the second instance"))
    }

    Check(Words(english: "the rate limit holds across instances behind a round-robin front")) { t in
        let servers = try t.startInstances(2, environment: ["KIT_SECRET": secret])
        let front = try t.roundRobin(servers)
        for _ in 1...5 { try front.http.get("/limited").expectStatus(200) }
        try front.http.get("/limited").expectStatus(
            429,
            hint: Words(
                english: "Each instance counted on its own: count in the database every instance shares."))
        try requireEqual(
            front.connectionsPerInstance, [3, 3], Words(english: "the connections each instance received"))
    }

    Check(Words(english: "instances a check stopped make room for new ones, which get new numbers")) { t in
        // 5 are running from the checks before: 3 more reach the limit of 8.
        let full = try t.startInstances(3, environment: ["KIT_SECRET": secret])
        try requireEqual(
            full.map(\.acceptsConnections), [true, true, true],
            Words(english: "whether each running instance accepts connections"))
        for server in full { server.server.stop() }
        try requireEqual(
            full.map(\.acceptsConnections), [false, false, false],
            Words(english: "whether each stopped instance accepts connections"))
        let again = try t.startInstances(3, environment: ["KIT_SECRET": secret])
        let numbers = try again.map {
            try $0.http.get("/whoami").expectStatus(200).json()["instance"]?.string
        }
        try requireEqual(
            numbers, ["9", "10", "11"], Words(english: "BACKENDLINGS_INSTANCE of the instances started last"))
    }
}
