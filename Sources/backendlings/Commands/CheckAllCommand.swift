import Foundation
import Grader
import Runner

/// `backendlings check-all`: every exercise, graded in parallel, with a summary table.
struct CheckAllCommand {
    let app: App

    func run(json: Bool) throws -> Int32 {
        let context = try app.context()
        try context.workspace.validate(exercises: [])
        let style = app.style
        let interactive = Console.isInteractive && !json
        let count = context.pack.exercises.count
        if interactive {
            Console.err(
                style.dim(Words("Checking \(count) exercises…", id: "Mengecek \(count) latihan…").text + "\n")
            )
        }
        let outcomes = try CheckAll(context: context).run { outcome in
            if interactive {
                let mark =
                    outcome.passed ? style.success(style.symbol(.done)) : style.failure(style.symbol(.failed))
                Console.err("  \(mark) \(outcome.exercise.id)\n")
            }
        }
        if json {
            struct Entry: Encodable {
                var exercise: String
                var status: String
                var score: Int
                var maxScore: Int
            }
            let entries = outcomes.map {
                Entry(
                    exercise: $0.exercise.id, status: $0.isMissing ? "missing" : $0.report.status.rawValue,
                    score: $0.report.score,
                    maxScore: $0.report.maxScore)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Console.out(String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n")
        } else {
            let width = outcomes.map(\.exercise.id.count).max() ?? 10
            var text = "\n"
            for outcome in outcomes {
                let mark =
                    outcome.passed ? style.success(style.symbol(.done)) : style.failure(style.symbol(.failed))
                let failure =
                    outcome.isMissing
                    ? " — "
                        + Words(
                            "folder missing: run backendlings reset \(outcome.exercise.id)",
                            id: "folder hilang: jalankan backendlings reset \(outcome.exercise.id)"
                        ).text
                    : outcome.report.firstFailure.map { " — " + $0.name }
                        ?? (outcome.report.status == .error
                            ? " — "
                                + Words("does not build or start", id: "tidak bisa di-build atau dijalankan")
                                .text
                            : "")
                let score = outcome.isMissing ? "-" : "\(outcome.report.score)/\(outcome.report.maxScore)"
                text +=
                    "  \(mark) \(outcome.exercise.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(score)\(style.dim(failure))\n"
            }
            let passed = outcomes.filter(\.passed).count
            text +=
                "\n"
                + Words(
                    "\(passed) of \(outcomes.count) exercises pass.",
                    id: "\(passed) dari \(outcomes.count) latihan lulus."
                )
                .text + "\n"
            let missing = outcomes.filter(\.isMissing)
            if !missing.isEmpty {
                let folders = missing.map { app.path(context.workspace.folder(of: $0.exercise), in: context) }
                    .joined(separator: ", ")
                text +=
                    Words(
                        "Not checked, because their folders are missing: \(folders).",
                        id: "Tidak dicek, karena foldernya hilang: \(folders)."
                    ).text + "\n"
            }
            Console.out(text)
        }
        return outcomes.allSatisfy(\.passed) ? 0 : 1
    }
}

extension CheckAllCommand {
    struct Definition: CommandDefinition {
        static let json = BackendlingsCommands.jsonFlag(Words("the results", id: "hasilnya"))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "check-all",
            abstract: Words(
                "Check every exercise and show a summary.",
                id: "Cek semua latihan dan tampilkan ringkasannya."),
            options: [json.spec])

        var json: Bool

        init(json: Bool) { self.json = json }
        init(parsing values: ParsedValues) { json = values[Self.json] }

        var mayAskForLanguage: Bool { !json }

        func run(_ app: App) throws -> Int32 { try CheckAllCommand(app: app).run(json: json) }
    }
}

extension Command {
    static func checkAll(json: Bool) -> Command { Command(CheckAllCommand.Definition(json: json)) }
}
