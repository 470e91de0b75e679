#if os(Linux)
    import Foundation
    import Grader
    import Testing

    @testable import Runner

    #if canImport(Glibc)
        import Glibc
    #endif

    /// `serve` trusts a server only once it listens where it was told to, and says at once when it
    /// exits or announces a port nothing answers on, instead of waiting out the readiness window.
    @Suite(.serialized, .timeLimit(.minutes(2)))
    struct ServeSessionTests {
        /// `grader-fixture` next to the test bundle.
        static var fixture: URL {
            get throws {
                var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                    .deletingLastPathComponent()
                for _ in 0..<4 {
                    let candidate = directory.appendingPathComponent("grader-fixture")
                    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                    directory = directory.deletingLastPathComponent()
                }
                throw FileSystemError(operation: "find", path: "grader-fixture", code: ENOENT)
            }
        }

        /// Serves the fixture in `mode` on `port`; returns the session or its error, and the time taken.
        private func serve(_ mode: String, port: Int, in dir: URL) throws -> (
            Result<ServeSession, ServeError>, Duration
        ) {
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            let context = RunnerContext(
                locations: Locations(home: dir, packRoot: dir, workspace: fx.workspace.root), pack: fx.pack,
                workspace: fx.workspace)
            // ServeSession passes no arguments: a script hands the fixture its mode (and execs it, so
            // the pid ServeSession watches is the fixture's).
            let binary = dir.appendingPathComponent("serve-\(mode)")
            try "#!/bin/sh\nexec '\(try Self.fixture.path)' \(mode)\n".write(
                to: binary, atomically: true, encoding: .utf8)
            chmod(binary.path, 0o755)
            let exercise = try fx.exercise("db01-schema")
            let started = ContinuousClock.now
            let result = Result { () throws(ServeError) in
                try ServeSession(
                    context: context, exercise: exercise, binary: binary, port: port, onLine: { _ in })
            }
            return (result, ContinuousClock.now - started)
        }

        static func freePort() -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
                }
            }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        @Test func serverThatListensWhereItWasTold_isRunning() throws {
            try withTemporaryDirectory { dir in
                let port = Self.freePort()
                let (result, _) = try serve("ok", port: port, in: dir)
                let session = try result.get()
                #expect(session.isRunning)
                #expect(ListeningCheck.canConnect(to: port))
                session.stop()
            }
        }

        @Test func serverThatExitsAtOnce_isReportedAtOnce() throws {
            try withTemporaryDirectory { dir in
                let (result, elapsed) = try serve("exit-at-once", port: Self.freePort(), in: dir)
                guard case .failure(let error) = result else {
                    Issue.record("a server that exited was announced as running")
                    return
                }
                #expect(
                    error.description
                        == "Your server stopped before it was ready (exited with status 3). Its last lines:\n"
                        + "grader-fixture: exit-at-once is exiting with status 3")
                #expect(
                    elapsed < ServeSession.readinessTimeout * 3, "waited out the readiness window: \(elapsed)"
                )
            }
        }

        @Test func serverAnnouncingAPortOtherThanTheOneGiven_isNotAnnouncedAsRunning() throws {
            try withTemporaryDirectory { dir in
                let port = Self.freePort()
                let (result, elapsed) = try serve("announce-wrong-port", port: port, in: dir)
                guard case .failure(let error) = result else {
                    Issue.record("a server that listens elsewhere was announced as running")
                    return
                }
                let line = String(error.description.split(separator: "\"")[1])
                let announced = try #require(line.split(separator: ":").last.map(String.init))
                #expect(
                    error.description
                        == "Your server printed \"\(line)\", but it was told to listen on port \(port) "
                        + "(PORT=\(port)), not \(announced). Read the port from the PORT environment variable."
                )
                #expect(
                    elapsed < ServeSession.readinessTimeout * 3, "waited out the readiness window: \(elapsed)"
                )
            }
        }

        @Test func serverAnnouncingPortZero_isNotAnnouncedAsRunning() throws {
            try withTemporaryDirectory { dir in
                let (result, elapsed) = try serve("announce-port-zero", port: Self.freePort(), in: dir)
                guard case .failure(let error) = result else {
                    Issue.record("a server announcing port 0 was announced as running")
                    return
                }
                #expect(
                    error.description.hasPrefix(
                        "Your server printed \"Listening on http://127.0.0.1:0\", but 0 is not a port a client "
                            + "can connect to: PORT=0 asks the system for any free port."))
                #expect(
                    elapsed < ServeSession.readinessTimeout * 3, "waited out the readiness window: \(elapsed)"
                )
            }
        }
    }
#endif
