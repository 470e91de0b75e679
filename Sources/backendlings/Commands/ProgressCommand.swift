import Foundation
import Runner

/// `backendlings progress`: a bar per module, totals, hints used, time since the start.
struct ProgressCommand {
    let app: App

    func run(json: Bool) throws -> Int32 {
        let context = try app.context()
        let pack = context.pack
        let started = try app.existingProgress(in: context)
        let progress = started ?? LearnerProgress(startedAt: Date(), current: pack.exercises.first?.id ?? "")
        if started == nil && !json {
            Console.out(
                "You have not started yet. Run " + app.style.code(app.command())
                    + " to create your workspace and begin.\n")
            return 0
        }
        if json {
            Console.out(try Self.json(pack: pack, progress: progress, now: Date()) + "\n")
            return 0
        }
        let style = app.style
        let done = progress.doneCount(in: pack)
        let total = pack.exercises.count
        var text = style.bold("Your progress") + "\n\n"
        let titleWidth = pack.modules.map(\.title.count).max() ?? 10
        for summary in progress.summary(for: pack) {
            let title = summary.module.title.padding(toLength: titleWidth, withPad: " ", startingAt: 0)
            text +=
                "  \(title)  \(style.progressBar(completed: summary.done, total: summary.total, width: 20, broken: summary.broken))  \(summary.done)/\(summary.total)\n"
        }
        text += "\n  Done:        \(done) of \(total) exercises (\(total == 0 ? 0 : done * 100 / total)%)\n"
        let broken = pack.exercises.filter { progress.state(of: $0.id).standing == .broken }
        if !broken.isEmpty {
            text +=
                "  " + style.warning(style.symbol(.broken)) + " Failing again: "
                + broken.map(\.id).joined(separator: ", ")
                + style.dim(" (passed before; still counted as done)")
                + "\n"
        }
        text += "  Hints used:  \(progress.hintsUsed)\n"
        text += "  Started:     \(Self.duration(progress.elapsed(at: Date()))) ago\n"
        if let current = progress.currentExercise(in: pack) {
            text += "  Current:     \(current.id) · \(current.title)\n"
        }
        Console.out(text)
        return 0
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 1 { return "less than a minute" }
        if minutes < 60 { return "\(minutes) minute\(minutes == 1 ? "" : "s")" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours) hour\(hours == 1 ? "" : "s") \(minutes % 60) min" }
        return "\(hours / 24) days"
    }

    static func json(pack: Pack, progress: LearnerProgress, now: Date) throws -> String {
        struct ModuleEntry: Encodable {
            var id: String
            var title: String
            var done: Int
            var total: Int
        }
        struct Output: Encodable {
            var formatVersion = 1
            var done: Int
            /// Of `done`, the exercises whose latest check fails.
            var failingAgain: [String]
            var total: Int
            var hintsUsed: Int
            var startedAt: Date
            var elapsedSeconds: Int
            var current: String?
            var modules: [ModuleEntry]
            var exercises: [String: ExerciseProgress]
        }
        let output = Output(
            done: progress.doneCount(in: pack),
            failingAgain: pack.exercises.filter { progress.state(of: $0.id).standing == .broken }.map(\.id),
            total: pack.exercises.count,
            hintsUsed: progress.hintsUsed,
            startedAt: progress.startedAt,
            elapsedSeconds: Int(progress.elapsed(at: now)),
            current: progress.currentExercise(in: pack)?.id,
            modules: progress.summary(for: pack).map {
                ModuleEntry(id: $0.module.id, title: $0.module.title, done: $0.done, total: $0.total)
            },
            exercises: Dictionary(
                uniqueKeysWithValues: pack.exercises.map { ($0.id, progress.state(of: $0.id)) })
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
