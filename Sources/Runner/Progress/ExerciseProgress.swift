import Foundation

/// What the runner knows about one exercise of one learner.
public struct ExerciseProgress: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Never checked.
        case pending
        /// The last check did not pass (a compile error counts as a check that did not pass).
        case failing
        /// The last check passed.
        case done
    }

    /// Where the learner stands on the exercise, for lists and bars. A pass is never forgotten: an
    /// exercise that passed once stays done, and shows as `broken` while its latest check fails.
    public enum Standing: String, Sendable, CaseIterable {
        /// Never checked.
        case pending
        /// Checked, never passed.
        case failing
        /// Passed once and the latest check passed.
        case done
        /// Passed once, but the latest check failed (after a reset, or an edit that broke it).
        case broken
    }

    public var status: Status
    /// How many checks ran, passed or not.
    public var attempts: Int
    /// When the exercise first passed; kept when a later edit makes it fail again.
    public var firstPassedAt: Date?
    public var lastCheckedAt: Date?
    /// How many of the exercise's hints the learner has revealed, in order.
    public var hintsShown: Int
    /// Time spent on the exercise, in seconds, as `LearnerProgress.recordCheck` counts it (the time
    /// before each check, capped so a night away does not count). Zero in files from before it existed.
    public var secondsSpent: Int = 0
    /// What the latest check that did not pass said first; nil once a check passes.
    public var lastFailure: FailureNote?

    /// True once the exercise has passed, whatever happened after: this is what "done" means for
    /// `next`, `solution`, lists and progress bars.
    public var passedOnce: Bool { firstPassedAt != nil || status == .done }

    public var standing: Standing {
        switch (passedOnce, status) {
        case (true, .failing): .broken
        case (true, _): .done
        case (false, .pending): .pending
        case (false, _): .failing
        }
    }

    public init(
        status: Status = .pending, attempts: Int = 0, firstPassedAt: Date? = nil, lastCheckedAt: Date? = nil,
        hintsShown: Int = 0, secondsSpent: Int = 0, lastFailure: FailureNote? = nil
    ) {
        self.status = status
        self.attempts = attempts
        self.firstPassedAt = firstPassedAt
        self.lastCheckedAt = lastCheckedAt
        self.hintsShown = hintsShown
        self.secondsSpent = secondsSpent
        self.lastFailure = lastFailure
    }

    private enum CodingKeys: String, CodingKey {
        case status, attempts, firstPassedAt, lastCheckedAt, hintsShown, secondsSpent, lastFailure
    }

    /// Missing counters read as zero and a missing status as pending, so a hand-edited entry such as
    /// `{"status": "done"}` is accepted rather than treated as a corrupt file.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        status = try container.decodeIfPresent(Status.self, forKey: .status) ?? .pending
        attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        firstPassedAt = try container.decodeIfPresent(Date.self, forKey: .firstPassedAt)
        lastCheckedAt = try container.decodeIfPresent(Date.self, forKey: .lastCheckedAt)
        hintsShown = try container.decodeIfPresent(Int.self, forKey: .hintsShown) ?? 0
        secondsSpent = try container.decodeIfPresent(Int.self, forKey: .secondsSpent) ?? 0
        lastFailure = try container.decodeIfPresent(FailureNote.self, forKey: .lastFailure)
    }

    /// No time spent is left out, so an untouched entry reads as it always did.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(attempts, forKey: .attempts)
        try container.encodeIfPresent(firstPassedAt, forKey: .firstPassedAt)
        try container.encodeIfPresent(lastCheckedAt, forKey: .lastCheckedAt)
        try container.encode(hintsShown, forKey: .hintsShown)
        if secondsSpent > 0 { try container.encode(secondsSpent, forKey: .secondsSpent) }
        try container.encodeIfPresent(lastFailure, forKey: .lastFailure)
    }
}
