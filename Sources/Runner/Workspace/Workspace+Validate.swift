import Foundation

extension Workspace {
    /// Checks, without repairing anything, that the workspace exists, has its `Package.swift` and
    /// holds the folder of `exercise` (of every exercise of the pack when `exercise` is nil).
    ///
    /// For commands such as `check` that must not quietly recreate what a learner deleted: the error
    /// says which command puts it back.
    public func validate(_ exercise: Exercise? = nil) throws(WorkspaceError) {
        try validate(exercises: exercise.map { [$0] } ?? pack.exercises)
    }

    /// `validate` for a chosen list of exercises: `[]` checks only the workspace and its
    /// `Package.swift`, for `check-all`, which reports a missing exercise folder in its summary.
    public func validate(exercises: [Exercise]) throws(WorkspaceError) {
        // A folder backendlings would refuse to create a workspace in is not one: say that, rather
        // than suggest a command that refuses it.
        try checkLocation()
        guard FileSystem.isDirectory(root) else {
            let shown = displayPath(root)
            let relative = !shown.hasPrefix("/") && !shown.hasPrefix(".")
            throw .missingWorkspace(path: relative ? "./" + shown : shown)
        }
        guard FileSystem.isFile(packageManifest) else {
            throw .missingPackageManifest(path: displayPath(packageManifest))
        }
        for wanted in exercises where !contains(wanted) {
            throw .missingExercise(id: wanted.id, path: displayPath(folder(of: wanted)))
        }
    }

    /// The exercise whose folder holds `directory` (the folder itself or one below it), so a bare
    /// `check` run from inside an exercise folder checks that exercise.
    public func exercise(containing directory: URL) -> Exercise? {
        pack.exercises.first { FileSystem.relativePath(of: directory, inside: folder(of: $0)) != nil }
    }
}
