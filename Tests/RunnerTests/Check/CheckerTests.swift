import Foundation
import Grader
import Testing

@testable import Runner

/// `Checker` against a real pack, a real workspace build and a real grader: what it reports and
/// what it records in progress. The pack is the dev check fixture's, written to a folder of its own,
/// and the workspace keeps its `.build` between runs (one BackendKit build per fresh clone).
@Suite(.serialized) struct CheckerTests {
    static let root = DevCheckFixture.home.appendingPathComponent(
        ".build/backendlings/checker-fixture", isDirectory: true)
    let context: RunnerContext
    let greeting: Exercise

    init() throws {
        let packRoot = Self.root.appendingPathComponent("pack", isDirectory: true)
        try DevCheckFixture.write(DevCheckFixture.files, below: packRoot)
        let pack = try Pack.load(from: packRoot)
        let workspaceRoot = Self.root.appendingPathComponent("workspace", isDirectory: true)
        let manager = FileManager.default
        // A fresh learner each time: only SwiftPM's build folder is kept.
        for entry in (try? manager.contentsOfDirectory(atPath: workspaceRoot.path)) ?? []
        where entry != ".build" {
            try manager.removeItem(at: workspaceRoot.appendingPathComponent(entry))
        }
        let workspace = Workspace(root: workspaceRoot, pack: pack, home: DevCheckFixture.home)
        _ = try workspace.sync()
        context = RunnerContext(
            locations: Locations(home: DevCheckFixture.home, packRoot: packRoot, workspace: workspaceRoot),
            pack: pack, workspace: workspace)
        greeting = try #require(pack.exercise(id: "hello01-greeting"))
    }

    private func write(_ text: String, to file: String) throws {
        try text.write(
            to: context.workspace.folder(of: greeting).appendingPathComponent(file), atomically: true,
            encoding: .utf8)
    }

    private func recorded() throws -> ExerciseProgress? {
        try context.progressStore.load().value.exercises[greeting.id]
    }

    @Test func theStarter_failsAtItsCheck_andIsRecordedAsAFailedAttempt() async throws {
        let outcome = try await offThePool { [context, greeting] in
            try Checker(context: context).check(greeting)
        }
        #expect(!outcome.passed)
        #expect(outcome.report.status == .fail)
        #expect(outcome.report.firstFailure?.name == "GET /hello answers 200 with Hello, world!")
        #expect(outcome.report.firstFailure?.hint == "Return the exact text.")
        #expect(outcome.binary != nil)
        let progress = try #require(try recorded())
        #expect(progress.attempts == 1)
        #expect(progress.firstPassedAt == nil)
    }

    @Test func theSolution_passes_andIsRecordedAsPassedOnce() async throws {
        try write(
            DevCheckFixture.files["Solutions/01-hello/01-greeting/Greeting.swift"]!, to: "Greeting.swift")
        let outcome = try await offThePool { [context, greeting] in
            try Checker(context: context).check(greeting)
        }
        #expect(outcome.passed, "\(outcome.report)")
        #expect(try recorded()?.passedOnce == true)
    }

    @Test func aCheckThatDoesNotRecord_leavesProgressAlone() async throws {
        _ = try await offThePool { [context, greeting] in
            try Checker(context: context).check(greeting, record: false)
        }
        #expect(try recorded() == nil)
    }

