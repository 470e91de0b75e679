import Foundation
import Testing

@testable import Runner

/// A module that grows an earlier module's mini-backend (`"startsFrom"`) holds only what it changes:
/// its first starter is that step solved with its own files laid over.
@Suite struct StartsFromTests {
    let given = Pack.givenFileHeader

    /// `OverlayPack` plus a second overlay module, "ops", that starts from `s02-second` solved: its
    /// first step patches `main.swift`, drops `Search.swift` and adds the learner's `Health.swift`.
    static func manifest(startsFrom: String = "\"s02-second\"", starters: String = "\"overlays\"") -> String {
        OverlayPack.manifest.replacingOccurrences(
            of: """
                      ]
                    }
                  ]
                }
                """,
            with: """
                      ]
                    },
                    {
                      "id": "ops",
                      "title": "Ops",
                      "path": "02-ops",
                      "starters": \(starters),
                      "startsFrom": \(startsFrom),
                      "exercises": [
                        {"id": "o01-health", "title": "Health", "path": "01-health", "files": ["Health.swift"],
                         "removes": ["Search.swift"], "hints": ["a", "b"]}
                      ]
                    }
                  ]
                }
                """)
    }

    static func create(at dir: URL, manifest: String = manifest()) throws -> OverlayPack {
        let fixture = try OverlayPack.create(at: dir, manifest: manifest)
        try fixture.write("Lessons/02-ops/README.md", "# Ops\n")
        try fixture.write("Lessons/02-ops/Tests/main.swift", "// hidden tests\n")
        try fixture.write("Lessons/02-ops/01-health/README.md", "# Health\n")
        try fixture.write("Lessons/02-ops/01-health/Starter/Health.swift", "// TODO(learner): health\n")
        try fixture.write(
            "Lessons/02-ops/01-health/Starter/main.swift.patch",
            "--- a/main.swift\n+++ b/main.swift\n@@ -1,1 +1,1 @@\n-print(\"shop\")\n+print(\"shop, ops\")\n")
        try fixture.write("Solutions/02-ops/01-health/Health.swift", "struct Health {}\n")
        return fixture
    }

    @Test func theFirstStarter_isTheNamedStepSolved_withItsOwnFilesPatchesAndRemovesLaidOver() throws {
        try withTemporaryDirectory { dir in
            let pack = try Self.create(at: dir).load()
            let first = try pack.findExercise("o01-health")
            #expect(pack.previousStep(of: first)?.id == "s02-second")
            #expect(
                try pack.starterFiles(of: first).texts == [
                    "main.swift": given + "print(\"shop, ops\")\n",
                    "Models.swift": given + "struct Item {}\n",
                    "Store.swift": given + "struct Store {}\n",
                    "Health.swift": "// TODO(learner): health\n",
                ])
            #expect(try pack.solvedFiles(of: first).texts["Health.swift"] == "struct Health {}\n")
        }
    }

    @Test func theManifestWriter_keepsStartsFrom() throws {
        let pack = try Pack.decode(manifest: Data(Self.manifest().utf8), root: URL(fileURLWithPath: "/pack"))
        let rendered = ManifestWriter.render(pack)
        #expect(rendered.contains("\"startsFrom\": \"s02-second\","))
        let again = try Pack.decode(manifest: Data(rendered.utf8), root: URL(fileURLWithPath: "/pack"))
        #expect(again.modules.map(\.startsFrom) == [nil, "s02-second"])
    }

    @Test func aFixToTheEarlierModulesGivenFile_reachesTheModuleThatStartsFromIt() throws {
        try withTemporaryDirectory { dir in
            let fixture = try Self.create(at: dir)
            try fixture.write(
                "Lessons/01-shop/01-first/Starter/Models.swift", "struct Item { var name: String }\n")
            let pack = try fixture.load()
            #expect(
                try pack.starterFiles(of: try pack.findExercise("o01-health")).texts["Models.swift"]
                    == given + "struct Item { var name: String }\n")
        }
    }

    @Test func aStartWithoutOverlays_aLaterStepAndAnUnknownStep_areRefusedNamingTheField() throws {
        let root = URL(fileURLWithPath: "/pack")
        let cases: [(String, String, String)] = [
            (
                "\"s02-second\"", "\"full\"",
                "only a module with \"starters\": \"overlays\" can start from another module's step; add that "
                    + "to the module or remove the field"
            ),
            (
                "\"o01-health\"", "\"overlays\"",
                "\"o01-health\" is not an exercise of a module before this one; name a step of an earlier "
                    + "module, whose solved files this module's first starter is laid over"
            ),
            (
                "\"s09-nowhere\"", "\"overlays\"",
                "\"s09-nowhere\" is not an exercise of a module before this one; name a step of an earlier "
                    + "module, whose solved files this module's first starter is laid over"
            ),
            ("2", "\"overlays\"", "expected the id of an exercise of an earlier module, found a number"),
        ]
        for (startsFrom, starters, reason) in cases {
            let manifest = Self.manifest(startsFrom: startsFrom, starters: starters)
            #expect(
                throws: PackError.invalidManifest(
                    file: "Lessons/pack.json", fieldPath: "modules[1].startsFrom", reason: reason)
            ) { try Pack.decode(manifest: Data(manifest.utf8), root: root) }
        }
    }

    @Test func devAdopt_writesTheFirstStepAsAnOverlayOfTheNamedStep() throws {
        try withTemporaryDirectory { dir in
            let fixture = try Self.create(at: dir)
            let pack = try fixture.load()
            let first = try pack.findExercise("o01-health")
            let edited = dir.appendingPathComponent("edited")
            try pack.writeStarter(of: first, into: edited)
            try writeFixture(
                "struct Item {}\nstruct Tag {}\n", to: edited.appendingPathComponent("Models.swift"))
            _ = try DevAdopt(pack: pack, home: dir).run(first, from: edited)
            let starter = dir.appendingPathComponent("Lessons/02-ops/01-health/Starter")
            #expect(
                Set(FileSystem.relativeFiles(below: starter))
                    == ["Health.swift", "main.swift.patch", "Models.swift.patch"])
            #expect(
                try fixture.load().starterFiles(of: first).texts["Models.swift"]
                    == given + "struct Item {}\nstruct Tag {}\n")
        }
    }
}
