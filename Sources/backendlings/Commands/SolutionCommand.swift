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
