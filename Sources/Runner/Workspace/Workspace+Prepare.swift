import Foundation

extension Workspace {
    /// Makes sure `exercise` can be checked or served from this workspace, and returns the ids of
    /// exercises this added (a pack that grew since the workspace was made), for the caller to name.
    ///
    /// An exercise the workspace has never had is added by a sync. One the generated `Package.swift`
    /// already lists but whose folder is gone was removed by the learner, so nothing is re-created
    /// behind their back: `validate` says how to restore it. A workspace that does not exist yet is
    /// only validated, which names the command that creates it.
    public func prepare(for exercise: Exercise) throws(WorkspaceError) -> [String] {
        guard FileManager.default.fileExists(atPath: packageManifest.path), !contains(exercise) else {
            try validate(exercise)
            return []
        }
        let manifest = (try? String(contentsOf: packageManifest, encoding: .utf8)) ?? ""
        guard !manifest.contains("\"\(exercise.id)\"") else {
            try validate(exercise)
            return []
        }
        return try sync().addedExercises
    }
}
