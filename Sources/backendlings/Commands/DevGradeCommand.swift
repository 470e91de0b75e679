import Foundation
import Grader
import Runner

/// `backendlings dev grade WORKSPACE... [--output DIR] [--only IDS]`: batch grading for instructors.
struct DevGradeCommand {
    let app: App

    func run(workspaces: [String], output: String, only: [String]) throws -> Int32 {
        guard !workspaces.isEmpty else {
            throw RunnerFailure(
                Words(
                    "Name at least one workspace folder to grade, for example: backendlings dev grade submissions/*/workspace",
                    id:
                        "Sebutkan minimal satu folder workspace untuk dinilai, misalnya: backendlings dev grade submissions/*/workspace"
                )
            )
        }
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        var grade = BatchGrade(pack: pack, home: locations.home)
        grade.only = Set(try only.map { try pack.findExercise($0).id })
        let folders = workspaces.map { URL(fileURLWithPath: $0).standardizedFileURL }
        for folder in folders
        where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            throw RunnerFailure(
                Words(
                    "\(folder.path) is not a Backendlings workspace (it has no Package.swift).",
                    id: "\(folder.path) bukan workspace Backendlings (tidak ada Package.swift di dalamnya)."))
        }
        let outputFolder = URL(fileURLWithPath: output).standardizedFileURL
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let style = app.style
        let results = grade.run(folders) { workspace, outcome in
            let folder = outputFolder.appendingPathComponent(workspace.lastPathComponent)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? encoder.encode(outcome.report).write(
                to: folder.appendingPathComponent("\(outcome.exercise.id).json"))
            try? ExercismResults(report: outcome.report).jsonData().write(
                to: folder.appendingPathComponent("\(outcome.exercise.id).results.json"))
            let mark =
                outcome.passed ? style.success(style.symbol(.done)) : style.failure(style.symbol(.failed))
            Console.err(
                "  \(mark) \(workspace.lastPathComponent) \(outcome.exercise.id) \(outcome.report.score)/\(outcome.report.maxScore)\n"
            )
        }
        try encoder.encode(results).write(to: outputFolder.appendingPathComponent("summary.json"))
        try Self.csv(results).write(
            to: outputFolder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let gradebook = outputFolder.appendingPathComponent("gradebook.html")
        try Gradebook.reading(pack: pack, results: results, folders: folders, language: .current).html()
            .write(to: gradebook, atomically: true, encoding: .utf8)
        var text = "\n"
        for result in results {
            if let problem = result.problem {
                text +=
                    "  \(result.workspace): "
                    + Words("could not be graded: \(problem)", id: "tidak bisa dinilai: \(problem)").text
                    + "\n"
            } else {
                let (passed, count) = (result.passed, result.exercises.count)
                let score = "\(result.score)/\(result.maxScore)"
                text +=
                    "  \(result.workspace): "
                    + Words(
                        "\(passed) of \(count) exercises pass, score \(score)",
                        id: "\(passed) dari \(count) latihan lulus, nilai \(score)"
                    ).text + "\n"
            }
        }
        text +=
            "\n" + Words("Results are in ", id: "Hasilnya ada di ").text + style.code(outputFolder.path)
            + Words(
                " (summary.json, summary.csv, and a folder per workspace).",
                id: " (summary.json, summary.csv, dan satu folder per workspace)."
            ).text + "\n"
        text += Words("The gradebook: ", id: "Daftar nilai: ").text + style.code(gradebook.path) + "\n"
        Console.out(text)
        return results.contains { $0.problem != nil } ? 2 : 0
    }

    /// One row per workspace and exercise, for spreadsheets.
    static func csv(_ results: [BatchGrade.WorkspaceResult]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var lines = ["workspace,exercise,status,score,max_score"]
        for result in results {
            for exercise in result.exercises {
                lines.append(
                    [
                        field(result.workspace), field(exercise.exercise), exercise.status,
                        String(exercise.score), String(exercise.maxScore),
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DevGradeCommand {
    /// Learners' workspaces, where to write results, and which exercises.
    struct Definition: CommandDefinition {
        static let workspace = Argument(
            "workspace", help: Words(english: "A learner's workspace folder."), isRepeating: true)
        static let output = Option<String>(
            "output", valueName: "folder",
            help: Words(english: "Where to write the results (default: ./grades)."))
        static let only = Option.list(
            "only", valueName: "exercises",
            help: Words(english: "Grade only these exercises (ids separated by commas)."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "grade",
            abstract: Words(english: "Grade learners' workspaces and write the results as files."),
            discussion: Words(
                english: "For instructors. Give the workspace folders you collected. Each one is graded for "
                    + "every exercise (exercises a learner never started count as their starters), without "
                    + "changing its progress. The output folder gets, per workspace, each exercise's report "
                    + "(<exercise>.json) and Exercism results.json (<exercise>.results.json), plus summary.json, "
                    + "summary.csv for a spreadsheet, and gradebook.html: the class at a glance, one page "
                    + "that works offline."),
            arguments: [workspace],
            options: [output.spec, only.spec])

        var workspaces: [String]
        var output: String
        var only: [String]

        init(workspaces: [String], output: String, only: [String]) {
            self.workspaces = workspaces
            self.output = output
            self.only = only
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(
                workspaces: values.all(Self.workspace), output: try values.value(of: Self.output) ?? "grades",
                only: try values.value(of: Self.only) ?? [])
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevGradeCommand(app: app).run(workspaces: workspaces, output: output, only: only)
        }
    }
}

extension Command {
    static func devGrade(workspaces: [String], output: String, only: [String]) -> Command {
        Command(DevGradeCommand.Definition(workspaces: workspaces, output: output, only: only))
    }
}
