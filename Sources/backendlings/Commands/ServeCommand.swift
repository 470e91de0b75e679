import Foundation
import Grader
import Runner

/// `backendlings serve [EXERCISE] [--port N] [--fresh]`: run the learner's server for curl or a browser.
struct ServeCommand {
    let app: App
    /// 8080, the port every lesson's curl lines use; `BACKENDLINGS_SERVE_PORT` moves it (for a
    /// machine where 8080 is taken, and for tests).
    static var defaultPort: Int {
        ProcessInfo.processInfo.environment["BACKENDLINGS_SERVE_PORT"].flatMap(Int.init).flatMap {
            (1...65_535).contains($0) ? $0 : nil
        } ?? 8080
    }

    /// The labels of the lines under "Your server runs at": try, database, stop.
    static let labels = [
        Words("Try:", id: "Coba:"), Words("Database:", id: "Database:"), Words("Stop:", id: "Berhenti:"),
    ]

    func run(_ id: String?, port: Int?, fresh: Bool = false) throws -> Int32 {
        let context = try app.context()
        let exercise = try app.exercise(id, in: context)
        try app.prepareWorkspace(for: exercise, in: context)
        if let backup = try context.workspace.regeneratePackageManifestIfChanged() {
            app.showManifestRegenerated(backup: backup, in: context)
        }
        let style = app.style
        Console.err(style.dim(Words("Building \(exercise.id)…", id: "Mem-build \(exercise.id)…").text + "\n"))
        switch try context.exerciseBuilder.build(exercise) {
        case .failed(let diagnostics):
            Console.out(
                style.failure(
                    Words("Your code does not compile yet.", id: "Kodemu belum bisa dikompilasi.").text)
                    + " " + Words("The compiler says:", id: "Kata compiler:").text + "\n\n" + diagnostics
                    + "\n")
            return 1
        case .built(let binary):
            let port = port ?? Self.defaultPort
            let session = try ServeSession(
                context: context, exercise: exercise, binary: binary, port: port, fresh: fresh
            ) { line in
                Console.out(style.dim("│ ") + line + "\n")
            }
            let database = app.path(session.databaseFile, in: context)
            let labels = Self.labels.map(\.text)
            let labelWidth = labels.map(\.count).max() ?? 0
            func label(_ index: Int) -> String {
                "  " + labels[index].padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0)
            }
            let freshNote = Words(
                " (new and empty; emptied again at every --fresh start)",
                id: " (baru dan kosong; dikosongkan lagi setiap kali mulai dengan --fresh)")
            Console.err(
                "\n"
                    + style.success(
                        Words(
                            "Your \(exercise.id) server runs at ", id: "Server \(exercise.id)-mu berjalan di "
                        ).text)
                    + style.bold("http://127.0.0.1:\(port)") + "\n"
                    + (LessonCurl.example(for: exercise, in: context.pack, port: port).map {
                        label(0) + style.code($0) + "\n"
                    } ?? "")
                    + label(1) + style.code("sqlite3 \(database)")
                    + (fresh ? style.dim(freshNote.text) : "")
                    + "\n"
                    + label(2) + "Ctrl-C\n\n"
            )
            let status = session.wait()
            // After Ctrl-C the signal handler ends the process (so the shell sees 130); returning an
            // exit status of our own here would race it.
            if ChildProcess.isShuttingDown { ChildProcess.waitForShutdown() }
            let how = status?.description ?? Words("unknown status", id: "status tidak diketahui").text
            Console.err(
                Words("Your server stopped (\(how)).", id: "Server-mu berhenti (\(how)).").text + "\n")
            return status?.isSuccess == true ? 0 : 1
        }
    }
}

extension ServeCommand {
    struct Definition: CommandDefinition {
        static let exercise = BackendlingsCommands.optionalExercise(Words("run", id: "dijalankan"))
        static let port = Option.integer(
            "port", short: "p", valueName: "port", in: 1...65_535,
            help: Words(
                "The port your server listens on, from 1 to 65535.",
                id: "Port tempat server-mu menunggu request, dari 1 sampai 65535."))
        static let fresh = Flag(
            "fresh",
            help: Words(
                "Start on a new, empty database (a separate file; your usual one is kept), as the checks do.",
                id: "Mulai dengan database baru yang kosong (file terpisah; database biasamu tetap aman), "
                    + "seperti saat pengecekan."))

        static let spec = CommandSpec.command(
            Definition.self,
            name: "serve",
            abstract: Words(
                "Run your server so you can try it yourself.",
                id: "Jalankan server-mu supaya bisa kamu coba sendiri."),
            discussion: Words(
                "Builds the exercise and runs your server until you press Ctrl-C. While it runs, "
                    + "send it requests from another terminal with curl. It prints a curl line from the "
                    + "lesson to start with, for example:\n\n"
                    + "    curl -i http://127.0.0.1:<port>/books",
                id: "Mem-build latihan dan menjalankan server-mu sampai kamu menekan Ctrl-C. Selama "
                    + "berjalan, kirim request dari terminal lain dengan curl. Ia menampilkan satu baris "
                    + "curl dari pelajaran sebagai awal, misalnya:\n\n"
                    + "    curl -i http://127.0.0.1:<port>/books"),
            arguments: [exercise],
            options: [port.spec, fresh.spec])

        var exercise: String?
        var port: Int?
        var fresh: Bool

        init(exercise: String?, port: Int?, fresh: Bool) {
            self.exercise = exercise
            self.port = port
            self.fresh = fresh
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            exercise = values[Self.exercise]
            port = try values.value(of: Self.port)
            fresh = values[Self.fresh]
        }

        func run(_ app: App) throws -> Int32 {
            try ServeCommand(app: app).run(exercise, port: port, fresh: fresh)
        }
    }
}

extension Command {
    static func serve(exercise: String?, port: Int?, fresh: Bool) -> Command {
        Command(ServeCommand.Definition(exercise: exercise, port: port, fresh: fresh))
    }
}
