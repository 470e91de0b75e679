import Grader

extension ExerciseTests {
    /// What every check needs when the learner's code did not build: "Not checked: it needs your
    /// code to compile."
    static let compilingCode = Words("your code to compile", id: "kodemu bisa dikompilasi")

    /// The report of a run that could not start because the learner's code does not build
    /// (`--not-built`): every check listed as not checked, so the exercise scores 0 of all its
    /// points — in the terminal, results.json, JUnit and class totals — never 0 of 0, which would
    /// add up to more than an honest failing attempt. The runner adds the compiler's words as the
    /// report's message.
    func notBuiltReport() -> GradeReport {
        GradeReport(
            exercise: exerciseID, status: .error,
            checks: checks.map { check in
                // No `needs`: that names an earlier check to fix first; here the message says it all.
                var result = CheckResult(
                    name: check.title.text, status: .skipped, points: check.points,
                    message: CheckDependencies.notCheckedMessage(needs: Self.compilingCode.text))
                result.isGuard = check.isGuard ? true : nil
                return result
            })
    }
}
