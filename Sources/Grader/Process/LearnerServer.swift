import Foundation

/// A learner's mini-backend, started the way BackendKit's startup contract expects (`PORT=0`,
/// `HOST=127.0.0.1`, `DATABASE_PATH`) and ready once it printed `Listening on http://127.0.0.1:PORT`.
///
/// Hidden tests talk to it at `baseURL`, read its `output` for the report, and may `restart` it (same
/// environment and database file; persistence and migration lessons) or `sendSignal` (graceful
/// shutdown lessons). Any executable that keeps the contract works, so a test can start several
/// instances of one server, or a fake upstream service, each as its own `LearnerServer`.
/// If the caller never calls `stop`, the underlying `ChildProcess` still kills everything when it is
/// released.
public final class LearnerServer: @unchecked Sendable {
    // @unchecked Sendable: `child`, `currentPort` and `stoppedByGrader` are guarded by `lock`.
    /// How to start the server; kept so `restart()` starts it the same way.
    public struct Configuration: Sendable {
        public var executable: String
        public var arguments: [String]
        /// The SQLite file the server is told to use (`DATABASE_PATH`).
        public var databasePath: String
        /// The environment before `PORT`, `HOST`, `DATABASE_PATH` are set on top: by default the
        /// grader's own plus nothing. Lessons add their variables here (`TZ`, secrets).
        public var environment: ChildEnvironment
        public var workingDirectory: String?
        /// How long the server has to print its listening line.
        public var readinessTimeout: Duration
        public var limits: ProcessLimits

        public init(
            executable: String,
            arguments: [String] = [],
            databasePath: String,
            environment: ChildEnvironment = .inherit(),
            workingDirectory: String? = nil,
            readinessTimeout: Duration = .seconds(10),
            limits: ProcessLimits = .learnerServer
        ) {
            self.executable = executable
            self.arguments = arguments
            self.databasePath = databasePath
            self.environment = environment
            self.workingDirectory = workingDirectory
            self.readinessTimeout = readinessTimeout
            self.limits = limits
        }
    }

    public let configuration: Configuration
    private let lock = NSLock()
    private var child: ChildProcess
    private var currentPort: Int
    private var stoppedByGrader = false

    private init(configuration: Configuration, child: ChildProcess, port: Int) {
        self.configuration = configuration
        self.child = child
        self.currentPort = port
    }

    /// Starts the server and returns once it listens. Throws `ServerLaunchError` (after killing
    /// whatever was started) when it cannot start, exits, goes over a limit or stays silent.
    /// Blocks the calling thread; graders call it from their check threads.
    public static func start(_ configuration: Configuration) throws(ServerLaunchError) -> LearnerServer {
        let (child, port) = try launch(configuration)
        return LearnerServer(configuration: configuration, child: child, port: port)
    }

    /// `start` for async code: the same, waiting on a thread of its own.
    public static func start(_ configuration: Configuration) async throws(ServerLaunchError) -> LearnerServer
    {
        let result = await ChildProcess.onOwnThread {
            Result { () throws(ServerLaunchError) in try start(configuration) }
        }
        return try result.get()
    }

    // MARK: State

    /// The port it listens on (a new one after each `restart`).
    public var port: Int { lock.withLock { currentPort } }

    /// "http://127.0.0.1:PORT", without a trailing slash.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The process id of the current instance.
    public var processID: Int32 { current.pid }

    /// What the current instance printed so far (stdout and stderr interleaved, capped).
    public var output: CapturedOutput { current.output }

    /// Returns once everything the server has printed so far is in `output`.
    public func waitForPendingOutput() { current.waitForPendingOutput() }

    /// `true` once the current instance has exited (by itself, or through `stop`); a check that got
    /// no answer can ask this to tell "your server crashed" from "your server did not answer".
    public var hasExited: Bool { current.hasExited }

    /// How the current instance ended; `nil` while it runs.
    public var exitStatus: ExitStatus? { current.exitStatus }

    /// Set when the grader killed the current instance for going over a limit in `configuration`.
    public var limitViolation: LimitViolation? { current.limitViolation }

    /// When the server stopped by itself (not through `stop`): one sentence for the report, such as
    /// "Your server crashed (killed by signal SIGSEGV: …) while the checks were running." `nil` while
    /// it runs or after `stop`.
    public var unexpectedExitMessage: String? {
        let (process, stopped) = lock.withLock { (child, stoppedByGrader) }
        guard !stopped, let status = process.exitStatus else { return nil }
        let moment = ServerVerdict.whileChecking
        if let violation = process.limitViolation {
            return ServerVerdict.sentence(for: violation, when: moment)
        }
        return ServerVerdict.sentence(for: status, when: moment)
    }

    private var current: ChildProcess { lock.withLock { child } }

    // MARK: Control

    /// Stops the server and everything it started (SIGTERM to its group, `grace`, SIGKILL, sweep)
    /// and returns how it ended. Safe to call again. Blocks the calling thread.
    @discardableResult
    public func stop(grace: Duration = .seconds(2)) -> ExitStatus {
        let process = lock.withLock {
            if !child.hasExited { stoppedByGrader = true }
            return child
        }
        return process.terminate(grace: grace)
    }

    /// `stop` for async code.
    @discardableResult
    public func stop(grace: Duration = .seconds(2)) async -> ExitStatus {
        await ChildProcess.onOwnThread { self.stop(grace: grace) }
    }

    /// Stops the server and starts it again with the same configuration (and so the same database
    /// file). Throws `ServerLaunchError` when the new instance does not come up. Blocks.
    public func restart(grace: Duration = .seconds(2)) throws(ServerLaunchError) {
        stop(grace: grace)
        let (newChild, newPort) = try Self.launch(configuration)
        lock.withLock {
            child = newChild
            currentPort = newPort
            stoppedByGrader = false
        }
    }

    /// `restart` for async code.
    public func restart(grace: Duration = .seconds(2)) async throws(ServerLaunchError) {
        let result = await ChildProcess.onOwnThread {
            Result { () throws(ServerLaunchError) in try self.restart(grace: grace) }
        }
        try result.get()
    }

    /// Sends `signal` (for example SIGTERM for a graceful-shutdown check) to the server process only.
    /// Returns `false` when it has already exited. A server that exits after this does not count as
    /// an unexpected exit.
    @discardableResult
    public func sendSignal(_ signal: Int32) -> Bool {
        let process = lock.withLock {
            stoppedByGrader = true
            return child
        }
        return process.sendSignal(signal)
    }

    /// Waits until the server exits or `timeout` passes (`nil`), for example after `sendSignal`.
    public func waitForExit(timeout: Duration?) async -> ExitStatus? {
        await current.wait(timeout: timeout)
    }

    /// `waitForExit` that blocks the calling thread.
    public func waitForExitBlocking(timeout: Duration?) -> ExitStatus? {
        current.wait(timeout: timeout)
    }
}
