import Foundation
import Grader

/// Runs a compiled grader against a built server and reads back its report. Every way that can
/// fail becomes an `error` report that says so, never a thrown error, so callers always have a
/// report to show.
enum GraderInvocation {
    /// `server` is the learner's built server; `nil` when their code did not build, and the grader
    /// then lists every check as not checked (`--not-built`), so the exercise scores 0 of all its
    /// points. `reference` is the reference solution's server, for checks that compare with it (load);
    /// `starter` the exercise's untouched starter, for checks that run something against it;
    /// `replayDirectory` is where the grader writes a replay script for each failed check;
    /// `language` is the one the grader writes its report in (`--lang`); `learnerFolder` is the
    /// learner's exercise folder, for checks that read a file in it (`--learner-folder`, such as a
    /// `Containerfile`: the grader runs in a work folder of its own and has no other way to find it).
    /// Throws only `CheckCancelled`, when `cancellation` stopped the grader.
    static func run(
        grader: URL, exercise: String, server: URL?, reference: URL? = nil, starter: URL? = nil,
        learnerFolder: URL? = nil, timeout: Duration,
        replayDirectory: URL? = nil, language: Language = .en, cancellation: Cancellation? = nil
    ) throws(CheckCancelled) -> GradeReport {
        let reportFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backendlings-report-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: reportFile) }
        do {
            let (status, output) = try Cancellation.run(
                executable: grader.path,
                arguments: ["--exercise", exercise]
                    + (server.map { ["--server", $0.path] } ?? ["--not-built"])
                    + ["--report", reportFile.path, "--format", "json"]
                    + (reference.map { ["--reference", $0.path] } ?? [])
                    + (starter.map { ["--starter", $0.path] } ?? [])
                    + (learnerFolder.map { ["--learner-folder", $0.path] } ?? [])
                    + (replayDirectory.map { ["--replay-dir", $0.path] } ?? [])
                    + ["--lang", language.code],
                environment: .inherit(
                    adding: [ChildProcess.parentVariable: String(getpid())],
                    removing: ["PORT", "DATABASE_PATH", "HOST"]),
                timeout: timeout, cancellation: cancellation
            )
            guard status.isSuccess, let data = try? Data(contentsOf: reportFile),
                let report = try? JSONDecoder().decode(GradeReport.self, from: data)
            else {
                return GradeReport(
                    exercise: exercise,
                    status: .error,
                    message: Words(
                        "The grader for this module failed (\(status)). This is a problem in the lesson pack, "
                            + "not in your code.\n",
                        id:
                            "Grader modul ini gagal (\(status)). Ini masalah di paket pelajaran, bukan di kodemu.\n"
                    )[language] + output.lastLines(15).joined(separator: "\n")
                )
            }
            StageTiming.record("grader: checks (its own clock)", milliseconds: report.duration * 1000)
            for check in report.checks {
                StageTiming.record("grader: check \(check.name)", milliseconds: check.duration * 1000)
            }
            return report
        } catch let cancelled as CheckCancelled {
            throw cancelled
        } catch {
            return GradeReport(
                exercise: exercise, status: .error,
                message: Words("The grader did not finish: \(error)", id: "Grader tidak selesai: \(error)")[
                    language])
        }
    }
}
