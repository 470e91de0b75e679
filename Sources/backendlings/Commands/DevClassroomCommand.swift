import Foundation
import Grader
import Runner

/// `backendlings dev classroom [--output DIR] [--swift-version V]`: the GitHub Classroom workflow.
struct DevClassroomCommand {
    let app: App

    func run(output: String, swiftVersion: String?) throws -> Int32 {
        let locations = try Locations.resolve(
            packOption: app.invocation.global.packPath, workspaceOption: app.invocation.global.workspacePath)
        let pack = try Pack.load(from: locations.packRoot)
        var classroom = DevClassroom(pack: pack, home: locations.home)
        if let swiftVersion { classroom.swiftVersion = swiftVersion }
        let folder = URL(fileURLWithPath: output, relativeTo: FileSystem.currentDirectory).standardizedFileURL
        let style = app.style
        let status = Console.isInteractive
        let written = try classroom.run(into: folder) { line in
            if status {
                Console.err("\r\u{1B}[2K" + style.dim(String(("Building the graders… " + line).prefix(100))))
            }
        }
        if status { Console.err("\r\u{1B}[2K") }
        let workflow = written.workflow
        var text =
            Words("Wrote ", id: "Sudah ditulis: ").text
            + style.code(FileSystem.displayPath(written.file, from: FileSystem.currentDirectory)) + "\n"
        text +=
            Words(
                "  \(workflow.steps.count) exercises, \(workflow.totalPoints) points in all (one per check).\n",
                id:
                    "  \(workflow.steps.count) latihan, total \(workflow.totalPoints) poin (satu per pengecekan).\n"
            ).text
        if written.unignoredWorkspace {
            text +=
                Words(
                    "  Took /workspace/ out of .gitignore, so learners' pushes include their code.\n",
                    id: "  /workspace/ dihapus dari .gitignore, supaya push learner ikut membawa kodenya.\n"
                ).text
        }
        text +=
            Words(
                "Commit it, push the repository, and mark it as a template. Docs/INSTRUCTORS.md has the next steps.\n",
                id:
                    "Commit file ini, push repository-nya, lalu jadikan template. Langkah berikutnya ada di Docs/INSTRUCTORS.md.\n"
            ).text
        Console.out(text)
        return 0
    }
}

extension DevClassroomCommand {
    /// A GitHub Classroom workflow written into the template repository `output`.
    struct Definition: CommandDefinition {
        static let output = Option<String>(
            "output", valueName: "folder",
            help: Words(english: "The template repository to write into (default: the current folder)."))
        static let swiftVersion = Option<String>(
            "swift-version", valueName: "version",
            help: Words(
                english:
                    "The Swift toolchain the workflow installs (default: \(ClassroomWorkflow.defaultSwiftVersion))."
            ))
        static let spec = CommandSpec.command(
            Definition.self,
            name: "classroom",
            abstract: Words(
                english: "Write a GitHub Classroom autograding workflow into a learner template repository."),
            discussion: Words(
                english:
                    "For instructors. Writes .github/workflows/classroom.yml into the folder: on every push "
                    + "it installs Swift and the system libraries, builds backendlings, and grades each exercise "
                    + "as its own autograding test worth as many points as the exercise has checks. See "
                    + "Docs/INSTRUCTORS.md for the whole set-up."),
            options: [output.spec, swiftVersion.spec])

        var output: String
        var swiftVersion: String?

        init(output: String, swiftVersion: String?) {
            self.output = output
            self.swiftVersion = swiftVersion
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            self.init(
                output: try values.value(of: Self.output) ?? ".",
                swiftVersion: try values.value(of: Self.swiftVersion))
        }

        var mayAskForLanguage: Bool { false }

        func run(_ app: App) throws -> Int32 {
            try DevClassroomCommand(app: app).run(output: output, swiftVersion: swiftVersion)
        }
    }
}

extension Command {
    static func devClassroom(output: String, swiftVersion: String?) -> Command {
        Command(DevClassroomCommand.Definition(output: output, swiftVersion: swiftVersion))
    }
}
