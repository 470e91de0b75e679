import Foundation
import Grader
import Synchronization

/// A tiny lesson pack and a workspace for end-to-end tests of the real `backendlings` binary.
///
/// Both live under the checkout's `.build/backendlings/e2e/` at fixed paths, and files are only
/// rewritten when their content changes, so the workspace's build and the grader stay cached
/// between test runs (a fresh clone pays for one BackendKit build here, once).
enum E2EFixture {
    static let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let root = home.appendingPathComponent(".build/backendlings/e2e", isDirectory: true)
    static let exerciseID = "hello01-greeting"

    /// The command line (`backendlings-cli`) built next to the test bundle. Not the `backendlings`
    /// launcher in front of it: while `swift test` holds the build folder's lock, a launcher that
    /// found a source newer than the CLI would wait for that lock to build it. The launcher has
    /// tests of its own (LauncherBuildTests, in a checkout of its own).
    static var binary: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundle.appendingPathComponent("backendlings-cli").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        return home.appendingPathComponent(".build/debug/backendlings-cli").path
    }

    /// The `backendlings` launcher built next to the test bundle.
    static var launcher: String {
        URL(fileURLWithPath: binary).deletingLastPathComponent().appendingPathComponent("backendlings").path
    }

    /// Writes the fixture pack at `name` (only files whose bytes differ; extra files removed).
    /// With `secondExercise`, the pack also has `hello02-again`, a copy of the first exercise.
    static func pack(_ name: String = "pack", secondExercise: Bool = false) throws -> URL {
        let pack = root.appendingPathComponent(name, isDirectory: true)
        // One writer at a time: tests running side by side write the same pack, and one writer's
        // sweep of extra files must never remove another's half-written temporary file.
        try writing.withLock { _ in try write(secondExercise ? grownFiles : files, below: pack) }
        return pack
    }

    private static let writing = Mutex(())

    /// The fixture pack after it gained a second exercise.
    static var grownFiles: [String: String] {
        var grown = files
        for (path, text) in files
        where path.hasPrefix("Lessons/01-hello/01-greeting/") || path.hasPrefix("Solutions/") {
            grown[path.replacingOccurrences(of: "01-greeting", with: "02-again")] = text
        }
        grown["Lessons/pack.json"] = files["Lessons/pack.json"]!.replacingOccurrences(
            of: "      ]\n    }\n  ]",
            with: """
                  ,
                        {
                          "id": "hello02-again",
                          "title": "Say hello again",
                          "path": "02-again",
                          "files": ["Greeting.swift"],
                          "hints": ["Look at what greeting() returns.", "Return the exact text."]
                        }
                      ]
                    }
                  ]
                """)
        grown["Lessons/01-hello/Tests/main.swift"] = "import GraderKit\n\nGraderMain.run([greeting, again])\n"
        grown["Lessons/01-hello/Tests/Again.swift"] = files["Lessons/01-hello/Tests/Greeting.swift"]!
            .replacingOccurrences(
                of: "let greeting = ExerciseTests(\"hello01-greeting\")",
                with: "let again = ExerciseTests(\"hello02-again\")")
        return grown
    }

    /// A workspace folder for `pack` with the learner's files removed but SwiftPM's `.build` kept.
    static func freshWorkspace(_ name: String = "workspace") throws -> URL {
        let workspace = root.appendingPathComponent(name, isDirectory: true)
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: workspace.path) {
            for entry in entries where entry != ".build" {
                try manager.removeItem(at: workspace.appendingPathComponent(entry))
            }
        }
        return workspace
    }

    /// What every run gets unless a test says otherwise: no colours, and English from a neutral
    /// locale, so the learner's own `LANG` or `BACKENDLINGS_LANG` never changes what tests read.
    static let quietLanguage = [
        "NO_COLOR": "1", "BACKENDLINGS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8",
    ]

    /// Runs `backendlings` with `arguments`; returns its exit status and combined output.
    /// Waits on a thread of its own, so a long build never holds one of Swift's few cooperative
    /// threads (which would stall every async test running beside it).
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:])
        async throws -> (status: Int32, output: String)
    {
        try await offThePool { try runBlocking(arguments, in: directory, environment: environment) }
    }

    private static func runBlocking(_ arguments: [String], in directory: URL?, environment: [String: String])
        throws -> (status: Int32, output: String)
    {
        let (status, output) = try ChildProcess.run(
            executable: binary,
            arguments: arguments,
            environment: .inherit(
                adding: environment.merging(quietLanguage) { a, _ in a },
                removing: ["BACKENDLINGS_PACK", "BACKENDLINGS_WORKSPACE"]),
            workingDirectory: directory?.path,
            timeout: .seconds(600)
        )
        guard case .exited(let code) = status else { return (-1, output.text) }
        return (code, output.text)
    }

    private static func write(_ files: [String: String], below folder: URL) throws {
        let manager = FileManager.default
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            if (try? String(contentsOf: url, encoding: .utf8)) != text {
                try manager.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        if let enumerator = manager.enumerator(atPath: folder.path) {
            while let path = enumerator.nextObject() as? String {
                let url = folder.appendingPathComponent(path)
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                    files[path] == nil
                {
                    try manager.removeItem(at: url)
                }
            }
        }
    }

    static let starterGreeting = """
        /// The text GET /hello answers with.
        func greeting() -> String {
            // TODO(learner): return "Hello, world!".
            "TODO"
        }

        """

    /// A greeting that does not compile (a number where a String is returned).
    static let brokenGreeting = """
        /// The text GET /hello answers with.
        func greeting() -> String { 42 }

        """

    static let solvedGreeting = """
        /// The text GET /hello answers with.
        func greeting() -> String {
            "Hello, world!"
        }

        """

    static let files: [String: String] = [
        "Lessons/pack.json": """
        {
          "formatVersion": 1,
          "name": "Fixture pack",
          "modules": [
            {
              "id": "hello",
              "title": "Hello",
              "path": "01-hello",
              "exercises": [
                {
                  "id": "hello01-greeting",
                  "title": "Say hello",
                  "path": "01-greeting",
                  "files": ["Greeting.swift"],
                  "hints": ["Look at what greeting() returns.", "Return the exact text \\"Hello, world!\\"."]
                }
              ]
            }
          ]
        }

        """,
        "Lessons/01-hello/README.md": "# Hello\n\nA module for end-to-end tests.\n",
        "Lessons/01-hello/01-greeting/README.md": """
        # Say hello

        A server that answers GET /hello. This lesson exists for the runner's own end-to-end tests, and
        it is long enough to pass the dev check's rule for lesson text.

        ## Your task
        Make `greeting()` return "Hello, world!".

        ## Try it by hand
        ```
        backendlings serve
        curl -i http://127.0.0.1:8080/hello
        ```

        """,
        "Lessons/01-hello/01-greeting/Starter/main.swift": """
        import BackendKit

        let router = Router()
        router.get("/hello") { _ in .text(greeting()) }
        Server(router: router).run()

        """,
        "Lessons/01-hello/01-greeting/Starter/Greeting.swift": starterGreeting,
        "Solutions/01-hello/01-greeting/Greeting.swift": solvedGreeting,
        "Lessons/01-hello/Tests/main.swift": "import GraderKit\n\nGraderMain.run([greeting])\n",
        "Lessons/01-hello/Tests/Greeting.swift": """
        import GraderKit

        let greeting = ExerciseTests("hello01-greeting") {
            Check("GET /hello answers 200 with Hello, world!", hint: "Return the exact text.") { t in
                let response = try t.http.get("/hello").expectStatus(200)
                try requireEqual(response.text, "Hello, world!", "the body", response: response)
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
