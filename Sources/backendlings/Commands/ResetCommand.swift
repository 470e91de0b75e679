import Foundation
import Grader
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
            let shown = app.style.code(backup)
            Console.out(
                Words(
                    "Saved your version of \(exercise.id) to \(shown).",
                    id: "Versimu dari \(exercise.id) disimpan di \(shown)."
                ).text + "\n")
        }
        let folder = app.style.code(app.path(context.workspace.folder(of: exercise), in: context))
        Console.out(
            Words("Restored the starter in \(folder).", id: "Kode awal di \(folder) sudah dikembalikan.").text
                + "\n")
        return 0
    }
}

extension ResetCommand {
    struct Definition: CommandDefinition {
        static let exercise = BackendlingsCommands.requiredExercise(Words("reset", id: "di-reset"))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "reset",
            abstract: Words(
                "Put an exercise back the way it was at the start.",
                id: "Kembalikan sebuah latihan ke keadaan awalnya."),
            discussion: Words(
                "Your files are copied to a backup folder first, so nothing is lost. The message "
                    + "tells you where the backup is.",
                id: "File-mu disalin dulu ke folder backup, jadi tidak ada yang hilang. Pesannya memberi "
                    + "tahu di mana backup-nya."),
            arguments: [exercise])

        var exercise: String

        init(exercise: String) { self.exercise = exercise }
        init(parsing values: ParsedValues) throws(UsageError) {
            exercise = try values.required(Self.exercise)
        }

        func run(_ app: App) throws -> Int32 { try ResetCommand(app: app).run(exercise) }
    }
}

extension Command {
    static func reset(exercise: String) -> Command { Command(ResetCommand.Definition(exercise: exercise)) }
}
