import Foundation
import Grader
import Runner

/// `backendlings dev adopt EXERCISE FOLDER`: an edited whole starter back into the pack.
struct DevAdoptCommand {
    let app: App

    func run(_ id: String, folder: String) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let exercise = try pack.findExercise(id)
        let source = URL(fileURLWithPath: folder, relativeTo: FileSystem.currentDirectory).standardizedFileURL
        let adopted = try DevAdopt(pack: pack, home: locations.home).run(exercise, from: source)
        let starter = "Lessons/\(exercise.relativePath)/Starter/"
        var text = "Wrote the overlay of " + app.style.bold(exercise.id) + ":\n"
        for path in adopted.whole { text += "  " + app.style.code(starter + path) + "\n" }
        for path in adopted.patches {
            text += "  " + app.style.code(starter + path) + "  (changes to an inherited file)\n"
        }
        if !adopted.removes.isEmpty { text += "  removes: \(adopted.removes.joined(separator: ", "))\n" }
        text += "The old Starter/ is saved in " + app.style.code(adopted.backup) + ".\n"
        text += "Run " + app.style.code("backendlings dev check --only \(exercise.id)") + " next.\n"
        Console.out(text)
        return 0
    }
}

extension DevAdoptCommand {
    /// An edited whole starter written back as the exercise's overlay.
    struct Definition: CommandDefinition {
        static let exercise = Argument(
            "exercise", help: Words(english: "The id of the exercise, for example api05-patch."))
        static let folder = Argument(
            "folder", help: Words(english: "The folder `dev starter` wrote and you edited."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "adopt",
            abstract: Words(english: "Turn a whole starter you edited back into the exercise's overlay."),
            discussion: Words(
                english: "The way back from `dev starter`: the learner's files and new files are kept whole, "
                    + "each changed inherited file becomes a .patch, and inherited files you deleted are added to "
                    + "\"removes\". The old Starter/ folder is saved under .build/backendlings/adopt-backups/ first."
            ),
            arguments: [exercise, folder])

        var exercise: String
        var folder: String

        init(exercise: String, folder: String) {
            self.exercise = exercise
            self.folder = folder
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(exercise: try values.required(Self.exercise), folder: try values.required(Self.folder))
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 { try DevAdoptCommand(app: app).run(exercise, folder: folder) }
    }
}

extension Command {
    static func devAdopt(exercise: String, folder: String) -> Command {
        Command(DevAdoptCommand.Definition(exercise: exercise, folder: folder))
    }
}
