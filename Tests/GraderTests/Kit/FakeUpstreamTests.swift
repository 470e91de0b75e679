#if os(Linux)
    import BackendKit
    import Foundation
    import Grader
    import Testing

    @testable import GraderKit

    /// Fake upstreams and the fake mail service, called by BackendKit's outbound client over real
    /// sockets: each behaviour looks on the wire like the failure it imitates.
    @Suite(.timeLimit(.minutes(1)))
    struct FakeUpstreamTests {
        /// For the behaviours that must end in a read timeout.
        private let quick = OutboundClient.Timeouts(
            connect: .milliseconds(500), read: .milliseconds(400), total: .seconds(3))
        /// For everything else: a loaded CI machine can pause a fake's thread for longer than 0.4 s,
        /// and that must not turn a close, a reset or a trickle into a read timeout.
        private let patient = OutboundClient.Timeouts(
            connect: .seconds(5), read: .seconds(10), total: .seconds(20))

        @Test func behaviours_areTakenInOrder_thenTheLastRepeats_andEveryRequestIsLogged() async throws {
            let upstream = try FakeUpstream(name: "payments")
            defer { upstream.stop() }
            try upstream.on(.post, "/charges", [.status(503), .json(["id": "ch_1"], status: 201)])
            let client = try OutboundClient(baseURL: upstream.url, timeouts: patient)
            var statuses: [Int] = []
            for attempt in 1...3 {
                statuses.append(
                    try await client.post(
                        "/charges?try=\(attempt)", json: ["n": .number(Double(attempt))],
                        headers: ["Idempotency-Key": "k"]
                    ).status.code)
            }
            #expect(statuses == [503, 201, 201])
            let logged = upstream.requests(to: "/charges")
            #expect(logged.map(\.target) == ["/charges?try=1", "/charges?try=2", "/charges?try=3"])
            #expect(logged.allSatisfy { $0.headers["Idempotency-Key"] == "k" && $0.method == "POST" })
            #expect(logged[2].json == ["n": 3])
            #expect(logged.gaps.count == 2)
            let other = try await client.get("/refunds")
            #expect(other.status.code == 501)
            #expect(
                other.bodyText
                    == "fake upstream \"payments\" has no behaviour for GET /refunds; scripted: POST /charges"
            )
        }

        @Test func failureBehaviours_lookLikeRealFailuresToTheClient() async throws {
            let upstream = try FakeUpstream(name: "flaky")
            defer { upstream.stop() }
            try upstream.on(.get, "/drop", [.drop])
            try upstream.on(.get, "/reset", [.reset])
            try upstream.on(.get, "/never", [.neverAnswer])
            try upstream.on(.get, "/slow", [.delay(.milliseconds(600), then: .text("late"))])
            try upstream.on(
                .get, "/trickle",
                [
                    .trickle(
                        status: 200, body: Data("abcdef".utf8), chunkBytes: 2, interval: .milliseconds(100))
                ])
            let client = try OutboundClient(baseURL: upstream.url, timeouts: patient)
            let impatient = try OutboundClient(baseURL: upstream.url, timeouts: quick)
            let base = upstream.url
            await #expect(throws: OutboundError.closedEarly(url: base + "/drop", receivedBytes: 0)) {
                try await client.get("/drop")
            }
            await #expect(throws: OutboundError.connectionReset(url: base + "/reset", receivedBytes: 0)) {
                try await client.get("/reset")
            }
            await #expect(
                throws: OutboundError.readTimeout(
                    url: base + "/never", after: .milliseconds(400), receivedBytes: 0)
            ) {
                try await impatient.get("/never")
            }
            await #expect(
                throws: OutboundError.readTimeout(
                    url: base + "/slow", after: .milliseconds(400), receivedBytes: 0)
            ) {
                try await impatient.get("/slow")
            }
            #expect(try await client.get("/trickle").bodyText == "abcdef")
        }

        @Test func misconfiguredScripts_areRefusedNamingTheMistake() throws {
            let upstream = try FakeUpstream(name: "payments")
            defer { upstream.stop() }
            func message(_ script: () throws -> Void) -> String? {
                do {
                    try script()
                    return nil
                } catch {
                    return "\(error)"
                }
            }
            #expect(
                message { try upstream.on(.post, "charges", [.status(200)]) }
                    == "fake upstream \"payments\": the route POST charges must start with /")
            #expect(
                message { try upstream.on(.post, "/charges", []) }
                    == "fake upstream \"payments\": the route POST /charges needs at least one behaviour")
            #expect(
                message { try upstream.on(.post, "/charges", [.status(200), .status(99)]) }
                    == "fake upstream \"payments\": behaviour 2 of POST /charges: the status 99 is not an HTTP status (100 to 599)"
            )
            #expect(
                message { try upstream.on(.get, "/x", [.delay(.seconds(-1), then: .drop)]) }
                    == "fake upstream \"payments\": behaviour 1 of GET /x: the delay -1.0 seconds is negative"
            )
            #expect(
                message {
                    try upstream.on(
                        .get, "/x", [.trickle(status: 200, body: Data(), chunkBytes: 0, interval: .zero)])
                }
                    == "fake upstream \"payments\": behaviour 1 of GET /x: a trickle needs chunkBytes of 1 or more, not 0"
            )
            #expect(
                message { _ = try FakeUpstream(name: "") }
                    == "fake upstream \"\": give the fake upstream a name")
        }

        @Test func fakeMail_storesMessages_refusesBadOnes_andFailsOnRequest() async throws {
            let mail = try FakeMailService()
            defer { mail.upstream.stop() }
            let client = try OutboundClient(baseURL: mail.url, timeouts: patient)
            let message: JSONValue = ["from": "a@x", "to": ["b@x", "c@x"], "subject": "Hi", "text": "Hello"]
            mail.failNext(1)
            #expect(try await client.post("/messages", json: message).status.code == 503)
            let accepted = try await client.post("/messages", json: message)
            #expect(accepted.status.code == 202)
            #expect(try accepted.json() == ["id": "msg-1"])
            #expect(try await client.post("/messages", json: ["to": "b@x"]).status.code == 422)
            let sent = try mail.waitForMessages(1)
            #expect(sent.map(\.to) == [["b@x", "c@x"]])
            #expect(sent.first?.subject == "Hi" && sent.first?.text == "Hello")
            #expect(throws: CheckFailure.self) { try mail.waitForMessages(2, timeout: .milliseconds(100)) }
        }

        @Test func fakeMail_deliversASendWithAKnownIdempotencyKeyOnce_andAnswersItAsTheFirst() async throws {
            let mail = try FakeMailService()
            defer { mail.upstream.stop() }
            let client = try OutboundClient(baseURL: mail.url, timeouts: patient)
            let message: JSONValue = ["from": "a@x", "to": "b@x", "subject": "Receipt", "text": "Thanks"]
            let keyed: HTTPHeaders = ["Idempotency-Key": "receipt-7"]
            let first = try await client.post("/messages", json: message, headers: keyed)
            let again = try await client.post("/messages", json: message, headers: keyed)
            _ = try await client.post("/messages", json: message)
            #expect(try first.json() == ["id": "msg-1"] && again.json() == ["id": "msg-1"])
            #expect(again.status.code == 202)
            #expect(mail.messages.map(\.idempotencyKey) == ["receipt-7", nil])
            #expect(mail.attempts.count == 3)
            #expect(mail.waitForAttempts(4, timeout: .milliseconds(100)) == nil)
        }

        @Test func fakeMail_followsItsScript_thenAcceptsAgain() async throws {
            let mail = try FakeMailService()
            defer { mail.upstream.stop() }
            var quick = patient
            quick.total = .milliseconds(400)
            let client = try OutboundClient(baseURL: mail.url, timeouts: quick)
            let message: JSONValue = ["from": "a@x", "to": "b@x", "subject": "Hi", "text": "Hello"]
            mail.script([.fail(429), .hang, .acceptAndHold, .trickle])
            // A body that is not a message is refused without using up a step of the script.
            #expect(try await client.post("/messages", json: ["to": "b@x"]).status.code == 422)
            #expect(try await client.post("/messages", json: message).status.code == 429)
            await #expect(throws: (any Error).self) { try await client.post("/messages", json: message) }
            #expect(mail.messages.isEmpty)
            await #expect(throws: (any Error).self) { try await client.post("/messages", json: message) }
            #expect(mail.messages.map(\.id) == ["msg-1"])  // delivered, though the sender never heard
            await #expect(throws: (any Error).self) { try await client.post("/messages", json: message) }
            #expect(try await client.post("/messages", json: message).status.code == 202)
            #expect(mail.messages(atLeast: 2, within: .seconds(1)).map(\.id) == ["msg-1", "msg-2"])
        }

        @Test func aFakeMailWhoseHandleACheckDropped_stillAcceptsMail_untilTheChecksEnd() async throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                "mail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let t = TestContext(exerciseID: "mail", serverExecutable: "/bin/false", workDirectory: folder)
            let url = try t.fakeMail().url  // the handle is gone after this line
            let client = try OutboundClient(baseURL: url, timeouts: patient)
            let message: JSONValue = ["from": "a@x", "to": "b@x", "subject": "Hi", "text": "Hello"]
            #expect(try await client.post("/messages", json: message).status.code == 202)
            t.tearDown()
        }

        @Test func roundRobinFront_alternatesBackends_andSkipsADeadOne() throws {
            let first = try FakeUpstream(name: "one")
            let second = try FakeUpstream(name: "two")
            defer {
                first.stop()
                second.stop()
            }
            try first.on(.get, "/who", [.text("one")])
            try second.on(.get, "/who", [.text("two")])
            let (closed, deadPort) = try LoopbackSocket.listen()
            close(closed)
            let front = try RoundRobinFront(backends: [{ first.port }, { deadPort }, { second.port }])
            defer { front.stop() }
            let answers = try (0..<4).map { _ in try front.http.get("/who").text }
            #expect(answers == ["one", "two", "one", "two"])
            #expect(front.connectionsPerInstance == [2, 0, 2])
        }

        /// Timing-free: a request sent whole would arrive before the client's hold ends, so every
        /// arrival coming after the hold shows each last byte was kept back until all were connected.
        @Test func simultaneousRequests_allArriveOnlyAfterEveryConnectionHeldItsLastByte() throws {
            let upstream = try FakeUpstream(name: "race")
            defer { upstream.stop() }
            try upstream.on(.post, "/redeem", [.status(200)])
            let client = HTTPClient(endpoint: { upstream.port }, diagnose: { nil })
            let started = ContinuousClock.now
            let results = try client.sendSimultaneously(10, RawRequest(.post, "/redeem").json(["code": "X"]))
            #expect(results.allSatisfy { (try? $0.get().status) == 200 })
            let arrivals = upstream.requests(to: "/redeem").map(\.arrival)
            #expect(arrivals.count == 10)
            #expect(
                arrivals.allSatisfy { $0 >= started + HTTPClient.simultaneousHold },
                "a request arrived before the hold ended")
        }
    }
#endif
