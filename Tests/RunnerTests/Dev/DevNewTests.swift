import Foundation
import Testing

@testable import Runner

@Suite struct DevNewTests {
    /// A first step whose main.swift has a router for `dev new` to register the new routes on, and a
    /// tests list with one entry.
    static func wireRouter(_ fixture: OverlayPack) throws {
        try fixture.write(
            "Lessons/01-shop/01-first/Starter/main.swift",
            "import BackendKit\n\nlet router = Router()\nprint(\"shop\")\nServer(router: router).run()\n")
        try fixture.write("Lessons/01-shop/Tests/main.swift", "import GraderKit\n\nGraderMain.run([first])\n")
    }

    @Test func inAnOverlayModule_theNewStepAddsOneFileAndWiresItIntoTheInheritedMain() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try Self.wireRouter(fixture)
            let created = try DevNew(pack: try fixture.load()).run(module: "shop", exercise: "s04-webhooks")
            #expect(
                created.files.sorted() == [
                    "Lessons/01-shop/04-webhooks/README.md",
                    "Lessons/01-shop/04-webhooks/Starter/Webhooks.swift",
                    "Lessons/01-shop/04-webhooks/Starter/main.swift.patch",
                    "Lessons/01-shop/Tests/04-webhooks.swift",
                    "Lessons/01-shop/Tests/main.swift",
                    "Lessons/pack.json",
                    "Solutions/01-shop/04-webhooks/Webhooks.swift",
                ])
            let pack = try fixture.load()
            let step = try pack.findExercise("s04-webhooks")
            #expect(step.files == ["Webhooks.swift"])
            #expect(
                try pack.starterFiles(of: step).texts["main.swift"]
                    == Pack.givenFileHeader
                    + "import BackendKit\n\nlet router = Router()\nprint(\"shop, v3\")\nregisterWebhooksRoutes(on: router)\n"
                    + "Server(router: router).run()\n"
            )
            #expect(
                fileText(of: dir.appendingPathComponent("Lessons/01-shop/Tests/main.swift"))
                    == "import GraderKit\n\nGraderMain.run([first, s04Webhooks])\n")
            #expect(OverlayLint(pack: pack).problems(of: step) == [])
            let starter = try pack.starterFiles(of: step).texts
            #expect(starter.keys.sorted() == ["Models.swift", "Store.swift", "Webhooks.swift", "main.swift"])
        }
    }

    @Test func theNewFolder_isNumberedAfterTheHighestNumberedStep_notByTheCountOfSteps() throws {
        try withTemporaryDirectory { dir in
            let manifest = OverlayPack.manifest.replacingOccurrences(
                of: #""path": "03-third""#, with: #""path": "05-third""#)
            let fixture = try OverlayPack.create(at: dir, manifest: manifest)
            try FileManager.default.moveItem(
                at: dir.appendingPathComponent("Lessons/01-shop/03-third"),
                to: dir.appendingPathComponent("Lessons/01-shop/05-third"))
            try FileManager.default.moveItem(
                at: dir.appendingPathComponent("Solutions/01-shop/03-third"),
                to: dir.appendingPathComponent("Solutions/01-shop/05-third"))
            try Self.wireRouter(fixture)
            let created = try DevNew(pack: try fixture.load()).run(module: "shop", exercise: "s06-release")
            #expect(created.files.contains("Lessons/01-shop/06-release/README.md"))
            #expect(try fixture.load().findExercise("s06-release").path == "06-release")
        }
    }

    @Test func aTestsListWithOneEntryPerLine_getsTheNewEntryOnItsOwnLine_withItsTrailingComma() throws {
        try withTemporaryDirectory { dir in
            let fixture = try OverlayPack.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/01-first/Starter/main.swift",
                "import BackendKit\n\nlet router = Router()\nprint(\"shop\")\nServer(router: router).run()\n")
            try fixture.write(
                "Lessons/01-shop/Tests/main.swift",
                "import GraderKit\n\nGraderMain.run([\n    first,\n    second,\n])\n")
            _ = try DevNew(pack: try fixture.load()).run(module: "shop", exercise: "s04-webhooks")
            #expect(
                fileText(of: dir.appendingPathComponent("Lessons/01-shop/Tests/main.swift"))
                    == "import GraderKit\n\nGraderMain.run([\n    first,\n    second,\n    s04Webhooks,\n])\n"
            )
        }
    }

    @Test func theManifestKeepsItsLanguages_whenANewStepIsAdded() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let manifest = dir.appendingPathComponent("Lessons/pack.json")
            let text = try String(contentsOf: manifest, encoding: .utf8)
            let name = try #require(text.range(of: "\"name\":"))
            let lineEnd = try #require(text[name.upperBound...].firstIndex(of: "\n"))
            try
                (String(text[...lineEnd]) + "  \"languages\": [\"en\", \"id\"],\n"
                + String(text[text.index(after: lineEnd)...]))
                .write(to: manifest, atomically: true, encoding: .utf8)
            try writeFixture(
                "import GraderKit\n\nGraderMain.run([schema])\n",
                to: dir.appendingPathComponent("Lessons/02-auth/Tests/main.swift"))
            #expect(try Pack.load(from: dir).languages == [.en, .id])
            _ = try DevNew(pack: try Pack.load(from: dir)).run(module: "auth", exercise: "auth02-sessions")
            #expect(try Pack.load(from: dir).languages == [.en, .id])
        }
    }

    @Test func inAFullModule_theNewStepIsAWholeServer() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            try writeFixture(
                "import GraderKit\n\nGraderMain.run([schema])\n",
                to: dir.appendingPathComponent("Lessons/02-auth/Tests/main.swift"))
            let created = try DevNew(pack: try Pack.load(from: dir)).run(
                module: "auth", exercise: "auth02-sessions")
            #expect(created.files.contains("Lessons/02-auth/02-sessions/Starter/Routes.swift"))
            #expect(created.files.contains("Lessons/02-auth/02-sessions/Starter/main.swift"))
            #expect(try Pack.load(from: dir).findExercise("auth02-sessions").files == ["Routes.swift"])
        }
    }

    @Test func anIdThatIsTaken_orAModuleThatDoesNotExist_changesNothing() throws {
        try withTemporaryDirectory { dir in
            try FixturePack.create(at: dir)
            let before = fileText(of: dir.appendingPathComponent("Lessons/pack.json"))
            let devNew = DevNew(pack: try Pack.load(from: dir))
            #expect(throws: DevError.self) { try devNew.run(module: "databases", exercise: "db01-schema") }
            do {
                _ = try devNew.run(module: "payments", exercise: "pay01-checkout")
                Issue.record("expected an error")
            } catch let error as DevError {
                #expect(
                    error.description
                        == "There is no module \"payments\" in pack.json. Modules: databases, auth.")
            }
            #expect(fileText(of: dir.appendingPathComponent("Lessons/pack.json")) == before)
        }
    }
}
