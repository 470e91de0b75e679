import Foundation
import Grader
import Synchronization

/// `backendlings dev grade`: grades many learners' workspaces (copies an instructor collected) and
/// writes what a gradebook or CI needs, without touching anyone's progress.
///
/// Each workspace's generated `Package.swift` is rewritten for this machine first (a copy from a
/// learner's machine points at their checkout), and exercises the learner never started are
/// graded as their starters, so every workspace gets a score for every exercise.
///
/// A class is mostly the same few sources (untouched starters, copied solutions): `SharedBuilds`
/// compiles each distinct source once, one build at a time, while the grading of what is built runs
/// on the other cores, and `SharedGradings` grades each distinct binary once. Each grading run starts the learner's server on a port of its own (`PORT=0`)
/// with a fresh database in a folder of its own, and the grader kills everything the server started
/// and caps its output, memory and time, so one learner's server cannot reach another's or stall
/// the batch.
public struct BatchGrade: Sendable {
    public let pack: Pack
    public let home: URL
    public var only: Set<String> = []
    /// How many exercises are graded at once, over all workspaces: one per core, since the grader
    /// and the server it tests both work.
    public var parallelGrading = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// The most one exercise's grading may take; a server that never answers costs this at most.
    public var gradingTimeout: Duration = .seconds(300)

    public init(pack: Pack, home: URL) {
        self.pack = pack
        self.home = home
    }

    /// One learner's results.
    public struct WorkspaceResult: Codable, Sendable, Equatable {
        public var workspace: String
        public var exercises: [ExerciseResult]
        public var score: Int
        public var maxScore: Int
        public var passed: Int
        /// Why the workspace could not be graded at all, when it could not.
        public var problem: String?
    }

    public struct ExerciseResult: Codable, Sendable, Equatable {
        public var exercise: String
        public var status: String
        public var score: Int
        public var maxScore: Int
        /// Why the run was an error (the compiler's words, a server that did not start), shortened.
        public var message: String?
        /// Every check with its verdict, so a gradebook can show which checks a class fails.
        public var checks: [CheckLine] = []

        public init(report: GradeReport) {
            exercise = report.exercise
            status = report.status.rawValue
            score = report.score
            maxScore = report.maxScore
            message = report.message.map(Self.shortened)
            checks = report.checks.map {
                CheckLine(
                    name: $0.name, status: $0.status.rawValue, points: $0.points,
                    message: $0.status == .pass ? nil : $0.message.map(Self.shortened))
            }
        }

        /// Enough for a compiler error or a check's explanation; a server that floods its output
        /// must not make the summary huge.
        public static let messageLimit = 2_000

        static func shortened(_ text: String) -> String {
            text.count > messageLimit ? String(text.prefix(messageLimit)) + "…" : text
        }
    }

    /// One check of one exercise: its name, verdict (`pass`, `fail`, `error`, `skipped`) and, when
    /// it did not pass, what it said.
    public struct CheckLine: Codable, Sendable, Equatable {
        public var name: String
        public var status: String
        public var points: Int
        public var message: String?
    }

