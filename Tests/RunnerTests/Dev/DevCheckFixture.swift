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
    static func check(
        _ pack: Pack, only: Set<String> = [], onlyVariants: Set<String> = [], variants: Bool = true
    ) async throws -> DevCheckResult {
        var check = DevCheck(pack: pack, home: home)
        check.only = only
        check.onlyVariants = onlyVariants
        check.checksVariants = variants
        let configured = check
        // On a thread of its own: a build of minutes must not hold one of the test run's few
        // cooperative threads, which every async test beside it needs.
        return try await offThePool { try configured.run() }
    }

    /// A variant of hello01-greeting: its files (relative to its folder) and its text.
    static func variant(_ name: String, _ files: [String: String?]) -> [String: String?] {
        Dictionary(
            uniqueKeysWithValues: files.map {
                ("Solutions/01-hello/01-greeting/Variants/\(name)/\($0.key)", $0.value)
            })
    }

    /// A `variant.json`.
    static func description(_ text: String, caughtBy check: String) -> String {
        "{\"description\": \"\(text)\", \"caughtBy\": \"\(check)\"}\n"
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
        // A folder left empty (a variant of an earlier case) would still be read as a variant.
        let folders = (manager.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { FileSystem.isDirectory(folder.appendingPathComponent($0)) && !$0.hasPrefix(".build") }
        for path in folders.sorted(by: { $0.count > $1.count })
        where (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(path).path))?.isEmpty
            == true
        {
            try manager.removeItem(at: folder.appendingPathComponent(path))
        }
    }

    /// A guard, a status and a bound: `dev mutants` finds three mutants in it, and the checks
    /// kill the two status swaps but not `<=` turned into `<` (no check sends 20 characters).
    static let shoutSolution = """
        import BackendKit

        /// The answer to GET /shout?text=…: the text in capitals, or 400 without a text.
        func shout(_ request: Request) throws -> Response {
            guard let text = request.query["text"], text.count <= 20 else {
                throw HTTPError.badRequest("Send ?text= with at most 20 characters.")
            }
            return .text(text.uppercased() + "!")
        }

        """

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
        router.get("/shout") { request in try shout(request) }
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
        import BackendKit

        /// The answer to GET /shout.
        func shout(_ request: Request) throws -> Response { .text("not yet") }

        """,
        "Solutions/01-hello/01-greeting/Greeting.swift": """
        /// The text GET /hello answers with.
        func greeting() -> String {
            "Hello, world!"
        }

        """,
        "Lessons/01-hello/02-shout/Starter/Shout.swift": """
        import BackendKit

        /// The answer to GET /shout?text=…: the text in capitals, or 400 without a text.
        func shout(_ request: Request) throws -> Response {
            // TODO(learner): answer the text in capitals with "!", and 400 when there is none.
            .text("not yet")
        }

        """,
        "Solutions/01-hello/02-shout/Shout.swift": shoutSolution,
        "Solutions/01-hello/01-greeting/Variants/lowercase/Greeting.swift": """
        /// The text GET /hello answers with.
        func greeting() -> String {
            "hello, world!"
        }

        """,
        "Solutions/01-hello/01-greeting/Variants/lowercase/variant.json": """
        {"description": "The greeting is written in lower case.", "caughtBy": "GET /hello answers 200 with Hello, world!"}

        """,
        "Lessons/01-hello/Tests/main.swift": "import GraderKit\n\nGraderMain.run([greeting, shout])\n",
        "Lessons/01-hello/Tests/Greeting.swift": """
        import GraderKit

        let greeting = ExerciseTests("hello01-greeting") {
            Check("GET /hello answers 200 with Hello, world!", hint: "Return the exact text.") { t in
                let response = try t.http.get("/hello").expectStatus(200)
                try requireEqual(response.text, "Hello, world!", "the body", response: response)
            }
            Check("GET /hello is plain text") { t in
                try t.http.get("/hello").expectStatus(200).expectContentType("text/plain")
            }
        }

        """,
        "Lessons/01-hello/Tests/Shout.swift": """
        import GraderKit

        let shout = ExerciseTests("hello02-shout") {
            Check("GET /shout?text=hello answers HELLO!") { t in
                let response = try t.http.get("/shout?text=hello").expectStatus(200)
                try requireEqual(response.text, "HELLO!", "the body", response: response)
            }
            Check("GET /shout without a text answers 400") { t in
                try t.http.get("/shout").expectStatus(400)
            }
        }

        """,
    ]
}

/// Runs blocking work on a new thread and awaits it, leaving the cooperative pool free.
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
    }
}
