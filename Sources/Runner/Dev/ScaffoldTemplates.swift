/// The files `dev new` writes: a working server with one TODO, a solution that passes, and a test.
enum ScaffoldTemplates {
    static func readme(id: String, file: String) -> String {
        """
        # TODO: the title

        TODO: one to three sentences: what the learner builds in this step and why it matters.

        ## The idea
        TODO: the concept in plain words, with a tiny example.

        ## Why it matters
        TODO: what goes wrong in production without it.

        ## Your task
        1. Open `\(file)` and find the `TODO(learner)` marker.
        2. TODO: what exactly the server must do.

        ## Try it by hand
        ```
        backendlings serve
        curl -i http://127.0.0.1:8080/hello
        ```

        ## Check your work
        ```
        backendlings check \(id)
        ```

        ## Learn more
        - TODO: one or two links (RFC 9110 sections, sqlite.org pages, MDN).

        """
    }

    static let main = """
        \(Pack.givenFileHeader)import BackendKit

        let router = Router()
        registerRoutes(on: router)
        Server(router: router).run()

        """

    static let starterRoutes = """
        import BackendKit

        func registerRoutes(on router: Router) {
            router.get("/hello") { _ in
                // TODO(learner): answer 200 with the text "Hello, world!".
                throw HTTPError(.notImplemented, detail: "TODO: GET /hello is not written yet.")
            }
        }

        """

    static let solutionRoutes = """
        import BackendKit

        func registerRoutes(on router: Router) {
            router.get("/hello") { _ in
                .text("Hello, world!")
            }
        }

        """

    /// The learner's new file in an overlay step: one route, not written yet.
    static func starterFeature(_ feature: String, route: String) -> String {
        """
        import BackendKit

        /// TODO: say what this step adds to the server, and why.
        func register\(feature)Routes(on router: Router) {
            router.get("\(route)") { _ in
                // TODO(learner): answer 200 with the text "Hello, world!".
                throw HTTPError(.notImplemented, detail: "TODO: GET \(route) is not written yet.")
            }
        }

        """
    }

    static func solutionFeature(_ feature: String, route: String) -> String {
        """
        import BackendKit

        /// TODO: say what this step adds to the server, and why.
        func register\(feature)Routes(on router: Router) {
            router.get("\(route)") { _ in
                .text("Hello, world!")
            }
        }

        """
    }

    /// `main` with a call to the step's route function inserted just before the line that starts the
    /// server; nil when no such line is found (the author wires it by hand).
    static func wire(_ feature: String, into main: String) -> String? {
        var lines = main.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("Server(") }) else { return nil }
        let indent = String(lines[start].prefix { $0 == " " })
        lines.insert("\(indent)register\(feature)Routes(on: router)", at: start)
        return lines.joined(separator: "\n")
    }

    static func tests(id: String, name: String, path: String) -> String {
        """
        import GraderKit

        let \(name) = ExerciseTests("\(id)") {
            Check("GET \(path) answers 200 with Hello, world!", hint: "TODO: a hint about the most likely mistake.") { t in
                let response = try t.http.get("\(path)").expectStatus(200)
                try requireEqual(response.text, "Hello, world!", "the body")
            }
        }

        """
    }
}
