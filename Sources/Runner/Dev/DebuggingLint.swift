import Foundation
import Grader

/// The dev check's rules for a debugging module (`"kind": "debugging"`), graded like SWE-bench: the
/// checks the planted bug fails must pass after the fix, and the guard checks must still pass. A fix
/// is only tested that way when the exercise has guards, and when deleting the feature, the laziest
/// "fix", is a known-wrong variant that a guard catches.
///
/// The starter's own rules (it passes every guard and fails another check) are judged with every
/// exercise's, in `DevCheck.judge`; the rule against `TODO(learner)` markers is in `PackLint`.
struct DebuggingLint {
    /// The variant every debugging exercise carries: the solution with the feature removed.
    static let deletesTheFeature = "deletes-the-feature"

    let pack: Pack

    /// Whether `exercise` belongs to a debugging module, so these rules apply to it.
    func applies(to exercise: Exercise) -> Bool {
        pack.module(of: exercise)?.kind == .debugging
    }

    /// What can be judged before anything is built: the variant that deletes the feature exists.
    /// A folder that is there but cannot be read is the variant loader's problem, not a missing one.
    func problems(of exercise: Exercise) -> [String] {
        guard applies(to: exercise) else { return [] }
        let folder = VariantLoader(pack: pack).folder(of: exercise)
            .appendingPathComponent(Self.deletesTheFeature, isDirectory: true)
        guard !FileSystem.isDirectory(folder) else { return [] }
        return [
            "Exercise \"\(exercise.id)\" is in a debugging module but has no variant that deletes the feature: add "
                + "\(Variant.shownFolder(of: exercise, name: Self.deletesTheFeature)) with a \(Variant.descriptionFile), "
                + "the feature removed, caught by a guard check, to prove that deleting the feature is not a fix."
        ]
    }

    /// What needs a grading run: `checks` are the exercise's checks as a run reported them (every
    /// check is listed, with `isGuard`, even when it did not run), and `variants` are the variants
    /// this dev check grades. No checks means no run got that far; its problem is reported already.
    func problems(of exercise: Exercise, checks: [CheckResult], variants: [Variant]) -> [String] {
        guard applies(to: exercise), !checks.isEmpty else { return [] }
        let guards = Set(checks.filter { $0.isGuard == true }.map(\.name))
        var problems: [String] = []
        if guards.isEmpty {
            problems.append(
                "Exercise \"\(exercise.id)\" is in a debugging module but has no guard check: mark the checks that "
                    + "guard the rest of the app with `.asGuard()`, so that deleting the feature is not a fix."
            )
        }
        // A caughtBy that names no check at all is already reported by `VariantVerdict`.
        for variant in variants where variant.name == Self.deletesTheFeature {
            guard checks.contains(where: { $0.name == variant.caughtBy }), !guards.contains(variant.caughtBy)
            else { continue }
            problems.append(
                "\(variant.label): caughtBy in \(variant.shownFolder)/\(Variant.descriptionFile) names "
                    + "\"\(variant.caughtBy)\", which is not a guard check; deleting the feature must be caught by a "
                    + "guard (a check marked `.asGuard()` that already passes on the starter), or the checks would "
                    + "accept it as a fix.")
        }
        return problems
    }
}
