import Foundation
import Grader

/// The reference solution's server, run beside the learner's: load checks compare latencies with
/// it, and a check may compare answers with it. The exercise must say
/// `"comparesWithReference": true` in pack.json, so the runner builds the solution for learners too.
extension TestContext {
    /// The reference solution's server, started on first use with its own database file and the
    /// same environment as the learner's; throws `LoadError.noReference` without `--reference`.
    public func referenceInstance() throws -> LearnerServer {
        if let running = resources.lock.withLock({ resources.referenceInstance }), !running.hasExited {
            return running
        }
        guard let reference = resources.reference else {
            throw CheckFailure(
                Words(
                    LoadError.noReference.description,
                    id:
                        "Pengecekan ini membandingkan server kamu dengan solusi acuan, tapi grader dijalankan tanpa "
                        + "--reference PATH. Ini masalah di paket pelajaran, bukan di kodemu: latihan ini butuh "
                        + "\"comparesWithReference\": true di pack.json, supaya solusi acuannya dibuat dan diberikan."
                ))
        }
        let folder = workDirectory.appendingPathComponent("reference", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = LearnerServer.Configuration(
            executable: reference.executable, arguments: reference.arguments,
            databasePath: folder.appendingPathComponent("reference.sqlite").path,
            environment: serverEnvironment(), workingDirectory: folder.path)
        let started: LearnerServer
        do {
            started = try LearnerServer.start(configuration)
        } catch {
            throw CheckFailure(
                Words(
                    "the reference solution could not start (\(error.message)). This is a problem in the lesson "
                        + "pack, not in your code.",
                    id:
                        "solusi acuan tidak bisa start (\(error.message)). Ini masalah di paket pelajaran, bukan di "
                        + "kodemu."
                ))
        }
        resources.lock.withLock { resources.referenceInstance = started }
        return started
    }

    /// A client for the reference solution's server (started on first use), for a check that
    /// compares the learner's answer with the reference's: "the same totals as the reference".
    public func referenceHTTP() throws -> HTTPClient {
        let reference = try referenceInstance()
        return HTTPClient(
            endpoint: { reference.port },
            diagnose: { reference.unexpectedExitMessage.map { TransportDiagnosis(text: $0) } })
    }
}
