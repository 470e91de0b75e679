import Foundation
import Grader

/// Builds an exercise, makes sure its module's grader is built, runs the grader against the
/// learner's server and records the attempt: the whole of `backendlings check`.
public struct Checker: Sendable {
    /// What a check is doing, for status lines.
    public enum Stage: Sendable, Equatable {
        case building(progress: String?)
        case buildingGrader(progress: String?)
        case grading
    }

    public let context: RunnerContext
    /// The most a grader may take for one exercise before it is stopped.
    public var gradingTimeout: Duration = .seconds(300)
    /// Whether the grader writes a replay script for each failed check into the workspace
    /// (`.backendlings/repro/<exercise>/`).
    public var writesReplayScripts = true

    public init(context: RunnerContext) {
        self.context = context
    }

    /// Checks `exercise` and records the result in progress (unless `record` is false, as for the
    /// dev check). Never throws for problems in the learner's code: those are in the report.
    public func check(
        _ exercise: Exercise, record: Bool = true, onStage: @escaping @Sendable (Stage) -> Void = { _ in }
    ) throws -> CheckOutcome {
        try context.workspace.validate(exercise)
        let manifestBackup = try context.workspace.regeneratePackageManifestIfChanged()
        onStage(.building(progress: nil))
        let started = ContinuousClock.now
        let built = try context.exerciseBuilder.build(
            exercise, onProgress: { onStage(.building(progress: $0)) })
        let report = grade(exercise, built: built, onStage: onStage)
        var outcome = CheckOutcome(
            exercise: exercise, report: report, duration: ContinuousClock.now - started)
        outcome.packageManifestBackup = manifestBackup
        if record {
            let result = try context.progressStore.recordCheck(exercise.id, passed: report.status == .pass)
            outcome.progressNotice = result.notice
        }
        return outcome
    }

    /// The report for a build's outcome: the compiler's words when it failed, the grader's verdict
    /// when it succeeded.
    public func grade(
        _ exercise: Exercise, built: ExerciseBuilder.Outcome,
        onStage: @escaping @Sendable (Stage) -> Void = { _ in }
    ) -> GradeReport {
        switch built {
        case .failed(let diagnostics):
            GradeReport(
                exercise: exercise.id, status: .error,
                message: "Your code does not compile yet. The compiler says:\n\n" + diagnostics)
        case .built(let binary):
            grade(exercise, binary: binary, onStage: onStage)
        }
    }

    /// Runs the module's grader against an already built server binary.
    public func grade(
        _ exercise: Exercise, binary: URL, onStage: @escaping @Sendable (Stage) -> Void = { _ in }
    ) -> GradeReport {
        let graderBinary: URL
        do {
            onStage(.buildingGrader(progress: nil))
            graderBinary = try context.graderBuilder.ensureBuilt(context.module(of: exercise)) {
                onStage(.buildingGrader(progress: $0))
            }
        } catch {
            return GradeReport(exercise: exercise.id, status: .error, message: String(describing: error))
        }
        onStage(.grading)
        return GraderInvocation.run(
            grader: graderBinary, exercise: exercise.id, server: binary, timeout: gradingTimeout,
            replayDirectory: writesReplayScripts ? context.workspace.replayFolder(for: exercise) : nil)
    }
}

/// What one check found.
public struct CheckOutcome: Sendable {
    public var exercise: Exercise
    public var report: GradeReport
    public var duration: Duration
    /// Set when progress.json was unreadable and had to be moved aside.
    public var progressNotice: ProgressNotice?
    /// The exercise's folder is not in the workspace, so nothing was built or graded (`check-all`).
    public var isMissing = false
    /// `Package.swift` was not the generated one, so it was written again; the old one is saved here.
    public var packageManifestBackup: URL?

    public var passed: Bool { report.status == .pass }
}
