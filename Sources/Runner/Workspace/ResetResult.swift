import Foundation

/// What `Workspace.reset(_:)` did, so the CLI can tell the learner where their code went.
public struct ResetResult: Sendable, Equatable {
    /// The folder holding the learner's previous files; nil when there was no folder to save.
    public var backup: URL?
    /// `backup` as the learner should see it (relative to the current directory when inside it).
    public var backupDisplayPath: String?
}
