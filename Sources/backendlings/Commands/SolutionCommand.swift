import Foundation
import Runner

/// `backendlings solution EXERCISE [--force]`: the reference files, once the exercise passed.
struct SolutionCommand {
    let app: App

    func run(_ id: String, force: Bool) throws -> Int32 {
        let context = try app.context()
        let exercise = try context.pack.findExercise(id)
        let progress = try context.progressStore.load()
        let passed = progress.value.isDone(exercise.id)
        if !passed && !force {
            Console.err(
                "You have not passed \(exercise.id) yet, so its solution stays hidden: working it out is how you learn it.\n"
                    + "Try " + app.style.code(app.command("hint \(exercise.id)"))
                    + " first. To see it anyway: "
                    + app.style.code(app.command("solution \(exercise.id) --force")) + "\n")
            return 1
        }
        if !passed {
            Console.err(
                app.style.warning("Showing the solution before you passed the exercise.")
                    + " Try to write it yourself afterwards, without looking.\n\n")
        }
        for file in context.pack.solutionFiles(of: exercise) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw RunnerFailure("The solution file \(file.path) is missing from the lesson pack.")
            }
            Console.out(
                app.style.bold("── \(exercise.relativePath)/\(file.lastPathComponent) ──") + "\n" + text
                    + (text.hasSuffix("\n") ? "" : "\n") + "\n")
        }
        return 0
    }
}
