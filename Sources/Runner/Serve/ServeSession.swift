import Foundation
import Grader

/// Runs a learner's mini-backend for a person to try with curl or a browser: a fixed port, a
/// database file that survives between runs (so `sqlite3` can open it), and every log line passed on
/// as it arrives. `backendlings serve` and the watch screen's `s` key both use it.
public final class ServeSession: @unchecked Sendable {
    public let exercise: Exercise
    public let port: Int
    /// `<workspace>/data/<exercise id>.sqlite`: stable, visible, and outside the exercise's code folder.
    public let databaseFile: URL
    private let server: ChildProcess

    /// The database file `serve` uses for an exercise.
    public static func databaseFile(for exercise: Exercise, in workspace: Workspace) -> URL {
        workspace.root.appendingPathComponent("data/\(exercise.id).sqlite")
    }

    /// Starts the server and waits until it listens. `onLine` receives every line it prints.
    public init(
        context: RunnerContext,
        exercise: Exercise,
        binary: URL,
        port: Int,
        onLine: @escaping @Sendable (String) -> Void
    ) throws(ServeError) {
        self.exercise = exercise
        self.port = port
        self.databaseFile = Self.databaseFile(for: exercise, in: context.workspace)
        try? FileManager.default.createDirectory(
            at: databaseFile.deletingLastPathComponent(), withIntermediateDirectories: true)
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
                    if line.text.hasPrefix("Listening on ") { listening.signal() }
                    onLine(line.text)
                }
            )
        } catch {
            throw .couldNotStart(error.description)
        }
        if !listening.wait(timeout: 10) || server.hasExited {
            let status = server.terminate(grace: .seconds(1))
            let tail = server.output.lastLines(15).joined(separator: "\n")
            if tail.contains("already in use") {
                throw .portInUse(port)
            }
            throw .exitedEarly(status.description, output: tail)
        }
    }

    public var isRunning: Bool { !server.hasExited }

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

    public var description: String {
        switch self {
        case .couldNotStart(let reason):
            "Could not start your server: \(reason)"
        case .portInUse(let port):
            "Port \(port) is already in use (maybe another `\(CommandNaming.current.command("serve"))` is running). Stop it, or choose another port: \(CommandNaming.current.command("serve --port \(port + 1)"))"
        case .exitedEarly(let status, let output):
            "Your server stopped before it was ready (\(status)). Its last lines:\n" + output
        }
    }
}

/// Lets the output thread tell the starting thread that the server listens.
private final class ListeningWaiter: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var signalled = false

    func signal() {
        lock.withLock {
            guard !signalled else { return }
            signalled = true
            semaphore.signal()
        }
    }

    func wait(timeout seconds: Double) -> Bool {
        semaphore.wait(timeout: .now() + seconds) == .success
    }
}
