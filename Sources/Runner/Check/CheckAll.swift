import Foundation
import Grader
import Synchronization

/// Checks every exercise: builds run one after another (SwiftPM shares one build folder), grading
/// runs in parallel on all cores. Results are recorded in progress as they come.
public struct CheckAll: Sendable {
    public let checker: Checker
    /// Whether outcomes go into the learner's progress (not when an instructor grades a copy).
    public var record = true
    /// Exercise ids to check; empty means every exercise in the workspace.
    public var only: Set<String> = []

    public init(context: RunnerContext) {
        checker = Checker(context: context)
    }

    /// Returns outcomes in pack order. `onFinished` sees each outcome as soon as it is known.
    public func run(onFinished: @escaping @Sendable (CheckOutcome) -> Void = { _ in }) throws
        -> [CheckOutcome]
    {
        let workspace = checker.context.workspace
        try workspace.regeneratePackageManifestIfChanged()
        let exercises = checker.context.pack.exercises.filter { only.isEmpty || only.contains($0.id) }
        let record = self.record
        let results = OutcomeStore(count: exercises.count)
        let grading = BoundedThreads()
        for (index, exercise) in exercises.enumerated() {
            let started = ContinuousClock.now
            // A missing folder is reported in its place; the others are still checked.
            guard workspace.contains(exercise) else {
                let missing = WorkspaceError.missingExercise(
                    id: exercise.id, path: workspace.displayPath(workspace.folder(of: exercise)))
                var outcome = CheckOutcome(
                    exercise: exercise,
                    report: GradeReport(exercise: exercise.id, status: .error, message: missing.description),
                    duration: .zero)
                outcome.isMissing = true
                results.set(index, outcome)
                onFinished(outcome)
                continue
            }
            let built: ExerciseBuilder.Outcome
            do {
                built = try checker.context.exerciseBuilder.build(exercise)
            } catch {
                let outcome = CheckOutcome(
                    exercise: exercise,
                    report: GradeReport(exercise: exercise.id, status: .error, message: error.description),
                    duration: ContinuousClock.now - started)
                results.set(index, outcome)
                onFinished(outcome)
                continue
            }
            // Build the module's grader before fanning out, so parallel checks do not queue on it.
            _ = try? checker.context.graderBuilder.ensureBuilt(checker.context.module(of: exercise))
            var grader = self.checker
            grader.writesReplayScripts = record  // an instructor's copy gets no new files
            let checker = grader
            grading.submit {
                let report = checker.grade(exercise, built: built)
                var outcome = CheckOutcome(
                    exercise: exercise, report: report, duration: ContinuousClock.now - started)
                if record {
                    outcome.progressNotice =
                        (try? checker.context.progressStore.recordCheck(
                            exercise.id, passed: report.status == .pass, tally: CheckTally(report)))?.notice
                }
                results.set(index, outcome)
                onFinished(outcome)
            }
        }
        grading.wait()
        return results.all
    }

    private final class OutcomeStore: Sendable {
        private let outcomes: Mutex<[CheckOutcome?]>
        init(count: Int) { outcomes = Mutex(Array(repeating: nil, count: count)) }
        func set(_ index: Int, _ outcome: CheckOutcome) { outcomes.withLock { $0[index] = outcome } }
        var all: [CheckOutcome] { outcomes.withLock { $0.compactMap { $0 } } }
    }
}
