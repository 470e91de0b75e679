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
}
