import Foundation
import Grader
import Synchronization

/// The logic of watch mode, apart from the screen: which exercise is current, when to check it,
/// what happens to saves that arrive while a check runs, and the server `s` keeps running.
///
/// - A save (or `r`) during a check cancels that check and starts a new one: the learner wants the
///   verdict for the newest code. A cancelled check records nothing, so a burst of saves gives one
///   recorded check.
/// - progress.json is the one source of truth for the current exercise: `next`, `goto` or a reset
///   made from another terminal switch this watch session too.
/// - While serving, every successful build restarts the served server on the new binary.
/// - The progress page (`p`) is one server for the whole session, stopped with it.
///
/// Every state change is reported through `onEvent` for the screen to draw.
public actor WatchCoordinator {
    public enum Event: Sendable {
        /// A check of this exercise started; `savedAt` is when the save that caused it was seen.
        case checkStarted(Exercise, savedAt: Date?)
        case stage(Checker.Stage)
        case checkFinished(CheckOutcome)
        /// The check could not run at all (a missing exercise folder, an unreadable progress file…).
        case checkCouldNotRun(Exercise, String)
        /// The current exercise changed (`n` here, or `next`/`goto` in another terminal).
        case exerciseChanged(Exercise)
        /// progress.json changed (a check, a hint, another terminal): counts may differ.
        case progressChanged
        /// The file watcher switched to polling, with why.
        case notice(String)
        /// What `s` serves now (nil: nothing), or why it could not start.
        case serving(ServeFollower.Status?, problem: String?)
        /// A line the served server printed.
        case serveLine(String)
    }

    public enum NextResult: Sendable, Equatable {
        case moved(Exercise)
        case notPassedYet
        case finishedAll
        case failed(String)
    }

    /// What `h` shows next: the failing check's own hint first, then the exercise's hints in order.
    public enum HintStep: Sendable, Equatable {
        case check(name: String, text: String)
        case exercise(HintReveal)
        /// The exercise has no hints and the failing check none either.
        case none
    }

    /// How long the files must be quiet before a save is acted on. Short, because a save's steps
    /// (write, rename; an IDE's "safe write": write a copy, delete, rename) come within a few
    /// milliseconds; a burst that outlasts it is handled by cancelling. Every millisecond here is
    /// one the learner waits for the verdict.
    public static let saveDebounce: Duration = .milliseconds(20)
    /// Saves this close together are one burst: the build starts after the first, but grading waits
    /// until this long after the last, so three saves 200 ms apart give one check.
    public static let burstWindow: Duration = .milliseconds(250)

    private let context: RunnerContext
    private let onEvent: @Sendable (Event) -> Void
    private let watcher: FileWatcher
    private let progressWatcher: FileWatcher
    private let serve: ServeFollower
    let progressPage: SessionProgressPage
    private var current: Exercise
    private var running: Cancellation?
    private var pending: (requested: Bool, savedAt: Date?) = (false, nil)
    private var lastOutcome: CheckOutcome?
    private var shownCheckHint: String?
    private var serveWanted = false
    private var tasks: [Task<Void, Never>] = []
    private let lastSave = LastSave()

    public init(
        context: RunnerContext, current: Exercise, polling: Bool, servePort: Int = 8080,
        progressPagePort: Int = 0, onEvent: @escaping @Sendable (Event) -> Void
    ) {
        self.context = context
        self.current = current
        self.onEvent = onEvent
        var options = FileWatcher.Options(debounce: Self.saveDebounce)
        if polling { options.mode = .polling }
        var progressOptions = options
        // A learner's `Containerfile` is a file its checks read: saving it checks again.
        options.filter.relevantFileNames = Set(
            context.pack.exercises.flatMap(\.files).filter { !ProgramBuilder.isSwiftSource($0) }
                .map { String($0.split(separator: "/").last ?? "") })
        watcher = FileWatcher(roots: [context.workspace.root.path], options: options)
        progressOptions.filter = FileWatcherFilter(
            ignoredDirectoryNames: ["backups", "staging", "builds"], relevantExtensions: ["json"])
        progressWatcher = FileWatcher(roots: [context.workspace.stateFolder.path], options: progressOptions)
        serve = ServeFollower(context: context, port: servePort) { line in onEvent(.serveLine(line)) }
        progressPage = SessionProgressPage(
            pack: context.pack, store: context.progressStore, port: progressPagePort)
    }

    public var currentExercise: Exercise { current }
    public var isChecking: Bool { running != nil }

    /// Starts watching files and progress, and checks the current exercise once.
    public func start() throws(FileWatcherError) {
        try watcher.start()
        try? FileManager.default.createDirectory(
            at: context.workspace.stateFolder, withIntermediateDirectories: true)
        try? progressWatcher.start()
        let events = watcher.events
        let progressEvents = progressWatcher.events
        tasks.append(
            Task { [weak self] in
                for await event in events { await self?.handle(event) }
            })
        tasks.append(
            Task { [weak self] in
                for await event in progressEvents {
                    if case .changed = event { await self?.progressChanged() }
                }
            })
        requestCheck()
    }

    /// Stops watching, cancels a running check and stops the served server and the progress page.
    public func stop() {
        watcher.stop()
        progressWatcher.stop()
        for task in tasks { task.cancel() }
        running?.cancel()
        serve.stop()
        progressPage.stop()
    }

    /// Checks the current exercise now. A check already running is cancelled and replaced.
    public func requestCheck(savedAt: Date? = nil) {
        if let running {
            running.cancel()
            pending = (true, savedAt ?? pending.savedAt)
            return
        }
        pending = (false, nil)
        let cancellation = Cancellation()
        running = cancellation
        let exercise = current
        var checker = Checker(context: context)
        let lastSave = self.lastSave
        checker.beforeGrading = { lastSave.waitForQuiet(Self.burstWindow, unless: cancellation) }
        onEvent(.checkStarted(exercise, savedAt: savedAt))
        let onEvent = self.onEvent
        Thread.detachNewThread { [weak self, checker] in
            let result: Result<CheckOutcome, any Error> = Result {
                try checker.check(exercise, cancellation: cancellation) { stage in onEvent(.stage(stage)) }
            }
            Task { await self?.finish(exercise, cancellation, result) }
        }
    }

    /// Moves to the next exercise; only after the current one passed (once is enough).
    public func next() -> NextResult {
        guard lastOutcome?.passed == true || isDone(current) else { return .notPassedYet }
        do {
            switch try context.progressStore.advance(in: context.pack).value {
            case .finishedAll:
                return .finishedAll
            case .movedTo(let exercise):
                switchTo(exercise)
                return .moved(exercise)
            }
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// The next hint to show: the failing check's own hint the first time it is asked for, then
    /// the exercise's hints (revealed in progress, one more each time).
    public func nextHint() -> HintStep {
        if let failed = lastOutcome?.report.firstFailure, let text = failed.hint, !text.isEmpty {
            let key = current.id + "\u{0}" + failed.name + "\u{0}" + text
            if shownCheckHint != key {
                shownCheckHint = key
                return .check(name: failed.name, text: text)
            }
        }
        guard let reveal = (try? context.progressStore.revealHint(for: current))?.value else { return .none }
        return .exercise(reveal)
    }

    // MARK: Serving

    /// `s`: starts serving the current exercise's newest build, or stops serving. True when
    /// serving is now wanted.
    @discardableResult
    public func toggleServe() -> Bool {
        if serveWanted {
            serveWanted = false
            let serve = self.serve
            let onEvent = self.onEvent
            Thread.detachNewThread {
                serve.stop()
                onEvent(.serving(nil, problem: nil))
            }
            return false
        }
        serveWanted = true
        if let binary = lastOutcome?.binary, lastOutcome?.exercise == current {
            restartServe(current, binary: binary)
        } else if running == nil {
            requestCheck()  // its build is what will be served
        }
        return true
    }

    private func restartServe(_ exercise: Exercise, binary: URL) {
        let serve = self.serve
        let onEvent = self.onEvent
        Thread.detachNewThread { [weak self] in
            switch serve.serve(exercise, binary: binary) {
            case .success(let status): onEvent(.serving(status, problem: nil))
            case .failure(let error):
                onEvent(.serving(nil, problem: error.description))
                Task { await self?.serveFailed() }
            }
        }
    }

    private func serveFailed() { serveWanted = false }

    // MARK: Internals

    private func isDone(_ exercise: Exercise) -> Bool {
        (try? context.progressStore.load().value.isDone(exercise.id)) ?? false
    }

    private func switchTo(_ exercise: Exercise) {
        guard exercise != current else { return }
        current = exercise
        lastOutcome = nil
        shownCheckHint = nil
        onEvent(.exerciseChanged(exercise))
        if serveWanted {
            let serve = self.serve
            let onEvent = self.onEvent
            Thread.detachNewThread {
                serve.stop()
                onEvent(.serving(nil, problem: nil))
            }
        }
        requestCheck()
    }

    private func finish(
        _ exercise: Exercise, _ cancellation: Cancellation, _ result: Result<CheckOutcome, any Error>
    ) {
        if running === cancellation { running = nil }
        if cancellation.isCancelled {
            // Replaced by a newer save or another exercise: its verdict is about code that is gone.
            if pending.requested || exercise != current { requestCheck(savedAt: pending.savedAt) }
            return
        }
        switch result {
        case .success(let outcome):
            if exercise == current { lastOutcome = outcome }
            onEvent(.checkFinished(outcome))
            if serveWanted, exercise == current, let binary = outcome.binary {
                restartServe(exercise, binary: binary)
            }
        case .failure(let error as CheckCancelled):
            _ = error
        case .failure(let error):
            onEvent(.checkCouldNotRun(exercise, String(describing: error)))
        }
        if pending.requested || exercise != current { requestCheck(savedAt: pending.savedAt) }
    }

    private func progressChanged() {
        onEvent(.progressChanged)
        guard let progress = try? context.progressStore.load().value,
            let wanted = progress.currentExercise(in: context.pack), wanted != current
        else { return }
        switchTo(wanted)
    }

    private func handle(_ event: FileWatcher.Event) {
        switch event {
        case .changed(let paths):
            let folder = FileSystem.canonicalPath(context.workspace.folder(of: current))
            let raw = context.workspace.folder(of: current).path
            if paths.contains(where: { path in
                let canonical = FileSystem.canonicalPath(URL(fileURLWithPath: path))
                return [canonical, path].contains { $0 == folder || $0 == raw || $0.hasPrefix(folder + "/") }
                    || path.hasPrefix(raw + "/")
            }) {
                lastSave.record()
                requestCheck(savedAt: Date())
            }
        case .switchedToPolling(let message):
            onEvent(.notice(message))
        }
    }
}

/// When the learner last saved, shared with the checking thread so it can wait for a burst of
/// saves to end before grading.
private final class LastSave: Sendable {
    private let instant = Mutex<ContinuousClock.Instant?>(nil)

    func record() { instant.withLock { $0 = .now } }

    /// Returns once `window` has passed since the last save (at once when there was none), or
    /// early when the check is cancelled.
    func waitForQuiet(_ window: Duration, unless cancellation: Cancellation) {
        while !cancellation.isCancelled {
            guard let last = instant.withLock({ $0 }) else { return }
            let left = window - (ContinuousClock.now - last)
            if left <= .zero { return }
            Thread.sleep(forTimeInterval: min(0.02, left.timeInterval))
        }
    }
}
