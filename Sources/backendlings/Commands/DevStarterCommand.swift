import Foundation
import Grader
import Runner

/// `backendlings dev starter EXERCISE [--solved] --output FOLDER`: an assembled starter on disk.
struct DevStarterCommand {
    let app: App

    func run(_ id: String, solved: Bool, output: String?) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let exercise = try pack.findExercise(id)
        let folder = URL(
            fileURLWithPath: output ?? "\(exercise.id)\(solved ? "-solved" : "-starter")",
            relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        ).standardizedFileURL
        if solved {
            try pack.writeSolvedCopy(of: exercise, into: folder)
        } else {
            try pack.writeStarter(of: exercise, into: folder)
        }
        Console.out(
            "Wrote the \(solved ? "solved copy" : "starter") of \(app.style.bold(exercise.id)) to "
                + app.style.code(FileSystem.displayPath(folder, from: FileSystem.currentDirectory)) + "\n")
        return 0
    }
}

extension DevStarterCommand {
    /// The exercise's whole starter (or solved copy) written to `output`.
    struct Definition: CommandDefinition {
        static let exercise = Argument(
            "exercise", help: Words(english: "The id of the exercise, for example db02-insert-fetch."))
        static let solved = Flag(
            "solved",
            help: Words(english: "Write the starter with its files replaced by their reference solutions."))
        static let output = Option<String>(
            "output", valueName: "folder",
            help: Words(english: "Where to write it; the folder must be new or empty."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "starter",
            abstract: Words(english: "Write an exercise's whole starter (or its solved copy) into a folder."),
            discussion: Words(
                english:
                    "In a module whose starters are overlays, each exercise folder holds only what is new "
                    + "at that step. This writes the whole starter exactly as a learner gets it, to read it, open "
                    + "it in an editor or compare it."),
            arguments: [exercise],
            options: [solved.spec, output.spec])

        var exercise: String
        var solved: Bool
        var output: String?

        init(exercise: String, solved: Bool, output: String?) {
            self.exercise = exercise
            self.solved = solved
            self.output = output
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(
                exercise: try values.required(Self.exercise), solved: values[Self.solved],
                output: try values.value(of: Self.output))
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevStarterCommand(app: app).run(exercise, solved: solved, output: output)
        }
    }
}

extension Command {
    static func devStarter(exercise: String, solved: Bool, output: String?) -> Command {
        Command(DevStarterCommand.Definition(exercise: exercise, solved: solved, output: output))
    }
}
