import Foundation
import Runner

/// `backendlings dev check [--json]`: the pack author's proof that a pack works.
struct DevCheckCommand {
    let app: App

    func run(json: Bool, only: [String] = []) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        var check = DevCheck(pack: pack, home: locations.home)
        for id in only {
            _ = try pack.findExercise(id)  // an unknown id is a usage mistake, with a suggestion
        }
        check.only = Set(only.compactMap { try? pack.findExercise($0).id })
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
                            String(("Building starters, solutions and graders… " + (line ?? "")).prefix(100)))
                )
            case .grading(let done, let total):
                Console.err("\r\u{1B}[2K" + style.dim("Grading starters and solutions… \(done)/\(total)"))
            }
        }
        if status { Console.err("\r\u{1B}[2K") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Console.out(String(decoding: try encoder.encode(result), as: UTF8.self) + "\n")
            return result.ok ? 0 : 1
        }
        var text = style.bold("dev check") + " · \(pack.name) · \(result.exercises.count) exercises\n\n"
        for problem in result.problems { text += style.failure(style.symbol(.failed)) + " " + problem + "\n" }
        for exercise in result.exercises {
            let mark =
                exercise.problems.isEmpty
                ? style.success(style.symbol(.done)) : style.failure(style.symbol(.failed))
            text +=
                "\(mark) \(exercise.id)"
                + style.dim(
                    "  starter: \(exercise.starter ?? "not run"), solution: \(exercise.solution ?? "not run")"
                ) + "\n"
            for problem in exercise.problems {
                text +=
                    problem.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
                        ($0.offset == 0 ? "    - " : "      ") + $0.element
                    }.joined(separator: "\n") + "\n"
            }
        }
        text +=
            result.ok
            ? "\n" + style.success("The pack is ready.") + "\n"
            : "\n"
                + style.failure(
                    "\(result.problemCount) problem\(result.problemCount == 1 ? "" : "s") to fix.") + "\n"
        Console.out(text)
        return result.ok ? 0 : 1
    }
}

/// `backendlings dev new MODULE EXERCISE`: scaffold an exercise.
struct DevNewCommand {
    let app: App

    func run(module: String, exercise: String) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let created = try DevNew(pack: pack).run(module: module, exercise: exercise)
        var text = "Created exercise " + app.style.bold(created.exerciseID) + ":\n"
        for file in created.files { text += "  " + app.style.code(file) + "\n" }
        text += "\nFill in every TODO, then run " + app.style.code(app.command("dev check")) + ".\n"
        Console.out(text)
        return 0
    }
}
