import Foundation
import Grader

/// The environment servers start with, and checks about starting with the wrong one.
extension TestContext {
    /// The variables the grader itself sets; a check can neither add nor remove them.
    static let contractVariables: Set<String> = ["PORT", "DATABASE_PATH", "HOST"]

    /// The grader's environment, the check's variables on top, the removed ones taken out, and the
    /// run's own (controlled clock, statement log) last.
    func serverEnvironment(adding extra: [String: String] = [:]) -> ChildEnvironment {
        let (added, removed) = lock.withLock { (environment, removedEnvironment) }
        let variables = added.merging(extra) { _, new in new }.merging(resources.environment) { _, run in run
        }
        return .inherit(
            adding: variables, removing: Self.contractVariables.union(removed.subtracting(variables.keys)))
    }

    /// Starts the server (stopping a running one) with extra variables and without `removing`, for
    /// configuration lessons: a missing secret, another `TZ`. Later restarts keep both.
    public func startServer(environment: [String: String] = [:], removing: Set<String>) throws {
        try stopServer()
        lock.withLock {
            self.environment = environment
            removedEnvironment = removing
        }
        _ = try runningPort()
    }

    /// Starts the server with this environment and expects it NOT to start: it must exit before it
    /// listens (a required `JWT_SECRET` is missing, a value is malformed). Returns how it exited and
    /// what it printed, for `expectOutput(mentions:)` and `expectOutput(omits:)`. Fails the check when
    /// the server starts listening anyway, or neither listens nor exits within `timeout`. The
    /// normal server is stopped first and starts again on the next request, with the old environment.
    public func expectStartFailure(
        environment extra: [String: String] = [:], removing: Set<String> = [],
        timeout: Duration = .seconds(10)
    ) throws -> StartFailure {
        try stopServer()
        let (added, removed) = lock.withLock { (environment, removedEnvironment) }
        let variables = added.merging(extra) { _, new in new }.merging(resources.environment) { _, run in run
        }
        let configuration = LearnerServer.Configuration(
            executable: serverExecutable, arguments: serverArguments, databasePath: databasePath,
            environment: .inherit(
                adding: variables.filter { !removing.contains($0.key) },
                removing: Self.contractVariables.union(removed).union(removing)),
            workingDirectory: workDirectory.path, readinessTimeout: timeout)
        let change = StartFailure.describe(adding: extra, removing: removing)
        do {
            let started = try LearnerServer.start(configuration)
            started.stop(grace: .seconds(1))
            throw CheckFailure(
                Words(
                    "expected your server to refuse to start \(change), but it started listening. A server that "
                        + "starts without its configuration fails later, at the first request that needs it; check "
                        + "the environment in main.swift, before Server(...).run().",
                    id:
                        "seharusnya server kamu menolak start \(change), tapi ternyata ia mulai listen. Server yang "
                        + "start tanpa konfigurasinya akan gagal belakangan, di request pertama yang membutuhkannya; "
                        + "periksa environment di main.swift, sebelum Server(...).run()."
                ))
        } catch let error as ServerLaunchError {
            switch error {
            case .exitedBeforeListening(let status, let output):
                return StartFailure(status: status, output: output.text, change: change)
            case .notListening(let timeout, _):
                throw CheckFailure(
                    Words(
                        "expected your server to exit at once \(change), but it neither listened nor exited within "
                            + "\(timeout.spokenSeconds).",
                        id:
                            "seharusnya server kamu langsung keluar \(change), tapi dalam \(timeout.spokenSeconds) ia "
                            + "tidak listen dan juga tidak keluar."
                    ))
            case .couldNotStart, .limitExceededBeforeListening, .wrongListeningLine:
                throw error
            }
        }
    }
}
