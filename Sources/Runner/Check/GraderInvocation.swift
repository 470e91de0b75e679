import Foundation
import Grader

/// Runs a compiled grader against a built server and reads back its report. Every way that can
/// fail becomes an `error` report that says so, never a thrown error, so callers always have a
/// report to show.
enum GraderInvocation {
    /// `reference` is the reference solution's server, for checks that compare with it (load);
    /// `replayDirectory` is where the grader writes a replay script for each failed check.
    static func run(
        grader: URL, exercise: String, server: URL, reference: URL? = nil, timeout: Duration,
        replayDirectory: URL? = nil
    )
        -> GradeReport
    {
        let reportFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "backendlings-report-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: reportFile) }
        do {
            let (status, output) = try ChildProcess.run(
                executable: grader.path,
                arguments: [
                    "--exercise", exercise, "--server", server.path, "--report", reportFile.path, "--format",
                    "json",
                ] + (reference.map { ["--reference", $0.path] } ?? [])
                    + (replayDirectory.map { ["--replay-dir", $0.path] } ?? []),
                environment: .inherit(
                    adding: [ChildProcess.parentVariable: String(getpid())],
                    removing: ["PORT", "DATABASE_PATH", "HOST"]),
                timeout: timeout
            )
            guard status.isSuccess, let data = try? Data(contentsOf: reportFile),
                let report = try? JSONDecoder().decode(GradeReport.self, from: data)
            else {
                return GradeReport(
                    exercise: exercise,
                    status: .error,
                    message:
                        "The grader for this module failed (\(status)). This is a problem in the lesson pack, not in your code.\n"
                        + output.lastLines(15).joined(separator: "\n")
                )
            }
            return report
        } catch {
            return GradeReport(
                exercise: exercise, status: .error, message: "The grader did not finish: \(error)")
        }
    }
}
