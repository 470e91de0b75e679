import Foundation
import Testing

@testable import Runner

/// Commands that must not repair quietly get a message saying what is missing and how to fix it.
struct WorkspaceValidateTests {
    @Test func missingWorkspace_saysHowToCreateIt() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            let error = try #require(throws: WorkspaceError.self) { try fx.workspace.validate() }
            #expect(
                error.description
                    == "No workspace at ./workspace yet. Run `\(CommandNaming.current.command())` to create it."
            )
        }
    }

    @Test func missingExerciseFolder_saysHowToGetTheStarterBack() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            try fx.workspace.validate()
            let schema = try fx.exercise("db01-schema")
            try FileManager.default.removeItem(at: fx.workspace.folder(of: schema))
            try fx.workspace.validate(try fx.exercise("db02-queries"))
            let error = try #require(throws: WorkspaceError.self) { try fx.workspace.validate(schema) }
            #expect(
                error.description
                    == "workspace/01-databases/01-schema is missing. Run `\(CommandNaming.current.command("reset db01-schema"))` to get the starter back."
            )
            #expect(
                throws: WorkspaceError.missingExercise(
                    id: "db01-schema", path: "workspace/01-databases/01-schema")
            ) {
                try fx.workspace.validate()
            }
        }
    }

    @Test func folderThatIsNotAWorkspace_isNamedSo_notSentToACommandThatRefusesIt() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            let notes = dir.appendingPathComponent("notes")
            try writeFixture("my notes\n", to: notes.appendingPathComponent("todo.txt"))
            let workspace = Workspace(root: notes, pack: fx.pack, home: dir, currentDirectory: dir)
            let error = try #require(throws: WorkspaceError.self) { try workspace.validate() }
            #expect(
                error.description
                    == "notes already holds files that are not a backendlings workspace, so backendlings will "
                    + "not write there. Choose a new or empty folder with --workspace.")
        }
    }

    @Test func missingPackageManifest_isReported() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            try FileManager.default.removeItem(at: fx.workspace.packageManifest)
            let error = try #require(throws: WorkspaceError.self) { try fx.workspace.validate() }
            #expect(
                error.description
                    == "workspace/Package.swift is missing. Run `\(CommandNaming.current.command())` to generate it again."
            )
        }
    }
}
