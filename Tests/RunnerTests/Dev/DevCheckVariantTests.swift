import Foundation
import Testing

@testable import Runner

/// Known-wrong variants in the dev check: each must fail first at the check it names. Part of
/// `DevCheckTests`, so these cases share its serialized fixture.
extension DevCheckTests {
    private static let firstCheck = "GET /hello answers 200 with Hello, world!"
    private static let secondCheck = "GET /hello is plain text"
    private static let variants = "Solutions/01-hello/01-greeting/Variants"

    private func greeting(_ result: DevCheckResult) -> DevCheckResult.ExerciseResult? {
        result.exercises.first { $0.id == "hello01-greeting" }
    }

    private func lines(_ result: DevCheckResult) -> [String] {
        greeting(result)?.variants.map(\.line) ?? ["no result for hello01-greeting"]
    }

    private static func greetingFile(returning text: String) -> String {
        "/// The text GET /hello answers with.\nfunc greeting() -> String {\n    \(text)\n}\n"
    }

    private static let lowercasePatch = """
        --- a/Greeting.swift
        +++ b/Greeting.swift
        @@ -2,3 +2,3 @@
         func greeting() -> String {
        -    "Hello, world!"
        +    "hello, world!"
         }

        """

    @Test func aVariantWrittenAsAPatchOfTheSolution_isAssembled_andCaughtLikeAWholeFile() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "lowercase", ["Greeting.swift": nil, "Greeting.swift.patch": Self.lowercasePatch]))
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(result.problemCount == 0, "\(lines(result))")
        #expect(greeting(result)?.variants.first?.failedFirst == Self.firstCheck)
        #expect(result.ok)
    }

    @Test func aPatchThatNoLongerApplies_isNamedWithItsFile() async throws {
        let stale = Self.lowercasePatch.replacingOccurrences(
            of: "-    \"Hello, world!\"", with: "-    \"Hi!\"")
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant("lowercase", ["Greeting.swift": nil, "Greeting.swift.patch": stale]))
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            greeting(result)?.problems.first?.hasPrefix(
                "Solutions/01-hello/01-greeting/Variants/lowercase/Greeting.swift.patch does not apply to the solved Greeting.swift: "
            ) == true, "\(greeting(result)?.problems ?? [])")
        #expect(!result.ok)
    }

    @Test func aVariantThatPassesEveryCheck_failsTheDevCheck() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "lowercase", ["Greeting.swift": Self.greetingFile(returning: "\"Hello, \" + \"world!\"")]))
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            lines(result) == [
                "hello01-greeting/lowercase passes every check; \"GET /hello answers 200 with Hello, world!\" must fail for it (the mistake: The greeting is written in lower case.)"
            ])
        #expect(greeting(result)?.variants.map(\.outcome) == [.passed])
        #expect(result.problemCount == 1)
        #expect(!result.ok)
    }

    @Test func aVariantCaughtByAnotherCheck_failsTheDevCheck_sayingWhichCheckFailedFirst() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "lowercase",
                ["variant.json": DevCheckFixture.description("Lower case.", caughtBy: Self.secondCheck)]))
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            lines(result) == [
                "hello01-greeting/lowercase fails first at \"GET /hello answers 200 with Hello, world!\", not at \"GET /hello is plain text\" (which passes): GET /hello → expected the body to be \"Hello, world!\", got \"hello, world!\""
            ])
        #expect(greeting(result)?.variants.first?.failedFirst == Self.firstCheck)
        #expect(!result.ok)
    }

    @Test func variantDescriptionsWithMistakes_areReportedExactly() async throws {
        var changes: [String: String?] = [:]
        for (name, files) in [
            ("no-description", ["Greeting.swift": Self.greetingFile(returning: "\"a\"")]),
            (
                "bad-json",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"b\""),
                    "variant.json": "{\"description\": \"x\",}",
                ]
            ),
            (
                "no-check",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"c\""),
                    "variant.json": "{\"description\": \"x\"}",
                ]
            ),
            (
                "blank",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"d\""),
                    "variant.json": DevCheckFixture.description(" ", caughtBy: Self.firstCheck),
                ]
            ),
            (
                "wrong-file",
                [
                    "Greting.swift": Self.greetingFile(returning: "\"e\""),
                    "variant.json": DevCheckFixture.description("x", caughtBy: Self.firstCheck),
                ]
            ),
            (
                "unchanged",
                [
                    "Greeting.swift": DevCheckFixture.files["Solutions/01-hello/01-greeting/Greeting.swift"]!,
                    "variant.json": DevCheckFixture.description("x", caughtBy: Self.firstCheck),
                ]
            ),
            (
                "Bad_Name",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"f\""),
                    "variant.json": DevCheckFixture.description("x", caughtBy: Self.firstCheck),
                ]
            ),
            (
                "typo",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"g\""),
                    "variant.json": DevCheckFixture.description(
                        "x", caughtBy: "GET /hello answers 200 with Hello world"),
                ]
            ),
        ] {
            changes.merge(DevCheckFixture.variant(name, files)) { $1 }
        }
        changes[Self.variants + "/notes.txt"] = "A stray file."
        let result = try await DevCheckFixture.check(
            try DevCheckFixture.pack(changes), only: ["hello01-greeting"])
        let folder = Self.variants
        #expect(
            greeting(result)?.problems == [
                "\(folder)/Bad_Name: a variant's folder name must be lowercase letters, digits and '-', starting with a letter (it names a build target).",
                "\(folder)/bad-json/variant.json: line 1, column 21: invalid JSON: a comma before '}' (a trailing comma is not JSON)",
                "\(folder)/blank/variant.json: description: is blank; write the mistake a learner makes",
                "\(folder)/no-check/variant.json: missing field \"caughtBy\" (the exact name of the check that must catch it)",
                "\(folder)/no-description/variant.json: missing; write {\"description\": \"the mistake a learner makes, in one line\", \"caughtBy\": \"the exact name of the check that must catch it\"}",
                "\(folder)/notes.txt is not a variant: each variant is a folder holding variant.json and the files it replaces.",
                "\(folder)/unchanged is identical to the reference solution: it must make the mistake its variant.json describes.",
                "\(folder)/wrong-file/Greting.swift replaces nothing: the solved copy of hello01-greeting has no Greting.swift (it has Greeting.swift, Shout.swift, main.swift). Name the file as in the solved copy, or list it in \"adds\" of variant.json to add a new file.",
            ])
        #expect(
            lines(result) == [
                "hello01-greeting/lowercase caught by \"GET /hello answers 200 with Hello, world!\"",
                "hello01-greeting/typo: caughtBy in \(folder)/typo/variant.json names no check of hello01-greeting: \"GET /hello answers 200 with Hello world\". Did you mean \"GET /hello answers 200 with Hello, world!\"?",
            ])
        #expect(greeting(result)?.variants.map(\.outcome) == [.caught, .unknownCheck])
    }

    @Test func aVariantThatDoesNotCompile_isItsOwnProblem_andTheOtherVariantsAreStillGraded() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "broken",
                [
                    "Greeting.swift": Self.greetingFile(returning: "42"),
                    "variant.json": DevCheckFixture.description("Not a string.", caughtBy: Self.firstCheck),
                ]))
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        let found = lines(result)
        #expect(found.count == 2)
        #expect(
            found.first?.hasPrefix(
                "hello01-greeting/broken does not compile, so it tests no check:\nGreeting.swift:3:5: error: "
            ) == true)
        #expect(
            found.last == "hello01-greeting/lowercase caught by \"GET /hello answers 200 with Hello, world!\""
        )
        #expect(greeting(result)?.variants.map(\.outcome) == [.doesNotCompile, .caught])
        #expect(greeting(result)?.problems == [])
        #expect(greeting(result)?.solution == "pass")
    }

    @Test func aVariantWhoseServerDoesNotStart_isItsOwnProblem() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "no-server",
                [
                    "main.swift": "print(\"I forgot to start the server.\")\n",
                    "variant.json": DevCheckFixture.description("No server.", caughtBy: Self.firstCheck),
                ]))
        let result = try await DevCheckFixture.check(
            pack, only: ["hello01-greeting"], onlyVariants: ["hello01-greeting/no-server"])
        #expect(
            lines(result) == [
                "hello01-greeting/no-server: its server does not start, so it tests no check: Your server exited with status 0 before it started listening.\nIts last lines of output:\n    I forgot to start the server."
            ])
        #expect(greeting(result)?.variants.map(\.outcome) == [.serverDidNotRun])
    }

    @Test func onlyOneVariant_checksThatVariantAlone() async throws {
        let pack = try DevCheckFixture.pack(
            DevCheckFixture.variant(
                "shouting",
                [
                    "Greeting.swift": Self.greetingFile(returning: "\"HELLO, WORLD!\""),
                    "variant.json": DevCheckFixture.description("Capitals.", caughtBy: Self.firstCheck),
                ]))
        let result = try await DevCheckFixture.check(
            pack, only: ["hello01-greeting"],
            onlyVariants: ["hello01-greeting/shouting", "hello01-greeting/nope"])
        #expect(
            lines(result) == [
                "hello01-greeting/shouting caught by \"GET /hello answers 200 with Hello, world!\""
            ])
        #expect(
            result.problems == [
                "There is no variant \"hello01-greeting/nope\" (a folder Solutions/<exercise>/Variants/<name> with a variant.json)."
            ])
    }

    @Test func noVariants_skipsThem() async throws {
        let result = try await DevCheckFixture.check(
            try DevCheckFixture.pack(), only: ["hello01-greeting"], variants: false)
        #expect(result.exercises.flatMap(\.variants).isEmpty)
        #expect(result.ok)
    }

    @Test func minimumVariants_isARuleAPackSwitchesOn() async throws {
        let manifest = DevCheckFixture.files["Lessons/pack.json"]!.replacingOccurrences(
            of: "\"formatVersion\": 1,", with: "\"formatVersion\": 1,\n  \"minimumVariants\": 2,")
        let result = try await DevCheckFixture.check(
            try DevCheckFixture.pack(["Lessons/pack.json": manifest]),
            only: ["hello01-greeting", "hello02-shout"],
            variants: true)
        #expect(
            result.exercises.map(\.problems) == [
                [
                    "Exercise \"hello01-greeting\" has 1 variant; this pack asks for at least 2 (\"minimumVariants\" in pack.json). Add the mistakes learners really make under Solutions/01-hello/01-greeting/Variants/."
                ],
                [
                    "Exercise \"hello02-shout\" has 0 variants; this pack asks for at least 2 (\"minimumVariants\" in pack.json). Add the mistakes learners really make under Solutions/01-hello/02-shout/Variants/."
                ],
            ])
        let wrong = DevCheckFixture.files["Lessons/pack.json"]!.replacingOccurrences(
            of: "\"formatVersion\": 1,", with: "\"formatVersion\": 1,\n  \"minimumVariants\": -1,")
        let pack = try DevCheckFixture.pack(["Lessons/pack.json": wrong])
        #expect(
            PackRules.read(pack).problem
                == "Lessons/pack.json: minimumVariants: expected a whole number of 0 or more, found -1")
    }
}
