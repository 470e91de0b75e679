#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// A well-behaved server, and the ways a server can fail to start.
    struct LearnerServerTests {
        @Test func correctServer_startsAnswersAndStopsCleanly() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("ok", mark: mark))
            #expect(server.port > 0)
            #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
            let response = try RawHTTPProbe.get(port: server.port, path: "/hello")
            #expect(response.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(response.text.hasSuffix("\r\n\r\nhello"))
            #expect(await server.stop() == .exited(0))
            #expect(server.unexpectedExitMessage == nil)
            #expect(server.output.text == "Listening on http://127.0.0.1:\(server.port)\n")
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func server_getsTheContractEnvironmentAndExtraVariables() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            var configuration = try GraderFixture.server("ok", mark: mark)
            configuration.environment = configuration.environment.adding([
                "TZ": "Asia/Jakarta", "PORT": "8080",
            ])
            let server = try await LearnerServer.start(configuration)
            let environ =
                (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(server.processID)/environ"))) ?? Data()
            await server.stop()
            let variables = Set(environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
            #expect(
                variables.isSuperset(of: [
                    "PORT=0", "HOST=127.0.0.1", "DATABASE_PATH=\(configuration.databasePath)",
                    "TZ=Asia/Jakarta",
                ]))
        }

        @Test func exitBeforeListening_isReportedWithItsOutput() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let configuration = try GraderFixture.server("exit-at-once", mark: mark)
            do {
                _ = try await LearnerServer.start(configuration)
                Issue.record("start succeeded")
            } catch {
                #expect(
                    error.description == """
                        Your server exited with status 3 before it started listening.
                        Its last lines of output:
                            grader-fixture: exit-at-once is exiting with status 3
                        """
                )
            }
            #expect(ProcessLeftovers.processes(marked: mark) == [])
        }

        @Test func silentServer_timesOutWithTheListeningLineMessage() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let configuration = try GraderFixture.server(
                "never-listen", mark: mark, readinessTimeout: .seconds(1))
            do {
                _ = try await LearnerServer.start(configuration)
                Issue.record("start succeeded")
            } catch {
                #expect(
                    error.description == """
                        Your server did not print its "Listening on http://127.0.0.1:PORT" line within 1 second. \
                        Does main.swift call `server.run()`?
                        Its last lines of output:
                            grader-fixture: starting up, but I will never listen
                        """
                )
            }
            #expect(ProcessLeftovers.processes(marked: mark) == [])
        }

        @Test func slowServer_isWaitedFor() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("slow-start", mark: mark))
            #expect(try RawHTTPProbe.get(port: server.port, path: "/hello").text.hasSuffix("hello"))
            await server.stop()
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func missingExecutable_cannotStart() async throws {
            let configuration = LearnerServer.Configuration(
                executable: "/nonexistent/server", databasePath: "/tmp/x.sqlite")
            await #expect(
                throws: ServerLaunchError.couldNotStart(
                    executable: "/nonexistent/server", reason: "No such file or directory")
            ) {
                try await LearnerServer.start(configuration)
            }
            #expect(
                ServerLaunchError.couldNotStart(
                    executable: "/nonexistent/server", reason: "No such file or directory"
                ).description
                    == "The grader could not start your server (/nonexistent/server): No such file or directory."
            )
        }

        @Test func restart_startsAFreshInstanceWithTheSameConfiguration() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("ok", mark: mark))
            let firstPID = server.processID
            try await server.restart()
            #expect(server.processID != firstPID)
            #expect(!server.hasExited)
            #expect(try RawHTTPProbe.get(port: server.port, path: "/hello").text.hasSuffix("hello"))
            #expect(ProcessLeftovers.processes(marked: mark) == [server.processID])
            await server.stop()
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func sigtermFromTheGrader_isNotAnUnexpectedExit() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let server = try await LearnerServer.start(GraderFixture.server("ok", mark: mark))
            #expect(server.sendSignal(SIGTERM))
            #expect(await server.waitForExit(timeout: .seconds(10)) == .exited(0))
            #expect(server.unexpectedExitMessage == nil)
            await server.stop()
            #expect(ProcessLeftovers.processes(marked: mark, group: server.processID) == [])
        }

        @Test func forgottenServer_isKilledWhenReleased() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            var group: Int32 = 0
            do {
                let server = try await LearnerServer.start(
                    GraderFixture.server("fork-ignores-sigterm", mark: mark))
                group = server.processID
                #expect(ProcessLeftovers.processes(marked: mark).count == 2)
            }
            #expect(await ProcessLeftovers.awaitNone(marked: mark, group: group) == [])
        }
    }
#endif
