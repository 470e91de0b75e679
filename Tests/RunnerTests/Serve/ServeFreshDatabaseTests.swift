#if os(Linux)
    import Foundation
    import Synchronization
    import Testing

    @testable import Runner

    /// `serve --fresh` starts on an empty database of its own and never touches the usual one.
    @Suite(.timeLimit(.minutes(1)))
    struct ServeFreshDatabaseTests {
        /// A "server" that prints the database path it was given, then serves as `grader-fixture ok`.
        private static func script() throws -> String {
            "#!/bin/sh\necho \"database $DATABASE_PATH\"\nexec '\(try ServeSessionTests.fixture.path)' ok\n"
        }

        @Test func fresh_usesItsOwnEmptyFile_andLeavesTheUsualDatabaseAlone() throws {
            try withTemporaryDirectory { dir in
                let fixture = try WorkspaceFixture(in: dir)
                let exercise = try fixture.exercise("db01-schema")
                let context = RunnerContext(
                    locations: Locations(home: dir, packRoot: dir, workspace: fixture.workspace.root),
                    pack: fixture.pack, workspace: fixture.workspace)
                try FileManager.default.createDirectory(
                    at: fixture.workspace.folder(of: exercise), withIntermediateDirectories: true)
                let server = dir.appendingPathComponent("server.sh")
                try Data(try Self.script().utf8).write(to: server)
                try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: server.path)

                let usual = ServeSession.databaseFile(for: exercise, in: fixture.workspace)
                let fresh = ServeSession.freshDatabaseFile(for: exercise, in: fixture.workspace)
                #expect(fresh.lastPathComponent == "db01-schema-fresh.sqlite")
                try FileManager.default.createDirectory(
                    at: usual.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("the learner's books".utf8).write(to: usual)
                try Data("left from the last fresh run".utf8).write(to: fresh)
                try Data("wal".utf8).write(to: URL(fileURLWithPath: fresh.path + "-wal"))

                let lines = Lines()
                let session = try ServeSession(
                    context: context, exercise: exercise, binary: server, port: ServeSessionTests.freePort(),
                    fresh: true
                ) { lines.add($0) }
                defer { session.stop() }
                #expect(session.databaseFile == fresh)
                #expect(lines.all.contains("database \(fresh.path)"), "\(lines.all)")
                #expect(!FileManager.default.fileExists(atPath: fresh.path))
                #expect(!FileManager.default.fileExists(atPath: fresh.path + "-wal"))
                #expect(try String(contentsOf: usual, encoding: .utf8) == "the learner's books")
            }
        }
    }

    /// Lines a session printed.
    private final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        func add(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }
#endif
