import Foundation
import Grader
import Runner

/// What the watch screen shows, and how it draws it: a header naming the exercise and the files to
/// read and edit, the last check's report (or "Checking…"), then hints, messages and the keys.
///
/// The whole screen is redrawn on every change; it is short, and redrawing keeps it simple and
/// always consistent.
actor WatchScreen {
    private let context: RunnerContext
    private let style: OutputStyle
    private var exercise: Exercise
    private var checking = false
    private var stage: Checker.Stage?
    private var outcome: CheckOutcome?
    private var problem: String?
    private var hint: HintReveal?
    private var message: String?
    private var showingList = false
    private var serving: (port: Int, log: [String])?
    private var welcome: String?

    init(context: RunnerContext, style: OutputStyle, exercise: Exercise, welcome: String?) {
        self.context = context
        self.style = style
        self.exercise = exercise
        self.welcome = welcome
    }

    /// The learner's progress as last read. Reread only when it can have changed (a check ended,
    /// the exercise changed, the list opened), not on every redraw during a check.
    private var progress: LearnerProgress?

    private func refreshProgress() {
        progress = (try? context.progressStore.load().value) ?? progress
    }

    func apply(_ event: WatchCoordinator.Event) {
        switch event {
        case .checkStarted(let checked):
            checking = true
            stage = nil
            if checked != exercise { exercise = checked }
        case .stage(let newStage):
            stage = newStage
        case .checkFinished(let result):
            checking = false
            stage = nil
            if result.exercise == exercise {
                outcome = result
                problem = nil
            }
            if let notice = result.progressNotice { message = notice.description }
            welcome = nil
            refreshProgress()
        case .checkCouldNotRun(_, let reason):
            checking = false
            problem = reason
        case .exerciseChanged(let next):
            exercise = next
            outcome = nil
            hint = nil
            problem = nil
            refreshProgress()
        case .notice(let text):
            message = text
        }
        draw()
    }

    func show(message text: String?) {
        message = text
        draw()
    }

    func show(hint reveal: HintReveal) {
        hint = reveal
        draw()
    }

    func toggleList() {
        showingList.toggle()
        if showingList { refreshProgress() }
        draw()
    }

    func setServing(_ port: Int?) {
        serving = port.map { ($0, []) }
        draw()
    }

    func appendServeLog(_ line: String) {
        guard serving != nil else { return }
        serving!.log.append(line)
        if serving!.log.count > 6 { serving!.log.removeFirst(serving!.log.count - 6) }
        draw()
    }

    func draw() {
        Console.out("\u{1B}[H\u{1B}[2J" + render())
    }

    func render() -> String {
        if showingList {
            let progress = self.progress ?? LearnerProgress(startedAt: Date(), current: exercise.id)
            return ListCommand.render(pack: context.pack, progress: progress, style: style) + "\n"
                + style.dim("Press l to go back.") + "\n"
        }
        var text = ""
        if let welcome { text += welcome }
        text += header()
        if checking {
            text += "\n" + style.warning("Checking…") + " " + style.dim(stageDescription()) + "\n"
        }
        if let problem {
            text += "\n" + style.failure("Could not check: ") + problem + "\n"
        } else if let outcome {
            text +=
                "\n"
                + TextReportRenderer(style: ReportStyle(style: style)).render(
                    outcome.report, title: exercise.title)
            if outcome.passed {
                text +=
                    "\n" + style.success("This exercise passes!") + " Press " + style.bold("n")
                    + " for the next one.\n"
            }
        }
        if let hint {
            text += "\n" + HintCommand.render(hint, exercise: exercise, style: style)
        }
        if let serving {
            text +=
                "\n" + style.bold("Serving") + " at http://127.0.0.1:\(serving.port)  "
                + style.dim("(s to stop)") + "\n"
            for line in serving.log { text += style.dim("│ ") + line + "\n" }
        }
        if let message { text += "\n" + message + "\n" }
        text += "\n" + footer()
        return text
    }

    private func header() -> String {
        let pack = context.pack
        let module = pack.modules.first { $0.id == exercise.moduleID }
        let position = (module?.exercises.firstIndex(of: exercise) ?? 0) + 1
        var text =
            style.dim("\(module?.title ?? "") · exercise \(position) of \(module?.exercises.count ?? 0)")
            + "\n"
        text += style.bold(exercise.id) + " · " + exercise.title + "\n"
        text += "  Read: " + style.code(context.workspace.displayPath(pack.lessonText(of: exercise))) + "\n"
        let files = exercise.files.map {
            context.workspace.displayPath(context.workspace.folder(of: exercise).appendingPathComponent($0))
        }
        text += "  Edit: " + style.code(files.joined(separator: ", ")) + "\n"
        return text
    }

    private func stageDescription() -> String {
        switch stage {
        case .building(let progress): "building your code " + (progress ?? "")
        case .buildingGrader(let progress):
            "preparing the tests (only slow the first time) " + (progress ?? "")
        case .grading: "running the checks against your server"
        case nil: ""
        }
    }

    private func footer() -> String {
        if progress == nil { refreshProgress() }
        let done = progress?.doneCount(in: context.pack) ?? 0
        let total = context.pack.exercises.count
        let bar = style.progressBar(completed: done, total: total, width: 30)
        let keys = ["h hint", "l list", "n next", "r rerun", "s serve", "q quit"].map { entry in
            style.bold(String(entry.prefix(1))) + String(entry.dropFirst())
        }.joined(separator: style.dim(" · "))
        return "\(bar) \(done)/\(total) done\n" + keys + "\n"
    }
}
