import Foundation
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
            Console.out(
                app.style.success("You finished every exercise!") + " Look back at "
                    + app.style.code(app.command("progress")) + ".\n")
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
        Console.out(
            "Now on " + style.bold(exercise.id) + " · \(exercise.title)\n"
                + "  Read: "
                + style.code(context.workspace.displayPath(context.pack.lessonText(of: exercise))) + "\n"
                + "  Edit: "
                + style.code(context.workspace.displayPath(context.workspace.folder(of: exercise))) + "\n"
                + "  Then: " + style.code(app.command("check")) + " (or run " + style.code(app.command())
                + " to re-check on every save)\n")
    }
}
