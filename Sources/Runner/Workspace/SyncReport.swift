import Foundation

/// What `Workspace.sync()` changed, for the CLI to tell the learner. Empty when nothing changed.
public struct SyncReport: Sendable, Equatable {
    /// The workspace folder did not exist and was created.
    public var createdWorkspace = false
    /// Exercises whose starter was copied in, in pack order (all of them on creation).
    public var addedExercises: [String] = []
    /// Generated files that were missing from an existing workspace and were written again, as paths
    /// relative to the workspace (`Package.swift`, `README.md`, `.backendlings/progress.json`).
    public var restoredFiles: [String] = []
    /// `Package.swift` existed and was rewritten (new exercises, or a newer generator).
    public var updatedPackageManifest = false
    /// Where the learner's own edits to `Package.swift` were saved before it was rewritten.
    public var packageManifestBackup: URL?

    public init() {}

    /// True when sync changed nothing on disk.
    public var isEmpty: Bool {
        !createdWorkspace && addedExercises.isEmpty && restoredFiles.isEmpty && !updatedPackageManifest
    }
}
