import Foundation
import Grader
import Testing

@testable import Runner

/// The learner's default workspace builds in the checkout's `.build` (BackendKit compiled once for
/// the tool, the graders and the exercises); any other workspace keeps a build folder of its own.
@Suite(.timeLimit(.minutes(5)))
struct SharedBuildFolderTests {
    /// A home whose manifest really builds: one library, BackendKit, that the exercises import.
    private static let homeManifest = """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "home",
            products: [.library(name: "BackendKit", targets: ["BackendKit"])],
            targets: [.target(name: "BackendKit")]
        )

        """

    @Test func theDefaultWorkspace_buildsInTheCheckoutsBuildFolder_anotherWorkspaceInItsOwn() async throws {
        try await withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try writeFixture(Self.homeManifest, to: dir.appendingPathComponent("Package.swift"))
            let exercise = try fx.exercise("db01-schema")
            #expect(fx.workspace.sharesCheckoutBuild)

            try fx.workspace.sync()
            let shared = try await build(exercise, in: fx.workspace)
            #expect(shared.path == dir.appendingPathComponent(".build/debug/db01-schema").path)
            #expect(!FileSystem.exists(fx.workspace.root.appendingPathComponent(".build")))
            #expect(try await output(of: shared) == "db01-schema\n")

            let other = Workspace(
                root: dir.appendingPathComponent("other"), pack: fx.pack, home: dir, currentDirectory: dir)
            #expect(!other.sharesCheckoutBuild)
            try other.sync()
            try "print(\"the other workspace\")\n".write(
                to: other.folder(of: exercise).appendingPathComponent("main.swift"), atomically: true,
                encoding: .utf8)
            let own = try await build(exercise, in: other)
            #expect(own.path == dir.appendingPathComponent("other/.build/debug/db01-schema").path)
            #expect(try await output(of: own) == "the other workspace\n")
            #expect(
                try await output(of: shared) == "db01-schema\n",
                "the other workspace overwrote the shared build")
        }
    }

    @Test func aWorkspaceOfAnotherPack_orElsewhere_neverSharesTheCheckoutsBuild() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            let elsewhere = Workspace(
                root: dir.appendingPathComponent("my-workspace"), pack: fx.pack, home: dir,
                currentDirectory: dir)
            #expect(!elsewhere.sharesCheckoutBuild)
            #expect(elsewhere.buildFolder.path == dir.appendingPathComponent("my-workspace/.build").path)
            let otherHome = dir.appendingPathComponent("checkout")
            let otherPack = Workspace(
                root: dir.appendingPathComponent("workspace"), pack: fx.pack, home: otherHome,
                currentDirectory: dir)
            #expect(!otherPack.sharesCheckoutBuild)
            #expect(fx.workspace.buildFolder.path == dir.appendingPathComponent(".build").path)
        }
    }

    /// Builds on a thread of its own: SwiftPM runs for seconds, and a blocked thread of the test
    /// pool would stall every other test (and their timing checks).
    private func build(_ exercise: Exercise, in workspace: Workspace) async throws -> URL {
        let outcome = try await offThePool { try ExerciseBuilder(workspace: workspace).build(exercise) }
        switch outcome {
        case .built(let binary): return binary
        case .failed(let diagnostics):
            Issue.record("did not build: \(diagnostics)")
            throw FileSystemError(operation: "build", path: diagnostics, code: 0)
        }
    }

    private func output(of binary: URL) async throws -> String {
        let (status, output) = try await offThePool {
            try ChildProcess.run(executable: binary.path, arguments: [], timeout: .seconds(10))
        }
        #expect(status.isSuccess)
        return output.text
    }
}
