import Foundation
import Grader
import Runner
import Synchronization

/// `backendlings check [EXERCISE] [--json]`: build, grade once, exit 0 on pass and 1 otherwise.
struct CheckCommand {
    let app: App

    func run(
        _ id: String?, json: Bool, resultsJSON: String? = nil, junit: String? = nil, points: Bool = false
    )
        throws -> Int32
    {
        let context = try app.context()
        let exercise = try app.exercise(id, in: context)
        try app.prepareWorkspace(for: exercise, in: context)
        let status = StatusLine(enabled: !json && Console.isInteractive, style: app.style)
        let outcome = try Checker(context: context).check(exercise) { stage in status.show(stage) }
        status.clear()
        app.showNotice(outcome.progressNotice)
        if let backup = outcome.packageManifestBackup {
            app.showManifestRegenerated(backup: backup, in: context)
        }
        if let resultsJSON {
            try ExercismResults(report: outcome.report).jsonData().write(
                to: URL(fileURLWithPath: resultsJSON), options: .atomic)
        }
        if let junit {
            try Data(JUnitReport.render(outcome.report).utf8).write(
                to: URL(fileURLWithPath: junit), options: .atomic)
        }
        if json {
            Console.out(try ReportTotals(outcome.report).jsonText())
        } else {
            Console.out(app.renderReport(outcome.report, title: exercise.title(in: .current)))
            if outcome.passed {
                let next = app.style.code(app.command("next"))
                Console.out(
                    "\n" + app.style.success(Words("Well done!", id: "Mantap!").text) + " "
                        + Words("Move on with \(next).", id: "Lanjut dengan \(next).").text + "\n")
            } else {
                let folder = app.style.code(app.path(context.workspace.folder(of: exercise), in: context))
                let again = app.style.code(app.command("check \(exercise.id)"))
                let watch = app.style.code(app.command())
                Console.out(
                    "\n"
                        + Words(
                            "Edit \(folder), then run \(again) again (or use watch mode: \(watch)).",
                            id:
                                "Edit \(folder), lalu jalankan \(again) lagi (atau pakai mode watch: \(watch))."
                        ).text + "\n")
            }
        }
        if points { Console.out(PointsLine.text(for: outcome.report) + "\n") }
        return outcome.passed ? 0 : 1
    }
}

/// One line on stderr that says what a long step is doing, redrawn in place on a terminal.
final class StatusLine: Sendable {
    private let enabled: Bool
    private let style: OutputStyle
    private let lastDraw = Mutex(ContinuousClock.now - .seconds(1))

    init(enabled: Bool, style: OutputStyle) {
        self.enabled = enabled
        self.style = style
    }

    func show(_ stage: Checker.Stage) {
        guard enabled else { return }
        let text: String
        switch stage {
        case .building(let progress):
            text = Words("Building your code… ", id: "Mem-build kodemu… ").text + (progress ?? "")
        case .buildingGrader(let progress):
            text = Words("Preparing the tests… ", id: "Menyiapkan pengecekan… ").text + (progress ?? "")
        case .grading: text = Words("Running the checks…", id: "Menjalankan pengecekan…").text
        }
        lastDraw.withLock { lastDraw in
            let now = ContinuousClock.now
            guard now - lastDraw > .milliseconds(80) || !text.hasSuffix("] ") else { return }
            lastDraw = now
            Console.err("\r\u{1B}[2K" + style.dim(String(text.prefix(100))))
        }
    }

    func clear() {
        guard enabled else { return }
        Console.err("\r\u{1B}[2K")
    }
}

extension CheckCommand {
    struct Definition: CommandDefinition {
        static let exercise = BackendlingsCommands.optionalExercise(Words("check", id: "dicek"))
        static let json = BackendlingsCommands.jsonFlag(Words("the result", id: "hasilnya"))
        static let resultsJSON = Option<String>(
            "results-json", valueName: "file",
            help: Words(
                "Also write the result as Exercism's results.json (version 3) to this file.",
                id: "Tulis juga hasilnya sebagai results.json Exercism (versi 3) ke file ini."))
        static let junit = Option<String>(
            "junit", valueName: "file",
            help: Words(
                "Also write the result as JUnit XML to this file.",
                id: "Tulis juga hasilnya sebagai JUnit XML ke file ini."))
        static let points = Flag(
            "points",
            help: Words(
                "End with a line 'Points <passed>/<checks>', for CI logs and graders (GitHub Classroom style).",
                id:
                    "Akhiri dengan baris 'Points <lulus>/<pengecekan>', untuk log CI dan grader (gaya GitHub Classroom)."
            ))

        static let spec = CommandSpec.command(
            Definition.self,
            name: "check",
            abstract: Words(
                "Build an exercise and run its tests once.",
                id: "Build sebuah latihan dan jalankan pengecekannya sekali."),
            discussion: Words(
                "Builds your code for the exercise, starts your server, and sends it real HTTP "
                    + "requests to test it. Then it shows what passed and what to fix.",
                id: "Mem-build kode latihanmu, menyalakan server-mu, lalu mengirim request HTTP sungguhan "
                    + "untuk mengeceknya. Setelah itu ia menunjukkan apa yang lulus dan apa yang perlu "
                    + "diperbaiki."),
            arguments: [exercise],
            options: [json.spec, resultsJSON.spec, junit.spec, points.spec])

        var exercise: String?
        var json: Bool
        /// Files to write the report to, for CI and instructors.
        var resultsJSON: String?
        var junit: String?
        /// End with a `Points X/Y` line, as GitHub Classroom's reporter writes it.
        var points: Bool

        init(exercise: String?, json: Bool, resultsJSON: String?, junit: String?, points: Bool) {
            self.exercise = exercise
            self.json = json
            self.resultsJSON = resultsJSON
            self.junit = junit
            self.points = points
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            exercise = values[Self.exercise]
            json = values[Self.json]
            resultsJSON = try values.value(of: Self.resultsJSON)
            junit = try values.value(of: Self.junit)
            points = values[Self.points]
        }

        var mayAskForLanguage: Bool { !json }

        func run(_ app: App) throws -> Int32 {
            try CheckCommand(app: app).run(
                exercise, json: json, resultsJSON: resultsJSON, junit: junit, points: points)
        }
    }
}

extension Command {
    static func check(
        exercise: String?, json: Bool, resultsJSON: String? = nil, junit: String? = nil, points: Bool = false
    ) -> Command {
        Command(
            CheckCommand.Definition(
                exercise: exercise, json: json, resultsJSON: resultsJSON, junit: junit, points: points))
    }
}
