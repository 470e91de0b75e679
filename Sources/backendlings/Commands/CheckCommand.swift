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
