import Foundation
import Runner

/// `backendlings dev mutants EXERCISE [--json] [--max N] [--seed N]`: where an exercise's hidden
/// checks are blind, shown as the mutants of its solution that pass them.
struct DevMutantsCommand {
    let app: App

    func run(_ id: String, json: Bool, max: Int?, seed: UInt64?, list: Bool = false) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let exercise = try pack.findExercise(id)
        var mutants = DevMutants(pack: pack, home: locations.home)
        if let max { mutants.maximum = max }
        if let seed { mutants.seed = seed }
        let style = app.style
        if list {
            let plan = try mutants.plan(exercise)
            if json { return try printJSON(plan) }
            var text =
                style.bold("dev mutants")
                + " · \(plan.exercise) · \(plan.mutants.count) of \(plan.candidates) possible mutants\n"
            for mutant in plan.mutants {
                text += "  \(mutant.number). \(mutant.file):\(mutant.line)  \(mutant.kind)\n"
                for line in mutant.diff { text += "      " + style.dim(line) + "\n" }
            }
            Console.out(text)
            return 0
        }
        let status = Console.isInteractive && !json
        let result = try mutants.run(exercise) { stage in
            guard status else { return }
            switch stage {
            case .building(let line):
                Console.err(
                    "\r\u{1B}[2K" + style.dim(String(("Building the mutants… " + (line ?? "")).prefix(100))))
            case .grading(let done, let total):
                Console.err("\r\u{1B}[2K" + style.dim("Grading the mutants… \(done)/\(total)"))
            }
        }
        if status { Console.err("\r\u{1B}[2K") }
        if json { return try printJSON(result) }
        Console.out(render(result))
        return 0
    }

    private func printJSON(_ result: DevMutantsResult) throws -> Int32 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        Console.out(String(decoding: try encoder.encode(result), as: UTF8.self) + "\n")
        return 0
    }

    private func render(_ result: DevMutantsResult) -> String {
        let style = app.style
        let sampled =
            result.candidates > result.mutants.count
            ? "\(result.mutants.count) of \(result.candidates) possible (seed \(result.seed), --max \(result.maximum))"
            : "\(result.mutants.count)"
        var text = style.bold("dev mutants") + " · \(result.exercise) · \(sampled) mutants\n\n"
        let survivors = result.mutants.filter { $0.outcome == .survived }
        if survivors.isEmpty {
            text += style.success(style.symbol(.done)) + " Every mutant that compiles fails a check.\n"
        } else {
            text += "Survivors (every check passes with this change):\n"
            for mutant in survivors {
                text +=
                    "  " + style.failure(style.symbol(.failed)) + " \(mutant.file):\(mutant.line)  "
                    + mutant.kind + "\n"
                for line in mutant.diff { text += "      " + style.dim(line) + "\n" }
            }
        }
        let compiled = result.killed + result.survived
        let percent = Int((result.score * 100).rounded(.down))
        text +=
            "\nMutation score: \(result.killed) of \(compiled) killed (\(percent) %)"
            + (result.notCompiling > 0 ? "; \(result.notCompiling) did not compile (not counted)" : "")
            + ".\n"
        text +=
            style.dim(
                "Built in \(Int(result.buildSeconds.rounded())) s, graded in \(Int(result.gradeSeconds.rounded())) s."
            ) + "\n"
        return text
    }
}
