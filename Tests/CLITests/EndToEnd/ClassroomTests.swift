import Foundation
import Grader
import Runner
import Testing

@testable import backendlings

/// `dev classroom` writes a GitHub Classroom workflow whose every command is one this CLI accepts,
/// and `check --points` is what each of its tests runs.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct ClassroomTests {
    @Test func devClassroom_writesAWorkflow_withOneTestPerExercise_worthItsChecks() async throws {
        let pack = try E2EFixture.pack("pack-two", secondExercise: true)
        let repository = E2EFixture.root.appendingPathComponent("classroom-template")
        try? FileManager.default.removeItem(at: repository)
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        try ".build\n/workspace/\n*.swp\n".write(
            to: repository.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)

        let (status, output) = try await E2EFixture.run([
            "--pack", pack.path, "dev", "classroom", "--output", repository.path,
        ])
        #expect(status == 0, "\(output)")
        #expect(output.contains("2 exercises, 2 points in all (one per check)."), "\(output)")
        #expect(
            try String(contentsOf: repository.appendingPathComponent(".gitignore"), encoding: .utf8)
                == ".build\n*.swp\n")
        let file = repository.appendingPathComponent(".github/workflows/classroom.yml")
        let workflow = try #require(try Self.parsedYAML(file))

        #expect(workflow["name"] as? String == "Autograding Tests")
        #expect(workflow["on"] as? [String] == ["push", "repository_dispatch", "workflow_dispatch"])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        #expect(Array(jobs.keys) == ["run-autograding-tests"])
        let job = try #require(jobs["run-autograding-tests"] as? [String: Any])
        #expect(job["runs-on"] as? String == "ubuntu-latest")
        let steps = try #require(job["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }.joined(separator: "\n")
        #expect(runs.contains("libsqlite3-dev libssl-dev"))
        #expect(runs.contains("swiftly install --use --assume-yes 6.3"))
        #expect(runs.contains("swift build --product backendlings"))

        let graded = steps.filter {
            ($0["uses"] as? String) == "classroom-resources/autograding-command-grader@v1"
        }
        let inputs = graded.compactMap { $0["with"] as? [String: Any] }
        #expect(inputs.map { $0["test-name"] as? String } == ["hello01-greeting", "hello02-again"])
        #expect(inputs.map { $0["max-score"] as? Int } == [1, 1])
        #expect(inputs.map { $0["timeout"] as? Int } == [15, 15])
        for (input, id) in zip(inputs, ["hello01-greeting", "hello02-again"]) {
            let words = try #require(input["command"] as? String).split(separator: " ").map(String.init)
            #expect(words.first == ClassroomWorkflow.binary)
            let parsed = CommandLineParser().parse(Array(words.dropFirst()))
            #expect(parsed == .run(Invocation(.check(exercise: id, json: false, points: true))))
        }

        let reporter = try #require(steps.last)
        #expect(reporter["uses"] as? String == "classroom-resources/autograding-grading-reporter@v1")
        let ids = graded.compactMap { $0["id"] as? String }
        #expect(ids == ["hello01greeting", "hello02again"])
        #expect((reporter["with"] as? [String: Any])?["runners"] as? String == ids.joined(separator: ","))
        let environment = try #require(reporter["env"] as? [String: String])
        #expect(environment["HELLO01GREETING_RESULTS"] == "${{steps.hello01greeting.outputs.result}}")
        #expect(environment.count == 2)
    }

    @Test func checkWithPoints_endsWithThePointsLine_andExitsByTheVerdict() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-classroom")
        _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        let failing = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check", "hello01-greeting", "--points",
        ])
        #expect(failing.status == 1, "\(failing.output)")
        #expect(failing.output.hasSuffix("\nPoints 0/1\n"), "\(failing.output)")
        try E2EFixture.solvedGreeting.write(
            to: workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
            encoding: .utf8)
        let passing = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check", "hello01-greeting", "--points",
        ])
        #expect(passing.status == 0, "\(passing.output)")
        #expect(passing.output.hasSuffix("\nPoints 1/1\n"), "\(passing.output)")
    }

    @Test func aCompileError_scoresZeroOfEveryCheck_inEveryFormat() async throws {
        let pack = try E2EFixture.pack()
        let workspace = try E2EFixture.freshWorkspace("workspace-classroom-broken")
        _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        try E2EFixture.brokenGreeting.write(
            to: workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
            encoding: .utf8)
        let results = workspace.appendingPathComponent("results.json")
        let junit = workspace.appendingPathComponent("junit.xml")
        let text = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check", "hello01-greeting", "--points",
            "--results-json", results.path, "--junit", junit.path,
        ])
        #expect(text.status == 1, "\(text.output)")
        #expect(text.output.contains("Your code does not compile yet. The compiler says:"), "\(text.output)")
        #expect(text.output.contains("\n\nThe check did not run · score 0/1\n"), "\(text.output)")
        #expect(text.output.hasSuffix("\nPoints 0/1\n"), "\(text.output)")

        let exercism = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
        #expect(exercism["status"] as? String == "error")
        #expect(exercism["score"] as? Int == 0)
        #expect(exercism["max_score"] as? Int == 1)
        let tests = try #require(exercism["tests"] as? [[String: Any]])
        #expect(tests.map { $0["status"] as? String } == ["error"])
        #expect(tests.first?["message"] as? String == "Not checked: it needs your code to compile.")

        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(
            xml.contains(
                #"<testsuite name="hello01-greeting" tests="2" failures="0" errors="1" skipped="1""#),
            "\(xml)")

        let json = try await E2EFixture.run([
            "--pack", pack.path, "--workspace", workspace.path, "check", "hello01-greeting", "--json",
        ])
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any], "\(json.output)"
        )
        #expect(report["status"] as? String == "error")
        #expect(report["score"] as? Int == 0)
        #expect(report["maxScore"] as? Int == 1)
        #expect((report["checks"] as? [[String: Any]])?.map { $0["status"] as? String } == ["skipped"])
    }

    @Test func theLessonsWorkflow_namesEveryExercise_andEveryCommandParses() throws {
        let pack = try Pack.load(from: E2EFixture.home)
        let points = Dictionary(uniqueKeysWithValues: pack.exercises.enumerated().map { ($1.id, $0 + 1) })
        let workflow = try ClassroomWorkflow(pack: pack, points: points)
        #expect(workflow.steps.map(\.exercise) == pack.exercises.map(\.id))
        #expect(Set(workflow.steps.map(\.id)).count == pack.exercises.count)
        let yaml = workflow.yaml()
        for step in workflow.steps {
            #expect(
                yaml.contains(
                    "          test-name: \"\(step.exercise)\"\n          command: \"\(workflow.command(step))\""
                ))
            #expect(yaml.contains("          max-score: \(points[step.exercise]!)\n"))
            #expect(
                CommandLineParser().parse(step.arguments)
                    == .run(Invocation(.check(exercise: step.exercise, json: false, points: true))))
        }
    }

    /// The workflow as JSON-like values, read by PyYAML (a real YAML parser). Nil, with the reason
    /// recorded, when python3 or PyYAML is missing (install it with `pip install PyYAML`).
    static func parsedYAML(_ file: URL) throws -> [String: Any]? {
        let script = "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))"
        let (status, output) = try ChildProcess.run(
            executable: "/usr/bin/env", arguments: ["python3", "-c", script, file.path],
            timeout: .seconds(30),
            standardError: .separate)
        guard status == .exited(0) else {
            Issue.record(
                "python3 with PyYAML is needed to parse the workflow (pip install PyYAML): \(output.text)")
            return nil
        }
        return try JSONSerialization.jsonObject(with: Data(output.text.utf8)) as? [String: Any]
    }
}
