import Foundation
import Testing

@testable import Runner

/// Loading checks the disk, and a loaded pack answers where everything is.
struct PackLoadingTests {
    @Test func fixturePack_loadsWithPathsAndNeighbours() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let pack = try Pack.load(from: dir)
            let schema = try #require(pack.exercise(id: "db01-schema"))
            let queries = try #require(pack.exercise(id: "db02-queries"))
            let passwords = try #require(pack.exercise(id: "auth01-passwords"))

            #expect(pack.exercises.map(\.id) == ["db01-schema", "db02-queries", "auth01-passwords"])
            #expect(pack.module(of: passwords)?.id == "auth")
            #expect(pack.exercise(after: queries)?.id == "auth01-passwords")
            #expect(pack.exercise(after: passwords) == nil)
            #expect(pack.exercise(before: passwords)?.id == "db02-queries")
            #expect(pack.exercise(before: schema) == nil)
            #expect(
                pack.lessonText(of: schema).path == dir.path + "/Lessons/01-databases/01-schema/README.md")
            #expect(
                pack.starterFolder(of: schema).path == dir.path + "/Lessons/01-databases/01-schema/Starter")
            #expect(pack.solutionFolder(of: schema).path == dir.path + "/Solutions/01-databases/01-schema")
            #expect(
                pack.solutionFiles(of: schema).map(\.path) == [
                    dir.path + "/Solutions/01-databases/01-schema/BookStore.swift"
                ])
            let databases = try #require(pack.module(id: "databases"))
            #expect(pack.testsFolder(of: databases).path == dir.path + "/Lessons/01-databases/Tests")
        }
    }

    @Test func folderWithoutManifest_isNoPack() throws {
        try withTemporaryDirectory { dir in
            let error = try #require(throws: PackError.self) { try Pack.load(from: dir) }
            #expect(
                error.description == "No lesson pack at \(dir.path): expected \(dir.path)/Lessons/pack.json")
        }
    }

    @Test func missingTestsFolder_isNamed() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("Lessons/02-auth/Tests"))
            let error = try #require(throws: PackError.self) {
                try Pack.load(from: dir, currentDirectory: dir)
            }
            #expect(
                error.description
                    == "Lessons/02-auth/Tests is missing (every module needs a Tests folder with its hidden tests)."
            )
        }
    }

    @Test func missingStarterFileAndLessonText_areAllListed() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let exercise = dir.appendingPathComponent("Lessons/01-databases/01-schema")
            try FileManager.default.removeItem(at: exercise.appendingPathComponent("Starter/BookStore.swift"))
            try FileManager.default.removeItem(at: exercise.appendingPathComponent("README.md"))
            try FileManager.default.removeItem(
                at: dir.appendingPathComponent("Lessons/01-databases/02-queries"))
            let error = try #require(throws: PackError.self) {
                try Pack.load(from: dir, currentDirectory: dir)
            }
            #expect(
                error.description == """
                    The lesson pack has 3 problems:
                    - Lessons/01-databases/01-schema/README.md is missing (every exercise needs its lesson text there).
                    - Lessons/01-databases/01-schema/Starter/BookStore.swift is missing (it is listed in "files" of exercise "db01-schema").
                    - Lessons/01-databases/02-queries is missing (pack.json lists exercise "db02-queries" there).
                    """)
        }
    }

    @Test func manifestAndDiskErrors_nameThePackAsSeenFromTheCurrentFolder() throws {
        try withTemporaryDirectory { dir in
            let pack = dir.appendingPathComponent("elsewhere/pack")
            try FixturePack.create(at: pack)
            try FileManager.default.removeItem(at: pack.appendingPathComponent("Lessons/02-auth/Tests"))
            let checkout = dir.appendingPathComponent("checkout")
            try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
            let fromCheckout = try #require(throws: PackError.self) {
                try Pack.load(from: pack, currentDirectory: checkout)
            }
            #expect(
                fromCheckout.description
                    == "\(pack.path)/Lessons/02-auth/Tests is missing (every module needs a Tests folder with its hidden tests)."
            )
            let fromAbove = try #require(throws: PackError.self) {
                try Pack.load(from: pack, currentDirectory: dir)
            }
            #expect(
                fromAbove.description
                    == "elsewhere/pack/Lessons/02-auth/Tests is missing (every module needs a Tests folder with its hidden tests)."
            )

            let manifest = pack.appendingPathComponent("Lessons/pack.json")
            try writeFixture("{ \"formatVersion\": 1, ", to: manifest)
            let broken = try #require(throws: PackError.self) {
                try Pack.load(from: pack, currentDirectory: checkout)
            }
            #expect(
                broken.description
                    == "\(manifest.path): line 1, column 23: invalid JSON: expected a member name in double quotes, found the end of the file"
            )
        }
    }

    @Test func missingStarterFolder_isNamed() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            try FileManager.default.removeItem(
                at: dir.appendingPathComponent("Lessons/02-auth/01-passwords/Starter"))
            let error = try #require(throws: PackError.self) {
                try Pack.load(from: dir, currentDirectory: dir)
            }
            #expect(
                error.description
                    == "Lessons/02-auth/01-passwords/Starter is missing (every exercise needs a starter to copy into the workspace)."
            )
        }
    }

    @Test func solvedCopy_isTheStarterWithSolutionFilesOverlaid() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let pack = try Pack.load(from: dir)
            let schema = try #require(pack.exercise(id: "db01-schema"))
            let target = dir.appendingPathComponent("solved")
            try pack.writeSolvedCopy(of: schema, into: target)
            #expect(fileText(of: target.appendingPathComponent("main.swift")) == "print(\"db01-schema\")\n")
            #expect(
                fileText(of: target.appendingPathComponent("BookStore.swift"))
                    == "// solved: Create the books table\n")
        }
    }

    @Test func solvedCopy_withMissingSolution_namesItAndCopiesNothing() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("Solutions/02-auth"))
            let pack = try Pack.load(from: dir)
            let passwords = try #require(pack.exercise(id: "auth01-passwords"))
            let target = dir.appendingPathComponent("solved")
            let error = try #require(throws: PackError.self) {
                try pack.writeSolvedCopy(of: passwords, into: target)
            }
            #expect(
                error.description
                    == "Solutions/02-auth/01-passwords/Passwords.swift is missing (the reference version of a file "
                    + "in \"files\" of exercise \"auth01-passwords\").")
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
    }
}
