import Foundation
import Testing

@testable import Runner

/// `reset` saves every file of the learner's folder before it restores the starter.
struct WorkspaceResetTests {
    let now = Date(timeIntervalSince1970: 1_735_787_045)  // 2025-01-02 03:04:05 UTC

    @Test func reset_backsUpEveryFileThenRestoresTheStarter() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            let schema = try fx.exercise("db01-schema")
            let folder = fx.workspace.folder(of: schema)
            try writeFixture("// my attempt\n", to: folder.appendingPathComponent("BookStore.swift"))
            try writeFixture("struct Helper {}\n", to: folder.appendingPathComponent("Support/Helper.swift"))
            try writeFixture("", to: folder.appendingPathComponent(".hidden"))
            let before = try FileSystem.treeListing(folder)

            let result = try fx.workspace.reset(schema, now: now)

            let backup = try #require(result.backup)
            #expect(backup.path == fx.workspace.backupsFolder.path + "/db01-schema-20250102-030405")
            #expect(result.backupDisplayPath == "workspace/.backendlings/backups/db01-schema-20250102-030405")
            #expect(try FileSystem.treeListing(backup) == before)
            #expect(fileText(of: backup.appendingPathComponent("BookStore.swift")) == "// my attempt\n")
            #expect(
                fileText(of: backup.appendingPathComponent("Support/Helper.swift")) == "struct Helper {}\n")
            #expect(
                try FileSystem.treeListing(folder)
                    == FileSystem.treeListing(fx.pack.starterFolder(of: schema)))
            #expect(
                fileText(of: folder.appendingPathComponent("BookStore.swift"))
                    == "// TODO(learner): Create the books table\n")
            #expect(!FileManager.default.fileExists(atPath: fx.workspace.stagingFolder.path))
        }
    }

    @Test func twoResetsInOneSecond_getSeparateBackups() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            let schema = try fx.exercise("db01-schema")
            let first = try fx.workspace.reset(schema, now: now)
            let second = try fx.workspace.reset(schema, now: now)
            #expect(first.backup?.lastPathComponent == "db01-schema-20250102-030405")
            #expect(second.backup?.lastPathComponent == "db01-schema-20250102-030405-2")
        }
    }

    @Test func resetOfMissingFolder_restoresTheStarterWithoutBackup() throws {
        try withTemporaryDirectory { dir in
            let fx = try WorkspaceFixture(in: dir)
            try fx.workspace.sync()
            let queries = try fx.exercise("db02-queries")
            try FileManager.default.removeItem(at: fx.workspace.folder(of: queries))
            let result = try fx.workspace.reset(queries, now: now)
            #expect(result.backup == nil)
            #expect(
                fileText(of: try fx.learnerFile("db02-queries", "Queries.swift"))
                    == "// TODO(learner): Query the books\n")
            #expect(
                !FileManager.default.fileExists(
                    atPath: fx.workspace.backupsFolder.path + "/db02-queries-20250102-030405"))
        }
    }
}
