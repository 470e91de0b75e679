import Foundation
import Grader
import Runner

/// `backendlings list`: every module and exercise with its status.
struct ListCommand {
    let app: App

    func run() throws -> Int32 {
        let context = try app.context()
        guard let progress = try app.existingProgress(in: context) else {
            let fresh = LearnerProgress(startedAt: Date(), current: context.pack.exercises.first?.id ?? "")
            Console.out(Self.render(pack: context.pack, progress: fresh, style: app.style))
            Console.out(
                "\n"
                    + Words(
                        "You have not started yet. Run \(app.style.code(app.command())) to create your workspace and begin.",
                        id:
                            "Kamu belum mulai. Jalankan \(app.style.code(app.command())) untuk membuat workspace-mu dan mulai."
                    ).text + "\n")
            return 0
        }
        Console.out(Self.render(pack: context.pack, progress: progress, style: app.style))
        return 0
    }

    static func render(pack: Pack, progress: LearnerProgress, style: OutputStyle) -> String {
        let current = progress.currentExercise(in: pack)?.id
        let idWidth = pack.exercises.map(\.id.count).max() ?? 10
        let broken = progress.brokenCount(in: pack)
        var text =
            style.bold(pack.name) + " · "
            + doneSummary(done: progress.doneCount(in: pack), total: pack.exercises.count, broken: broken)
            + "\n"
        for summary in progress.summary(for: pack) {
            text +=
                "\n" + style.bold(summary.module.title(in: .current))
                + style.dim("  \(summary.done)/\(summary.total)")
                + "\n"
            for exercise in summary.module.exercises {
                let standing = progress.state(of: exercise.id).standing
                let id = exercise.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                var note = standing == .broken ? style.warning("  " + passedBefore.text) : ""
                if exercise.id == current { note += style.dim("  " + currentNote(style)) }
                text += "  \(mark(standing, style: style)) \(id)  \(exercise.title(in: .current))\(note)\n"
            }
        }
        text += "\n" + style.dim(legend(style)) + "\n"
        return text
    }

    static let passedBefore = Words("passed before, failing now", id: "pernah lulus, sekarang gagal")

    /// "3 of 12 exercises done (1 failing again)", in the language spoken.
    static func doneSummary(done: Int, total: Int, broken: Int) -> String {
        Words("\(done) of \(total) exercises done", id: "\(done) dari \(total) latihan selesai").text
            + (broken > 0 ? " " + Words("(\(broken) failing again)", id: "(\(broken) gagal lagi)").text : "")
    }

    /// The mark of an exercise in lists: one per standing, the same in every screen.
    static func mark(_ standing: ExerciseProgress.Standing, style: OutputStyle) -> String {
        switch standing {
        case .done: style.success(style.symbol(.done))
        case .broken: style.warning(style.symbol(.broken))
        case .failing: style.failure(style.symbol(.failed))
        case .pending: style.dim(style.symbol(.pending))
        }
    }

    /// What follows the current exercise's title: ASCII on a plain output.
    static func currentNote(_ style: OutputStyle) -> String {
        (style.mode == .rich ? "← " : "<- ") + Words("current", id: "aktif").text
    }

    /// Every mark the list uses, with what it means: exactly the marks and the note the rows show.
    static func legend(_ style: OutputStyle) -> String {
        let entries: [(OutputStyle.Symbol, String)] = [
            (.done, Words("passed", id: "lulus").text), (.broken, passedBefore.text),
            (.failed, Words("failing", id: "gagal").text),
            (.pending, Words("not started", id: "belum dimulai").text),
        ]
        return (entries.map { style.symbol($0.0) + " " + $0.1 } + [currentNote(style)])
            .joined(separator: style.mode == .rich ? " · " : ", ")
    }
}

extension ListCommand {
    struct Definition: CommandDefinition {
        static let spec = CommandSpec.command(
            Definition.self,
            name: "list",
            abstract: Words(
                "Show every exercise and which ones you have finished.",
                id: "Tampilkan semua latihan dan mana yang sudah kamu selesaikan."),
            discussion: Words(
                "The current exercise is marked. To work on another one, run:\n\n"
                    + "    backendlings goto <exercise>",
                id: "Latihan yang sedang aktif diberi tanda. Untuk mengerjakan latihan lain, jalankan:\n\n"
                    + "    backendlings goto <exercise>"))

        init() {}
        init(parsing values: ParsedValues) {}

        func run(_ app: App) throws -> Int32 { try ListCommand(app: app).run() }
    }
}

extension Command {
    static var list: Command { Command(ListCommand.Definition()) }
}
