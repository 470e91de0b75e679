import Foundation
import Grader
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

extension DevMutantsCommand {
    /// Mutates an exercise's reference solution and grades every mutant.
    struct Definition: CommandDefinition {
        static let exercise = Argument(
            "exercise", help: Words(english: "The id of the exercise, for example db01-schema."))
        static let json = BackendlingsCommands.jsonFlag(Words(english: "every mutant and its verdict"))
        static let max = Option.integer(
            "max", valueName: "n", in: 1...1000,
            help: Words(english: "The most mutants to build and grade (default 60)."))
        static let seed = Option.integer(
            "seed", valueName: "n", in: 0...Int(Int32.max),
            help: Words(english: "Which sample of mutants to take when there are more (default 1)."))
        static let list = Flag(
            "list", help: Words(english: "Only list the mutants, without building or grading them."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "mutants",
            abstract: Words(english: "Find the mistakes an exercise's hidden checks miss."),
            discussion: Words(
                english:
                    "Applies small mechanical mistakes to the exercise's reference solution files (a status "
                    + "code swapped for its neighbour, a statement dropped, a condition negated or loosened, a bound "
                    + "SQL parameter pasted into the SQL, a transaction removed, a header dropped), builds and "
                    + "grades each mutant, and lists the mutants every check passes. Mutants that do not compile "
                    + "are not counted. The mutants are a sample (at most --max, chosen with --seed), so the same "
                    + "command gives the same mutants."),
            arguments: [exercise],
            options: [json.spec, max.spec, seed.spec, list.spec])

        var exercise: String
        var json: Bool
        var max: Int?
        var seed: UInt64?
        var list: Bool

        init(exercise: String, json: Bool, max: Int?, seed: UInt64?, list: Bool) {
            self.exercise = exercise
            self.json = json
            self.max = max
            self.seed = seed
            self.list = list
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(
                exercise: try values.required(Self.exercise), json: values[Self.json],
                max: try values.value(of: Self.max), seed: try values.value(of: Self.seed).map(UInt64.init),
                list: values[Self.list])
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevMutantsCommand(app: app).run(exercise, json: json, max: max, seed: seed, list: list)
        }
    }
}

extension Command {
    static func devMutants(
        exercise: String, json: Bool, max: Int? = nil, seed: UInt64? = nil, list: Bool = false
    ) -> Command {
        Command(
            DevMutantsCommand.Definition(exercise: exercise, json: json, max: max, seed: seed, list: list))
    }
}
