import Foundation

extension Workspace {
    /// Checks, without repairing anything, that the workspace exists, has its `Package.swift` and
    /// holds the folder of `exercise` (of every exercise of the pack when `exercise` is nil).
    ///
    /// For commands such as `check` that must not quietly recreate what a learner deleted: the error
    /// says which command puts it back.
    public func validate(_ exercise: Exercise? = nil) throws(WorkspaceError) {
        guard FileSystem.isDirectory(root) else {
            let shown = displayPath(root)
            let relative = !shown.hasPrefix("/") && !shown.hasPrefix(".")
            throw .missingWorkspace(path: relative ? "./" + shown : shown)
        }
        guard FileSystem.isFile(packageManifest) else {
            throw .missingPackageManifest(path: displayPath(packageManifest))
        }
        for wanted in exercise.map({ [$0] }) ?? pack.exercises where !contains(wanted) {
            throw .missingExercise(id: wanted.id, path: displayPath(folder(of: wanted)))
        }
    }
}
