import Foundation
import Runner

/// `backendlings hint [EXERCISE]`: the next hint, one more each time; after the last, where the
/// solution is.
struct HintCommand {
    let app: App

    func run(_ id: String?) throws -> Int32 {
        let context = try app.context()
        try context.workspace.validate()
        let exercise = try app.exercise(id, in: context)
        let result = try context.progressStore.revealHint(for: exercise)
        app.showNotice(result.notice)
        guard let hint = result.value else {
            Console.out(
                "This exercise has no hints. Read its lesson again: "
                    + app.style.code(context.workspace.displayPath(context.pack.lessonText(of: exercise)))
                    + "\n")
            return 0
        }
        Console.out(Self.render(hint, exercise: exercise, style: app.style))
        return 0
    }

    static func render(
        _ hint: HintReveal, exercise: Exercise, style: OutputStyle, naming: CommandNaming = .current
    ) -> String {
        lines(hint, exercise: exercise, style: style, naming: naming).joined(separator: "\n") + "\n"
    }

    /// A hint as lines: its number, its text, then what to do next. Once every hint has been
    /// shown, says so (with the last hint again) instead of repeating "Hint 3 of 3".
    static func lines(_ hint: HintReveal, exercise: Exercise, style: OutputStyle, naming: CommandNaming)
        -> [String]
    {
        let text = hint.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        let solution =
            "The solution opens once this exercise passes: "
            + style.code(naming.command("solution \(exercise.id)"))
            + " (" + style.code("--force")
            + " shows it sooner, but finishing it yourself is how you learn it)."
        if hint.noneLeft {
            return [
                style.warning("No more hints") + style.dim(" · \(exercise.id)")
                    + ": you have seen all \(hint.total). The last one again:"
            ] + text + [solution]
        }
        var lines =
            [style.warning("Hint \(hint.index + 1) of \(hint.total)") + style.dim(" · \(exercise.id)"), ""]
            + text
        if hint.isLast {
            lines += ["", style.dim("That was the last hint. ") + solution]
        } else {
            lines += ["", style.dim("Stuck still? Ask again for a bigger hint.")]
        }
        return lines
    }
}
