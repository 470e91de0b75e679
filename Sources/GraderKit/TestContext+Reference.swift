import Foundation
import Grader

/// Programs run beside the learner's server. The reference solution: load checks compare
/// latencies with it, and a check may compare answers with it (the exercise says
/// `"comparesWithReference": true` in pack.json). The untouched starter: a check may run something
/// against the unfixed code, such as the learner's regression test, which must fail there
/// (`"comparesWithStarter": true`). The runner builds each for learners too.
extension TestContext {
    /// The reference solution's server, started on first use with its own database file and the
    /// same environment as the learner's; fails the check, naming the pack's problem, without
    /// `--reference`.
    public func referenceInstance() throws -> LearnerServer {
        try companion(.reference)
    }

    /// A client for the reference solution's server (started on first use), for a check that
    /// compares the learner's answer with the reference's: "the same totals as the reference".
    public func referenceHTTP() throws -> HTTPClient { client(for: try referenceInstance()) }

    /// The exercise's untouched starter as a server, started on first use with its own database
    /// file; fails the check, naming the pack's problem, without `--starter`.
    public func starterInstance() throws -> LearnerServer {
        try companion(.starter)
    }

    /// A client for the untouched starter's server (started on first use).
    public func starterHTTP() throws -> HTTPClient { client(for: try starterInstance()) }

    private enum Companion {
        case reference, starter

        var folder: String { self == .reference ? "reference" : "starter" }
    }

    private func client(for server: LearnerServer) -> HTTPClient {
        HTTPClient(
            endpoint: { server.port },
            diagnose: { server.unexpectedExitMessage.map { TransportDiagnosis(text: $0) } })
    }

    private func companion(_ kind: Companion) throws -> LearnerServer {
        let running = resources.lock.withLock {
            kind == .reference ? resources.referenceInstance : resources.starterInstance
        }
        if let running, !running.hasExited { return running }
        guard let program = kind == .reference ? resources.reference : resources.starter else {
            throw CheckFailure(kind == .reference ? Self.noReference : Self.noStarter)
        }
        let folder = workDirectory.appendingPathComponent(kind.folder, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let configuration = LearnerServer.Configuration(
            executable: program.executable, arguments: program.arguments,
            databasePath: folder.appendingPathComponent("\(kind.folder).sqlite").path,
            environment: serverEnvironment(), workingDirectory: folder.path)
        let started: LearnerServer
        do {
            started = try LearnerServer.start(configuration)
        } catch {
            throw CheckFailure(
                kind == .reference
                    ? Words(
                        "the reference solution could not start (\(error.message)). This is a problem in the lesson "
                            + "pack, not in your code.",
                        id:
                            "solusi acuan tidak bisa start (\(error.message)). Ini masalah di paket pelajaran, bukan di "
                            + "kodemu.")
                    : Words(
                        "the exercise's starter could not start (\(error.message)). This is a problem in the lesson "
                            + "pack, not in your code.",
                        id:
                            "starter latihan ini tidak bisa start (\(error.message)). Ini masalah di paket pelajaran, "
                            + "bukan di kodemu."))
        }
        resources.lock.withLock {
            if kind == .reference {
                resources.referenceInstance = started
            } else {
                resources.starterInstance = started
            }
        }
        return started
    }

    private static let noReference = Words(
        LoadError.noReference.description,
        id:
            "Pengecekan ini membandingkan server kamu dengan solusi acuan, tapi grader dijalankan tanpa "
            + "--reference PATH. Ini masalah di paket pelajaran, bukan di kodemu: latihan ini butuh "
            + "\"comparesWithReference\": true di pack.json, supaya solusi acuannya dibuat dan diberikan.")

    private static let noStarter = Words(
        "This check runs something against the exercise's untouched starter, but the grader was started "
            + "without --starter PATH. This is a problem in the lesson pack, not in your code: the exercise "
            + "needs \"comparesWithStarter\": true in pack.json, so the starter is built and passed.",
        id:
            "Pengecekan ini menjalankan sesuatu terhadap starter latihan yang belum diubah, tapi grader "
            + "dijalankan tanpa --starter PATH. Ini masalah di paket pelajaran, bukan di kodemu: latihan ini "
            + "butuh \"comparesWithStarter\": true di pack.json, supaya starter-nya dibuat dan diberikan.")
}
