import Foundation
import Grader
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
                Self.noHints.text + " " + app.style.code(App.lessonFile(of: exercise, in: context)) + "\n")
            return 0
        }
        Console.out(Self.render(hint, exercise: exercise, style: app.style))
        return 0
    }

    /// Said for an exercise without hints, before the path of its lesson.
    static let noHints = Words(
        "This exercise has no hints. Read its lesson again:",
        id: "Latihan ini tidak punya petunjuk. Baca lagi pelajarannya:")

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
        let command = style.code(naming.command("solution \(exercise.id)"))
        let force = style.code("--force")
        let solution = Words(
            "The solution opens once this exercise passes: \(command) (\(force) shows it sooner, but finishing it yourself is how you learn it).",
            id:
                "Solusinya terbuka setelah latihan ini lulus: \(command) (\(force) menampilkannya lebih cepat, tapi kamu paling banyak belajar kalau menyelesaikannya sendiri)."
        ).text
        if hint.noneLeft {
            return [
                style.warning(Words("No more hints", id: "Petunjuk sudah habis").text)
                    + style.dim(" · \(exercise.id)")
                    + Words(
                        ": you have seen all \(hint.total). The last one again:",
                        id: ": kamu sudah melihat semua \(hint.total). Ini yang terakhir sekali lagi:"
                    ).text
            ] + text + [solution]
        }
        let number = Words(
            "Hint \(hint.index + 1) of \(hint.total)", id: "Petunjuk \(hint.index + 1) dari \(hint.total)")
        var lines = [style.warning(number.text) + style.dim(" · \(exercise.id)"), ""] + text
        if hint.isLast {
            lines += [
                "",
                style.dim(Words("That was the last hint. ", id: "Itu petunjuk terakhir. ").text) + solution,
            ]
        } else {
            lines += [
                "",
                style.dim(
                    Words(
                        "Stuck still? Ask again for a bigger hint.",
                        id: "Masih buntu? Minta lagi untuk petunjuk yang lebih besar."
                    ).text),
            ]
        }
        return lines
    }
}

extension HintCommand {
    struct Definition: CommandDefinition {
        static let exercise = BackendlingsCommands.optionalExercise(
            Words("get a hint for", id: "diberi petunjuk"))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "hint",
            abstract: Words("Show a hint for an exercise.", id: "Tampilkan petunjuk untuk sebuah latihan."),
            discussion: Words(
                "Each exercise has a few hints, from a small nudge to nearly the answer.",
                id: "Setiap latihan punya beberapa petunjuk, dari dorongan kecil sampai hampir jawabannya."),
            arguments: [exercise])

        var exercise: String?

        init(exercise: String?) { self.exercise = exercise }
        init(parsing values: ParsedValues) { exercise = values[Self.exercise] }

        func run(_ app: App) throws -> Int32 { try HintCommand(app: app).run(exercise) }
    }
}

extension Command {
    static func hint(exercise: String?) -> Command { Command(HintCommand.Definition(exercise: exercise)) }
}
