import BackendKit
import Foundation
import Grader

/// Everything a check works with: the learner's server, an HTTP client pointed at it, its database
/// file and its output. One context serves all the checks of an exercise, in order, so a check can
/// rely on what an earlier one created.
///
/// The server starts on first use (any `t.http` request) with a fresh database in a temporary
/// folder, `PORT=0` and `HOST=127.0.0.1`.
public final class TestContext: @unchecked Sendable {
    // @unchecked Sendable: `http` is set once in init; every other `var` is guarded by `lock`.
    public let exerciseID: String
    /// A private temporary folder for this run; removed afterwards.
    public let workDirectory: URL
    /// The SQLite file the learner's server is told to use.
    public let databasePath: String
    public private(set) var http: HTTPClient!
    /// The learner's exercise folder (`--learner-folder`), for checks that read a file in it
    /// (`learnerFile(_:)`); nil when the runner did not name one.
    public let learnerFolder: URL?

    let serverExecutable: String
    let serverArguments: [String]
    let lock = NSLock()
    var server: LearnerServer?
    var environment: [String: String] = [:]
    /// Variables taken out of the environment servers start with (`startServer(environment:removing:)`).
    var removedEnvironment: Set<String> = []
    /// Clock, statement log, extra instances, fake upstreams and the reference server
    /// (`TestContext+*.swift`).
    let resources: ContextResources
    /// The output of every server instance that has stopped, oldest first.
    var finishedOutputs: [CapturedOutput] = []
    /// Set when the server did not start: every later request would fail the same way, so it is
    /// thrown again instead of waiting for another start.
    private var launchFailure: ServerLaunchError?
    /// What every later check needs and cannot have once the server is stopped or out of file
    /// descriptors ("your server to answer"); `CheckRunner` reports them as not checked.
    private(set) var runEndingNeed: String? {
        get { lock.withLock { storedRunEndingNeed } }
        set { lock.withLock { storedRunEndingNeed = newValue } }
    }
    private var storedRunEndingNeed: String?
    /// What the run did to the server, for replay scripts.
    let replay = ReplayLog()

    init(
        exerciseID: String, serverExecutable: String, serverArguments: [String] = [], workDirectory: URL,
        reference: ReferenceServer? = nil, starter: ReferenceServer? = nil, learnerFolder: URL? = nil
    ) {
        self.exerciseID = exerciseID
        self.learnerFolder = learnerFolder
        self.serverExecutable = serverExecutable
        self.serverArguments = serverArguments
        self.workDirectory = workDirectory
        self.databasePath = workDirectory.appendingPathComponent("learner.sqlite").path
        self.resources = ContextResources(
            workDirectory: workDirectory, reference: reference, starter: starter)
        self.http = HTTPClient(
            endpoint: { [unowned self] in try self.runningPort() },
            diagnose: { [unowned self] in self.explainTransportFailure() },
            replay: replay
        )
    }

    /// Starts the server (stopping a running one first) with extra environment variables, such as
    /// `TZ` or a secret. Later restarts keep them.
    public func startServer(environment: [String: String] = [:]) throws {
        try stopServer()
        lock.withLock {
            self.environment = environment
            removedEnvironment = []
        }
        if !environment.isEmpty {
            let settings = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let variables = settings.joined(separator: " ")
            replay.append(
                .note(
                    Words(
                        "The grader started your server with \(variables) here; "
                            + "start backendlings serve with the same variables to do the same.",
                        id: "Di sini grader menjalankan server kamu dengan \(variables); "
                            + "jalankan backendlings serve dengan variabel yang sama untuk melakukan hal yang sama."
                    ).text))
        }
        _ = try runningPort()
    }

    /// Stops the server gracefully and starts it again on the same database file.
    public func restartServer() throws {
        try stopServer()
        replay.append(.restart)
        _ = try runningPort()
    }

