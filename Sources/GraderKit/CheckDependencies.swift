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
                return
                    "The hidden tests of \(tests.exerciseID) are broken: the check “\(check.name)” needs “\(unknown)”, "
                    + "but no check before it has that name. This is a problem in the lesson pack, not in your code."
            }
            earlier.insert(check.name)
        }
        return nil
    }

    /// Why `check` cannot be run, given the results so far; `nil` when it can.
    func unmetNeed(of check: Check, results: [CheckResult]) -> String? {
        if launchFailedIn != nil { return "your server to start" }
        for name in check.needs {
            guard let needed = results.last(where: { $0.name == name }), needed.status != .pass else {
                continue
            }
            if needed.status == .skipped, let root = needed.needs { return root }
            return "“\(name)”"
        }
        return nil
    }

    /// How to report a check that ran, given the ones before it.
    mutating func resolve(_ run: CheckRunner.Run, of check: Check, earlier: [CheckResult]) -> CheckResult {
        let result = run.result
        defer {
            if run.launchFailed && launchFailedIn == nil { launchFailedIn = check.name }
            if run.serverStoppedDuring && result.isProblem && serverStoppedIn == nil {
                serverStoppedIn = check.name
            }
        }
        guard result.isProblem else { return result }
        if run.serverHadStopped, let stoppedIn = serverStoppedIn {
            return Self.skipped(result, needs: "your server, which stopped during “\(stoppedIn)”")
        }
        if let precondition = run.unmetPrecondition, earlier.contains(where: \.isProblem) {
            return Self.skipped(result, needs: precondition)
        }
        return result
    }

    private static func skipped(_ result: CheckResult, needs: String) -> CheckResult {
        CheckResult(
            name: result.name, status: .skipped, points: result.points,
            message: "Not checked: it needs \(needs).",
            duration: result.duration, needs: needs)
    }
}
