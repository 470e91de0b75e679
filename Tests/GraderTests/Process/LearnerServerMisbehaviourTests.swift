#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Servers that start fine and then misbehave: the grader keeps control and cleans up after them.
    struct LearnerServerMisbehaviourTests {
        @Test func hangingServer_answersNothingAndIsStillStopped() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("hang-on-request", mark: mark))
            let response = try RawHTTPProbe.get(
                port: server.port, path: "/hello", timeout: .milliseconds(500))
            #expect(response.bytes.isEmpty && !response.closed)
            #expect(await server.stop(grace: .seconds(5)) == .signaled(SIGTERM))
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func crashMidResponse_isReportedAsACrash() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("crash-mid-response", mark: mark))
            let response = try RawHTTPProbe.get(port: server.port, path: "/hello")
            #expect(response.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(response.closed)
            #expect(await server.waitForExit(timeout: .seconds(10)) == .signaled(SIGABRT))
            #expect(
                server.unexpectedExitMessage
                    == "Your server crashed (killed by signal SIGABRT: a Swift runtime error such as a force-unwrapped "
                    + "nil, an index out of range or a failed precondition) while the checks were running."
            )
            await server.stop()
            #expect(server.output.text.contains("grader-fixture: crashing in the middle of a response\n"))
            #expect(server.unexpectedExitMessage != nil)
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func garbageServer_keepsRunning() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("garbage", mark: mark))
            let response = try RawHTTPProbe.get(port: server.port, path: "/hello")
            #expect(!response.bytes.isEmpty)
            #expect(!response.text.hasPrefix("HTTP/"))
            #expect(!server.hasExited)
            await server.stop()
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func childThatIgnoresSigtermAndLeavesTheGroup_isSweptAway() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(
                GraderFixture.server("fork-ignores-sigterm", mark: mark))
            let both = ProcessLeftovers.processes(marked: mark)
            #expect(both.count == 2)
            #expect(try RawHTTPProbe.get(port: server.port, path: "/hello").text.hasSuffix("hello"))
            #expect(await server.stop(grace: .seconds(5)) == .signaled(SIGTERM))
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func serverThatIgnoresSigterm_isKilled() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("ignores-sigterm", mark: mark))
            #expect(await server.stop(grace: .milliseconds(300)) == .signaled(SIGKILL))
            #expect(server.unexpectedExitMessage == nil)
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func memoryHungryServer_isStoppedWithAMemoryVerdict() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let limits = ProcessLimits(addressSpaceBytes: 4 << 30, residentMemoryBytes: 200 << 20)
            let server = try await LearnerServer.start(
                GraderFixture.server("alloc-unbounded", mark: mark, limits: limits))
            #expect(await server.waitForExit(timeout: .seconds(20)) == .signaled(SIGKILL))
            #expect(server.limitViolation == .residentMemory(limitBytes: 200 << 20))
            #expect(
                server.unexpectedExitMessage
                    == "Your server used more than 200 MiB of memory while the checks were running, so the grader stopped it."
            )
            await server.stop()
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func floodingServer_isCapturedWithinBounds() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let residentBefore = ProcessLeftovers.residentBytesOfThisProcess()
            // 200 MiB arrive before the listening line: this tests the bounds, not the speed, so a
            // machine busy with other builds (20 s were not enough there) gets time to read them.
            let server = try await LearnerServer.start(
                GraderFixture.server("flood-output", mark: mark, readinessTimeout: .seconds(90)))
            #expect(try RawHTTPProbe.get(port: server.port, path: "/hello").text.hasSuffix("hello"))
            await server.stop()
            let output = server.output
            let total = 200 * 1024 * 1024 + "Listening on http://127.0.0.1:\(server.port)\n".utf8.count
            #expect(output.head.utf8.count == OutputCapture.headLimit)
            #expect(output.tail.utf8.count == OutputCapture.tailLimit)
            #expect(output.omittedBytes == total - OutputCapture.headLimit - OutputCapture.tailLimit)
            #expect(output.head.hasPrefix("flood line 0 xxx"))
            #expect(output.tail.hasSuffix("\nListening on http://127.0.0.1:\(server.port)\n"))
            // Keeping the 200 MiB would grow this process by at least that; the other tests running in
            // parallel in this process have grown it by up to 45 MiB meanwhile.
            #expect(ProcessLeftovers.residentBytesOfThisProcess() - residentBefore < 100 << 20)
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }
    }
#endif
