import Grader

/// One exercise of a lesson pack, as `Lessons/pack.json` describes it.
///
/// It carries its module's id and path so that every location (lesson text, starter, solution,
/// workspace folder) can be worked out from the exercise alone.
public struct Exercise: Sendable, Hashable {
    /// Unique across the pack; names the workspace's executable target and is what a learner types.
    public var id: String
    public var title: String
    /// The exercise's folder inside its module folder, e.g. `01-schema`.
    public var path: String
    /// The files the learner edits, relative to `Starter/`; each has a reference version in `Solutions/`.
    public var files: [String]
    /// At least one; shown one at a time, in order.
    public var hints: [String]
    public var moduleID: String
    /// The module's folder, e.g. `01-databases`.
    public var modulePath: String
    /// In a module whose starters are overlays: files of the previous step solved that this step's
    /// starter no longer has.
    public var removes: [String]
    /// The title and hints in other languages (English is `title` and `hints`).
    public var translations: [Language: TextTranslation]
    /// The hidden tests compare the learner's server with the reference solution run beside it
    /// (`t.compareLoad`, `t.referenceHTTP()`): a latency ratio is the same on a slow laptop and a
    /// fast one. Every check then builds the solution too, so only exercises that need it say so.
    public var comparesWithReference: Bool
    /// The hidden tests run something against the exercise's untouched starter
    /// (`t.starterInstance()`): a learner's regression test must fail on the planted bug.
    public var comparesWithStarter: Bool

    public init(
        id: String, title: String, path: String, files: [String], hints: [String], moduleID: String,
        modulePath: String, removes: [String] = [], translations: [Language: TextTranslation] = [:],
        comparesWithReference: Bool = false, comparesWithStarter: Bool = false
    ) {
        self.id = id
        self.title = title
        self.path = path
        self.files = files
        self.hints = hints
        self.moduleID = moduleID
        self.modulePath = modulePath
        self.removes = removes
        self.translations = translations
        self.comparesWithReference = comparesWithReference
        self.comparesWithStarter = comparesWithStarter
    }

    /// `<module path>/<exercise path>`, e.g. `01-databases/01-schema`: the exercise's folder below
    /// `Lessons/`, below `Solutions/` and below the workspace.
    public var relativePath: String { "\(modulePath)/\(path)" }
}
