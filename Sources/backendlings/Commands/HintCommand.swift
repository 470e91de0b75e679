import Foundation
import Runner

/// `backendlings hint [EXERCISE]`: the next hint, one more each time.
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

    static func render(_ hint: HintReveal, exercise: Exercise, style: OutputStyle) -> String {
        var text =
            style.warning("Hint \(hint.index + 1) of \(hint.total)") + style.dim(" · \(exercise.id)") + "\n\n"
        text +=
            hint.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
                separator: "\n") + "\n"
        if !hint.isLast {
            text += "\n" + style.dim("Stuck still? Ask again for a bigger hint.") + "\n"
        }
        return text
    }
}
