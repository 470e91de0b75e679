/// Where `next` took the learner.
public enum AdvanceOutcome: Sendable, Equatable {
    /// The learner is now on this exercise.
    case movedTo(Exercise)
    /// Every exercise of the pack is done; `current` is unchanged.
    case finishedAll

    /// The sentence for `finishedAll`; nil for a move, which the CLI shows its own way.
    public var message: String? {
        switch self {
        case .movedTo: return nil
        case .finishedAll: return "You finished every exercise!"
        }
    }
}
