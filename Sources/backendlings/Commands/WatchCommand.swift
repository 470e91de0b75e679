import Foundation
import Grader
import Runner

/// `backendlings watch`: re-check the current exercise on every save, and answer single keys.
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
        defer {
            session.end()
        }
        session.hideCursor()
        let welcomeText =
            welcome
            ? StartCommand.welcome(
                pack: context.pack, workspace: context.workspace.displayPath(context.workspace.root),
                style: app.style) : nil
        let screen = WatchScreen(context: context, style: app.style, exercise: start, welcome: welcomeText)
        let (events, sink) = AsyncStream.makeStream(
            of: WatchCoordinator.Event.self, bufferingPolicy: .unbounded)
        let coordinator = WatchCoordinator(context: context, current: start, polling: poll) { sink.yield($0) }
        let drawing = Task {
            for await event in events { await screen.apply(event) }
        }
        await screen.draw()
        do {
            try await coordinator.start()
        } catch {
            await screen.show(
                message: "File watching is not available (\(error)); press r to check after you save.")
        }
        var serve: ServeSession?
        keys: for await key in keyReader.keys {
            switch key {
            case .character("q"), .character("Q"), .interrupt, .endOfInput:
                break keys
            case .character("r"), .enter:
                await screen.show(message: nil)
                await coordinator.requestCheck()
            case .character("h"):
                let exercise = await coordinator.currentExercise
                if let reveal = (try? context.progressStore.revealHint(for: exercise))?.value {
                    await screen.show(hint: reveal)
                }
            case .character("l"):
                await screen.toggleList()
            case .character("n"):
                switch await coordinator.next() {
                case .moved:
                    serve?.stop()
                    serve = nil
                    await screen.setServing(nil)
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
            case .character("s"):
                if let running = serve {
                    running.stop()
                    serve = nil
                    await screen.setServing(nil)
                } else {
                    serve = await startServing(context: context, coordinator: coordinator, screen: screen)
                }
            default:
                continue
            }
        }
        serve?.stop()
        await coordinator.stop()
        sink.finish()
        _ = await drawing.value
        keyReader.stop()
        session.end()
        Console.out(
            "\n" + "Bye! Your progress is saved; run " + app.style.code("backendlings") + " to continue.\n")
        return 0
    }

    private func startServing(context: RunnerContext, coordinator: WatchCoordinator, screen: WatchScreen)
        async -> ServeSession?
    {
        let exercise = await coordinator.currentExercise
        do {
            guard case .built(let binary) = try context.exerciseBuilder.build(exercise) else {
                await screen.show(message: "Your code does not compile yet, so there is nothing to serve.")
                return nil
            }
            let session = try ServeSession(
                context: context, exercise: exercise, binary: binary, port: ServeCommand.defaultPort
            ) { line in
                Task { await screen.appendServeLog(line) }
            }
            await screen.setServing(session.port)
            return session
        } catch {
            await screen.show(message: "Could not serve: \(error)")
            return nil
        }
    }
}
