/// A hint to show: which one and how many there are. `ProgressStore.revealHint` returns it.
public struct HintReveal: Sendable, Equatable {
    /// 0-based index into the exercise's `hints`.
    public var index: Int
    public var total: Int
    public var text: String
    /// True when this is the exercise's last hint (asking again shows it again).
    public var isLast: Bool { index == total - 1 }
}
