import Foundation
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
                    "New exercises were added to your workspace: "
                        + report.addedExercises.joined(separator: ", ") + "\n")
            }
            if !report.restoredFiles.isEmpty {
                Console.out(
                    "Restored missing files in your workspace: "
                        + report.restoredFiles.joined(separator: ", ") + "\n")
            }
            if let backup = report.packageManifestBackup {
                Console.out(
                    "Your edited Package.swift was saved to " + context.workspace.displayPath(backup)
                        + " before it was regenerated.\n")
            }
        }
        return try await WatchCommand(app: app).run(poll: poll, welcome: firstRun)
    }

    static func welcome(pack: Pack, workspace: String, style: OutputStyle) -> String {
        """

        \(style.bold("Welcome to Backendlings!"))

        You will build real backends: HTTP servers with a real SQLite database, one small step at a
        time. Each exercise is a working server with a few parts left for you to write.

        Your code lives in \(style.code(workspace + "/")). Open that folder in your editor.
        The lesson for each exercise is its README.md under \(style.code("Lessons/")).

        Backendlings now watches your files. Every time you save, it builds your code, starts your
        server and tests it with real HTTP requests. Keys: h hint, l list, n next, r rerun, s serve,
        f full report, q quit.

        """
    }
}
