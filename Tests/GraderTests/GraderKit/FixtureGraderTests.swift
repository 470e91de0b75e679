#if os(Linux)
    import Foundation
    import Testing

    @testable import Grader

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Whole grading runs of a compiled grader (`fixture-grader`, three checks) against misbehaving
    /// servers: each ends in one clear verdict within its deadline, the remaining checks are not
    /// run, and nothing is left running, also when the grader's runner is killed with SIGKILL.
    @Suite(.timeLimit(.minutes(3)))
    struct FixtureGraderTests {
        static var grader: String {
            get throws {
                URL(fileURLWithPath: try GraderFixture.path).deletingLastPathComponent()
                    .appendingPathComponent("fixture-grader").path
            }
        }

        /// The deadlines the grader documents: the readiness window and a check's own deadline.
        static let readinessTimeout: Duration = .seconds(10)
        static let checkTimeout: Duration = .seconds(15)
        /// Deadlines are asserted loosely: the statuses above prove the run ended after one verdict,
        /// and a full parallel test run on two cores can make any single run several times slower.
        static let loadAllowance = 3

        /// Runs the grader against the fixture in `mode`; returns its report and how long it took.
        private func grade(_ mode: String, mark: ProcessTestMark) async throws -> (GradeReport, Duration) {
            let report = mark.directory + "/report.json"
            let started = ContinuousClock.now
            let (status, output) = try await ChildProcess.run(
                executable: try Self.grader,
                arguments: ["--exercise", "fixture", "--server", try GraderFixture.path, "--report", report],
                environment: .inherit(
                    adding: mark.environment.merging(["GRADER_FIXTURE_MODE": mode]) { a, _ in a }),
                timeout: .seconds(90))
            let elapsed = ContinuousClock.now - started
            #expect(status == .exited(0), "\(output.text)")
            let data = try Data(contentsOf: URL(fileURLWithPath: report))
            return (try JSONDecoder().decode(GradeReport.self, from: data), elapsed)
        }

        private func firstLine(_ text: String?) -> String {
            String((text ?? "").split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }

        @Test func serverAnnouncingPortZero_endsTheRunWithOneVerdict() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (report, elapsed) = try await grade("announce-port-zero", mark: mark)
            #expect(report.status == .error)
            #expect(report.checks.map(\.status) == [.error, .skipped, .skipped])
            #expect(
                firstLine(report.checks[0].message).hasPrefix(
                    "Your server printed \"Listening on http://127.0.0.1:0\", but 0 is not a port a client can "
                        + "connect to: PORT=0 asks the system for any free port."), "\(report.checks[0])")
            #expect(
                report.checks.dropFirst().allSatisfy { $0.needs == "your server to start" })
            // Deadline, not speed: without the verdict each check waited out the 10-second readiness window.
            #expect(elapsed < Self.readinessTimeout * Self.loadAllowance, "took \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test func serverAnnouncingAnotherPort_endsTheRunWithOneVerdict() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (report, elapsed) = try await grade("announce-wrong-port", mark: mark)
            #expect(report.checks.map(\.status) == [.error, .skipped, .skipped])
            #expect(firstLine(report.checks[0].message).contains(", but nothing listens on port "))
            #expect(firstLine(report.checks[0].message).hasSuffix(". Print the port your server really got."))
            // Deadline, not speed: without the verdict each check waited out the 10-second readiness window.
            #expect(elapsed < Self.readinessTimeout * Self.loadAllowance, "took \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test func stoppedServer_isNamedStopped_andTheRunEnds() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (report, elapsed) = try await grade("stop-after-listening", mark: mark)
            #expect(report.checks.map(\.status) == [.fail, .skipped, .skipped])
            #expect(
                firstLine(report.checks[0].message)
                    == "GET /hello → no response. Your server is stopped (it received SIGSTOP, or was suspended "
                    + "with Ctrl-Z), so it cannot answer. A stopped process only runs again after SIGCONT.")
            #expect(
                report.checks.dropFirst().allSatisfy {
                    $0.message == "Not checked: it needs your server to answer."
                })
            // Deadline, not speed: one client timeout (5 s), within one check's deadline; not one per check.
            #expect(elapsed < Self.checkTimeout * Self.loadAllowance, "took \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test func serverOutOfFileDescriptors_isNamedSo_andTheRunEnds() async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let (report, elapsed) = try await grade("exhaust-descriptors", mark: mark)
            #expect(report.checks.map(\.status) == [.fail, .skipped, .skipped])
            let message = firstLine(report.checks[0].message)
            #expect(message.hasPrefix("GET /hello → no response. Your server has "), "\(message)")
            #expect(
                message.hasSuffix(
                    " files and sockets open, its limit of 256, so it cannot accept a connection. Does it close "
                        + "every file, database connection and socket it opens?"), "\(message)")
            // Deadline, not speed: one client timeout (5 s), within one check's deadline; not one per check.
            #expect(elapsed < Self.checkTimeout * Self.loadAllowance, "took \(elapsed)")
            #expect(await ProcessLeftovers.awaitNone(marked: mark) == [])
        }

        @Test(arguments: ["stop-after-listening", "exhaust-descriptors", "hang-on-request"])
        func killedRunner_whileTheServerCannotAnswer_leavesNoGraderAndNoServerBehind(mode: String)
            async throws
        {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let runner = try RunnerStandIn.start(
                grader: try Self.grader, server: try GraderFixture.path,
                environment: mark.environment.merging(["GRADER_FIXTURE_MODE": mode]) { a, _ in a })
            // Kill the runner once the grader's server is in the state that keeps the grader waiting.
            let kill = await RunnerStandIn.kill(runner, once: "grader-fixture", marked: mark) {
                Self.cannotAnswer(mode, pid: $0)
            }
            #expect(kill.sawProcess, "the grader's server was not seen unable to answer within a minute")
            await expectNothingLeft(after: kill, mark: mark)
        }

        @Test(arguments: ["announce-port-zero", "announce-wrong-port"])
        func killedRunner_whileTheServerStarts_leavesNoGraderAndNoServerBehind(mode: String) async throws {
            let mark = ProcessTestMark()
            defer { mark.finish() }
            let runner = try RunnerStandIn.start(
                grader: try Self.grader, server: try GraderFixture.path,
                environment: mark.environment.merging(["GRADER_FIXTURE_MODE": mode]) { a, _ in a })
            // These runs end within a second; the kill lands while the grader starts or checks it.
            let kill = await RunnerStandIn.kill(runner, once: "fixture-grader", marked: mark)
            await expectNothingLeft(after: kill, mark: mark)
        }

        /// Whether the fixture `pid` in `mode` is where it keeps the grader waiting for an answer.
        private static func cannotAnswer(_ mode: String, pid: Int32) -> Bool {
            switch mode {
            case "stop-after-listening":
                return ProcessLeftovers.state(of: pid) == "T"
            case "exhaust-descriptors":
                return ProcessLeftovers.descriptors(of: pid).count >= 256  // the limit it sets itself
            default:  // hang-on-request: it holds a connection of the grader's beside its listening socket
                return ProcessLeftovers.descriptors(of: pid).filter { $0.hasPrefix("socket:") }.count >= 2
            }
        }

        /// Expects every marked process gone within 10 seconds of the runner's SIGKILL (the
        /// documented cleanup takes about a second; the whole suite's load makes it slower).
        private func expectNothingLeft(after kill: RunnerStandIn.Kill, mark: ProcessTestMark) async {
            let left = await ProcessLeftovers.awaitNone(marked: mark, timeout: .seconds(10))
            let elapsed = ContinuousClock.now - kill.instant
            RunnerStandIn.reap(kill.graders)
            #expect(left == [], "left running \(elapsed) after the runner was killed: \(left)")
        }
    }
#endif
