import Foundation
import Testing

@testable import Runner

/// The dev check against a real pack broken on purpose, one way at a time. Serialized: every case
/// shares the fixture's folder and its incrementally built package.
@Suite(.serialized) struct DevCheckTests {
    private let greetingStarter = "Lessons/01-hello/01-greeting/Starter/Greeting.swift"
    private let greetingSolution = "Solutions/01-hello/01-greeting/Greeting.swift"

    private func problems(_ result: DevCheckResult, _ id: String) -> [String] {
        result.exercises.first { $0.id == id }?.problems ?? ["no result for \(id)"]
    }

    @Test func aCorrectPack_isReady_andItsVariantIsCaught() async throws {
        let result = try await DevCheckFixture.check(try DevCheckFixture.pack())
        #expect(result.problems == [])
        #expect(result.exercises.map(\.problems) == [[], []])
        #expect(result.exercises.map(\.starter) == ["fail", "fail"])
        #expect(result.exercises.map(\.solution) == ["pass", "pass"])
        #expect(
            result.exercises.flatMap(\.variants).map(\.line) == [
                "hello01-greeting/lowercase caught by \"GET /hello answers 200 with Hello, world!\""
            ])
        #expect(result.exercises.flatMap(\.variants).map(\.outcome) == [.caught])
        #expect(result.ok)
        #if os(Linux)
            // Hundreds of programs are linked in a whole pack's check: each with lld, not gold.
            let plan = try String(
                contentsOf: DevCheckPackage(pack: try DevCheckFixture.pack(), home: DevCheckFixture.home)
                    .folder
                    .appendingPathComponent(".build/debug.yaml"), encoding: .utf8)
            let links = plan.components(separatedBy: "\n").filter { $0.contains("\"-emit-executable\"") }
            #expect(!links.isEmpty && links.allSatisfy { $0.contains("\"-use-ld=lld\"") })
        #endif
    }

    @Test func aStarterThatAlreadyPasses_isReported() async throws {
        let solved = DevCheckFixture.files[greetingSolution]!
        let pack = try DevCheckFixture.pack([
            greetingStarter: solved.replacingOccurrences(
                of: "func greeting", with: "// TODO(learner): done\nfunc greeting")
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            problems(result, "hello01-greeting") == [
                "The untouched starter PASSES every hidden check; it must fail at least one, or there is nothing to learn."
            ])
    }

    @Test func aSolutionThatFails_isReportedWithTheFailingCheck() async throws {
        let pack = try DevCheckFixture.pack([
            greetingSolution: DevCheckFixture.files[greetingSolution]!.replacingOccurrences(
                of: "\"Hello, world!\"", with: "\"Hello\"")
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            problems(result, "hello01-greeting") == [
                "The reference solution does not pass: \"GET /hello answers 200 with Hello, world!\": GET /hello → expected the body to be \"Hello, world!\", got \"Hello\""
            ])
    }

    @Test func aCheckThatComparesWithTheReference_withoutTheFlag_failsTheSolution_namingTheFlag() async throws
    {
        let tests = "Lessons/01-hello/Tests/Greeting.swift"
        let pack = try DevCheckFixture.pack([
            tests: DevCheckFixture.files[tests]!.replacingOccurrences(
                of: "let response = try t.http.get(\"/hello\").expectStatus(200)",
                with: "let response = try t.referenceHTTP().get(\"/hello\").expectStatus(200)")
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"], variants: false)
        let found = problems(result, "hello01-greeting")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "The reference solution does not pass: \"GET /hello answers 200 with Hello, world!\": This check compares your server with the reference solution, but the grader was started without --reference PATH."
            ) == true, "\(found)")
        #expect(found.first?.contains("\"comparesWithReference\": true in pack.json") == true)
    }

    @Test func aGuardCheck_mustPassOnTheStarter_andTheStarterMustFailSomethingElse() async throws {
        let tests = "Lessons/01-hello/Tests/Greeting.swift"
        let plainTextGuard = try DevCheckFixture.pack([
            tests: DevCheckFixture.files[tests]!.replacingOccurrences(
                of: ".expectContentType(\"text/plain\")\n    }",
                with: ".expectContentType(\"text/plain\")\n    }.asGuard()")
        ])
        let fine = try await DevCheckFixture.check(
            plainTextGuard, only: ["hello01-greeting"], variants: false)
        #expect(problems(fine, "hello01-greeting") == [])

        let helloGuard = try DevCheckFixture.pack([
            tests: DevCheckFixture.files[tests]!.replacingOccurrences(
                of:
                    "try requireEqual(response.text, \"Hello, world!\", \"the body\", response: response)\n    }",
                with:
                    "try requireEqual(response.text, \"Hello, world!\", \"the body\", response: response)\n    }.asGuard()"
            )
        ])
        let broken = try await DevCheckFixture.check(helloGuard, only: ["hello01-greeting"], variants: false)
        #expect(
            problems(broken, "hello01-greeting") == [
                "The untouched starter fails the guard check \"GET /hello answers 200 with Hello, world!\": GET /hello → expected the body to be \"Hello, world!\", got \"TODO\". A guard checks what already works, so it must pass on the starter; only the planted bug may fail.",
                "The untouched starter fails only guard checks: a check that the planted bug fails is missing.",
            ])
    }

    @Test func aMissingSolutionFile_isReported_andTheNextStepCannotBeAssembled() async throws {
        let pack = try DevCheckFixture.pack([greetingSolution: nil])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting", "hello02-shout"])
        let missing =
            "Solutions/01-hello/01-greeting/Greeting.swift is missing (the reference version of a file in \"files\" of exercise \"hello01-greeting\")."
        #expect(
            problems(result, "hello01-greeting") == [
                "Solutions/01-hello/01-greeting/Greeting.swift is missing: every file in \"files\" needs its reference version.",
                missing,
            ])
        #expect(
            problems(result, "hello02-shout") == [
                "The starter of \"hello02-shout\" is laid over \"hello01-greeting\" solved, which cannot be assembled (see the problems of hello01-greeting).",
                missing,
            ])
    }

    @Test func aStarterFileWithoutATodoMarker_isReported() async throws {
        let pack = try DevCheckFixture.pack([
            greetingStarter: DevCheckFixture.files[greetingStarter]!.replacingOccurrences(
                of: "    // TODO(learner): return \"Hello, world!\".\n", with: "")
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting"])
        #expect(
            problems(result, "hello01-greeting") == [
                "Lessons/01-hello/01-greeting/Starter/Greeting.swift has no \"TODO(learner)\" marker telling the learner what to write."
            ])
    }

    @Test func aStaleOverlayCopyOfAnInheritedFile_isReported() async throws {
        let main = DevCheckFixture.files["Lessons/01-hello/01-greeting/Starter/main.swift"]!
        let pack = try DevCheckFixture.pack([
            "Lessons/01-hello/02-shout/Starter/main.swift": main.replacingOccurrences(
                of: "router.get(\"/shout\")", with: "router.get(\"/shout/\")")
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello02-shout"])
        #expect(
            problems(result, "hello02-shout").first
                == "Lessons/01-hello/02-shout/Starter/main.swift replaces main.swift of hello01-greeting solved as a whole file; write what this step changes as main.swift.patch (`backendlings dev adopt hello02-shout FOLDER` does it), or delete the file to inherit it."
        )
    }

    @Test func aHiddenTestWithACompilerWarning_isReported() async throws {
        let tests = "Lessons/01-hello/Tests/Shout.swift"
        let pack = try DevCheckFixture.pack([
            tests: DevCheckFixture.files[tests]! + "func helper() {\n    var unused = 1\n}\n"
        ])
        let result = try await DevCheckFixture.check(pack, only: ["hello02-shout"])
        #expect(
            result.problems == [
                "A hidden test has a compiler warning: Lessons/01-hello/Tests/Shout.swift:13:9: warning: initialization of variable 'unused' was never used; consider replacing with assignment to '_' or removing it [#no-usage]"
            ])
    }

    @Test func anEnglishOnlyHiddenTestText_isAMissingTranslation_onlyInAPackThatSpeaksIndonesian()
        async throws
    {
        let tests = "Lessons/01-hello/Tests/Shout.swift"
        let englishOnly = DevCheckFixture.files[tests]!
        let manifest = DevCheckFixture.files["Lessons/pack.json"]!
        let speaksIndonesian = manifest.replacingOccurrences(
            of: #""formatVersion": 1,"#, with: #""formatVersion": 1, "languages": ["en", "id"],"#)
        #expect(speaksIndonesian != manifest)

        let indonesianPack = try DevCheckFixture.pack([
            "Lessons/pack.json": speaksIndonesian, tests: englishOnly,
        ])
        let found = try await DevCheckFixture.check(indonesianPack, only: ["hello02-shout"], variants: false)
        // The two check names and the `what` of requireEqual have no Indonesian.
        #expect(
            found.problems.filter { $0.contains("Tests/Shout.swift") } == [
                #"Missing Bahasa Indonesia translation: Lessons/01-hello/Tests/Shout.swift:4:5 (write Words("…", id: "…"))"#,
                #"Missing Bahasa Indonesia translation: Lessons/01-hello/Tests/Shout.swift:6:51 (write Words("…", id: "…"))"#,
                #"Missing Bahasa Indonesia translation: Lessons/01-hello/Tests/Shout.swift:8:5 (write Words("…", id: "…"))"#,
            ])

        let englishPack = try DevCheckFixture.pack(["Lessons/pack.json": manifest, tests: englishOnly])
        let quiet = try await DevCheckFixture.check(englishPack, only: ["hello02-shout"], variants: false)
        #expect(!quiet.problems.contains { $0.contains("Missing") }, "\(quiet.problems)")
    }

    @Test func unformattedCode_isReportedByTheFormatRule() async throws {
        let pack = try DevCheckFixture.pack([
            greetingSolution:
                "/// The text GET /hello answers with.\nfunc greeting() -> String {\n  \"Hello, world!\"\n}\n"
        ])
        let found = FormatLint(pack: pack, home: DevCheckFixture.home).problems()
        #expect(
            found == [
                "Not formatted (run `swift format -i -r Lessons Solutions`): Solutions/01-hello/01-greeting/Greeting.swift:3:1: warning: [Indentation] indent by 2 spaces"
            ])
    }
}
