import Foundation
import Grader
import Synchronization

/// Runs a learner's mini-backend for a person to try with curl or a browser: a fixed port, a
/// database file that survives between runs (so `sqlite3` can open it), and every log line passed on
/// as it arrives. `backendlings serve` and the watch screen's `s` key both use it.
public final class ServeSession: Sendable {
    public let exercise: Exercise
    public let port: Int
    /// `<workspace>/data/<exercise id>.sqlite`: stable, visible, and outside the exercise's code folder.
    public let databaseFile: URL
    private let server: ChildProcess

    /// How long the server has to print its listening line.
    public static let readinessTimeout: Duration = .seconds(10)

    /// The database file `serve` uses for an exercise.
    public static func databaseFile(for exercise: Exercise, in workspace: Workspace) -> URL {
        workspace.root.appendingPathComponent("data/\(exercise.id).sqlite")
    }

    /// The database file `serve --fresh` uses: `<workspace>/data/<exercise id>-fresh.sqlite`, a file
    /// of its own, emptied at every fresh start, so the usual one (the learner's data) is never touched.
    public static func freshDatabaseFile(for exercise: Exercise, in workspace: Workspace) -> URL {
        workspace.root.appendingPathComponent("data/\(exercise.id)-fresh.sqlite")
    }

    /// Starts the server and returns once it is ready: it printed its listening line for `port` and
    /// a connection to that port succeeded. Throws as soon as it exits, or prints a line that
    /// cannot be trusted; after `readinessTimeout` otherwise. `onLine` receives every line it prints.
    /// `fresh`: on a new, empty database (``freshDatabaseFile(for:in:)``), as the checks start, so a
    /// replay script of a failed check meets the server in the state the check did.
    public init(
        context: RunnerContext,
        exercise: Exercise,
        binary: URL,
        port: Int,
        fresh: Bool = false,
        onLine: @escaping @Sendable (String) -> Void
    ) throws(ServeError) {
        self.exercise = exercise
        self.port = port
        self.databaseFile =
            fresh
            ? Self.freshDatabaseFile(for: exercise, in: context.workspace)
            : Self.databaseFile(for: exercise, in: context.workspace)
        try? FileManager.default.createDirectory(
            at: databaseFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fresh { Self.removeDatabase(at: databaseFile) }
        let listening = ListeningWaiter()
        do {
            server = try ChildProcess(
                executable: binary.path,
                environment: .inherit(adding: [
                    "PORT": String(port), "HOST": "127.0.0.1", "DATABASE_PATH": databaseFile.path,
                ]),
                workingDirectory: context.workspace.folder(of: exercise).path,
                standardError: .mergedIntoStandardOutput,
                onLine: { line in
                    if line.text.hasPrefix("Listening on ") { listening.signal(line.text) }
                    onLine(line.text)
                }
            )
        } catch {
            throw .couldNotStart(error.description)
        }
        let line = listening.wait(timeout: Self.readinessTimeout) { [server] in server.hasExited }
        let problem = line.flatMap { line in
            ListeningCheck.problem(with: line, pid: server.pid, givenPort: port) { [server] in
                !server.hasExited
            }
        }
        if line != nil, problem == nil, !server.hasExited { return }
        let running = !server.hasExited
        let status = server.terminate(grace: .seconds(1))
        let tail = server.output.lastLines(15).joined(separator: "\n")
        if let line, let problem, running { throw .untrustedListeningLine(problem.verdict(line: line)) }
        if tail.contains("already in use") { throw .portInUse(port) }
        if running { throw .notReady(Self.readinessTimeout.spokenSeconds, output: tail) }
        throw .exitedEarly(status.description, output: tail)
    }

    public var isRunning: Bool { !server.hasExited }

    /// Removes a SQLite file and the files SQLite keeps beside it (`-wal`, `-shm`, `-journal`).
    private static func removeDatabase(at file: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: file.path + suffix)
        }
    }

    /// Stops the server gracefully (SIGTERM, then SIGKILL after a few seconds).
    @discardableResult
    public func stop() -> ExitStatus {
        server.terminate(grace: .seconds(5))
    }

    /// Waits for the server to exit on its own.
    public func wait() -> ExitStatus? { server.wait(timeout: nil) }
}

/// Why `serve` could not run the server.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    case couldNotStart(String)
    case portInUse(Int)
    case exitedEarly(String, output: String)
    /// It printed a listening line that a connection did not confirm; the verdict quotes it.
    case untrustedListeningLine(String)
    /// It kept running without printing its listening line within the time given (spoken).
    case notReady(String, output: String)

    public var description: String {
        switch self {
        case .couldNotStart(let reason):
            Words("Could not start your server: \(reason)", id: "Server-mu tidak bisa dinyalakan: \(reason)")
                .text
        case .portInUse(let port):
            portInUse(port)
        case .exitedEarly(let status, let output):
            Words(
                "Your server stopped before it was ready (\(status)). Its last lines:",
                id: "Server-mu berhenti sebelum siap (\(status)). Baris terakhirnya:"
            ).text + "\n" + output
        case .untrustedListeningLine(let verdict):
            verdict
        case .notReady(let seconds, let output):
            Words(
                "Your server did not print its \"Listening on http://127.0.0.1:PORT\" line within \(seconds), so it was stopped. Does main.swift call `server.run()`? Its last lines:",
                id:
                    "Server-mu tidak menampilkan baris \"Listening on http://127.0.0.1:PORT\" dalam \(seconds), jadi dihentikan. Apakah main.swift memanggil `server.run()`? Baris terakhirnya:"
            ).text + "\n" + output
        }
    }
}

extension ServeError {
    fileprivate func portInUse(_ port: Int) -> String {
        let serve = CommandNaming.current.command("serve")
        let other = CommandNaming.current.command("serve --port \(port + 1)")
        return Words(
            "Port \(port) is already in use (maybe another `\(serve)` is running). Stop it, or choose another port: \(other)",
            id:
                "Port \(port) sedang dipakai (mungkin ada `\(serve)` lain yang berjalan). Hentikan dulu, atau pilih port lain: \(other)"
        ).text
    }
}

/// Lets the output thread hand the starting thread the listening line.
private final class ListeningWaiter: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let line = Mutex<String?>(nil)

    func signal(_ text: String) {
        line.withLock { line in
            guard line == nil else { return }
            line = text
            semaphore.signal()
        }
    }

    /// The first listening line, or `nil` once `hasEnded` holds (checked every 20 ms) or `timeout`
    /// passed.
    func wait(timeout: Duration, hasEnded: () -> Bool) -> String? {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if semaphore.wait(timeout: .now() + 0.02) == .success { return line.withLock { $0 } }
            if hasEnded() {
                // The line may have been read just before the exit was seen.
                return semaphore.wait(timeout: .now() + 0.05) == .success ? line.withLock { $0 } : nil
            }
        }
        return nil
    }
}
