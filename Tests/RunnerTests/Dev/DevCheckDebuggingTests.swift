import Foundation
import Testing

@testable import Runner

/// The dev check of a debugging module, end to end. Part of `DevCheckTests`, so it shares its
/// serialized fixture. The rules one by one are in `DebuggingLintTests`; this proves they are
/// applied in a real run, where they pass and where they fail.
extension DevCheckTests {
    /// The fixture's module made a debugging module. hello01-greeting is a debugging exercise done
    /// right: a guard first, a starter without a marker whose placeholder greeting is the planted
    /// bug, and a variant that deletes the route, caught by the guard. hello02-shout is left as it
    /// is: a marker, no guard and no such variant.
    private static let debuggingModule: [String: String?] = {
        let files = DevCheckFixture.files
        let tests = "Lessons/01-hello/Tests/Greeting.swift"
        let main = "Lessons/01-hello/01-greeting/Starter/main.swift"
        let starter = "Lessons/01-hello/01-greeting/Starter/Greeting.swift"
        var changes: [String: String?] = [
            "Lessons/pack.json": files["Lessons/pack.json"]!.replacingOccurrences(
                of: "\"starters\": \"overlays\",",
                with: "\"starters\": \"overlays\",\n      \"kind\": \"debugging\","),
            starter: files[starter]!.replacingOccurrences(
                of: "    // TODO(learner): return \"Hello, world!\".\n", with: ""),
            tests: """
            import GraderKit

            let greeting = ExerciseTests("hello01-greeting") {
                Check("GET /hello is plain text") { t in
                    try t.http.get("/hello").expectStatus(200).expectContentType("text/plain")
                }.asGuard()
                Check("GET /hello answers 200 with Hello, world!", hint: "Return the exact text.") { t in
                    let response = try t.http.get("/hello").expectStatus(200)
                    try requireEqual(response.text, "Hello, world!", "the body", response: response)
                }
            }

            """,
        ]
        changes.merge(
            DevCheckFixture.variant(
                DebuggingLint.deletesTheFeature,
                [
                    "main.swift": files[main]!.replacingOccurrences(
                        of: "router.get(\"/hello\") { _ in .text(greeting()) }\n", with: ""),
                    "variant.json": DevCheckFixture.description(
                        "The /hello route is deleted.", caughtBy: "GET /hello is plain text"),
                ])
        ) { $1 }
        return changes
    }()

    @Test func aDebuggingModule_needsGuardsAndAVariantThatDeletesTheFeature_andNoTodoMarkers() async throws {
        let pack = try DevCheckFixture.pack(Self.debuggingModule)
        #expect(pack.modules.map(\.kind) == [.debugging])
        let result = try await DevCheckFixture.check(pack, only: ["hello01-greeting", "hello02-shout"])
        let greeting = result.exercises.first { $0.id == "hello01-greeting" }
        #expect(greeting?.problems == [])
        #expect(greeting?.starter == "fail")
        #expect(
            greeting?.variants.map(\.line) == [
                "hello01-greeting/deletes-the-feature caught by \"GET /hello is plain text\"",
                "hello01-greeting/lowercase caught by \"GET /hello answers 200 with Hello, world!\"",
            ])
        #expect(
            result.exercises.first { $0.id == "hello02-shout" }?.problems == [
                "Lessons/01-hello/02-shout/Starter/Shout.swift has a \"TODO(learner)\" marker, but module \"hello\" is a debugging module: the marker points at the planted bug, which the learner must find. Remove it.",
                "Exercise \"hello02-shout\" is in a debugging module but has no variant that deletes the feature: add Solutions/01-hello/02-shout/Variants/deletes-the-feature with a variant.json, the feature removed, caught by a guard check, to prove that deleting the feature is not a fix.",
                "Exercise \"hello02-shout\" is in a debugging module but has no guard check: mark the checks that guard the rest of the app with `.asGuard()`, so that deleting the feature is not a fix.",
            ])
    }
}
