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
