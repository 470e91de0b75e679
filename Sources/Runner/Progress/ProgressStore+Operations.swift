import Foundation

extension ProgressStore {
    /// Records a finished check of exercise `id` (see `LearnerProgress.recordCheck`).
    @discardableResult
    public func recordCheck(
        _ id: String, passed: Bool, at date: Date = Date(), tally: CheckTally? = nil
    ) throws(ProgressError) -> ProgressResult<ExerciseProgress> {
        try update(now: date) { (progress: inout LearnerProgress) throws(ProgressError) -> ExerciseProgress in
            progress.recordCheck(id, passed: passed, at: date, tally: tally)
        }
    }

    /// Reveals and returns the exercise's next hint (the last one again once all are shown).
    public func revealHint(for exercise: Exercise, at date: Date = Date()) throws(ProgressError)
        -> ProgressResult<HintReveal?>
    {
        try update(now: date) { (progress: inout LearnerProgress) throws(ProgressError) -> HintReveal? in
            progress.revealHint(for: exercise)
        }
    }

    /// Makes `id` the exercise the learner is on (for example after `backendlings check ID` on
    /// another exercise, when the CLI decides to follow the learner there).
    public func setCurrent(_ id: String, at date: Date = Date()) throws(ProgressError) -> ProgressResult<Void>
    {
        try update(now: date) { (progress: inout LearnerProgress) throws(ProgressError) in
            progress.current = id
        }
    }

    /// `next`: moves on when the current exercise is done; see `LearnerProgress.advance(in:)`.
    public func advance(in pack: Pack, at date: Date = Date()) throws(ProgressError) -> ProgressResult<
        AdvanceOutcome
    > {
        try update(now: date) { (progress: inout LearnerProgress) throws(ProgressError) -> AdvanceOutcome in
            try progress.advance(in: pack)
        }
    }
}
