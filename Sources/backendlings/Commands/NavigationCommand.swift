import Foundation
import Grader
import Runner

/// `backendlings next` and `backendlings goto EXERCISE`: move the current exercise.
struct NavigationCommand {
    let app: App

    func next() throws -> Int32 {
        let context = try app.context()
        try context.workspace.validate()
        let result = try context.progressStore.advance(in: context.pack)
        app.showNotice(result.notice)
        switch result.value {
        case .finishedAll:
            let progress = app.style.code(app.command("progress"))
            Console.out(
                app.style.success(
                    Words("You finished every exercise!", id: "Kamu sudah menyelesaikan semua latihan!").text)
                    + " " + Words("Look back at \(progress).", id: "Lihat perjalananmu di \(progress).").text
                    + "\n")
        case .movedTo(let exercise):
            announce(exercise, context: context)
        }
        return 0
    }

    func goto(_ id: String) throws -> Int32 {
        let context = try app.context()
        try context.workspace.validate()
        let exercise = try context.pack.findExercise(id)
        app.showNotice(try context.progressStore.setCurrent(exercise.id).notice)
        announce(exercise, context: context)
        return 0
    }

    private func announce(_ exercise: Exercise, context: RunnerContext) {
        let style = app.style
        let check = style.code(app.command("check"))
        let watch = style.code(app.command())
        Console.out(
            Words("Now on ", id: "Sekarang di ").text + style.bold(exercise.id)
                + " · \(exercise.title(in: .current))\n"
                + "  " + WatchScreen.readLabel.text + " "
                + style.code(App.lessonFile(of: exercise, in: context)) + "\n"
                + "  " + WatchScreen.editLabel.text + " "
                + style.code(context.workspace.displayPath(context.workspace.folder(of: exercise))) + "\n"
                + "  "
                + Words(
                    "Then: \(check) (or run \(watch) to re-check on every save)",
                    id: "Lalu: \(check) (atau jalankan \(watch) untuk mengecek ulang setiap kali menyimpan)"
                ).text + "\n")
    }
}

extension NavigationCommand {
    /// `backendlings next`.
    struct Next: CommandDefinition {
        static let spec = CommandSpec.command(
            Next.self,
            name: "next",
            abstract: Words("Move on to the next exercise.", id: "Lanjut ke latihan berikutnya."))

        init() {}
        init(parsing values: ParsedValues) {}

        func run(_ app: App) throws -> Int32 { try NavigationCommand(app: app).next() }
    }

    /// `backendlings goto <exercise>`.
    struct Goto: CommandDefinition {
        static let exercise = BackendlingsCommands.requiredExercise(Words("switch to", id: "dikerjakan"))
        static let spec = CommandSpec.command(
            Goto.self,
            name: "goto",
            abstract: Words(
                "Make another exercise the current one.", id: "Jadikan latihan lain sebagai latihan aktif."),
            arguments: [exercise])

        var exercise: String

        init(exercise: String) { self.exercise = exercise }
        init(parsing values: ParsedValues) throws(UsageError) {
            exercise = try values.required(Self.exercise)
        }

        func run(_ app: App) throws -> Int32 { try NavigationCommand(app: app).goto(exercise) }
    }
}

extension Command {
    static var next: Command { Command(NavigationCommand.Next()) }
    static func goto(exercise: String) -> Command { Command(NavigationCommand.Goto(exercise: exercise)) }
}
