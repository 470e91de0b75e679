import Foundation
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
                "\nYou have not started yet. Run " + app.style.code("swift run backendlings")
                    + " to create your workspace and begin.\n")
            return 0
        }
        Console.out(Self.render(pack: context.pack, progress: progress, style: app.style))
        return 0
    }

    static func render(pack: Pack, progress: LearnerProgress, style: OutputStyle) -> String {
        let current = progress.currentExercise(in: pack)?.id
        let idWidth = pack.exercises.map(\.id.count).max() ?? 10
        var text =
            style.bold(pack.name)
            + " · \(progress.doneCount(in: pack)) of \(pack.exercises.count) exercises done\n"
        for summary in progress.summary(for: pack) {
            text +=
                "\n" + style.bold(summary.module.title) + style.dim("  \(summary.done)/\(summary.total)")
                + "\n"
            for exercise in summary.module.exercises {
                let state = progress.state(of: exercise.id).status
                let mark: String
                switch (state, exercise.id == current) {
                case (.done, _): mark = style.success(style.symbol(.done))
                case (_, true): mark = style.code(style.symbol(.current))
                case (.failing, false): mark = style.failure(style.symbol(.failed))
                case (.pending, false): mark = style.dim(style.symbol(.pending))
                }
                let id = exercise.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let note = exercise.id == current ? style.dim("  ← current") : ""
                text += "  \(mark) \(id)  \(exercise.title)\(note)\n"
            }
        }
        if style.mode == .plain {
            text += "\n[done] passed, * current, [fail] failing, [todo] not started\n"
        }
        return text
    }
}
