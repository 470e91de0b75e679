import Foundation
import Grader
import Testing

@testable import Runner

/// `backendlings check` of an exercise whose learner file is a `Containerfile`: the workspace gets
/// it from the starter, the grader reads the learner's own copy in the workspace (every save of it
/// graded again, though the binary is the same), and `reset` keeps it in the backup. Part of
/// `CheckerTests`, so it shares its serialized fixture.
extension CheckerTests {
    @Test func aContainerfileExercise_isGradedOnTheWorkspacesOwnFile_andResetKeepsItInTheBackup() async throws
    {
        let packRoot = Self.root.appendingPathComponent("pack", isDirectory: true)
        var files = DevCheckFixture.files
        for (path, text) in DevCheckFixture.release { files[path] = text }
        try DevCheckFixture.write(files.compactMapValues { $0 }, below: packRoot)
        let pack = try Pack.load(from: packRoot)
        let release = try #require(pack.exercise(id: "hello03-release"))
        let workspace = Workspace(root: context.workspace.root, pack: pack, home: DevCheckFixture.home)
        _ = try workspace.sync()
        let releasing = RunnerContext(locations: context.locations, pack: pack, workspace: workspace)
        let containerfile = workspace.folder(of: release).appendingPathComponent("Containerfile")
        let starterText = try String(contentsOf: containerfile, encoding: .utf8)
        #expect(starterText.contains("TODO(learner)"))

        let check = { @Sendable () async throws -> GradeReport in
            try await offThePool { try Checker(context: releasing).check(release).report }
        }
        let starter = try await check()
        #expect(starter.firstFailure?.name == DevCheckFixture.pinnedCheck, "\(starter)")
        #expect(starter.firstFailure?.message?.contains("the FROM line is missing") == true, "\(starter)")

        try DevCheckFixture.releaseSolution.write(to: containerfile, atomically: true, encoding: .utf8)
        let solved = try await check()
        #expect(solved.status == .pass, "\(solved)")

        try "FROM swift:6.0-noble\nCMD [\"/app/server\"]\n".write(
            to: containerfile, atomically: true, encoding: .utf8)
        let asRoot = try await check()
        #expect(asRoot.firstFailure?.name == DevCheckFixture.userCheck, "\(asRoot)")

        let reset = try workspace.reset(release)
        let backup = try #require(reset.backup)
        #expect(
            try String(contentsOf: backup.appendingPathComponent("Containerfile"), encoding: .utf8)
                == "FROM swift:6.0-noble\nCMD [\"/app/server\"]\n")
        #expect(try String(contentsOf: containerfile, encoding: .utf8) == starterText)

        try FileManager.default.removeItem(at: containerfile)
        let missing = try await check()
        #expect(
            missing.firstFailure?.message?.hasPrefix(
                "There is no Containerfile in your exercise folder (03-release/). Create it there") == true,
            "\(missing)")
    }
}
