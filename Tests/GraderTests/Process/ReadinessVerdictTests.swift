#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// A listening line that cannot be trusted is named at once, quoting the line, instead of the
    /// readiness deadline running out (which also told a server announcing port 0 that it printed
    /// no listening line).
    struct ReadinessVerdictTests {
        /// Starts `mode`, expects it to be refused, and returns the verdict and how long it took.
        private func refusal(_ mode: String, mark: ProcessTestMark) async throws -> (String, Duration) {
            let started = ContinuousClock.now
            do {
                let server = try await LearnerServer.start(GraderFixture.server(mode, mark: mark))
                await server.stop()
                Issue.record("\(mode) was accepted as ready")
                return ("", .zero)
            } catch let error as ServerLaunchError {
                return (error.message, ContinuousClock.now - started)
            }
        }

        /// The port the fixture really listened on, from the output it was given back.
        private func announcedLine(_ message: String) -> String {
            String(message.split(separator: "\"")[1])
        }

        @Test func serverAnnouncingPortZero_isToldSoAtOnce_withThePortItReallyGot() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (message, elapsed) = try await refusal("announce-port-zero", mark: mark)
            let real = try #require(message.split(separator: " ").last.map { String($0.dropLast(2)) })
            #expect(
                message
                    == "Your server printed \"Listening on http://127.0.0.1:0\", but 0 is not a port a client can "
                    + "connect to: PORT=0 asks the system for any free port. Print the port your server really "
                    + "got (it listens on port \(real)).")
            #expect(Int(real) != nil)
            #expect(elapsed < .seconds(30), "waited out the readiness deadline: \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test func serverAnnouncingAPortNothingListensOn_isToldWhereItListens() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (message, elapsed) = try await refusal("announce-wrong-port", mark: mark)
            let line = announcedLine(message)
            let announced = try #require(line.split(separator: ":").last.map(String.init))
            let real = try #require(
                message.split(separator: " ").dropLast(7).last.map { String($0.dropLast(2)) })
            #expect(
                message
                    == "Your server printed \"\(line)\", but nothing listens on port \(announced) (it listens on "
                    + "port \(real)). Print the port your server really got.")
            #expect(real != announced)
            #expect(elapsed < .seconds(30), "waited out the readiness deadline: \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test func listeningProblems_areExplainedInFull() {
            let output = CapturedOutput(head: "")
            #expect(
                ServerLaunchError.wrongListeningLine(
                    line: "Listening on http://localhost:8080", problem: .notTheContractLine, output: output
                ).message
                    == "Your server printed \"Listening on http://localhost:8080\", but that is not the startup "
                    + "line: print exactly \"Listening on http://127.0.0.1:PORT\" with the port your server "
                    + "listens on.")
            #expect(
                ServerLaunchError.wrongListeningLine(
                    line: "Listening on http://127.0.0.1:5000",
                    problem: .nothingListening(port: 5000, actualPorts: []), output: output
                ).message
                    == "Your server printed \"Listening on http://127.0.0.1:5000\", but nothing listens on port "
                    + "5000, and your server listens on no port at all. Print the line only once the server is "
                    + "listening.")
            #expect(
                ServerLaunchError.wrongListeningLine(
                    line: "Listening on http://127.0.0.1:8081",
                    problem: .notTheGivenPort(announced: 8081, given: 8080), output: output
                ).message
                    == "Your server printed \"Listening on http://127.0.0.1:8081\", but it was told to listen on "
                    + "port 8080 (PORT=8080), not 8081. Read the port from the PORT environment variable.")
        }
    }
#endif
