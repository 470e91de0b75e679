import Foundation
import Grader
import Runner

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `backendlings watch`: re-check the current exercise on every save, and answer single keys, on a
/// screen of its own (the alternate screen) that is redrawn in place.
struct WatchCommand {
    let app: App

    func run(poll: Bool, welcome: Bool) async throws -> Int32 {
        let context = try app.context()
        try context.workspace.validate()
        var loaded = try context.progressStore.load()
        app.showNotice(loaded.notice)
        let marker = context.workspace.stateFolder.appendingPathComponent(App.rebuildMarker)
        if FileManager.default.fileExists(atPath: marker.path) {
            Console.out("Checking every exercise to rebuild your progress…\n")
            try ProgressRebuild(context: context).run { outcome in
                Console.out(
                    "  \(outcome.passed ? app.style.success(app.style.symbol(.done)) : app.style.dim(app.style.symbol(.pending))) \(outcome.exercise.id)\n"
                )
            }
            try? FileManager.default.removeItem(at: marker)
            loaded = try context.progressStore.load()
        }
        guard let start = loaded.value.currentExercise(in: context.pack) ?? context.pack.exercises.first
        else {
            throw RunnerFailure("This lesson pack has no exercises.")
        }
        let keyReader: KeyReader
        let session: TerminalSession
        do {
            keyReader = try KeyReader()
            session = try TerminalSession()
        } catch {
            Console.err(app.style.failure("Error: ") + "\(error)\n")
            return 2
        }
        defer { session.end() }
        guard Console.isInteractive else {
            Console.err(
                app.style.failure("error: ")
                    + "Watch mode draws on a terminal, but its output goes to a file "
                    + "or a pipe. Use `\(app.command("check"))` to check once and print the report.\n")
            return 2
        }

        session.enterAlternateScreen()
        session.hideCursor()

        let launcher = Launcher.plan(home: context.locations.home)
        let screen = WatchScreen(
            context: context, style: app.style, exercise: start,
            welcome: welcome ? welcomeLines(context: context, launcher: launcher) : nil)
        let (events, sink) = AsyncStream.makeStream(
            of: WatchCoordinator.Event.self, bufferingPolicy: .unbounded)
        let coordinator = WatchCoordinator(
            context: context, current: start, polling: poll, servePort: ServeCommand.defaultPort
        ) { sink.yield($0) }
        let drawing = Task {
            for await event in events { await screen.apply(event) }
        }
        let resize = Self.onResize { Task { await screen.draw() } }
        await screen.draw()
        do {
            try await coordinator.start()
        } catch {
            await screen.show(
                message: "File watching is not available (\(error)); press r to check after you save.")
        }
        var pagerTextShown = false
        keys: for await key in keyReader.keys {
            if pagerTextShown {  // any key leaves the plain report and goes back to the frame
                pagerTextShown = false
                session.enterAlternateScreen()
                session.hideCursor()
                await screen.setDrawing(true)
                continue
            }
            switch key {
            case .character("q"), .character("Q"), .interrupt, .endOfInput:
                break keys
            case .character("r"), .enter:
                await screen.show(message: nil)
                await coordinator.requestCheck()
            case .character("h"):
                let step: WatchScreen.Hint =
                    switch await coordinator.nextHint() {
                    case .check(let name, let text): .check(name: name, text: text)
                    case .exercise(let reveal): .exercise(reveal)
                    case .none: .none
                    }
                await screen.show(hint: step)
            case .character("l"):
                await screen.toggleList()
            case .character("n"):
                await next(coordinator: coordinator, screen: screen)
            case .character("s"):
                let serving = await coordinator.toggleServe()
                await screen.show(
                    message: serving
                        ? "Starting your server on http://127.0.0.1:\(ServeCommand.defaultPort)… it restarts on every build."
                        : nil)
            case .character("f"):
                pagerTextShown = await page(screen: screen, session: session, keys: keyReader)
            case .character("i"):
                await screen.show(message: installLauncher(launcher))
            default:
                continue
            }
        }
        resize.cancel()
        await coordinator.stop()
        sink.finish()
        _ = await drawing.value
        keyReader.stop()
        let summary = await screen.exitSummary()
        session.end()
        Console.out(summary)
        return 0
    }

