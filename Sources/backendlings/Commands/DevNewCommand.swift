import Foundation
import Grader
import Runner

/// `backendlings dev new MODULE EXERCISE`: scaffold an exercise.
struct DevNewCommand {
    let app: App

    func run(module: String, exercise: String) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let created = try DevNew(pack: pack).run(module: module, exercise: exercise)
        var text = "Created exercise " + app.style.bold(created.exerciseID) + ":\n"
        for file in created.files { text += "  " + app.style.code(file) + "\n" }
        text += "\nFill in every TODO, then run " + app.style.code(app.command("dev check")) + ".\n"
        Console.out(text)
        return 0
    }
}

extension DevNewCommand {
    struct Definition: CommandDefinition {
        static let module = Argument(
            "module", help: Words(english: "The id of the module in pack.json, for example databases."))
        static let exercise = Argument(
            "exercise",
            help: Words(
                english:
                    "The id of the new exercise: lowercase letters, digits and '-', starting with a letter."
            ))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "new",
            abstract: Words(english: "Add a new exercise to a module of the lesson pack."),
            discussion: Words(
                english: "Creates the folders and files for the exercise and adds it to pack.json."),
            arguments: [module, exercise])

        var module: String
        var exercise: String

        init(module: String, exercise: String) {
            self.module = module
            self.exercise = exercise
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(module: try values.required(Self.module), exercise: try values.required(Self.exercise))
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevNewCommand(app: app).run(module: module, exercise: exercise)
        }
    }
}

extension Command {
    static func devNew(module: String, exercise: String) -> Command {
        Command(DevNewCommand.Definition(module: module, exercise: exercise))
    }
}
