import Foundation
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

/// `backendlings dev starter EXERCISE [--solved] --output FOLDER`: an assembled starter on disk.
struct DevStarterCommand {
    let app: App

    func run(_ id: String, solved: Bool, output: String?) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let exercise = try pack.findExercise(id)
        let folder = URL(
            fileURLWithPath: output ?? "\(exercise.id)\(solved ? "-solved" : "-starter")",
            relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        ).standardizedFileURL
        if solved {
            try pack.writeSolvedCopy(of: exercise, into: folder)
        } else {
            try pack.writeStarter(of: exercise, into: folder)
        }
        Console.out(
            "Wrote the \(solved ? "solved copy" : "starter") of \(app.style.bold(exercise.id)) to "
                + app.style.code(FileSystem.displayPath(folder, from: FileSystem.currentDirectory)) + "\n")
        return 0
    }
}

/// `backendlings dev adopt EXERCISE FOLDER`: an edited whole starter back into the pack.
struct DevAdoptCommand {
    let app: App

    func run(_ id: String, folder: String) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        let exercise = try pack.findExercise(id)
        let source = URL(fileURLWithPath: folder, relativeTo: FileSystem.currentDirectory).standardizedFileURL
        let adopted = try DevAdopt(pack: pack, home: locations.home).run(exercise, from: source)
        let starter = "Lessons/\(exercise.relativePath)/Starter/"
        var text = "Wrote the overlay of " + app.style.bold(exercise.id) + ":\n"
        for path in adopted.whole { text += "  " + app.style.code(starter + path) + "\n" }
        for path in adopted.patches {
            text += "  " + app.style.code(starter + path) + "  (changes to an inherited file)\n"
        }
        if !adopted.removes.isEmpty { text += "  removes: \(adopted.removes.joined(separator: ", "))\n" }
        text += "The old Starter/ is saved in " + app.style.code(adopted.backup) + ".\n"
        text += "Run " + app.style.code("backendlings dev check --only \(exercise.id)") + " next.\n"
        Console.out(text)
        return 0
    }
}

/// `backendlings dev translations [--accept]`: the translations a pack still owes.
struct DevTranslationsCommand {
    let app: App

    func run(accept: Bool) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        var pack = try Pack.load(from: locations.packRoot)
        var text = ""
        if accept {
            let accepted = try DevTranslations(pack: pack).accept()
            text +=
                "Accepted \(accepted.lessonTexts) lesson texts, \(accepted.manifestTexts) pack.json texts and "
                + "\(accepted.sourcePairs) texts of hidden tests as up to date.\n"
            pack = try Pack.load(from: locations.packRoot)
        }
        let findings = DevTranslations(pack: pack).findings()
        if pack.languages == [.en] {
            Console.out(text + "This pack is written in English only (pack.json has no \"languages\").\n")
            return 0
        }
        for finding in findings { text += app.style.failure(app.style.symbol(.failed)) + " \(finding)\n" }
        text +=
            findings.isEmpty
            ? app.style.success("Every translation is up to date.") + "\n"
            : "\n\(findings.count) translation\(findings.count == 1 ? "" : "s") to write or update.\n"
        Console.out(text)
        return findings.isEmpty ? 0 : 1
    }
}