    /// Stops the server (SIGTERM, then SIGKILL after `grace`); returns how it ended, or `nil` if it
    /// was not running.
    @discardableResult
    public func stopServer(grace: Duration = .seconds(5)) throws -> ExitStatus? {
        guard
            let running = lock.withLock({ () -> LearnerServer? in
                defer { server = nil }
                return server
            })
        else { return nil }
        let status = running.stop(grace: grace)
        lock.withLock { finishedOutputs.append(running.output) }
        return status
    }

    /// Sends a signal to the running server (SIGTERM for graceful-shutdown checks) and waits up to
    /// `timeout` for it to exit; returns how it ended, or `nil` if it is still running.
    public func signalServer(_ signal: Int32, waitUpTo timeout: Duration = .seconds(10)) throws -> ExitStatus?
    {
        guard let running = lock.withLock({ server }) else {
            throw CheckFailure(Words("the server is not running", id: "server-nya tidak sedang berjalan"))
        }
        let name = SignalInfo(signal).name
        replay.append(
            .note(
                Words(
                    "The grader sent signal \(name) to your server here.",
                    id: "Di sini grader mengirim signal \(name) ke server kamu."
                ).text))
        running.sendSignal(signal)
        let status = running.waitForExitBlocking(timeout: timeout)
        if status != nil {
            lock.withLock {
                finishedOutputs.append(running.output)
                server = nil
            }
        }
        return status
    }

    public var isServerRunning: Bool { lock.withLock { server.map { !$0.hasExited } ?? false } }

    /// Everything the current (or last) server instance printed so far, stdout and stderr
    /// together, capped.
    public var serverOutput: String {
        // What the server wrote just before the response arrived may still be in the pipe: read it
        // first, as `outputMark()` does, so a check never misses the line it looks for.
        lock.withLock { server }?.waitForPendingOutput()
        return lock.withLock { server?.output ?? finishedOutputs.last ?? CapturedOutput(head: "") }.text
    }

