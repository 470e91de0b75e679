import Foundation
import Grader

extension LearnerProgress {
    /// Records one check of exercise `id`: one more attempt; `done` when it passed (and
    /// `firstPassedAt` the first time), `failing` otherwise. With a `tally`, the run also goes into
    /// `history` and the failure into `lastFailure`. The time since the last activity, at most
    /// `spentTimeCap`, counts as time spent on `id`. Returns the updated entry.
    @discardableResult
    public mutating func recordCheck(_ id: String, passed: Bool, at date: Date, tally: CheckTally? = nil)
        -> ExerciseProgress
    {
        var entry = state(of: id)
        entry.attempts += 1
        entry.lastCheckedAt = date
        entry.status = passed ? .done : .failing
        if passed, entry.firstPassedAt == nil { entry.firstPassedAt = date }
        let since = date.timeIntervalSince(lastActivityAt ?? startedAt)
        entry.secondsSpent += Int(min(max(0, since), Self.spentTimeCap))
        lastActivityAt = max(date, lastActivityAt ?? date)
        if passed {
            entry.lastFailure = nil
        } else if let failure = tally?.failure {
            entry.lastFailure = failure
        }
        if let tally {
            history.append(CheckRecord(exercise: id, at: date, passed: tally.passed, total: tally.total))
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        }
        exercises[id] = entry
        return entry
    }

    /// The most time one check counts as spent: a learner who left for lunch did not work on it.
    public static let spentTimeCap: TimeInterval = 15 * 60

    /// The most check runs `history` keeps; the oldest are dropped first.
    public static let historyLimit = 2_000

    /// Reveals the next hint of `exercise` and returns it. Once all are shown, the last one is
    /// returned again, marked ``HintReveal/noneLeft``, and the count no longer grows.
    public mutating func revealHint(for exercise: Exercise) -> HintReveal? {
        guard !exercise.hints.isEmpty else { return nil }
        var entry = state(of: exercise.id)
        let noneLeft = entry.hintsShown >= exercise.hints.count
        if !noneLeft { entry.hintsShown += 1 }
        exercises[exercise.id] = entry
        let index = min(entry.hintsShown, exercise.hints.count) - 1
        return HintReveal(
            index: index, total: exercise.hints.count, text: exercise.hints(in: .current)[index],
            noneLeft: noneLeft)
    }

    /// Moves to the exercise after the current one that is not done yet (wrapping round to earlier
    /// ones that are still open). Refused while the current exercise is not done, so a learner cannot
    /// skip ahead by accident.
    public mutating func advance(in pack: Pack) throws(ProgressError) -> AdvanceOutcome {
        guard let here = currentExercise(in: pack) else { return .finishedAll }
        guard isDone(here.id) else { throw .notDone(id: here.id) }
        let all = pack.exercises
        let start = (all.firstIndex { $0.id == here.id } ?? 0) + 1
        let order = all[min(start, all.count)...] + all[..<min(start, all.count)]
        guard let next = order.first(where: { !isDone($0.id) }) else { return .finishedAll }
        current = next.id
        return .movedTo(next)
    }
}
