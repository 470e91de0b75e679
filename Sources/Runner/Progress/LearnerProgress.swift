import Foundation

/// A learner's record: where they are and how each exercise went. Stored in
/// `<workspace>/.backendlings/progress.json` by `ProgressStore`, which is the only thing that should
/// read or write that file.
///
/// Entries for ids the pack no longer has are kept (a pack update may bring them back); every query
/// that needs the pack takes it as an argument and ignores such entries.
public struct LearnerProgress: Codable, Sendable, Equatable {
    /// The newest progress format this build reads and the one it writes.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var startedAt: Date
    /// The exercise the learner is on; may name an exercise the pack has since dropped, see
    /// `currentExercise(in:)`.
    public var current: String
    /// By exercise id. An id without an entry is pending.
    public var exercises: [String: ExerciseProgress]
    /// Every recorded check, oldest first (at most `historyLimit`), for the progress page's chart.
    /// Empty in files from before it existed.
    public var history: [CheckRecord] = []
    /// The last recorded check: the start of the time the next check counts as spent.
    public var lastActivityAt: Date?

    /// A fresh record: nothing checked yet, on `current`.
    public init(startedAt: Date, current: String) {
        formatVersion = Self.currentFormatVersion
        self.startedAt = startedAt
        self.current = current
        exercises = [:]
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, startedAt, current, exercises, history, lastActivityAt
    }

    /// `history` and `lastActivityAt` came later: files without them still read as format 1.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        current = try container.decode(String.self, forKey: .current)
        exercises = try container.decode([String: ExerciseProgress].self, forKey: .exercises)
        history = try container.decodeIfPresent([CheckRecord].self, forKey: .history) ?? []
        lastActivityAt = try container.decodeIfPresent(Date.self, forKey: .lastActivityAt)
    }

    /// An empty `history` is left out, so a record without checks reads as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(current, forKey: .current)
        try container.encode(exercises, forKey: .exercises)
        if !history.isEmpty { try container.encode(history, forKey: .history) }
        try container.encodeIfPresent(lastActivityAt, forKey: .lastActivityAt)
    }

    /// The record for an id (pending when there is none).
    public func state(of id: String) -> ExerciseProgress {
        exercises[id] ?? ExerciseProgress()
    }

    /// True when the exercise has passed at least once; a later failing check does not undo it
    /// (see ``ExerciseProgress/standing`` for "done but broken").
    public func isDone(_ id: String) -> Bool {
        state(of: id).passedOnce
    }

    /// The exercise to work on: `current` when the pack still has it, else the first exercise that is
    /// not done, else the last one.
    public func currentExercise(in pack: Pack) -> Exercise? {
        if let exercise = pack.exercise(id: current) { return exercise }
        return pack.exercises.first { !isDone($0.id) } ?? pack.exercises.last
    }
}
