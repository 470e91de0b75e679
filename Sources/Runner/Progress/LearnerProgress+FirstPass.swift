import Foundation

extension LearnerProgress {
    /// The time a learner spent on an exercise until it first passed, counted the way
    /// `recordCheck` counts time spent (the time before each check, capped at `spentTimeCap`), from
    /// the recorded history. An instructor reads it as "how hard was this for them", which the total
    /// time spent (which keeps growing after a pass) does not say. Nil when it never passed; the
    /// total time spent when the history no longer reaches back to the first pass.
    public func secondsUntilFirstPass(of id: String) -> Int? {
        let state = state(of: id)
        guard let firstPassed = state.firstPassedAt else {
            return state.passedOnce ? state.secondsSpent : nil
        }
        var previous = startedAt
        var seconds = 0
        var sawPass = false
        for record in history {
            defer { previous = max(previous, record.at) }
            guard record.exercise == id, record.at <= firstPassed else { continue }
            seconds += Int(min(max(0, record.at.timeIntervalSince(previous)), Self.spentTimeCap))
            if record.at == firstPassed { sawPass = true }
        }
        return sawPass ? seconds : state.secondsSpent
    }
}