    /// The learner's database, opened read-only. Fails the check when the file does not exist yet.
    public func database() throws -> Database {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            let file = URL(fileURLWithPath: databasePath).lastPathComponent
            throw CheckFailure(
                Words(
                    "the database file does not exist: your server has not created \(file) (it should open DATABASE_PATH)",
                    id:
                        "file database-nya tidak ada: server kamu belum membuat \(file) (seharusnya ia membuka DATABASE_PATH)"
                ))
        }
        return try Database.openReadOnly(path: databasePath)
    }

    /// Writes to the database file before the server starts (to seed rows or build an old schema),
    /// stopping the server first if it runs. The next request starts it on the prepared file.
    public func prepareDatabase(_ body: (Database) throws -> Void) throws {
        try stopServer()
        replay.append(
            .skipped(
                Words(
                    "the grader wrote to the database file itself before starting your server (rows to work on, "
                        + "or an older schema)",
                    id:
                        "grader menulis sendiri ke file database sebelum menjalankan server kamu (baris untuk "
                        + "dikerjakan, atau schema versi lama)"
                ).text))
        let database = try Database(path: databasePath, maxConnections: 1)
        try body(database)
    }

    /// Runs `body` on `count` threads that start together, and returns each result in order.
    /// For races: twenty clients borrowing the last copy at the same moment.
    public func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) throws -> T)
        -> [Result<T, any Error>]
    {
        _ = try? runningPort()
        replay.append(.note(Self.concurrentNote(count)))
        defer { replay.append(.note(Self.concurrentEndNote)) }
        return Concurrently.run(count, body)
    }

    private static func concurrentNote(_ count: Int) -> String {
        Words(
            "The grader sent the next requests from \(count) clients at the same moment; here they go one after another.",
            id:
                "Grader mengirim request berikut dari \(count) client pada saat yang sama; di sini dikirim satu per satu."
        ).text
    }

    private static var concurrentEndNote: String {
        Words(
            "(End of the requests sent at the same moment.)",
            id: "(Akhir dari request yang dikirim bersamaan.)"
        )
        .text
    }

    /// Like `concurrently`, while this check holds the database's write lock for `hold`: every
    /// request can read, none can write until the lock is released, and then the writes compete.
    /// A read-then-write that is not inside one transaction fails this every time, instead of
    /// only when the threads happen to interleave badly.
    public func concurrently<T: Sendable>(
        _ count: Int, holdingWriteLockFor hold: Duration, _ body: @escaping @Sendable (Int) throws -> T
    ) throws -> [Result<T, any Error>] {
        _ = try runningPort()
        replay.append(
            .note(
                Self.concurrentNote(count) + " "
                    + Words(
                        "Meanwhile it held the database's write lock.",
                        id: "Sementara itu grader memegang write lock database."
                    ).text))
        defer { replay.append(.note(Self.concurrentEndNote)) }
        let database = try Database(path: databasePath, maxConnections: 1)
        let running = try database.transaction { _ in  // BEGIN IMMEDIATE: the write lock is ours
            let running = Concurrently.start(count, body)
            Thread.sleep(forTimeInterval: hold.timeInterval)
            return running
        }
        return running.wait()
    }

    func runningPort() throws -> Int {
        if let running = lock.withLock({ server }), !running.hasExited { return running.port }
        if let failure = lock.withLock({ launchFailure }) { throw failure }
        if let message = lock.withLock({ server?.unexpectedExitMessage }) {
            var failure = CheckFailure(message)
            failure.serverHadStopped = true
            throw failure
        }
        let configuration = LearnerServer.Configuration(
            executable: serverExecutable,
            arguments: serverArguments,
            databasePath: databasePath,
            environment: serverEnvironment(),
            workingDirectory: workDirectory.path
        )
        let started: LearnerServer
        do {
            started = try LearnerServer.start(configuration)
        } catch {
            lock.withLock { launchFailure = error }
            // Its output explains why; keep it with the run's output, as for any instance that stopped.
            if let output = error.output { lock.withLock { finishedOutputs.append(output) } }
            throw error
        }
        lock.withLock {
            if let replaced = server { finishedOutputs.append(replaced.output) }
            server = started
        }
        return started.port
    }

    /// After a request failed at the transport level: a server that is stopped or out of file
    /// descriptors is named as such (and the run ends: no later check could get an answer either);
    /// a dying server gets a moment to finish, then the verdict says how it ended ("Your server
    /// crashed (killed by signal SIGABRT …)"). Its output is in the check's log, and its crash in
    /// the report: the sentence is enough here.
    private func explainTransportFailure() -> TransportDiagnosis? {
        guard let running = lock.withLock({ server }) else { return nil }
        if let reason = running.unresponsiveReason {
            runEndingNeed = Words("your server to answer", id: "server kamu bisa menjawab").text
            _ = try? stopServer(grace: .milliseconds(500))
            return TransportDiagnosis(text: reason, replacesProblem: true)
        }
        _ = running.waitForExitBlocking(timeout: .milliseconds(500))
        letCrashFinish()
        return running.unexpectedExitMessage.map { TransportDiagnosis(text: $0) }
    }

    /// How long a crashing server may take to print its crash report (the backtracer symbolicates
    /// every thread) before the grader reads it.
    static let crashReportTimeout: Duration = .seconds(10)

    /// When the server has started printing a crash report, waits until it has exited, so the
    /// report is read whole.
    func letCrashFinish() {
        guard let running = lock.withLock({ server }), !running.hasExited else { return }
        running.waitForPendingOutput()
        guard CrashOutputParser.showsCrash(running.output.text) else { return }
        _ = running.waitForExitBlocking(timeout: Self.crashReportTimeout)
    }

    /// Whether the current server instance stopped by itself (crashed or exited).
    var serverStoppedUnexpectedly: Bool { lock.withLock { server?.unexpectedExitMessage != nil } }

    /// Stops everything this context started.
    func tearDown() {
        _ = try? stopServer(grace: .seconds(2))
        resources.tearDown()
    }
}