    @Test func codeThatDoesNotCompile_isAnErrorQuotingTheCompiler_andNoServerIsChecked() async throws {
        try write("func greeting() -> String { 42 }\n", to: "Greeting.swift")
        let outcome = try await offThePool { [context, greeting] in
            try Checker(context: context).check(greeting)
        }
        #expect(outcome.report.status == .error)
        let message = try #require(outcome.report.message)
        #expect(message.hasPrefix("Your code does not compile yet. The compiler says:\n\n"))
        #expect(message.contains("Greeting.swift:1:"), "\(message)")
        // Every check is listed as not checked, so the exercise scores 0 of all its points.
        #expect(outcome.report.checks.map(\.status) == [.skipped, .skipped])
        #expect(
            outcome.report.checks.allSatisfy { $0.message == "Not checked: it needs your code to compile." })
        #expect(outcome.report.score == 0)
        #expect(outcome.report.maxScore == 2)
        #expect(outcome.binary == nil)
    }

    @Test func aCancelledCheck_throws_andRecordsNothing() async throws {
        let cancellation = Cancellation()
        cancellation.cancel()
        #expect(throws: CheckCancelled.self) {
            _ = try Checker(context: context).check(greeting, cancellation: cancellation)
        }
        #expect(try recorded() == nil)
    }

    @Test func aMissingExerciseFolder_isAnErrorNamingIt() async throws {
        try FileManager.default.removeItem(at: context.workspace.folder(of: greeting))
        #expect(throws: WorkspaceError.self) {
            _ = try Checker(context: context).check(greeting)
        }
    }

    /// The fixture pack with hello01-greeting comparing the learner's answer with the reference
    /// solution's, as a load check compares latencies.
    static var comparingFiles: [String: String] {
        var files = DevCheckFixture.files
        files["Lessons/pack.json"] = files["Lessons/pack.json"]!.replacingOccurrences(
            of: #""files": ["Greeting.swift"],"#,
            with: #""files": ["Greeting.swift"], "comparesWithReference": true, "comparesWithStarter": true,"#
        )
        files["Lessons/01-hello/Tests/Greeting.swift"] = files["Lessons/01-hello/Tests/Greeting.swift"]!
            .replacingOccurrences(
                of: "    Check(\"GET /hello is plain text\")",
                with: """
                        Check("GET /hello answers what the reference solution answers") { t in
                            let mine = try t.http.get("/hello").expectStatus(200)
                            let reference = try t.referenceHTTP().get("/hello").expectStatus(200)
                            try requireEqual(mine.text, reference.text, "the body", response: mine)
                        }
                        Check("the untouched starter still answers TODO") { t in
                            let starter = try t.starterHTTP().get("/hello").expectStatus(200)
                            try requireEqual(starter.text, "TODO", "the starter's body", response: starter)
                        }
                        Check("GET /hello is plain text")
                    """)
        return files
    }

    @Test func anExerciseThatComparesWithItsReferenceAndStarter_isGradedBesideBothBuilt() async throws {
        let packRoot = Self.root.appendingPathComponent("pack", isDirectory: true)
        try DevCheckFixture.write(Self.comparingFiles, below: packRoot)
        let pack = try Pack.load(from: packRoot)
        let exercise = try #require(pack.exercise(id: "hello01-greeting"))
        #expect(exercise.comparesWithReference)
        let comparing = RunnerContext(locations: context.locations, pack: pack, workspace: context.workspace)
        try write(
            DevCheckFixture.files["Solutions/01-hello/01-greeting/Greeting.swift"]!, to: "Greeting.swift")
        let outcome = try await offThePool { try Checker(context: comparing).check(exercise) }
        #expect(outcome.passed, "\(outcome.report)")
        #expect(
            outcome.report.checks.map(\.name) == [
                "GET /hello answers 200 with Hello, world!",
                "GET /hello answers what the reference solution answers",
                "the untouched starter still answers TODO",
                "GET /hello is plain text",
            ])
        let reference = GraderBuilder(pack: pack, home: DevCheckFixture.home).companionBinary(
            .reference, of: exercise)
        #expect(FileManager.default.isExecutableFile(atPath: reference.path))
        let starter = GraderBuilder(pack: pack, home: DevCheckFixture.home).companionBinary(
            .starter, of: exercise)
        #expect(FileManager.default.isExecutableFile(atPath: starter.path))

        // The learner's own greeting differs from the reference's: the comparing check says so.
        try write("func greeting() -> String { \"Hello, world!!\" }\n", to: "Greeting.swift")
        let differing = try await offThePool { try Checker(context: comparing).check(exercise) }
        let failed = differing.report.checks.first { $0.name.contains("reference solution") }
        #expect(failed?.status == .fail)
        #expect(failed?.message?.contains("Hello, world!") == true, "\(differing.report)")
    }
}
