import Foundation
import Grader

/// The replay scripts of a run: `check-08.sh` in ``CheckRunner/replayDirectory`` for each failed
/// check that sent a request.
extension CheckRunner {
    /// `check-08.sh` for the eighth check.
    static func replayScriptName(index: Int) -> String {
        "check-" + (index < 9 ? "0" : "") + "\(index + 1).sh"
    }

    /// Removes the scripts an earlier run wrote, so none describes a failure that is gone.
    func removeOldReplayScripts() {
        guard let directory = replayDirectory,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return }
        for name in names where name.hasPrefix("check-") && name.hasSuffix(".sh") {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Writes the script for the failed check number `index` (0-based) and returns its path; `nil`
    /// when there is no directory, the check sent no request, or the file cannot be written.
    func writeReplayScript(for result: CheckResult, index: Int, context: TestContext) -> String? {
        guard let directory = replayDirectory else { return nil }
        let file = directory.appendingPathComponent(Self.replayScriptName(index: index))
        let script = ReplayScript(
            exercise: tests.exerciseID, checkIndex: index + 1, checkName: result.name,
            failureMessage: result.message, steps: context.replay.steps, scriptPath: file.path)
        guard script.hasRequests else { return nil }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(script.render().utf8).write(to: file, options: .atomic)
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
            return file.path
        } catch {
            return nil
        }
    }
}
