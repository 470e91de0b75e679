import Foundation
import Testing

@testable import Runner

/// `dev mutants` on the fixture's shout exercise: three mutants, two killed by the 400 check, one
/// (`<=` turned into `<`) that no check notices. Part of `DevCheckTests`, so these cases share its
/// serialized fixture and package.
extension DevCheckTests {
    @Test func mutants_reportTheSurvivor_andTheMutantsAChecKills() async throws {
        let pack = try DevCheckFixture.pack()
        let exercise = try pack.findExercise("hello02-shout")
        let result = try await offThePool {
            try DevMutants(pack: pack, home: DevCheckFixture.home).run(exercise)
        }
        #expect(result.candidates == 3)
        #expect(
            result.mutants.map {
                "\($0.file):\($0.line) \($0.kind) \($0.outcome.rawValue) \($0.killedBy ?? "")"
            } == [
                "Solutions/01-hello/02-shout/Shout.swift:5 change a condition survived ",
                "Solutions/01-hello/02-shout/Shout.swift:6 swap a status code killed GET /shout without a text answers 400",
                "Solutions/01-hello/02-shout/Shout.swift:6 swap a status code killed GET /shout without a text answers 400",
            ])
        #expect(
            result.mutants.first?.diff == [
                "- guard let text = request.query[\"text\"], text.count <= 20 else {",
                "+ guard let text = request.query[\"text\"], text.count < 20 else {",
            ])
        #expect(result.killed == 2)
        #expect(result.survived == 1)
        #expect(result.notCompiling == 0)
    }

    @Test func mutants_thatDoNotCompile_areNotCounted_andTheSampleTakesEachOperatorInTurn() async throws {
        let pack = try DevCheckFixture.pack([
            "Solutions/01-hello/02-shout/Shout.swift": DevCheckFixture.shoutSolution.replacingOccurrences(
                of: "    throw HTTPError",
                with: "    print(\"A shout was refused.\")\n        throw HTTPError")
        ])
        var mutants = DevMutants(pack: pack, home: DevCheckFixture.home)
        mutants.maximum = 2
        let exercise = try pack.findExercise("hello02-shout")
        let plan = try mutants.plan(exercise)
        // Dropping the print survives; dropping the throw lets the guard fall through: no compile.
        #expect(plan.candidates == 5)
        #expect(plan.mutants.map(\.kind) == ["drop a statement", "swap a status code"])
        mutants.maximum = 60
        let mutantsToRun = mutants
        let result = try await offThePool { try mutantsToRun.run(exercise) }
        #expect(result.mutants.count == 5)
        #expect(
            result.mutants.filter { $0.kind == "drop a statement" }.map {
                "\($0.line) \($0.outcome.rawValue)"
            } == [
                "6 survived", "7 does-not-compile",
            ])
        #expect(result.killed == 2)
        #expect(result.survived == 2)
        #expect(result.notCompiling == 1)
        #expect(result.score == 0.5)
    }
}
