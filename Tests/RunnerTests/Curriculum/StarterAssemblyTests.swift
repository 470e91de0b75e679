import Foundation
import Testing

@testable import Runner

@Suite struct StarterAssemblyTests {
    let given = Pack.givenFileHeader

    @Test func firstStep_isItsOwnStarter_withTheGivenHeaderOnGivenFilesOnly() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            let files = try pack.starterFiles(of: try pack.findExercise("s01-first")).texts
            #expect(
                files == [
                    "main.swift": given + "print(\"shop\")\n",
                    "Models.swift": given + "struct Item {}\n",
                    "Store.swift": "// TODO(learner): store items\n",
                ])
        }
    }

    @Test func aDebuggingModule_marksNoFileAsGiven_soNoneStandsOutAsTheOneWithTheBug() throws {
        try withTemporaryDirectory { dir in
            let manifest = OverlayPack.manifest.replacingOccurrences(
                of: "\"starters\": \"overlays\",",
                with: "\"starters\": \"overlays\", \"kind\": \"debugging\",")
            let pack = try OverlayPack.create(at: dir, manifest: manifest).load()
            let second = try pack.findExercise("s02-second")
            #expect(
                try pack.starterFiles(of: second).texts == [
                    "main.swift": "print(\"shop\")\n",
                    "Models.swift": "struct Item {}\n",
                    "Store.swift": "struct Store {}\n",
                    "Search.swift": "// TODO(learner): search\n",
                ])
            #expect(try pack.solvedFiles(of: second).texts["Store.swift"] == "struct Store {}\n")
        }
    }

    @Test func laterStep_isThePreviousStepSolved_withItsOwnFilesLaidOver() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            let files = try pack.starterFiles(of: try pack.findExercise("s02-second")).texts
            #expect(
                files == [
                    "main.swift": given + "print(\"shop\")\n",
                    "Models.swift": given + "struct Item {}\n",
                    "Store.swift": given + "struct Store {}\n",
                    "Search.swift": "// TODO(learner): search\n",
                ])
        }
    }

    @Test func patchesChangeAndRemovesDrop_inheritedFiles() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            let third = try pack.findExercise("s03-third")
            #expect(
                try pack.starterFiles(of: third).texts == [
                    "main.swift": given + "print(\"shop, v3\")\n",
                    "Models.swift": given + "struct Item {}\n",
                    "Store.swift": "// TODO(learner): store, faster\n",
                ])
            #expect(try pack.solvedFiles(of: third).texts["Store.swift"] == "struct FastStore {}\n")
        }
    }

    @Test func oneEditToAGivenFileOfAnEarlyStep_reachesEveryLaterStarter() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/01-first/Starter/Models.swift", "struct Item { var name: String }\n")
            let pack = try fixture.load()
            for id in ["s01-first", "s02-second", "s03-third"] {
                #expect(
                    try pack.starterFiles(of: try pack.findExercise(id)).texts["Models.swift"]
                        == given + "struct Item { var name: String }\n")
            }
        }
    }

    @Test func aPatchThatNoLongerApplies_isNamedWithTheWayToWriteItAgain() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write("Lessons/01-shop/01-first/Starter/main.swift", "print(\"a shop\")\n")
            let pack = try fixture.load()
            #expect(
                throws: PackError.overlay(
                    "Lessons/01-shop/03-third/Starter/main.swift.patch no longer applies to main.swift of s02-second solved: hunk 1 (near line 1): its lines are not in the file any more: \"print(\"shop\")\". Write the step's version again with `backendlings dev starter s03-third` and `backendlings dev adopt s03-third FOLDER`."
                )
            ) {
                try pack.starterFiles(of: try pack.findExercise("s03-third"))
            }
        }
    }

    @Test func aMissingSolutionOfAnEarlierStep_isNamedWhenALaterStarterIsAssembled() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("Solutions/01-shop/02-second"))
            let pack = try fixture.load()
            #expect(
                throws: PackError.missingOnDisk([
                    "Solutions/01-shop/02-second/Search.swift is missing (the reference version of a file in \"files\" of exercise \"s02-second\")."
                ])
            ) {
                try pack.starterFiles(of: try pack.findExercise("s03-third"))
            }
        }
    }

    @Test func aFullModule_keepsItsStartersAsTheyAre() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let pack = try Pack.load(from: dir)
            let second = try pack.findExercise("db02-queries")
            #expect(
                try pack.starterFiles(of: second).texts == [
                    "main.swift": "print(\"db02-queries\")\n",
                    "Queries.swift": "// TODO(learner): Query the books\n",
                ])
        }
    }

    @Test func writeStarter_writesTheAssembledFiles_andRefusesAFolderThatIsNotEmpty() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            let second = try pack.findExercise("s02-second")
            let target = dir.appendingPathComponent("out")
            try pack.writeStarter(of: second, into: target)
            #expect(fileText(of: target.appendingPathComponent("Store.swift")) == given + "struct Store {}\n")
            #expect(throws: PackError.self) { try pack.writeStarter(of: second, into: target) }
        }
    }

    @Test func workspaceSync_copiesTheAssembledStarter() throws {
        try withTemporaryDirectory { dir in
            let pack = try OverlayPack.create(at: dir).load()
            let workspace = Workspace(root: dir.appendingPathComponent("ws"), pack: pack, home: dir)
            try workspace.sync()
            let store = dir.appendingPathComponent("ws/01-shop/02-second/Store.swift")
            #expect(fileText(of: store) == given + "struct Store {}\n")
        }
    }
}
