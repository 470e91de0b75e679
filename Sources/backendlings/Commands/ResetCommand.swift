import Foundation
import Runner

/// `backendlings reset EXERCISE`: back up the learner's files, then restore the starter.
struct ResetCommand {
    let app: App

    func run(_ id: String) throws -> Int32 {
        let context = try app.context()
        let exercise = try context.pack.findExercise(id)
        // Only the workspace must exist: resetting is how a missing exercise folder comes back.
        guard FileManager.default.fileExists(atPath: context.workspace.packageManifest.path) else {
            try context.workspace.validate()
            return 2
        }
        let result = try context.workspace.reset(exercise)
        if let backup = result.backupDisplayPath {
            Console.out("Saved your version of \(exercise.id) to " + app.style.code(backup) + ".\n")
        }
        Console.out(
            "Restored the starter in "
                + app.style.code(app.path(context.workspace.folder(of: exercise), in: context)) + ".\n")
        return 0
    }
}
