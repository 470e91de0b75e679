import Foundation
import Grader
import Runner

/// Runs one parsed command and maps what happened to an exit status:
/// 0 success, 1 a check that did not pass, 2 something prevented the command (with a message),
/// 64 a usage mistake such as an unknown exercise.
struct App {
    let invocation: Invocation
    /// The language this command speaks and where it came from (set up before parsing).
    var language = LanguageChoice.ForCommand.unchosen
    let style = OutputStyle.forStandardOutput()

    func run() async -> Int32 {
        do {
            return try await invocation.command.run(self)
        } catch let error as ExerciseLookupError {
            Console.err(style.failure("Error: ") + error.description + "\n")
            return 64
        } catch {
            Console.err(style.failure("Error: ") + String(describing: error) + "\n")
            return 2
        }
    }

    /// Loads the pack and finds the workspace; every command starts here.
    func context() throws -> RunnerContext {
        try RunnerContext(
            packOption: invocation.global.packPath, workspaceOption: invocation.global.workspacePath)
    }

    /// The exercise the learner named; else the one whose folder the learner is in; else the
    /// current one.
    func exercise(_ id: String?, in context: RunnerContext) throws -> Exercise {
        if let id { return try context.pack.findExercise(id) }
        if let here = context.workspace.exercise(containing: FileSystem.currentDirectory) { return here }
        let progress = try context.progressStore.load()
        showNotice(progress.notice)
        guard let current = progress.value.currentExercise(in: context.pack) ?? context.pack.exercises.first
        else {
            throw RunnerFailure.noExercises
        }
        return current
    }

    /// Makes sure `exercise` has its folder in the workspace. An exercise the pack gained since the
    /// workspace was last synced is added (nothing of the learner's is touched); a folder the learner
    /// deleted is reported with the command that restores it.
    func prepareWorkspace(for exercise: Exercise, in context: RunnerContext) throws {
        let added = try context.workspace.prepare(for: exercise)
        guard !added.isEmpty else { return }
        let names = added.joined(separator: ", ")
        Console.err(
            Words(
                "Added the new exercise\(added.count == 1 ? "" : "s") \(names) to your workspace.",
                id: "Latihan baru \(names) ditambahkan ke workspace-mu."
            ).text + "\n")
    }

    /// The learner's progress, or nil when the workspace does not exist yet (a fresh clone).
    func existingProgress(in context: RunnerContext) throws -> LearnerProgress? {
        guard
            FileManager.default.fileExists(atPath: context.workspace.progressFile.path)
                || FileManager.default.fileExists(atPath: context.workspace.packageManifest.path)
        else { return nil }
        let loaded = try context.progressStore.load()
        showNotice(loaded.notice)
        return loaded.value
    }

    /// Shows a progress notice (the store has already asked the next watch session to rebuild).
    func showNotice(_ notice: ProgressNotice?) {
        guard let notice else { return }
        Console.err(style.warning("note: ") + notice.description + "\n")
    }

    /// Says that `Package.swift` was generated again and where the version on disk was saved.
    func showManifestRegenerated(backup: URL, in context: RunnerContext) {
        let manifest = path(context.workspace.packageManifest, in: context)
        let saved = path(backup, in: context)
        Console.err(
            style.warning("note: ")
                + Words(
                    "\(manifest) was not the one backendlings generates, so it was generated again. Your version is saved in \(saved).",
                    id:
                        "\(manifest) bukan yang dibuat backendlings, jadi dibuat ulang. Versimu disimpan di \(saved)."
                ).text + "\n")
    }

    func renderReport(_ report: GradeReport, title: String?) -> String {
        var renderer = TextReportRenderer(style: ReportStyle(style: style))
        renderer.serveCommand = command("serve")
        return renderer.render(report, title: title)
    }

    /// How commands are typed in this shell (see `CommandNaming`).
    var naming: CommandNaming { .current }

    /// A command line as the learner should type it here: `command("check db02")` is
    /// `backendlings check db02` once the launcher is on PATH, `swift run backendlings check db02`
    /// before.
    func command(_ arguments: String = "") -> String { naming.command(arguments) }

    func path(_ url: URL, in context: RunnerContext) -> String {
        context.workspace.displayPath(url)
    }

    /// The lesson a learner should read for `exercise`, in the language spoken: its README.id.md
    /// when that is current, else the English README.md.
    static func lessonFile(of exercise: Exercise, in context: RunnerContext) -> String {
        context.workspace.displayPath(context.pack.lessonText(of: exercise, in: .current).file)
    }
}

/// A problem worth one sentence, for situations no Runner error type covers.
struct RunnerFailure: Error, CustomStringConvertible {
    let words: Words
    init(_ words: Words) { self.words = words }

    var description: String { words.text }

    static let noExercises = RunnerFailure(
        Words("This lesson pack has no exercises.", id: "Paket pelajaran ini tidak punya latihan."))
}