    private func next(coordinator: WatchCoordinator, screen: WatchScreen) async {
        switch await coordinator.next() {
        case .moved:
            await screen.show(message: nil)
        case .notPassedYet:
            await screen.show(
                message: app.style.warning("n works once this exercise passes.")
                    + " Keep going: save your file to check it again, or press h for a hint.")
        case .finishedAll:
            await screen.show(
                message: app.style.success("You finished every exercise! ") + "Press q to quit.")
        case .failed(let reason):
            await screen.show(message: reason)
        }
    }

    /// Shows the full report in the learner's pager. Without a pager, prints it on the normal
    /// screen and returns true: the next key goes back to the frame.
    private func page(screen: WatchScreen, session: TerminalSession, keys: KeyReader) async -> Bool {
        let text = await screen.fullReport()
        await screen.setDrawing(false)
        session.leaveAlternateScreen()
        guard let command = Pager.command() else {
            Console.out(
                Terminal.clearScreen + text + "\n" + app.style.dim("Press any key to go back to watch mode.")
                    + "\n")
            return true
        }
        keys.pause()
        session.suspend()
        _ = Pager.show(text, command: command)
        session.resume()
        keys.resume()
        session.enterAlternateScreen()
        await screen.setDrawing(true)
        return false
    }

    private func installLauncher(_ launcher: Launcher?) -> String {
        let style = app.style
        guard let launcher else {
            return "There is no home folder (HOME is not set), so the command cannot be installed."
        }
        let shown = Self.homeRelative(launcher.file)
        switch (try? launcher.install()) ?? .foreign {
        case .foreign:
            return style.warning("\(shown) is a file backendlings did not write, so it was left alone.")
                + " Keep using " + style.code(app.command()) + "."
        case .otherCheckout(let other):
            return style.warning(
                "\(shown) runs another Backendlings checkout (\(other)), so it was left alone.")
        case .missing, .stale, .installed:
            var text = style.success("Installed \(shown).")
            if let line = launcher.pathLine, let file = launcher.startupFile {
                text +=
                    " Its folder is not on your PATH yet: add this line to \(file), then open a new terminal:\n  "
                    + style.code(line)
            } else {
                text += " Open a new terminal and type " + style.code("backendlings list") + "."
            }
            return text
        }
    }

    /// The first run's words inside the frame; the full welcome is on the normal screen.
    private func welcomeLines(context: RunnerContext, launcher: Launcher?) -> [String] {
        let style = app.style
        var lines = [
            style.bold("Welcome to Backendlings!") + " Your code is in "
                + style.code(context.workspace.displayPath(context.workspace.root) + "/")
                + ": open it in your editor.",
            "Every save builds your code, starts your server and checks it with real HTTP requests.",
        ]
        if !app.naming.isOnPath, let launcher, launcher.state == .missing || launcher.state == .stale {
            lines.append(
                "Press " + style.bold("i") + " to add the " + style.code("backendlings") + " command to "
                    + Self.homeRelative(launcher.file.deletingLastPathComponent()) + ", so "
                    + style.code("backendlings check") + " works in any new terminal.")
        }
        return lines
    }

    /// `~/.local/bin` rather than `/home/ana/.local/bin`.
    static func homeRelative(_ url: URL) -> String {
        guard let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty,
            url.path.hasPrefix(home + "/")
        else { return url.path }
        return "~" + url.path.dropFirst(home.count)
    }

    /// Calls `redraw` on every SIGWINCH (the terminal was resized) until the task is cancelled.
    static func onResize(_ redraw: @escaping @Sendable () -> Void) -> Task<Void, Never> {
        signal(SIGWINCH, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler(handler: redraw)
        source.resume()
        return Task {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            source.cancel()
        }
    }
}
