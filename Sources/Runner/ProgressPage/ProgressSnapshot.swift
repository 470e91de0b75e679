import Foundation
import Grader

/// Everything the progress page shows, in one value: the page renders it as HTML and serves it as
/// JSON, so the two can never disagree. Built from the pack and the progress record only; nothing
/// is run.
public struct ProgressSnapshot: Codable, Sendable, Equatable {
    /// One exercise's row.
    public struct ExerciseEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        /// `pending`, `failing`, `done` or `broken` (done, but the latest check fails), as `list` shows.
        public var standing: String
        public var attempts: Int
        public var secondsSpent: Int
        public var hintsShown: Int
        public var hintsTotal: Int
        public var isCurrent: Bool
    }

    public struct ModuleEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var done: Int
        public var total: Int
        public var exercises: [ExerciseEntry]
    }

    /// The exercise the learner is on, and what its latest failing check said.
    public struct CurrentEntry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var standing: String
        public var failure: FailureNote?
    }

    /// One point of the chart: after this check, how many checks pass over all exercises (each
    /// exercise counted by its latest run).
    public struct ChartPoint: Codable, Sendable, Equatable {
        public var at: Date
        public var exercise: String
        public var checksPassing: Int
    }

    public var formatVersion = 1
    /// Changes whenever the progress record changes: the page polls it to know when to reload.
    public var revision: String
    public var language: String
    public var packName: String
    public var done: Int
    public var total: Int
    public var hintsUsed: Int
    public var secondsSpent: Int
    public var startedAt: Date
    public var current: CurrentEntry?
    public var modules: [ModuleEntry]
    public var chart: [ChartPoint]

    public init(pack: Pack, progress: LearnerProgress, language: Language) {
        let currentID = progress.currentExercise(in: pack)?.id
        revision = Self.revision(of: progress)
        self.language = language.code
        packName = pack.name
        done = progress.doneCount(in: pack)
        total = pack.exercises.count
        hintsUsed = progress.hintsUsed
        secondsSpent = pack.exercises.reduce(0) { $0 + progress.state(of: $1.id).secondsSpent }
        startedAt = progress.startedAt
        modules = progress.summary(for: pack).map { summary in
            ModuleEntry(
                id: summary.module.id, title: summary.module.title(in: language), done: summary.done,
                total: summary.total,
                exercises: summary.module.exercises.map { exercise in
                    let state = progress.state(of: exercise.id)
                    return ExerciseEntry(
                        id: exercise.id, title: exercise.title(in: language),
                        standing: state.standing.rawValue,
                        attempts: state.attempts, secondsSpent: state.secondsSpent,
                        hintsShown: min(state.hintsShown, exercise.hints.count),
                        hintsTotal: exercise.hints.count,
                        isCurrent: exercise.id == currentID)
                })
        }
        current = progress.currentExercise(in: pack).map { exercise in
            let state = progress.state(of: exercise.id)
            return CurrentEntry(
                id: exercise.id, title: exercise.title(in: language), standing: state.standing.rawValue,
                failure: state.status == .failing ? state.lastFailure : nil)
        }
        chart = Self.chart(progress.history, known: Set(pack.exercises.map(\.id)))
    }

    /// The running total of passing checks, one point per recorded run of an exercise the pack has.
    static func chart(_ history: [CheckRecord], known: Set<String>) -> [ChartPoint] {
        var latest: [String: Int] = [:]
        var total = 0
        return history.filter { known.contains($0.exercise) }.map { record in
            total += record.passed - (latest[record.exercise] ?? 0)
            latest[record.exercise] = record.passed
            return ChartPoint(at: record.at, exercise: record.exercise, checksPassing: total)
        }
    }

    /// A short fingerprint of the record (FNV-1a over its stored form).
    static func revision(of progress: LearnerProgress) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in ProgressCoding.encode(progress) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    /// The JSON the page polls: sorted keys and ISO 8601 dates, like progress.json.
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // Plain values and dates always encode.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }
}
