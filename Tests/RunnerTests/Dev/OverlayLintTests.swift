import Foundation
import Testing

@testable import Runner

@Suite struct OverlayLintTests {
    private func problems(_ id: String, in fixture: OverlayPack) throws -> [String] {
        let pack = try fixture.load()
        return OverlayLint(pack: pack).problems(of: try pack.findExercise(id))
    }

    @Test func aCleanOverlayPack_hasNoProblems() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            for id in ["s01-first", "s02-second", "s03-third"] {
                #expect(try problems(id, in: fixture) == [])
            }
        }
    }

    @Test func anOverlayFileIdenticalToWhatItOverrides_isReported() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write("Lessons/01-shop/02-second/Starter/Models.swift", "struct Item {}\n")
            #expect(
                try problems("s02-second", in: fixture) == [
                    "Lessons/01-shop/02-second/Starter/Models.swift is identical to the file it overrides (s01-first solved); delete it: it is inherited."
                ])
        }
    }

    @Test func aWholeFileReplacingAnInheritedOne_isReported_withTheWayToPatchIt() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/02-second/Starter/Store.swift", "struct Store { var count = 0 }\n")
            #expect(
                try problems("s02-second", in: fixture) == [
                    "Lessons/01-shop/02-second/Starter/Store.swift replaces Store.swift of s01-first solved as a whole file; write what this step changes as Store.swift.patch (`backendlings dev adopt s02-second FOLDER` does it), or delete the file to inherit it."
                ])
        }
    }

    @Test func aPatchThatChangesNothing_orPatchesTheLearnersFile_isReported() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/02-second/Starter/Models.swift.patch", "@@ -1,1 +1,1 @@\n struct Item {}\n")
            try fixture.write(
                "Lessons/01-shop/03-third/Starter/Store.swift.patch",
                "@@ -1,1 +1,1 @@\n-struct Store {}\n+struct S {}\n")
            #expect(
                try problems("s02-second", in: fixture) == [
                    "Lessons/01-shop/02-second/Starter/Models.swift.patch changes nothing in Models.swift; delete it."
                ])
            #expect(
                try problems("s03-third", in: fixture).contains(
                    "Lessons/01-shop/03-third/Starter/Store.swift.patch patches Store.swift, which the learner edits in this step; write the whole starter version of Store.swift instead."
                ))
        }
    }

    @Test func aHandWrittenGivenHeaderInAnOverlayModule_isReported() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/01-first/Starter/Models.swift",
                "// Given: you do not need to change this file (you wrote it before).\nstruct Item {}\n")
            #expect(
                try problems("s01-first", in: fixture) == [
                    "Lessons/01-shop/01-first/Starter/Models.swift starts with a hand-written \"// Given:\" line; remove it: the runner writes the standard header on every given file."
                ])
        }
    }

    @Test func removesThatNameNothing_areReported() throws {
        try withTemporaryDirectory { dir in
            let manifest = OverlayPack.manifest.replacingOccurrences(
                of: "\"removes\": [\"Search.swift\"]", with: "\"removes\": [\"Search.swift\", \"Old.swift\"]")
            let fixture = try OverlayPack.create(at: dir, manifest: manifest)
            #expect(
                try problems("s03-third", in: fixture) == [
                    "\"removes\" of exercise \"s03-third\" lists \"Old.swift\", but s02-second solved has no such file."
                ])
        }
    }

    @Test func aNonStandardHeaderInAFullModule_isReported() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            try writeFixture(
                "// Given: you do not need to change this file in this exercise.\nprint(1)\n",
                to: dir.appendingPathComponent("Lessons/01-databases/01-schema/Starter/main.swift"))
            let pack = try Pack.load(from: dir)
            #expect(
                OverlayLint(pack: pack).problems(of: try pack.findExercise("db01-schema")) == [
                    "Lessons/01-databases/01-schema/Starter/main.swift has a given-file header that is not the standard one; its first line must be exactly \"// Given: you do not need to change this file.\"."
                ])
        }
    }
}
