import Foundation
import Testing

/// Every kind of bad input gets one clear message and a non-zero exit, and nothing is overwritten.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct BadInputTests {
    @Test func unknownCommand_exits64_andSuggestsTheClosest() async throws {
        let (status, output) = try await E2EFixture.run(["chek"])
        #expect(status == 64)
        #expect(output.contains("Unknown command 'chek'. Did you mean 'check'?"))
    }

    @Test func unknownExercise_exits64_andSuggestsTheClosest() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-bad-input")
        _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        let (status, output) = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check", "hello01-greting",
        ])
        #expect(status == 64)
        #expect(output.contains("Did you mean \"hello01-greeting\"?"), "\(output)")
    }

    @Test func packPathThatDoesNotExist_saysWhereItLooked() async throws {
        let (status, output) = try await E2EFixture.run(["--pack", "/nonexistent/pack", "list"])
        #expect(status == 2)
        #expect(output.contains("/nonexistent/pack"))
    }

    @Test func brokenManifest_namesTheFileAndTheField() async throws {
        let pack = try E2EFixture.pack("pack-broken")
        let manifest = pack.appendingPathComponent("Lessons/pack.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(
            of: "\"title\": \"Say hello\",", with: "")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let (status, output) = try await E2EFixture.run(["--pack", pack.path, "list"])
        #expect(status == 2)
        #expect(output.contains("Lessons/pack.json"), "\(output)")
        #expect(output.contains("modules[0].exercises[0]"), "\(output)")
        #expect(output.contains("title"), "\(output)")
    }

    @Test func newerFormatVersion_isRefusedWithAClearMessage() async throws {
        let pack = try E2EFixture.pack("pack-newer")
        let manifest = pack.appendingPathComponent("Lessons/pack.json")
        let text = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(
            of: "\"formatVersion\": 1", with: "\"formatVersion\": 9")
        try text.write(to: manifest, atomically: true, encoding: .utf8)
        let (status, output) = try await E2EFixture.run(["--pack", pack.path, "list"])
        #expect(status == 2)
        #expect(output.contains("format 9"), "\(output)")
    }

    @Test func checkWithoutAWorkspace_saysHowToCreateOne() async throws {
        let pack = try E2EFixture.pack()
        let missing = E2EFixture.root.appendingPathComponent("no-such-workspace")
        try? FileManager.default.removeItem(at: missing)
        let (status, output) = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", missing.path, "check",
        ])
        #expect(status == 2)
        #expect(output.contains("Run `swift run backendlings` to create it."))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func deletedExerciseFolder_pointsAtReset() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-bad-input")
        _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("01-hello/01-greeting"))
        let (status, output) = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check",
        ])
        #expect(status == 2)
        #expect(output.contains("backendlings reset hello01-greeting"), "\(output)")
        let reset = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "reset", "hello01-greeting",
        ])
        #expect(reset.status == 0, "\(reset.output)")
        #expect(
            FileManager.default.fileExists(
                atPath: workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift").path))
    }

    @Test func anExerciseNewInThePack_isAddedToAnExistingWorkspace_whenChecked() async throws {
        let pack = try E2EFixture.pack("pack-grown")
        let workspace = try E2EFixture.freshWorkspace("workspace-grown")
        let options = ["--pack", pack.path, "--workspace", workspace.path]
        _ = try await E2EFixture.run(options)
        let learnerFile = workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift")
        try "// mine\n".appending(E2EFixture.starterGreeting).write(
            to: learnerFile, atomically: true, encoding: .utf8)

        _ = try E2EFixture.pack("pack-grown", secondExercise: true)
        let (status, output) = try await E2EFixture.run(options + ["check", "hello02-again"])
        #expect(status == 1, "\(output)")
        #expect(output.contains("Added the new exercise hello02-again to your workspace."), "\(output)")
        #expect(output.contains("FAIL GET /hello answers 200"), "\(output)")
        #expect(try String(contentsOf: learnerFile, encoding: .utf8).hasPrefix("// mine\n"))
    }

    @Test func corruptProgress_isMovedAsideAndNamed_thenRebuiltByRechecking() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-bad-input")
        let options = ["--pack", pack.path, "--workspace", workspace.path]
        _ = try await E2EFixture.run(options)
        try E2EFixture.solvedGreeting.write(
            to: workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
            encoding: .utf8)
        #expect(try await E2EFixture.run(options + ["check"]).status == 0)

        let progress = workspace.appendingPathComponent(".backendlings/progress.json")
        try "{ not json".write(to: progress, atomically: true, encoding: .utf8)
        let (status, output) = try await E2EFixture.run(options + ["list"])
        #expect(status == 0)
        #expect(output.contains("progress.json.corrupt-"), "\(output)")
        let moved = try FileManager.default.contentsOfDirectory(
            atPath: workspace.appendingPathComponent(".backendlings").path
        )
        .filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(moved.count == 1)

        // The next watch session re-checks every exercise before it needs a terminal.
        let watch = try await E2EFixture.run(options + ["watch"])
        #expect(watch.output.contains("Checking every exercise to rebuild your progress"), "\(watch.output)")
        let rebuilt = try await E2EFixture.run(options + ["progress", "--json"]).output
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rebuilt.utf8)) as? [String: Any])
        #expect(json["done"] as? Int == 1, "\(rebuilt)")
    }
}