    /// Grades every workspace. `onGraded` receives every exercise's report as it is known (from
    /// grading threads), for writing files; results come back in the order of `workspaces`.
    public func run(
        _ workspaces: [URL],
        onGraded: @escaping @Sendable (URL, CheckOutcome) -> Void = { _, _ in }
    ) -> [WorkspaceResult] {
        let exercises = pack.exercises.filter { only.isEmpty || only.contains($0.id) }
        let graders = GraderBuilder(pack: pack, home: home)
        for module in pack.modules where exercises.contains(where: { $0.moduleID == module.id }) {
            _ = try? graders.ensureBuilt(module)  // before fanning out, so checks do not queue on it
        }
        for exercise in exercises {
            _ = try? graders.companions(of: exercise)
        }
        let builds = try? SharedBuilds(
            pack: pack, home: home, folder: SharedBuilds.folder(pack: pack, home: home))
        let store = OutcomeStore(workspaces: workspaces.count, exercises: exercises.count)
        let grading = BoundedThreads(limit: parallelGrading)
        let gradings = SharedGradings()
        var problems: [Int: String] = [:]
        for (index, root) in workspaces.enumerated() {
            let context: RunnerContext
            do {
                context = try prepare(root)
            } catch {
                problems[index] = String(describing: error)
                continue
            }
            var checker = Checker(context: context)
            checker.writesReplayScripts = false  // an instructor's copy gets no new files
            checker.gradingTimeout = gradingTimeout
            for (slot, exercise) in exercises.enumerated() {
                let started = ContinuousClock.now
                let finish: @Sendable (GradeReport) -> Void = { report in
                    let outcome = CheckOutcome(
                        exercise: exercise, report: report, duration: ContinuousClock.now - started)
                    store.set(index, slot, outcome)
                    onGraded(root, outcome)
                }
                guard context.workspace.contains(exercise) else {
                    let missing = WorkspaceError.missingExercise(
                        id: exercise.id,
                        path: context.workspace.displayPath(context.workspace.folder(of: exercise)))
                    finish(GradeReport(exercise: exercise.id, status: .error, message: missing.description))
                    continue
                }
                let built: ExerciseBuilder.Outcome
                do throws(BuildError) {
                    if let builds {
                        built = try builds.build(exercise, of: context.workspace)
                    } else {
                        built = try context.exerciseBuilder.build(exercise)
                    }
                } catch {
                    finish(GradeReport(exercise: exercise.id, status: .error, message: error.description))
                    continue
                }
                let grader = checker
                // A binary SharedBuilds keeps is the same program for every learner who built to it.
                if builds != nil, case .built(let binary) = built {
                    if gradings.join(binary.path, finish: finish) {
                        grading.submit { gradings.graded(binary.path, grader.grade(exercise, built: built)) }
                    }
                } else {
                    grading.submit { finish(grader.grade(exercise, built: built)) }
                }
            }
        }
        grading.wait()
        return workspaces.enumerated().map { index, root in
            let name = root.lastPathComponent
            if let problem = problems[index] {
                return WorkspaceResult(
                    workspace: name, exercises: [], score: 0, maxScore: 0, passed: 0, problem: problem)
            }
            let outcomes = store.outcomes(of: index)
            return WorkspaceResult(
                workspace: name,
                exercises: outcomes.map { ExerciseResult(report: $0.report) },
                score: outcomes.reduce(0) { $0 + $1.report.score },
                maxScore: outcomes.reduce(0) { $0 + $1.report.maxScore },
                passed: outcomes.filter(\.passed).count,
                problem: nil
            )
        }
    }

    /// Brings a collected workspace up to date for this machine (missing exercises added as
    /// starters, `Package.swift` regenerated), without touching its progress.
    private func prepare(_ root: URL) throws -> RunnerContext {
        let workspace = Workspace(root: root, pack: pack, home: home)
        _ = try workspace.sync()
        try workspace.regeneratePackageManifestIfChanged()
        let locations = Locations(home: home, packRoot: pack.root, workspace: workspace.root)
        return RunnerContext(locations: locations, pack: pack, workspace: workspace)
    }

    /// Outcomes by workspace and exercise, filled in from grading threads.
    private final class OutcomeStore: Sendable {
        private let outcomes: Mutex<[[CheckOutcome?]]>
        init(workspaces: Int, exercises: Int) {
            outcomes = Mutex(Array(repeating: Array(repeating: nil, count: exercises), count: workspaces))
        }
        func set(_ workspace: Int, _ exercise: Int, _ outcome: CheckOutcome) {
            outcomes.withLock { $0[workspace][exercise] = outcome }
        }
        func outcomes(of workspace: Int) -> [CheckOutcome] {
            outcomes.withLock { $0[workspace].compactMap { $0 } }
        }
    }
}
