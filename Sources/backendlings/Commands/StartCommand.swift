import Foundation
import Grader
import Runner

/// `backendlings` with no arguments: create or update the workspace, welcome, then watch mode.
struct StartCommand {
    let app: App

    func run(poll: Bool) async throws -> Int32 {
        let context = try app.context()
        // A first run is one without progress yet, even when the folder exists (an empty folder,
        // or one holding only SwiftPM's .build).
        let firstRun = !FileManager.default.fileExists(atPath: context.workspace.progressFile.path)
        let report = try context.workspace.sync()
        let style = app.style
        let workspacePath = context.workspace.displayPath(context.workspace.root)
        if firstRun {
            Console.out(Self.welcome(pack: context.pack, workspace: workspacePath, style: style))
        } else {
            if !report.addedExercises.isEmpty {
                Console.out(
                    Words(
                        "New exercises were added to your workspace: ",
                        id: "Latihan baru ditambahkan ke workspace-mu: "
                    )
                    .text + report.addedExercises.joined(separator: ", ") + "\n")
            }
            if !report.restoredFiles.isEmpty {
                Console.out(
                    Words(
                        "Restored missing files in your workspace: ",
                        id: "File yang hilang di workspace-mu dikembalikan: "
                    )
                    .text + report.restoredFiles.joined(separator: ", ") + "\n")
            }
            if let backup = report.packageManifestBackup {
                let saved = context.workspace.displayPath(backup)
                Console.out(
                    Words(
                        "Your edited Package.swift was saved to \(saved) before it was regenerated.",
                        id: "Package.swift yang kamu edit disimpan di \(saved) sebelum dibuat ulang."
                    ).text + "\n")
            }
        }
        return try await WatchCommand(app: app).run(poll: poll, welcome: firstRun)
    }

    static func welcome(pack: Pack, workspace: String, style: OutputStyle) -> String {
        let folder = style.code(workspace + "/")
        let lessons = style.code("Lessons/")
        let english = """

            \(style.bold("Welcome to Backendlings!"))

            You will build real backends: HTTP servers with a real SQLite database, one small step at a
            time. Each exercise is a working server with a few parts left for you to write.

            Your code lives in \(folder). Open that folder in your editor.
            The lesson for each exercise is its README.md under \(lessons).

            Backendlings now watches your files. Every time you save, it builds your code, starts your
            server and tests it with real HTTP requests. Keys: h hint, l list, n next, r rerun, s serve,
            f full report, p progress page, q quit.

            """
        let indonesian = """

            \(style.bold("Selamat datang di Backendlings!"))

            Kamu akan membangun backend sungguhan: server HTTP dengan database SQLite asli, selangkah
            demi selangkah. Setiap latihan adalah server yang sudah jalan, dengan beberapa bagian yang
            perlu kamu tulis.

            Kodemu ada di \(folder). Buka folder itu di editor-mu.
            Pelajaran setiap latihan ada di README.id.md-nya (versi Inggris: README.md) di \(lessons).

            Sekarang Backendlings mengawasi file-mu. Setiap kali kamu menyimpan, ia mem-build kodemu,
            menyalakan server-mu, dan mengeceknya dengan request HTTP sungguhan. Tombol: h petunjuk,
            l daftar, n lanjut, r cek ulang, s serve, f laporan lengkap, p halaman progres, q keluar.

            """
        return Words(english, id: indonesian).text
    }
}

extension StartCommand {
    /// `backendlings` with no subcommand; its spec is the root of the command tree.
    struct Definition: CommandDefinition {
        static let poll = BackendlingsCommands.pollFlag
        static var spec: CommandSpec { BackendlingsCommands.root }

        var poll: Bool

        init(poll: Bool) { self.poll = poll }
        init(parsing values: ParsedValues) { poll = values[Self.poll] }

        func run(_ app: App) async throws -> Int32 { try await StartCommand(app: app).run(poll: poll) }
    }
}

extension Command {
    static func start(poll: Bool) -> Command { Command(StartCommand.Definition(poll: poll)) }
}
