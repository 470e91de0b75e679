import Foundation
import Testing

/// What an instructor does with the real binary: grade collected workspaces into files.
@Suite(.serialized, .timeLimit(.minutes(10)))
struct InstructorTests {
    @Test func devGrade_gradesEveryWorkspace_writesSummaries_andLeavesProgressAlone() async throws {
        let pack = try E2EFixture.pack()
        let solved = try E2EFixture.freshWorkspace("grade-ayu")
        let untouched = try E2EFixture.freshWorkspace("grade-budi")
        let broken = try E2EFixture.freshWorkspace("grade-cici")
        for workspace in [solved, untouched, broken] {
            _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
        }
        try E2EFixture.solvedGreeting.write(
            to: solved.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
            encoding: .utf8)
        try E2EFixture.brokenGreeting.write(
            to: broken.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
            encoding: .utf8)
        let progressBefore = try Data(
            contentsOf: solved.appendingPathComponent(".backendlings/progress.json"))
        let output = E2EFixture.root.appendingPathComponent("grades")
        try? FileManager.default.removeItem(at: output)

        let (status, text) = try await E2EFixture.run([
            "--pack", pack.path, "dev", "grade", solved.path, untouched.path, broken.path, "--output",
            output.path,
        ])
        #expect(status == 0, "\(text)")
        #expect(text.contains("grade-ayu: 1 of 1 exercises pass, score 1/1"), "\(text)")
        #expect(text.contains("grade-budi: 0 of 1 exercises pass, score 0/1"), "\(text)")
        // Code that does not build scores 0 of all its checks, never 0 of 0.
        #expect(text.contains("grade-cici: 0 of 1 exercises pass, score 0/1"), "\(text)")

        let csv = try String(contentsOf: output.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(
            csv == """
                workspace,exercise,status,score,max_score
                grade-ayu,hello01-greeting,pass,1,1
                grade-budi,hello01-greeting,fail,0,1
                grade-cici,hello01-greeting,error,0,1

                """)
        let results = try Data(
            contentsOf: output.appendingPathComponent("grade-budi/hello01-greeting.results.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: results) as? [String: Any])
        #expect(json["version"] as? Int == 3)
        #expect(json["status"] as? String == "fail")
        #expect(
            try Data(contentsOf: solved.appendingPathComponent(".backendlings/progress.json"))
                == progressBefore)
    }

    /// Three learners who submitted the same code are graded by one run of the checks; a fourth
    /// whose code differs (by a comment) gets its own. The learner's code counts the requests it
    /// answers.
    @Test func devGrade_gradesIdenticalCodeOnce_andGivesEveryoneItsReport() async throws {
        let pack = try E2EFixture.pack()
        let calls = E2EFixture.root.appendingPathComponent("grade-calls-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: calls) }
        func counting(_ comment: String) -> String {
            """
            import Foundation

            /// The text GET /hello answers with; each call adds a line to a log the test reads.\(comment)
            func greeting() -> String {
                if let log = FileHandle(forWritingAtPath: "\(calls.path)") {
                    log.seekToEndOfFile()
                    log.write(Data("call\\n".utf8))
                    try? log.close()
                }
                return "Hello, world!"
            }

            """
        }
        let names = ["grade-dewi", "grade-eko", "grade-fajar", "grade-gita"]
        var workspaces: [URL] = []
        for (index, name) in names.enumerated() {
            let workspace = try E2EFixture.freshWorkspace(name)
            _ = try await E2EFixture.run(["--pack", pack.path, "--workspace", workspace.path])
            try counting(index < 3 ? "" : " (Gita's own words)").write(
                to: workspace.appendingPathComponent("01-hello/01-greeting/Greeting.swift"), atomically: true,
                encoding: .utf8)
            workspaces.append(workspace)
        }
        func grade(_ folders: [URL]) async throws -> (text: String, calls: Int) {
            _ = FileManager.default.createFile(atPath: calls.path, contents: nil)
            let output = E2EFixture.root.appendingPathComponent("grades-shared")
            try? FileManager.default.removeItem(at: output)
            let (status, text) = try await E2EFixture.run(
                ["--pack", pack.path, "dev", "grade"] + folders.map(\.path) + ["--output", output.path])
            #expect(status == 0, "\(text)")
            return (text, try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").count)
        }
        let one = try await grade([workspaces[0]]).calls
        #expect(one > 0)
        let (text, all) = try await grade(workspaces)
        for name in names {
            #expect(text.contains("\(name): 1 of 1 exercises pass, score 1/1"), "\(text)")
        }
        #expect(
            all == 2 * one,
            "one grading sends \(one) requests; four workspaces with two distinct codes got \(all)")
    }

    @Test func devGrade_refusesAFolderThatIsNotAWorkspace() async throws {
        let pack = try E2EFixture.pack()
        let (status, text) = try await E2EFixture.run(["--pack", pack.path, "dev", "grade", "/tmp"])
        #expect(status == 2)
        #expect(text.contains("/tmp is not a Backendlings workspace"), "\(text)")
        let indonesian = try await E2EFixture.run(
            ["--pack", pack.path, "dev", "grade", "/tmp"], environment: ["BACKENDLINGS_LANG": "id"])
        #expect(indonesian.status == 2)
        #expect(
            indonesian.output.contains(
                "/tmp bukan workspace Backendlings (tidak ada Package.swift di dalamnya)."),
            "\(indonesian.output)")
    }
}
