/// A hint to show: which one and how many there are. `ProgressStore.revealHint` returns it.
public struct HintReveal: Sendable, Equatable {
    /// 0-based index into the exercise's `hints`.
    public var index: Int
    public var total: Int
    public var text: String
    /// True when every hint had been shown before this request: there is no new one, and `text` is
    /// the last hint again. Screens then say so instead of repeating "Hint 3 of 3".
    public var noneLeft: Bool = false
    /// True when this is the exercise's last hint.
    public var isLast: Bool { index == total - 1 }
}
