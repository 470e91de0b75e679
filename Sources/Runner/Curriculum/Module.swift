import Grader

/// A module of a lesson pack: an ordered group of exercises that share one folder of hidden tests
/// and therefore one compiled grader (`grader-<id>`).
public struct Module: Sendable, Hashable {
    /// Unique across the pack (exercise ids included); names the module's grader.
    public var id: String
    public var title: String
    /// The module's folder below `Lessons/`, `Solutions/` and the workspace, e.g. `01-databases`.
    public var path: String
    /// In the order the learner meets them; never empty.
    public var exercises: [Exercise]
    /// How the exercises' `Starter/` folders are written.
    public var starters: StarterLayout
    /// The exercise of an earlier module whose solved step this overlay module's first starter is
    /// laid over (`"startsFrom"`), so a module that grows the previous module's mini-backend holds
    /// only what it changes instead of a second copy of every file; nil when the first starter is
    /// whole.
    public var startsFrom: String?
    /// What the learner does with a starter: finish it, or find the bug planted in it. The dev
    /// check holds each kind to its own rules.
    public var kind: ModuleKind
    /// The title in other languages (English is `title`).
    public var translations: [Language: TextTranslation]

    public init(
        id: String, title: String, path: String, exercises: [Exercise], starters: StarterLayout = .full,
        kind: ModuleKind = .build, translations: [Language: TextTranslation] = [:], startsFrom: String? = nil
    ) {
        self.id = id
        self.title = title
        self.path = path
        self.exercises = exercises
        self.starters = starters
        self.startsFrom = startsFrom
        self.kind = kind
        self.translations = translations
    }
}

/// How a module's exercises hold their starters (`"starters"` in pack.json).
public enum StarterLayout: String, Sendable, Hashable {
    /// Every `Starter/` is the whole mini-backend at that step, written by hand.
    case full
    /// The first exercise's `Starter/` is whole (or laid over the module's `startsFrom` step
    /// solved); every later one holds only what is new at that step (its `files`, new given files
    /// and the given files it `changes`), laid over the previous step solved. The runner assembles
    /// the whole starter and writes the given-file header itself.
    case overlays
}

/// What a module's exercises ask of the learner (`"kind"` in pack.json).
public enum ModuleKind: String, Sendable, Hashable, CaseIterable {
    /// The learner builds: each starter runs but is unfinished, with `TODO(learner)` markers saying
    /// what to write.
    case build
    /// The learner debugs: each starter is a working app with one planted bug and no marker that
    /// would point at it. Graded like SWE-bench: the checks the bug fails must pass after the fix,
    /// and the guard checks (`.asGuard()`) must still pass, so deleting the feature is not a fix.
    case debugging
}
