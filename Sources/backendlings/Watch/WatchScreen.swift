import Foundation
import Grader
import Runner

/// What the watch screen shows and how it draws it: one frame, sized to the terminal, redrawn in
/// place on every change and on every resize (see ``WatchFrame`` for the regions).
actor WatchScreen {
    /// What `h` put on screen.
    enum Hint: Equatable {
        case check(name: String, text: String)
        case exercise(HintReveal)
        case none
    }

    private let context: RunnerContext
    private let style: OutputStyle
    private let naming: CommandNaming
    private let size: @Sendable () -> (columns: Int, rows: Int)
    private let write: @Sendable (String) -> Void
    /// How times are shown ("07:10:35"); tests pass a fixed one.
    private let time: @Sendable (Date) -> String
    private var exercise: Exercise
    private var checking = false
    private var savedAt: Date?
    private var stage: Checker.Stage?
    private var outcome: CheckOutcome?
    private var checkedAt: Date?
    private var problem: String?
    private var hint: Hint?
    private var message: String?
    private var showingList = false
    private var serving: ServeFollower.Status?
    private var serveProblem: String?
    private var serveLog: [String] = []
    private var welcome: [String]?
    private var drawing = true
    /// The learner's progress as last read; reread when it can have changed.
    private var progress: LearnerProgress?

    /// Log lines of the served server kept on screen.
    static let serveLogLines = 3

    init(
        context: RunnerContext, style: OutputStyle, exercise: Exercise, welcome: [String]?,
        naming: CommandNaming = .current,
        size: @escaping @Sendable () -> (columns: Int, rows: Int) = { Terminal.size() },
        write: @escaping @Sendable (String) -> Void = { Console.out($0) },
        time: @escaping @Sendable (Date) -> String = { WatchScreen.clock($0) }
    ) {
        self.time = time
        self.context = context
        self.style = style
        self.exercise = exercise
        self.welcome = welcome
        self.naming = naming
        self.size = size
        self.write = write
    }

    var currentExercise: Exercise { exercise }
    var lastOutcome: CheckOutcome? { outcome }

    func apply(_ event: WatchCoordinator.Event) {
        switch event {
        case .checkStarted(let checked, let saved):
            checking = true
            stage = nil
            savedAt = saved
            if checked != exercise { exercise = checked }
        case .stage(let newStage):
            stage = newStage
        case .checkFinished(let result):
            checking = false
            stage = nil
            if result.exercise == exercise {
                outcome = result
                checkedAt = Date()
                problem = nil
                if result.passed { hint = nil }
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
            message = nil
            refreshProgress()
        case .progressChanged:
            refreshProgress()
        case .notice(let text):
            message = text
        case .serving(let status, let why):
            serving = status
            serveProblem = why
            serveLog = []  // a new server (or none): the old one's lines no longer apply
            message = nil
        case .serveLine(let line):
            guard serving != nil else { return }
            serveLog.append(line)
            if serveLog.count > Self.serveLogLines {
                serveLog.removeFirst(serveLog.count - Self.serveLogLines)
            }
        }
        draw()
    }

    func show(message text: String?) {
        message = text
        draw()
    }

    func show(hint step: Hint) {
        hint = step
        draw()
    }

    func toggleList() {
        showingList.toggle()
        if showingList { refreshProgress() }
        draw()
    }

    /// Stops drawing (while a pager has the terminal) or starts again with a full redraw.
    func setDrawing(_ on: Bool) {
        drawing = on
        if on { draw() }
    }

    private func refreshProgress() {
        progress = (try? context.progressStore.load().value) ?? progress
    }

    // MARK: Drawing

    /// Draws the whole frame at the terminal's current size.
    func draw() {
        guard drawing else { return }
        let (columns, rows) = size()
        let lines = frame().lines(columns: columns, rows: rows)
        // Home, each line cleared to its end, then everything below the frame cleared: no flicker,
        // nothing left over from a longer frame, never a scroll. (The terminal turns "\n" into
        // "\r\n": output processing stays on in raw mode.)
        write("\u{1B}[H" + lines.joined(separator: "\u{1B}[K\n") + "\u{1B}[K\u{1B}[J")
    }

    /// The frame for the current state.
    func frame() -> WatchFrame {
        let footer = footerLines()
        if showingList {
            let progress = self.progress ?? LearnerProgress(startedAt: Date(), current: exercise.id)
            var list = ListCommand.render(pack: context.pack, progress: progress, style: style)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if list.last == "" { list.removeLast() }
            return WatchFrame(
                header: [
                    style.bold(Words("All exercises", id: "Semua latihan").text)
                        + style.dim(Words(" · press l to go back", id: " · tekan l untuk kembali").text)
                ],
                status: statusLine(), report: list, footer: footer, fullReportKey: "l")
        }
        var sections: [[String]] = []
        if let welcome { sections.append(welcome) }
        if let hint, let lines = hintLines(hint) { sections.append(lines) }
        if let serve = serveLines() { sections.append(serve) }
        if let message { sections.append(Self.split(message)) }
        return WatchFrame(
            header: headerLines(), status: statusLine(), report: reportLines(), sections: sections,
            footer: footer)
    }

    private func headerLines() -> [String] {
        let pack = context.pack
        let module = pack.modules.first { $0.id == exercise.moduleID }
        let position = (module?.exercises.firstIndex(of: exercise) ?? 0) + 1
        let files = exercise.files.map {
            context.workspace.displayPath(context.workspace.folder(of: exercise).appendingPathComponent($0))
        }
        let count = module?.exercises.count ?? 0
        let lesson = pack.lessonText(of: exercise, in: .current)
        let updating = lesson.note == nil ? "" : style.dim(Self.translationUpdating.text)
        return [
            style.dim(
                (module?.title(in: .current) ?? "") + " · "
                    + Words("exercise \(position) of \(count)", id: "latihan \(position) dari \(count)").text),
            style.bold(exercise.id) + " · " + exercise.title(in: .current),
            "  " + Self.readLabel.text + " " + style.code(context.workspace.displayPath(lesson.file))
                + updating,
            "  " + Self.editLabel.text + " " + style.code(files.joined(separator: ", ")),
        ]
    }

    /// One line that always says what is happening.
    func statusLine() -> String {
        if checking {
            let saved = savedAt.map { " " + Words("saved", id: "disimpan").text + " " + time($0) } ?? ""
            return style.warning(Words("Checking…", id: "Mengecek…").text) + saved
                + style.dim(" · " + stageDescription())
        }
        if let problem {
            return style.failure(Self.couldNotCheck.text + " ") + (Self.split(problem).first ?? "")
        }
        guard let outcome else {
            return style.dim(Words("Waiting for the first check…", id: "Menunggu pengecekan pertama…").text)
        }
        let report = outcome.report
        if outcome.passed {
            let count = report.checks.count
            return style.success(style.symbol(.done) + " " + Self.passes.text)
                + " · "
                + (count == 1
                ? Words("its check passed", id: "pengecekannya lulus")
                : Words("all \(count) checks passed", id: "semua \(count) pengecekan lulus")).text
        }
        if report.status == .error && report.checks.isEmpty {
            return style.failure(style.symbol(.failed) + " " + report.runMessageLines[0])
        }
        let passed = report.checks.filter { $0.status == .pass }.count
        let reason = report.firstFailure.map { Self.shortReason($0) } ?? ""
        let total = report.checks.count
        return style.failure(
            style.symbol(.failed) + " " + Words("\(passed) of \(total)", id: "\(passed) dari \(total)").text)
            + (reason.isEmpty ? "" : " · " + reason)
    }

    private func stageDescription() -> String {
        switch stage {
        case .building(let progress):
            Words("building your code ", id: "mem-build kodemu ").text + (progress ?? "")
        case .buildingGrader(let progress):
            Words(
                "preparing the tests (only the first time) ",
                id: "menyiapkan pengecekan (hanya pertama kali) "
            ).text + (progress ?? "")
        case .grading:
            Words("running the checks against your server", id: "menjalankan pengecekan ke server-mu").text
        case nil: Words("starting", id: "memulai").text
        }
    }

    /// The last check's report without its title (the header has it) and its score line (the
    /// status line has it).
    private func reportLines() -> [String] {
        guard let outcome, problem == nil else { return [] }
        var lines = render(outcome.report).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        if lines.last == "" { lines.removeLast() }
        if !lines.isEmpty { lines.removeFirst() }  // the title
        if !lines.isEmpty { lines.removeLast() }  // the score
        while lines.last == "" { lines.removeLast() }
        if outcome.passed {
            let key = style.bold("n")
            lines += [
                "",
                style.success(Words("This exercise passes!", id: "Latihan ini lulus!").text) + " "
                    + Words(
                        "Press \(key) for the next one.",
                        id: "Tekan \(key) untuk lanjut ke latihan berikutnya."
                    )
                    .text,
            ]
        }
        return lines
    }

    private func render(_ report: GradeReport) -> String {
        var renderer = TextReportRenderer(style: ReportStyle(style: style))
        renderer.serveCommand = naming.command("serve")
        return renderer.render(report, title: exercise.title(in: .current))
    }

    /// The full report, for the pager: everything the frame had to cut.
    func fullReport() -> String {
        var text = headerLines().joined(separator: "\n") + "\n\n"
        if let problem { text += Self.couldNotCheck.text + " " + problem + "\n" }
        if let outcome { text += render(outcome.report) }
        if let hint, let lines = hintLines(hint) { text += "\n" + lines.joined(separator: "\n") + "\n" }
        return text
    }

    private func hintLines(_ hint: Hint) -> [String]? {
        switch hint {
        case .none:
            return [HintCommand.noHints.text + " " + style.code(App.lessonFile(of: exercise, in: context))]
        case .check(let name, let text):
            return [style.warning(Words("Hint for “\(name)”", id: "Petunjuk untuk “\(name)”").text)]
                + Self.split(text).map { "  " + $0 }
                + [
                    style.dim(
                        Words(
                            "Press h again for a hint about the whole exercise.",
                            id: "Tekan h lagi untuk petunjuk tentang latihan ini secara utuh."
                        ).text)
                ]
        case .exercise(let reveal):
            return HintCommand.lines(reveal, exercise: exercise, style: style, naming: naming)
        }
    }

    private func serveLines() -> [String]? {
        if let serveProblem {
            return [
                style.failure(Words("Could not serve: ", id: "Gagal menjalankan server: ").text)
                    + serveProblem
            ]
        }
        guard let serving else { return nil }
        let database = context.workspace.displayPath(serving.databaseFile)
        let built = time(serving.builtAt)
        var lines = [
            style.bold(Words("Serving the build from \(built)", id: "Menjalankan build dari \(built)").text)
                + Words(" on ", id: " di ").text + "http://127.0.0.1:\(serving.port)"
                + style.dim(Words(" · s stops it", id: " · s menghentikannya").text),
            "  Data: " + style.code(database),
        ]
        if let curl = LessonCurl.example(for: serving.exercise, in: context.pack, port: serving.port) {
            lines.append("  " + Words("Try: ", id: "Coba:").text + " " + style.code(curl))
        }
        lines += serveLog.map { style.dim("│ ") + $0 }
        return lines
    }

    private func footerLines() -> [String] {
        if progress == nil { refreshProgress() }
        let done = progress?.doneCount(in: context.pack) ?? 0
        let broken = progress?.brokenCount(in: context.pack) ?? 0
        let total = context.pack.exercises.count
        let bar = style.progressBar(completed: done, total: total, width: 30, broken: broken)
        let failingAgain =
            broken > 0
            ? style.warning(" · " + Words("\(broken) failing again", id: "\(broken) gagal lagi").text) : ""
        let checked =
            checkedAt.map {
                style.dim(" · " + Words("last check", id: "cek terakhir").text + " " + time($0))
            } ?? ""
        let keys = Self.keys.map(\.text).map { entry in
            style.bold(String(entry.prefix(1))) + String(entry.dropFirst())
        }.joined(separator: Self.keySeparator)
        return [
            "\(bar) \(done)/\(total) " + Words("done", id: "selesai").text + failingAgain + checked, keys,
        ]
    }

    /// Where the learner stands, for the normal screen after watch mode ends.
    func exitSummary() -> String {
        refreshProgress()
        var text = style.bold(exercise.id) + " · "
        if let outcome {
            text += outcome.passed ? style.success(Self.passes.text) : TerminalText.plain(statusLine())
        } else {
            text += Words("not checked yet", id: "belum dicek").text
        }
        let done = progress?.doneCount(in: context.pack) ?? 0
        let broken = progress?.brokenCount(in: context.pack) ?? 0
        let command = style.code(naming.command())
        text +=
            "\n" + ListCommand.doneSummary(done: done, total: context.pack.exercises.count, broken: broken)
            + ". "
            + Words(
                "Your progress is saved; run \(command) to continue.",
                id: "Progresmu tersimpan; jalankan \(command) untuk lanjut."
            ).text + "\n"
        return text
    }
}
