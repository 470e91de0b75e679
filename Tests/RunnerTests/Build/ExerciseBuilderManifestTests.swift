import Foundation
import Testing

@testable import Runner

/// A workspace manifest SwiftPM cannot read is never shown as the learner's compile error.
@Suite(.timeLimit(.minutes(5)))
struct ExerciseBuilderManifestTests {
    @Test func unreadableWorkspaceManifest_isABuildError_notTheLearnersCompileError() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            try "// swift-tools-version:6.0\nimport PackageDescription\nlet package = Package(name: \u{22}\n"
                .write(to: fx.workspace.packageManifest, atomically: true, encoding: .utf8)
            let builder = ExerciseBuilder(workspace: fx.workspace)
            let error = try #require(throws: BuildError.self) {
                try builder.build(try fx.exercise("db01-schema"))
            }
            let description = error.description
            #expect(
                description.hasPrefix(
                    "SwiftPM cannot read workspace/Package.swift, which backendlings generates; this is not a "
                        + "problem in your code. Run `swift run backendlings` to generate it again (your version "
                        + "is saved first). SwiftPM says:\n"), "\(description)")
        }
    }
}
