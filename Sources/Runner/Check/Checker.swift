import Foundation
import Grader
import Synchronization

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
    /// Runs between the build and the grader. Watch mode waits there for a burst of saves to end,
    /// so the build starts at once but only the newest code is graded.
    public var beforeGrading: @Sendable () -> Void = {}
    /// The language the grader writes its report in (check names, messages, hints): the learner's,
    /// as `LanguageChoice` found it: the process's language when the checker is made (the CLI sets
    /// it at start), so every command's checks speak the learner's language without being told.
    public var language: Language = .current

    public init(context: RunnerContext) {
        self.context = context
    }

    /// Checks `exercise` and records the result in progress (unless `record` is false, as for the
    /// dev check). Never throws for problems in the learner's code: those are in the report. With
    /// `cancellation`, a cancelled check throws `CheckCancelled` and records nothing.
    public func check(
        _ exercise: Exercise, record: Bool = true, cancellation: Cancellation? = nil,
        onStage: @escaping @Sendable (Stage) -> Void = { _ in }
    ) throws -> CheckOutcome {
        try context.workspace.validate(exercise)
        let manifestBackup = try context.workspace.regeneratePackageManifestIfChanged()
        onStage(.building(progress: nil))
        let started = ContinuousClock.now
        let buildingCode = Flag(true)
        let preparation = GraderPreparation(
            builder: context.graderBuilder, module: context.module(of: exercise), exercise: exercise
        ) {
            progress in
            // While the code builds, its progress is shown.
            if !buildingCode.value { onStage(.buildingGrader(progress: progress)) }
        }
        let built: ExerciseBuilder.Outcome
        do {
            built = try StageTiming.measure("build") { () throws(BuildError) in
                try context.exerciseBuilder.build(
                    exercise, cancellation: cancellation, onProgress: { onStage(.building(progress: $0)) })
            }
        } catch {
            if case .cancelled = error { throw CheckCancelled() }
            throw error
        }
        buildingCode.value = false
        StageTiming.measure("wait for the save burst to end", beforeGrading)
        try cancellation?.check()
        let report = try StageTiming.measure("grade") { () throws(CheckCancelled) in
            try grade(
                exercise, built: built, grader: preparation, cancellation: cancellation, onStage: onStage)
        }
        try cancellation?.check()
        var outcome = CheckOutcome(
            exercise: exercise, report: report, duration: ContinuousClock.now - started)
        outcome.packageManifestBackup = manifestBackup
        if case .built(let binary) = built { outcome.binary = binary }
        if record {
            let result = try StageTiming.measure("record progress") { () throws(ProgressError) in
                try context.progressStore.recordCheck(
                    exercise.id, passed: report.status == .pass, tally: CheckTally(report))
            }
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
        // Without a cancellation nothing can cancel the run.
        (try? grade(exercise, built: built, cancellation: nil, onStage: onStage))
            ?? GradeReport(exercise: exercise.id, status: .error, message: BuildError.cancelled.description)
    }

    func grade(
        _ exercise: Exercise, built: ExerciseBuilder.Outcome, grader: GraderPreparation? = nil,
        cancellation: Cancellation?, onStage: @escaping @Sendable (Stage) -> Void
    ) throws(CheckCancelled) -> GradeReport {
        switch built {
        case .failed(let diagnostics):
            try notBuilt(exercise, grader: grader, cancellation: cancellation).with(
                message: Words(
                    "Your code does not compile yet. The compiler says:\n\n",
                    id: "Kodemu belum bisa dikompilasi. Kata compiler:\n\n"
                )[language] + diagnostics)
        case .built(let binary):
            try grade(exercise, binary: binary, grader: grader, cancellation: cancellation, onStage: onStage)
        }
    }

    /// The grader's report for code that did not build: every check not checked, so the exercise
    /// scores 0 of all its points. Without the grader (it does not build either) the report has no
    /// checks; the pack's problem is then named by the grader's own build, on the next run.
    private func notBuilt(
        _ exercise: Exercise, grader preparation: GraderPreparation?, cancellation: Cancellation?
    )
        throws(CheckCancelled) -> GradeReport
    {
        // The grader made ready beside the compile, when there is one: its files are not read twice.
        let ready = { () throws(BuildError) -> URL in
            if let preparation { return try preparation.grader() }
            return try context.graderBuilder.ensureBuilt(context.module(of: exercise))
        }
        guard let grader = try? ready() else {
            return GradeReport(exercise: exercise.id, status: .error)
        }
        return try GraderInvocation.run(
            grader: grader, exercise: exercise.id, server: nil, timeout: Self.listingTimeout,
            language: language,
            cancellation: cancellation)
    }

    /// How long the grader may take to list an exercise's checks.
    static let listingTimeout = Duration.seconds(30)

    /// Runs the module's grader against an already built server binary. The grader's own build
    /// is never cancelled (it does not depend on the learner's code); the grading run is.
    func grade(
        _ exercise: Exercise, binary: URL, grader: GraderPreparation? = nil, cancellation: Cancellation?,
        onStage: @escaping @Sendable (Stage) -> Void
    ) throws(CheckCancelled) -> GradeReport {
        let prepared: GraderPreparation.Prepared
        do {
            onStage(.buildingGrader(progress: nil))
            prepared = try StageTiming.measure("grader ready") { () throws(BuildError) in
                if let grader { return try grader.prepared() }
                let builder = context.graderBuilder
                let grader = try builder.ensureBuilt(context.module(of: exercise)) {
                    onStage(.buildingGrader(progress: $0))
                }
                let companions = try builder.companions(of: exercise) {
                    onStage(.buildingGrader(progress: $0))
                }
                return GraderPreparation.Prepared(
                    grader: grader, reference: companions.reference, starter: companions.starter)
            }
        } catch {
            return GradeReport(exercise: exercise.id, status: .error, message: String(describing: error))
        }
        try cancellation?.check()
        onStage(.grading)
        return try GraderInvocation.run(
            grader: prepared.grader, exercise: exercise.id, server: binary, reference: prepared.reference,
            starter: prepared.starter, learnerFolder: context.workspace.folder(of: exercise),
            timeout: gradingTimeout,
            replayDirectory: writesReplayScripts ? context.workspace.replayFolder(for: exercise) : nil,
            language: language, cancellation: cancellation)
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
    /// The server that was checked, when the code built: what `serve` restarts on.
    public var binary: URL?

    public var passed: Bool { report.status == .pass }

    public init(exercise: Exercise, report: GradeReport, duration: Duration, binary: URL? = nil) {
        self.exercise = exercise
        self.report = report
        self.duration = duration
        self.binary = binary
    }
}

/// A Boolean shared between threads.
private final class Flag: Sendable {
    private let stored: Mutex<Bool>
    init(_ value: Bool) { stored = Mutex(value) }
    var value: Bool {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
