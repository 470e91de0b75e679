import Testing

@testable import Grader

#if canImport(Glibc)
    import Glibc
#endif

struct ServerLaunchErrorTests {
    @Test func notListening_namesTheLineAndTheDeadline() {
        let error = ServerLaunchError.notListening(timeout: .seconds(10), output: CapturedOutput(head: ""))
        #expect(
            error.message
                == "Your server did not print its \"Listening on http://127.0.0.1:PORT\" line within 10 seconds. "
                + "Does main.swift call `server.run()`?"
        )
        #expect(error.description == error.message + "\nIt printed nothing.")
    }

    @Test func exitBeforeListening_showsTheLastLines() {
        let output = CapturedOutput(head: "starting\nFatal error: no database\n")
        let error = ServerLaunchError.exitedBeforeListening(.exited(1), output: output)
        #expect(
            error.description == """
                Your server exited with status 1 before it started listening.
                Its last lines of output:
                    starting
                    Fatal error: no database
                """
        )
    }

    @Test func crashBeforeListening_namesTheSignalAndItsMeaning() {
        let error = ServerLaunchError.exitedBeforeListening(
            .signaled(SIGILL), output: CapturedOutput(head: ""))
        #expect(
            error.message
                == "Your server crashed (killed by signal SIGILL: a Swift runtime error such as a force-unwrapped "
                + "nil, an index out of range or a failed precondition) before it started listening."
        )
    }

    @Test func signalThatIsNotACrash_saysKilled() {
        let error = ServerLaunchError.exitedBeforeListening(
            .signaled(SIGTERM), output: CapturedOutput(head: ""))
        #expect(
            error.message
                == "Your server was killed by signal SIGTERM (it was asked to stop) before it started listening."
        )
    }

    @Test func memoryLimit_namesTheLimit() {
        let error = ServerLaunchError.limitExceededBeforeListening(
            .residentMemory(limitBytes: 200 << 20),
            output: CapturedOutput(head: "")
        )
        #expect(
            error.message
                == "Your server used more than 200 MiB of memory before it started listening, so the grader stopped it."
        )
    }

    @Test func onlyTheLastTwentyLines_areShown() {
        let text = (1...30).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let error = ServerLaunchError.notListening(timeout: .seconds(1), output: CapturedOutput(head: text))
        let shown = error.description.split(separator: "\n").dropFirst(2)
        #expect(shown.first == "    line 11")
        #expect(shown.last == "    line 30")
        #expect(shown.count == 20)
    }

    @Test func listeningLine_isRecognisedExactly() {
        #expect(ListeningLine.port(in: "Listening on http://127.0.0.1:8080") == 8080)
        #expect(ListeningLine.port(in: "Listening on http://127.0.0.1:8080\r") == 8080)
        #expect(ListeningLine.port(in: "Listening on http://localhost:8080") == nil)
        #expect(ListeningLine.port(in: "Listening on http://127.0.0.1:0") == nil)
        #expect(ListeningLine.port(in: "Listening on http://127.0.0.1:8080 (debug)") == nil)
        #expect(ListeningLine.port(in: " Listening on http://127.0.0.1:8080") == nil)
        #expect(ListeningLine.port(in: "Listening on http://127.0.0.1:99999") == nil)
    }
}
