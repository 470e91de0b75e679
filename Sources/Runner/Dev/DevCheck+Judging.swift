import Foundation
import Grader

extension DevCheck {
    /// One exercise's result: its problems so far, plus what the grading runs of its starter,
    /// solution and variants say.
    func judge(
        _ exercise: Exercise, problems: [String], variants: [Variant], reports: Reports,
        failures: [String: String]
    ) -> DevCheckResult.ExerciseResult {
        var found = problems
        let starter = reports[DevCheckPackage.starterProduct(exercise)]
        let solution = reports[DevCheckPackage.solutionProduct(exercise)]
        if let starter {
            switch starter.status {
            case .pass:
                found.append(
                    "The untouched starter PASSES every hidden check; it must fail at least one, or there is nothing to learn."
                )
            case .error:
                found.append(
                    "The untouched starter's server does not run: \(starter.message ?? "no message"). A starter must start and fail a check."
                )
            case .fail:
                found += guardsFailed(by: starter)
            }
        }
        if let solution, solution.status != .pass {
            let failure =
                solution.firstFailure.map { "\"\($0.name)\": \($0.message ?? "")" }
                ?? (solution.message ?? "")
            found.append("The reference solution does not pass: \(failure)")
        }
        // Every check with its guard mark: from the solution's run, or the starter's if that has none.
        let checks = [solution?.checks, starter?.checks].compactMap { $0 }.first { !$0.isEmpty } ?? []
        found += DebuggingLint(pack: pack).problems(of: exercise, checks: checks, variants: variants)
        let checkNames = solution?.checks.map(\.name) ?? []
        let verdicts = variants.map { variant -> VariantResult in
            let product = DevCheckPackage.variantProduct(variant)
            guard solution?.status == .pass else { return VariantVerdict.notChecked(variant) }
            if let errors = failures[product] {
                return VariantVerdict.doesNotCompile(variant, errors: errors)
            }
            guard let report = reports[product] else { return VariantVerdict.notChecked(variant) }
            return VariantVerdict.judge(variant, report: report, checkNames: checkNames)
        }
        return DevCheckResult.ExerciseResult(
            id: exercise.id, starter: starter?.status.rawValue, solution: solution?.status.rawValue,
            problems: found, variants: verdicts)
    }

    /// A starter must pass every guard check: a guard checks what already worked, and only the
    /// planted bug may be wrong. When it fails nothing but guards, nothing is left to fix.
    private func guardsFailed(by starter: GradeReport) -> [String] {
        let failedGuards = starter.checks.filter { $0.isGuard == true && $0.isProblem }
        var found = failedGuards.map {
            "The untouched starter fails the guard check \"\($0.name)\": \($0.message ?? ""). A guard checks what "
                + "already works, so it must pass on the starter; only the planted bug may fail."
        }
        if !failedGuards.isEmpty && !starter.checks.contains(where: { $0.isGuard != true && $0.isProblem }) {
            found.append(
                "The untouched starter fails only guard checks: a check that the planted bug fails is missing."
            )
        }
        return found
    }
}
