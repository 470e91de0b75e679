import Foundation
import Grader
import Runner

/// `backendlings dev check [--json] [--only ids] [--no-variants]`: the pack author's proof that a
/// pack works.
struct DevCheckCommand {
    let app: App

    func run(json: Bool, only: [String] = [], variants: Bool = true) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        var check = DevCheck(pack: pack, home: locations.home)
        check.checksVariants = variants
        for item in only {
            // An unknown id is a usage mistake, with a suggestion; `exercise/variant` names one variant.
            let parts = item.split(separator: "/", maxSplits: 1).map(String.init)
            let exercise = try pack.findExercise(parts.first ?? item)
            check.only.insert(exercise.id)
            if parts.count == 2 { check.onlyVariants.insert("\(exercise.id)/\(parts[1])") }
        }
        if check.only.isEmpty,
            let fromEnvironment = ProcessInfo.processInfo.environment["BACKENDLINGS_DEV_CHECK_ONLY"]
        {
            check.only = Set(fromEnvironment.split(separator: ",").map(String.init))
        }
        let style = app.style
        let status = Console.isInteractive && !json
        let result = try check.run { stage in
            guard status else { return }
            switch stage {
            case .linting: Console.err("\r\u{1B}[2K" + style.dim("Checking the manifest and files…"))
            case .building(let line):
                Console.err(
                    "\r\u{1B}[2K"
                        + style.dim(
                            String(
                                ("Building starters, solutions, variants and graders… " + (line ?? ""))
                                    .prefix(100)))
                )
            case .grading(let done, let total):
                Console.err(
                    "\r\u{1B}[2K" + style.dim("Grading starters, solutions and variants… \(done)/\(total)"))
            }
        }
        if status { Console.err("\r\u{1B}[2K") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Console.out(String(decoding: try encoder.encode(result), as: UTF8.self) + "\n")
            return result.ok ? 0 : 1
        }
        Console.out(DevCheckText(style: style).render(result, packName: pack.name))
        return result.ok ? 0 : 1
    }
}

extension DevCheckCommand {
    struct Definition: CommandDefinition {
        static let json = BackendlingsCommands.jsonFlag(Words(english: "the findings"))
        static let only = Option.list(
            "only", valueName: "exercises",
            help: Words(
                english:
                    "Check only these exercises, or single variants written exercise/variant (separated by commas)."
            ))
        static let noVariants = Flag(
            "no-variants", help: Words(english: "Do not build and grade the variants."))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "check",
            abstract: Words(english: "Check that a lesson pack is complete and correct."),
            discussion: Words(
                english: "Reads pack.json and checks every module and exercise: the files it names exist, "
                    + "every starter builds and fails its hidden tests, every reference solution passes them, "
                    + "and every known-wrong variant (Solutions/<exercise>/Variants/<name>/) fails first at the "
                    + "check its variant.json names."
            ),
            options: [json.spec, only.spec, noVariants.spec])

        var json: Bool
        /// Exercise ids (or `exercise/variant`) to check; empty means all.
        var only: [String]
        /// False for `--no-variants`.
        var variants: Bool

        init(json: Bool, only: [String], variants: Bool) {
            self.json = json
            self.only = only
            self.variants = variants
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(
                json: values[Self.json], only: try values.value(of: Self.only) ?? [],
                variants: !values[Self.noVariants])
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevCheckCommand(app: app).run(json: json, only: only, variants: variants)
        }
    }
}

extension Command {
    static func devCheck(json: Bool, only: [String] = [], variants: Bool = true) -> Command {
        Command(DevCheckCommand.Definition(json: json, only: only, variants: variants))
    }
}
