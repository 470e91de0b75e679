import Foundation
import Testing

@testable import Runner

@Suite struct DevAdoptTests {
    @Test func anEditedWholeStarter_becomesAnOverlayWithPatchesAndRemoves() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            var pack = try fixture.load()
            let second = try pack.findExercise("s02-second")
            let edited = dir.appendingPathComponent("edited")
            try pack.writeStarter(of: second, into: edited)
            try writeFixture(
                Pack.givenFileHeader + "struct Item {}\nstruct Price {}\n",
                to: edited.appendingPathComponent("Models.swift"))
            try FileManager.default.removeItem(at: edited.appendingPathComponent("main.swift"))
            try writeFixture("struct Cart {}\n", to: edited.appendingPathComponent("Cart.swift"))

            let adopted = try DevAdopt(pack: pack, home: dir).run(second, from: edited)
            #expect(adopted.whole == ["Cart.swift", "Search.swift"])
            #expect(adopted.patches == ["Models.swift.patch"])
            #expect(adopted.removes == ["main.swift"])
            #expect(
                fileText(
                    of: dir.appendingPathComponent("Lessons/01-shop/02-second/Starter/Models.swift.patch"))
                    == "--- a/Models.swift\n+++ b/Models.swift\n@@ -1,1 +1,2 @@\n struct Item {}\n+struct Price {}\n"
            )
            #expect(
                FileSystem.isFile(URL(fileURLWithPath: adopted.backup).appendingPathComponent("Search.swift"))
            )

            pack = try fixture.load()
            let reloaded = try pack.findExercise("s02-second")
            #expect(reloaded.removes == ["main.swift"])
            #expect(
                try pack.starterFiles(of: reloaded).texts == [
                    "Models.swift": Pack.givenFileHeader + "struct Item {}\nstruct Price {}\n",
                    "Store.swift": Pack.givenFileHeader + "struct Store {}\n",
                    "Search.swift": "// TODO(learner): search\n",
                    "Cart.swift": Pack.givenFileHeader + "struct Cart {}\n",
                ])
            #expect(OverlayLint(pack: pack).problems(of: reloaded) == [])
        }
    }

    @Test func anUnchangedStarter_writesOnlyTheStepsOwnFiles() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            let pack = try fixture.load()
            let third = try pack.findExercise("s03-third")
            let folder = dir.appendingPathComponent("same")
            try pack.writeStarter(of: third, into: folder)
            let adopted = try DevAdopt(pack: pack, home: dir).run(third, from: folder)
            #expect(
                adopted
                    == DevAdopt.Adopted(
                        whole: ["Store.swift"], patches: ["main.swift.patch"], removes: ["Search.swift"],
                        backup: adopted.backup))
            #expect(try fixture.load().starterFiles(of: third) == (try pack.starterFiles(of: third)))
        }
    }
}
