import Foundation
import Testing

@testable import Runner

/// Every kind of mistake in `pack.json` gets a message naming the file, the field and the problem.
struct ManifestErrorTests {
    static let base = """
        {
          "formatVersion": 1,
          "name": "Fixture",
          "modules": [
            {
              "id": "databases",
              "title": "Databases",
              "path": "01-databases",
              "exercises": [
                {"id": "db01-schema", "title": "Schema", "path": "01-schema", "files": ["BookStore.swift"], "hints": ["H1"]},
                {"id": "db02-queries", "title": "Queries", "path": "02-queries", "files": ["Queries.swift"], "hints": ["H2"]},
                {"id": "db03-joins", "title": "Joins", "path": "03-joins", "files": ["Joins.swift"], "hints": ["H3"]}
              ]
            },
            {
              "id": "auth",
              "title": "Accounts",
              "path": "02-auth",
              "exercises": [{"id": "auth01-passwords", "title": "Passwords", "path": "01-passwords", "files": ["Passwords.swift"], "hints": ["H4"]}]
            }
          ]
        }
        """

    static let hidden = "(no leading \"/\", no \"..\" and no hidden \".name\" parts)"

    static let cases: [(String, String, String)] = [
        (
            #""hints": ["H3"]"#, #""hints": 3"#,
            "Lessons/pack.json: modules[0].exercises[2].hints: expected an array of strings, found a number"
        ),
        (
            #""hints": ["H3"]"#, #""hints": ["H3", 4]"#,
            "Lessons/pack.json: modules[0].exercises[2].hints[1]: expected a string, found a number"
        ),
        (
            #""hints": ["H3"]"#, #""hints": []"#,
            "Lessons/pack.json: modules[0].exercises[2].hints: expected at least one hint, found an empty array"
        ),
        (#""title": "Databases","#, "", #"Lessons/pack.json: modules[0]: missing field "title""#),
        (#", "hints": ["H2"]"#, "", #"Lessons/pack.json: modules[0].exercises[1]: missing field "hints""#),
        (
            #""id": "db02-queries""#, #""id": "DB02""#,
            #"Lessons/pack.json: modules[0].exercises[1].id: expected an id of lowercase letters, digits and "-" "#
                + #"that starts with a letter, found "DB02""#
        ),
        (
            #""id": "auth01-passwords""#, #""id": "db01-schema""#,
            #"Lessons/pack.json: modules[1].exercises[0].id: "db01-schema" is already used at "#
                + "modules[0].exercises[0].id; ids must be unique across the pack"
        ),
        (
            #""id": "auth","#, #""id": "db02-queries","#,
            #"Lessons/pack.json: modules[1].id: "db02-queries" is already used at modules[0].exercises[1].id; "#
                + "ids must be unique across the pack"
        ),
        (
            #""path": "02-queries""#, #""path": "../escape""#,
            #"Lessons/pack.json: modules[0].exercises[1].path: expected a relative folder path like "01-schema" "#
                + hidden + #", found "../escape""#
        ),
        (
            #""path": "02-auth""#, #""path": "/abs""#,
            #"Lessons/pack.json: modules[1].path: expected a relative folder path like "01-databases" "#
                + hidden + #", found "/abs""#
        ),
        (
            #""path": "02-auth""#, #""path": "01-databases""#,
            #"Lessons/pack.json: modules[1].path: "01-databases" is already the folder of modules[0]; "#
                + "each module needs its own folder"
        ),
        (
            #""path": "03-joins""#, #""path": "01-schema""#,
            #"Lessons/pack.json: modules[0].exercises[2].path: "01-schema" is already the folder of "#
                + "modules[0].exercises[0]; each exercise needs its own folder"
        ),
        (
            #""files": ["Joins.swift"]"#, #""files": []"#,
            "Lessons/pack.json: modules[0].exercises[2].files: expected at least one file path, found an empty array"
        ),
        (
            #""files": ["Joins.swift"]"#, #""files": "Joins.swift""#,
            "Lessons/pack.json: modules[0].exercises[2].files: expected an array of strings, found a string"
        ),
        (
            #""files": ["Joins.swift"]"#, #""files": ["../Joins.swift"]"#,
            #"Lessons/pack.json: modules[0].exercises[2].files[0]: expected a file path relative to Starter/ like "#
                + #""BookStore.swift" "# + hidden + #", found "../Joins.swift""#
        ),
        (
            #""name": "Fixture","#, #""name": 7,"#,
            "Lessons/pack.json: name: expected a string, found a number"
        ),
        (
            #""name": "Fixture","#, #""name": " ","#,
            "Lessons/pack.json: name: expected some text, found an empty string"
        ),
        (
            #""formatVersion": 1"#, #""formatVersion": "1""#,
            "Lessons/pack.json: formatVersion: expected a whole number, found a string"
        ),
        (
            #""formatVersion": 1"#, #""formatVersion": 0"#,
            "Lessons/pack.json: formatVersion: expected a format version of 1 or more, found 0"
        ),
        (
            #""exercises": [{"id": "auth01-passwords""#,
            #""exercises": null, "x": [{"id": "auth01-passwords""#,
            "Lessons/pack.json: modules[1].exercises: expected an array of exercises, found null"
        ),
        (
            #""path": "02-auth","#, #""path": "02-auth", "starters": "copies","#,
            #"Lessons/pack.json: modules[1].starters: expected "full" or "overlays", found a string"#
        ),
        (
            #""path": "02-auth","#, #""path": "02-auth", "kind": "bugfix","#,
            #"Lessons/pack.json: modules[1].kind: expected "build" (the learner finishes each starter) or "#
                + #""debugging" (the learner finds the bug planted in it), found "bugfix""#
        ),
        (
            #""path": "02-auth","#, #""path": "02-auth", "kind": true,"#,
            #"Lessons/pack.json: modules[1].kind: expected "build" or "debugging", found true"#
        ),
        (
            #""files": ["Queries.swift"], "hints""#,
            #""files": ["Queries.swift"], "removes": ["main.swift"], "hints""#,
            #"Lessons/pack.json: modules[0].exercises[1].removes: only a module with "starters": "overlays" can "#
                + "say which files a step removes; add that to the module or remove the field"
        ),
        (
            #""files": ["Queries.swift"], "hints""#,
            #""files": ["Queries.swift"], "removes": ["/x"], "hints""#,
            #"Lessons/pack.json: modules[0].exercises[1].removes[0]: expected a file path relative to Starter/ "#
                + #"like "BookStore.swift" "# + hidden + #", found "/x""#
        ),
        (
            #""files": ["Queries.swift"], "hints""#,
            #""files": ["Queries.swift"], "comparesWithReference": "yes", "hints""#,
            "Lessons/pack.json: modules[0].exercises[1].comparesWithReference: expected true or false, found a string"
        ),
    ]

    private func decode(_ text: String) throws(PackError) -> Pack {
        try Pack.decode(manifest: Data(text.utf8), root: URL(fileURLWithPath: "/pack"))
    }

    @Test func baseManifest_decodesEveryModuleAndExerciseInOrder() throws {
        let pack = try decode(Self.base)
        #expect(pack.name == "Fixture")
        #expect(pack.modules.map(\.id) == ["databases", "auth"])
        #expect(
            pack.exercises.map(\.id) == ["db01-schema", "db02-queries", "db03-joins", "auth01-passwords"])
        #expect(pack.exercises[3].relativePath == "02-auth/01-passwords")
        #expect(pack.exercises[2].files == ["Joins.swift"])
    }

    @Test
    func comparesWithReferenceAndStarter_areReadForTheExercisesThatSayIt_andWrittenBackByTheManifestWriter()
        throws
    {
        let text = Self.base.replacingOccurrences(
            of: #""files": ["Joins.swift"], "hints""#,
            with: #""files": ["Joins.swift"], "comparesWithReference": true, "hints""#
        )
        .replacingOccurrences(
            of: #""files": ["BookStore.swift"], "hints""#,
            with: #""files": ["BookStore.swift"], "comparesWithStarter": true, "hints""#)
        let pack = try decode(text)
        #expect(pack.exercises.map(\.comparesWithReference) == [false, false, true, false])
        #expect(pack.exercises.map(\.comparesWithStarter) == [true, false, false, false])
        let rendered = ManifestWriter.render(pack)
        #expect(rendered.components(separatedBy: #""comparesWithReference": true"#).count == 2)
        #expect(rendered.components(separatedBy: #""comparesWithStarter": true"#).count == 2)
        let again = try decode(rendered)
        #expect(again.exercises.map(\.comparesWithReference) == [false, false, true, false])
        #expect(again.exercises.map(\.comparesWithStarter) == [true, false, false, false])
    }

    @Test(arguments: cases)
    func wrongField_isNamedWithItsPath(_ testCase: (String, String, String)) throws {
        let (old, new, expected) = testCase
        #expect(Self.base.components(separatedBy: old).count == 2, "fixture text must occur once: \(old)")
        let text = Self.base.replacingOccurrences(of: old, with: new)
        #expect(throws: PackError.self) { try decode(text) }
        do {
            _ = try decode(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func removesOnTheFirstExerciseOfAnOverlayModule_isRefused() throws {
        let text = Self.base.replacingOccurrences(
            of: #""path": "01-databases","#, with: #""path": "01-databases", "starters": "overlays","#
        ).replacingOccurrences(
            of: #""files": ["BookStore.swift"], "hints""#,
            with: #""files": ["BookStore.swift"], "removes": ["x.swift"], "hints""#)
        #expect(
            throws: PackError.invalidManifest(
                file: "Lessons/pack.json", fieldPath: "modules[0].exercises[0].removes",
                reason:
                    "the first exercise of a module holds its whole starter, so there is no previous step "
                    + "to remove files from; remove the field")
        ) { try decode(text) }
        let overlays = try decode(
            Self.base.replacingOccurrences(
                of: #""path": "01-databases","#, with: #""path": "01-databases", "starters": "overlays","#))
        #expect(overlays.modules.map(\.starters) == [.overlays, .full])
    }

    @Test func invalidJSON_namesLineAndColumn() throws {
        let text = Self.base.replacingOccurrences(of: #""name": "Fixture","#, with: #""name": "Fixture""#)
        let error = try #require(throws: PackError.self) { try decode(text) }
        #expect(
            error.description
                == "Lessons/pack.json: line 4, column 3: invalid JSON: expected ',' or '}', found '\"'")
    }

    @Test func trailingComma_isInvalidJSONAtTheBracket() throws {
        let error = try #require(throws: PackError.self) { try decode("{\n  \"modules\": [1,]\n}") }
        #expect(
            error.description
                == "Lessons/pack.json: line 2, column 17: invalid JSON: a comma before ']' (a trailing comma is not JSON)"
        )
    }

    @Test func duplicateKey_isInvalidJSON() throws {
        let error = try #require(throws: PackError.self) { try decode(#"{"name": "a", "name": "b"}"#) }
        #expect(
            error.description
                == #"Lessons/pack.json: line 1, column 15: invalid JSON: the member "name" appears twice in the same object"#
        )
    }

    @Test func emptyFile_isInvalidJSON() throws {
        let error = try #require(throws: PackError.self) { try decode("  \n") }
        #expect(
            error.description
                == "Lessons/pack.json: line 2, column 1: invalid JSON: there is no JSON value, only the end of the file"
        )
    }

    @Test func topLevelArray_isRefused() throws {
        let error = try #require(throws: PackError.self) { try decode("[]") }
        #expect(
            error.description == "Lessons/pack.json: expected a JSON object at the top level, found an array")
    }

    @Test func emptyModules_isRefused() throws {
        let error = try #require(throws: PackError.self) {
            try decode(#"{"formatVersion": 1, "name": "x", "modules": []}"#)
        }
        #expect(
            error.description
                == "Lessons/pack.json: modules: expected at least one module, found an empty array")
    }

    @Test func newerFormatVersion_isRefusedBeforeAnyOtherField() throws {
        let error = try #require(throws: PackError.self) {
            try decode(#"{"formatVersion": 2, "modules": "a shape this build does not know"}"#)
        }
        #expect(error == .newerFormat(found: 2, supported: 1))
        #expect(
            error.description
                == "This lesson pack uses format 2, but this backendlings understands formats up to 1. "
                + "Update backendlings (git pull), then run it again.")
    }

    @Test func escapedStrings_andUnicode_areDecoded() throws {
        let text = Self.base.replacingOccurrences(
            of: #""name": "Fixture","#, with: #""name": "Caf\u00e9 \"\ud83d\ude00\"","#)
        #expect(try decode(text).name == "Café \"😀\"")
    }
}
