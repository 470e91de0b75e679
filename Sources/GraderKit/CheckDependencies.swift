import Grader

/// Decides which checks of a run are reported as "not checked (needs …)" rather than as one more
/// failure, so that one mistake shows as one ✗.
///
/// A check is not checked when
/// - a check it `needs` did not pass (it is not even run);
/// - the server could not be started in an earlier check (it is not run);
/// - it failed on an unmet precondition (``given(_:_:)``) after an earlier check had failed;
/// - it found the server already stopped, after the server stopped during an earlier failed check.
///
/// The words after "needs" always lead to a ✗ in the same report: a need on a skipped check is
/// passed on from it, and a failure with no earlier ✗ to blame stays a failure.
struct CheckDependencies {
    /// The failed check during which the server stopped by itself (crashed, exited).
    private var serverStoppedIn: String?
    /// The check in which the server could not be started.
    private var launchFailedIn: String?

    /// A mistake in the hidden tests' `needs` (a name that is not an earlier check), as the run's
    /// message; `nil` when every need names an earlier check.
    static func problem(in tests: ExerciseTests) -> String? {
        var earlier: Set<String> = []
        for check in tests.checks {
            if let unknown = check.needs.first(where: { !earlier.contains($0) }) {
                return Words(
                    "The hidden tests of \(tests.exerciseID) are broken: the check “\(check.title.text)” needs "
                        + "“\(unknown)”, but no check before it has that name. This is a problem in the lesson "
                        + "pack, not in your code.",
                    id: "Tes tersembunyi \(tests.exerciseID) rusak: pengecekan “\(check.title.text)” butuh "
                        + "“\(unknown)”, tapi tidak ada pengecekan sebelumnya dengan nama itu. Ini masalah di "
                        + "paket pelajaran, bukan di kodemu."
                ).text
            }
            earlier.insert(check.name)
        }
        return nil
    }

    /// What every later check needs once the server could not be started.
    static var serverToStart: String { Words("your server to start", id: "server kamu bisa start").text }

    /// Why `check` cannot be run, given the results so far of `checks` (one result per earlier
    /// check, in order); `nil` when it can. Needs name checks by their English name; the words
    /// returned name them in the run's language.
    func unmetNeed(of check: Check, results: [CheckResult], checks: [Check]) -> String? {
        if launchFailedIn != nil { return Self.serverToStart }
        for name in check.needs {
            guard
                let index = results.indices.last(where: { checks[$0].name == name }),
                results[index].status != .pass
            else { continue }
            let needed = results[index]
            if needed.status == .skipped, let root = needed.needs { return root }
            return "“\(checks[index].title.text)”"
        }
        return nil
    }

    /// How to report a check that ran, given the ones before it.
    mutating func resolve(_ run: CheckRunner.Run, of check: Check, earlier: [CheckResult]) -> CheckResult {
        let result = run.result
        defer {
            if run.launchFailed && launchFailedIn == nil { launchFailedIn = check.title.text }
            if run.serverStoppedDuring && result.isProblem && serverStoppedIn == nil {
                serverStoppedIn = check.title.text
            }
        }
        guard result.isProblem else { return result }
        if run.serverHadStopped, let stoppedIn = serverStoppedIn {
            return Self.skipped(
                result,
                needs: Words(
                    "your server, which stopped during “\(stoppedIn)”",
                    id: "server kamu, yang berhenti saat “\(stoppedIn)”"
                ).text)
        }
        if let precondition = run.unmetPrecondition, earlier.contains(where: \.isProblem) {
            return Self.skipped(result, needs: precondition)
        }
        return result
    }

    private static func skipped(_ result: CheckResult, needs: String) -> CheckResult {
        CheckResult(
            name: result.name, status: .skipped, points: result.points,
            message: notCheckedMessage(needs: needs),
            duration: result.duration, needs: needs)
    }

    /// "Not checked: it needs …", the message of every check reported as not checked.
    static func notCheckedMessage(needs: String) -> String {
        Words("Not checked: it needs \(needs).", id: "Tidak dicek: pengecekan ini butuh \(needs).").text
    }
}
