import Foundation
import Grader

/// Several instances of the learner's server behind a round-robin front, for scaling lessons:
/// "a session created on instance 1 is valid on instance 3", "the rate limit holds across instances".
///
/// ```swift
/// let instances = try t.startInstances(3)
/// let front = try t.roundRobin(instances)
/// let login = try instances[0].http.post("/sessions", json: ["user": "ayu"]).expectStatus(201)
/// try instances[2].http.get("/me", headers: ["Cookie": cookie]).expectStatus(200)
/// ```
extension TestContext {
    /// The most instances that may run at once; stopped ones do not count, so each check of an
    /// exercise can start its own.
    public static let maxInstances = 8

    /// Starts `count` more instances of the learner's server, one after another (so migrations at
    /// startup do not race), each on its own port with its own output and the same database file
    /// and environment as the main server (plus `BACKENDLINGS_INSTANCE=<number>` and `environment`).
    /// They stop when the exercise's checks end, or with `instance.server.stop()`.
    public func startInstances(_ count: Int, environment extra: [String: String] = [:]) throws
        -> [ServerInstance]
    {
        let (already, numbered) = resources.lock.withLock {
            (resources.instances.filter { !$0.server.hasExited }.count, resources.instances.count)
        }
        guard count >= 1, already + count <= Self.maxInstances else {
            throw CheckFailure(
                Words(
                    "a check may run 1 to \(Self.maxInstances) instances of the server at once (\(already) running, "
                        + "\(count) asked for)",
                    id:
                        "satu pengecekan boleh menjalankan 1 sampai \(Self.maxInstances) instance server sekaligus "
                        + "(\(already) sedang berjalan, diminta \(count))"))
        }
        var started: [ServerInstance] = []
        for offset in 1...count {
            let number = numbered + offset
            let configuration = LearnerServer.Configuration(
                executable: serverExecutable, arguments: serverArguments, databasePath: databasePath,
                environment: serverEnvironment(
                    adding: extra.merging(["BACKENDLINGS_INSTANCE": String(number)]) { a, _ in a }),
                workingDirectory: workDirectory.path)
            let instance = ServerInstance(number: number, server: try LearnerServer.start(configuration))
            resources.lock.withLock { resources.instances.append(instance) }
            started.append(instance)
        }
        return started
    }

    /// A round-robin front on its own port that hands each new connection to the next of
    /// `instances`, like a load balancer in TCP mode; `front.http` sends through it.
    public func roundRobin(_ instances: [ServerInstance]) throws -> RoundRobinFront {
        guard !instances.isEmpty else {
            throw CheckFailure(
                Words(
                    "a round-robin front needs at least one instance",
                    id: "round-robin front butuh paling sedikit satu instance"))
        }
        let front = try RoundRobinFront(backends: instances.map { instance in { instance.port } })
        resources.lock.withLock { resources.fronts.append(front) }
        return front
    }
}
