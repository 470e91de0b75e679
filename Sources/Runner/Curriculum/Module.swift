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

    public init(id: String, title: String, path: String, exercises: [Exercise]) {
        self.id = id
        self.title = title
        self.path = path
        self.exercises = exercises
    }
}
