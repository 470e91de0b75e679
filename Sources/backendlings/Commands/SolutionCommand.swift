import Foundation
import Grader
import Runner

/// `backendlings solution EXERCISE [--force]`: the reference files, once the exercise passed.
struct SolutionCommand {
    let app: App

    func run(_ id: String, force: Bool) throws -> Int32 {
        let context = try app.context()
        let exercise = try context.pack.findExercise(id)
        let progress = try context.progressStore.load()
        let passed = progress.value.isDone(exercise.id)
        if !passed && !force {
            let hint = app.style.code(app.command("hint \(exercise.id)"))
            let force = app.style.code(app.command("solution \(exercise.id) --force"))
            Console.err(
                Words(
                    "You have not passed \(exercise.id) yet, so its solution stays hidden: working it out is how you learn it.\nTry \(hint) first. To see it anyway: \(force)",
                    id:
                        "Kamu belum lulus \(exercise.id), jadi solusinya masih disembunyikan: kamu belajar justru saat memecahkannya sendiri.\nCoba \(hint) dulu. Kalau tetap mau lihat: \(force)"
                ).text + "\n")
            return 1
        }
        if !passed {
            Console.err(
                app.style.warning(
                    Words(
                        "Showing the solution before you passed the exercise.",
                        id: "Menampilkan solusi sebelum kamu lulus latihan ini."
                    ).text)
                    + " "
                    + Words(
                        "Try to write it yourself afterwards, without looking.",
                        id: "Setelah ini, coba tulis sendiri tanpa melihat."
                    ).text + "\n\n")
        }
        for file in context.pack.solutionFiles(of: exercise) {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw RunnerFailure(
                    Words(
                        "The solution file \(file.path) is missing from the lesson pack.",
                        id: "File solusi \(file.path) tidak ada di paket pelajaran."))
            }
            Console.out(
                app.style.bold("── \(exercise.relativePath)/\(file.lastPathComponent) ──") + "\n" + text
                    + (text.hasSuffix("\n") ? "" : "\n") + "\n")
        }
        return 0
    }
}

extension SolutionCommand {
    struct Definition: CommandDefinition {
        static let exercise = BackendlingsCommands.requiredExercise(
            Words("show the solution for", id: "dilihat solusinya"))
        static let force = Flag(
            "force",
            help: Words(
                "Show the solution even if you have not passed the exercise yet.",
                id: "Tampilkan solusinya walaupun kamu belum lulus latihan ini."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "solution",
            abstract: Words(
                "Show the reference solution for an exercise.",
                id: "Tampilkan solusi acuan untuk sebuah latihan."),
            discussion: Words(
                "Try to solve the exercise yourself first: you learn more from a failing test "
                    + "than from reading the answer.",
                id: "Coba selesaikan latihannya sendiri dulu: kamu belajar lebih banyak dari pengecekan "
                    + "yang gagal daripada dari membaca jawabannya."),
            arguments: [exercise],
            options: [force.spec])

        var exercise: String
        var force: Bool

        init(exercise: String, force: Bool) {
            self.exercise = exercise
            self.force = force
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(exercise: try values.required(Self.exercise), force: values[Self.force])
        }

        func run(_ app: App) throws -> Int32 { try SolutionCommand(app: app).run(exercise, force: force) }
    }
}

extension Command {
    static func solution(exercise: String, force: Bool) -> Command {
        Command(SolutionCommand.Definition(exercise: exercise, force: force))
    }
}
