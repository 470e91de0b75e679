import Foundation

@testable import Runner

/// A real, tiny lesson pack for the dev check's own tests: one overlay module of two exercises
/// with hidden tests that compile against the checkout's GraderKit.
///
/// It lives at a fixed path under the checkout's `.build/`, and files are rewritten only when their
/// bytes differ, so the dev check's package (keyed by the pack's path) stays built between cases
/// and between runs: a fresh clone pays for one BackendKit and GraderKit build here, once.
enum DevCheckFixture {
    static let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let root = home.appendingPathComponent(
        ".build/backendlings/devcheck-fixture/pack", isDirectory: true)

    /// Writes the pack with `changes` applied (a path mapped to nil is removed) and loads it.
    static func pack(_ changes: [String: String?] = [:]) throws -> Pack {
        var wanted = files
        for (path, text) in changes { wanted[path] = text }
        try write(wanted.compactMapValues { $0 }, below: root)
        return try Pack.load(from: root)
    }

    /// Runs the dev check on the pack as it is now.
    static func check(_ pack: Pack, only: Set<String> = []) throws -> DevCheckResult {
        var check = DevCheck(pack: pack, home: home)
        check.only = only
        return try check.run()
    }

    static func write(_ files: [String: String], below folder: URL) throws {
        let manager = FileManager.default
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                try manager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        for path in FileSystem.relativeFiles(below: folder) where files[path] == nil {
            try manager.removeItem(at: folder.appendingPathComponent(path))
        }
    }

    static let lesson = """
        # Say hello

        A server that answers GET /hello. This lesson exists for the dev check's own tests, and it is
        long enough to pass the dev check's rule for lesson text.

        ## Your task
        Make the route answer with the right text.

        ## Try it by hand
        ```
        backendlings serve
        curl -i http://127.0.0.1:8080/hello
        ```

        """

    static let files: [String: String] = [
        "Lessons/pack.json": """
        {
          "formatVersion": 1,
          "name": "Dev check fixture",
          "modules": [
            {
              "id": "hello",
              "title": "Hello",
              "path": "01-hello",
              "starters": "overlays",
              "exercises": [
                {
                  "id": "hello01-greeting",
                  "title": "Say hello",
                  "path": "01-greeting",
                  "files": ["Greeting.swift"],
                  "hints": ["Look at what greeting() returns.", "Return the exact text."]
                },
                {
                  "id": "hello02-shout",
                  "title": "Shout",
                  "path": "02-shout",
                  "files": ["Shout.swift"],
                  "hints": ["Look at what shout() returns.", "Return the text in capitals."]
                }
              ]
            }
          ]
        }

        """,
        "Lessons/01-hello/README.md": "# Hello\n\nA module for the dev check's tests.\n",
        "Lessons/01-hello/01-greeting/README.md": lesson,
        "Lessons/01-hello/02-shout/README.md": lesson,
        "Lessons/01-hello/01-greeting/Starter/main.swift": """
        import BackendKit

        let router = Router()
        router.get("/hello") { _ in .text(greeting()) }
        router.get("/shout") { _ in .text(shout()) }
        Server(router: router).run()

        """,
        "Lessons/01-hello/01-greeting/Starter/Greeting.swift": """
        /// The text GET /hello answers with.
        func greeting() -> String {
            // TODO(learner): return "Hello, world!".
            "TODO"
        }

        """,
        "Lessons/01-hello/01-greeting/Starter/Shout.swift": """
        /// The text GET /shout answers with.
        func shout() -> String { "not yet" }

        """,
        "Solutions/01-hello/01-greeting/Greeting.swift": """
        /// The text GET /hello answers with.
        func greeting() -> String {
            "Hello, world!"
        }

        """,
        "Lessons/01-hello/02-shout/Starter/Shout.swift": """
        /// The text GET /shout answers with.
        func shout() -> String {
            // TODO(learner): return "HELLO!".
            "not yet"
        }

        """,
        "Solutions/01-hello/02-shout/Shout.swift": """
        /// The text GET /shout answers with.
        func shout() -> String {
            "HELLO!"
        }

        """,
        "Lessons/01-hello/Tests/main.swift": "import GraderKit\n\nGraderMain.run([greeting, shout])\n",
        "Lessons/01-hello/Tests/Greeting.swift": """
        import GraderKit

        let greeting = ExerciseTests("hello01-greeting") {
            Check("GET /hello answers 200 with Hello, world!", hint: "Return the exact text.") { t in
                let response = try t.http.get("/hello").expectStatus(200)
                try requireEqual(response.text, "Hello, world!", "the body", response: response)
            }
        }

        """,
        "Lessons/01-hello/Tests/Shout.swift": """
        import GraderKit

        let shout = ExerciseTests("hello02-shout") {
            Check("GET /shout answers HELLO!") { t in
                let response = try t.http.get("/shout").expectStatus(200)
                try requireEqual(response.text, "HELLO!", "the body", response: response)
            }
        }

        """,
    ]
}
