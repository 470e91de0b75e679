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
        let rebuild = ProgressRebuild(context: context)
        if rebuild.isPending {
            Console.out(
                Words(
                    "Checking every exercise to rebuild your progress…",
                    id: "Mengecek semua latihan untuk menyusun ulang progresmu…"
                ).text + "\n")
            try rebuild.run { outcome in
                Console.out(
                    "  \(outcome.passed ? app.style.success(app.style.symbol(.done)) : app.style.dim(app.style.symbol(.pending))) \(outcome.exercise.id)\n"
                )
            }
            loaded = try context.progressStore.load()
        }
        guard let start = loaded.value.currentExercise(in: context.pack) ?? context.pack.exercises.first
        else {
            throw RunnerFailure.noExercises
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
            let check = app.command("check")
            Console.err(
                app.style.failure("error: ")
                    + Words(
                        "Watch mode draws on a terminal, but its output goes to a file or a pipe. Use `\(check)` to check once and print the report.",
                        id:
                            "Mode watch menggambar di terminal, tapi output-nya diarahkan ke file atau pipe. Pakai `\(check)` untuk mengecek sekali dan menampilkan laporannya."
                    ).text + "\n")
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
            context: context, current: start, polling: poll, servePort: ServeCommand.defaultPort,
            progressPagePort: ProgressWebCommand.defaultPort
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
                message: Words(
                    "File watching is not available (\(error)); press r to check after you save.",
                    id:
                        "Pengawasan file tidak tersedia (\(error)); tekan r untuk mengecek setelah kamu menyimpan."
                ).text)
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
                let address = "http://127.0.0.1:\(ServeCommand.defaultPort)"
                await screen.show(
                    message: serving
                        ? Words(
                            "Starting your server on \(address)… it restarts on every build.",
                            id: "Menyalakan server-mu di \(address)… ia dinyalakan ulang setiap build."
                        ).text
                        : nil)
            case .character("p"):
                await screen.show(message: await progressPage(coordinator))
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
                message: app.style.warning(
                    Words(
                        "n works once this exercise passes.",
                        id: "n baru bisa dipakai setelah latihan ini lulus."
                    )
                    .text)
                    + " "
                    + Words(
                        "Keep going: save your file to check it again, or press h for a hint.",
                        id: "Terus coba: simpan file-mu untuk mengecek lagi, atau tekan h untuk petunjuk."
                    ).text)
        case .finishedAll:
            await screen.show(
                message: app.style.success(
                    Words("You finished every exercise! ", id: "Kamu sudah menyelesaikan semua latihan! ")
                        .text)
                    + Words("Press q to quit.", id: "Tekan q untuk keluar.").text)
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
                Terminal.clearScreen + text + "\n"
                    + app.style.dim(
                        Words(
                            "Press any key to go back to watch mode.",
                            id: "Tekan tombol apa saja untuk kembali ke mode watch."
                        ).text)
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
            return Words(
                "There is no home folder (HOME is not set), so the command cannot be installed.",
                id: "Tidak ada folder home (HOME belum di-set), jadi perintahnya tidak bisa dipasang."
            ).text
        }
        let shown = Self.homeRelative(launcher.file)
        switch (try? launcher.install()) ?? .foreign {
        case .foreign:
            let command = style.code(app.command())
            return style.warning(
                Words(
                    "\(shown) is a file backendlings did not write, so it was left alone.",
                    id: "\(shown) adalah file yang tidak ditulis backendlings, jadi dibiarkan."
                ).text)
                + " " + Words("Keep using \(command).", id: "Tetap pakai \(command).").text
        case .otherCheckout(let other):
            return style.warning(
                Words(
                    "\(shown) runs another Backendlings checkout (\(other)), so it was left alone.",
                    id: "\(shown) menjalankan checkout Backendlings lain (\(other)), jadi dibiarkan."
                ).text)
        case .missing, .stale, .installed:
            var text = style.success(Words("Installed \(shown).", id: "\(shown) sudah dipasang.").text)
            if let line = launcher.pathLine, let file = launcher.startupFile {
                text +=
                    " "
                    + Words(
                        "Its folder is not on your PATH yet: add this line to \(file), then open a new terminal:",
                        id:
                            "Foldernya belum ada di PATH-mu: tambahkan baris ini ke \(file), lalu buka terminal baru:"
                    ).text + "\n  " + style.code(line)
            } else {
                let list = style.code("backendlings list")
                text +=
                    " "
                    + Words(
                        "Open a new terminal and type \(list).", id: "Buka terminal baru dan ketik \(list)."
                    ).text
            }
            return text
        }
    }

    /// The first run's words inside the frame; the full welcome is on the normal screen.
    private func welcomeLines(context: RunnerContext, launcher: Launcher?) -> [String] {
        let style = app.style
        let folder = style.code(context.workspace.displayPath(context.workspace.root) + "/")
        var lines = [
            style.bold(Words("Welcome to Backendlings!", id: "Selamat datang di Backendlings!").text) + " "
                + Words(
                    "Your code is in \(folder): open it in your editor.",
                    id: "Kodemu ada di \(folder): buka di editor-mu."
                )
                .text,
            Words(
                "Every save builds your code, starts your server and checks it with real HTTP requests.",
                id:
                    "Setiap kali menyimpan, kodemu di-build, server-mu dinyalakan dan dicek dengan request HTTP sungguhan."
            ).text,
        ]
        if !app.naming.isOnPath, let launcher, launcher.state == .missing || launcher.state == .stale {
            let key = style.bold("i")
            let command = style.code("backendlings")
            let place = Self.homeRelative(launcher.file.deletingLastPathComponent())
            let check = style.code("backendlings check")
            lines.append(
                Words(
                    "Press \(key) to add the \(command) command to \(place), so \(check) works in any new terminal.",
                    id:
                        "Tekan \(key) untuk menambahkan perintah \(command) ke \(place), supaya \(check) bisa dipakai di terminal baru mana pun."
                ).text)
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

extension WatchCommand {
    struct Definition: CommandDefinition {
        static let poll = BackendlingsCommands.pollFlag
        static let spec = CommandSpec.command(
            Definition.self,
            name: "watch",
            abstract: Words(
                "Check the current exercise each time you save a file.",
                id: "Cek latihan yang aktif setiap kali kamu menyimpan file."),
            discussion: Words(
                "This is what 'backendlings' does after the first run. Keep it open in one "
                    + "terminal while you edit the files in your workspace folder.",
                id: "Inilah yang dilakukan 'backendlings' setelah pertama kali dijalankan. Biarkan terbuka "
                    + "di satu terminal selama kamu mengedit file di folder workspace-mu."),
            options: [poll.spec])

        var poll: Bool

        init(poll: Bool) { self.poll = poll }
        init(parsing values: ParsedValues) { poll = values[Self.poll] }

        func run(_ app: App) async throws -> Int32 {
            try await WatchCommand(app: app).run(poll: poll, welcome: false)
        }
    }
}

extension Command {
    static func watch(poll: Bool) -> Command { Command(WatchCommand.Definition(poll: poll)) }
}
