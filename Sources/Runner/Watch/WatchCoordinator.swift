import Foundation

/// The logic of watch mode, apart from the screen: which exercise is current, when to check it,
/// and what happens to saves and key presses that arrive while a check runs.
///
/// A save or an `r` during a check does not start a second check at once and is not lost either:
/// one more check runs when the current one ends, however many arrived. Every state change is
/// reported through `onEvent` for the screen to draw.
public actor WatchCoordinator {
    public enum Event: Sendable {
        /// A check of this exercise started (the screen shows "Checking…" at once).
        case checkStarted(Exercise)
        case stage(Checker.Stage)
        case checkFinished(CheckOutcome)
        /// The check could not run at all (a missing exercise folder, an unreadable progress file…).
        case checkCouldNotRun(Exercise, String)
        /// The current exercise changed (`n`, or the learner passed the last one).
        case exerciseChanged(Exercise)
        /// The file watcher switched to polling, with why.
        case notice(String)
    }

    public enum NextResult: Sendable, Equatable {
        case moved(Exercise)
        case notPassedYet
        case finishedAll
        case failed(String)
    }

    private let context: RunnerContext
    private let onEvent: @Sendable (Event) -> Void
    private let watcher: FileWatcher
    private var current: Exercise
    private var checking = false
    private var rerunRequested = false
    private var lastOutcome: CheckOutcome?
    private var watchTask: Task<Void, Never>?

    public init(
        context: RunnerContext, current: Exercise, polling: Bool, onEvent: @escaping @Sendable (Event) -> Void
    ) {
        self.context = context
        self.current = current
        self.onEvent = onEvent
        var options = FileWatcher.Options()
        if polling { options.mode = .polling }
        watcher = FileWatcher(roots: [context.workspace.root.path], options: options)
    }

    public var currentExercise: Exercise { current }

    /// Starts watching files and checks the current exercise once.
    public func start() throws(FileWatcherError) {
        try watcher.start()
        let events = watcher.events
        watchTask = Task { [weak self] in
            for await event in events {
                await self?.handle(event)
            }
        }
        requestCheck()
    }

    public func stop() {
        watcher.stop()
        watchTask?.cancel()
    }

    /// Checks the current exercise now, or once more after the check that is running.
    public func requestCheck() {
        if checking {
            rerunRequested = true
            return
        }
        checking = true
        rerunRequested = false
        let exercise = current
        let checker = Checker(context: context)
        onEvent(.checkStarted(exercise))
        let onEvent = self.onEvent
        Thread.detachNewThread { [weak self] in
            let result: Result<CheckOutcome, any Error> = Result {
                try checker.check(exercise) { stage in onEvent(.stage(stage)) }
            }
            Task { await self?.finish(exercise, result) }
        }
    }

    /// Moves to the next exercise; only after the current one passed.
    public func next() -> NextResult {
        guard lastOutcome?.passed == true || isDone(current) else { return .notPassedYet }
        do {
            let outcome = try context.progressStore.advance(in: context.pack).value
            switch outcome {
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

    private func isDone(_ exercise: Exercise) -> Bool {
        (try? context.progressStore.load().value.isDone(exercise.id)) ?? false
    }

    private func switchTo(_ exercise: Exercise) {
        current = exercise
        lastOutcome = nil
        onEvent(.exerciseChanged(exercise))
        requestCheck()
    }

    private func finish(_ exercise: Exercise, _ result: Result<CheckOutcome, any Error>) {
        checking = false
        switch result {
        case .success(let outcome):
            if exercise == current { lastOutcome = outcome }
            onEvent(.checkFinished(outcome))
        case .failure(let error):
            onEvent(.checkCouldNotRun(exercise, String(describing: error)))
        }
        if rerunRequested || exercise != current { requestCheck() }
    }

    private func handle(_ event: FileWatcher.Event) {
        switch event {
        case .changed(let paths):
            let folder = FileSystem.canonicalPath(context.workspace.folder(of: current)) + "/"
            if paths.contains(where: {
                FileSystem.canonicalPath(URL(fileURLWithPath: $0)).hasPrefix(folder) || $0.hasPrefix(folder)
            }) {
                requestCheck()
            }
        case .switchedToPolling(let message):
            onEvent(.notice(message))
        }
    }
}
