/// The files `dev new` writes: a working server with one TODO, a solution that passes, and a test.
enum ScaffoldTemplates {
    static func readme(id: String) -> String {
        """
        # TODO: the title

        TODO: one to three sentences: what the learner builds in this step and why it matters.

        ## The idea
        TODO: the concept in plain words, with a tiny example.

        ## Why it matters
        TODO: what goes wrong in production without it.

        ## Your task
        1. Open `Routes.swift` and find the `TODO(learner)` marker.
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
        // Given: you do not need to change this file.
        import BackendKit

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

    static func tests(id: String, name: String) -> String {
        """
        import GraderKit

        let \(name) = ExerciseTests("\(id)") {
            Check("GET /hello answers 200 with Hello, world!", hint: "TODO: a hint about the most likely mistake.") { t in
                let response = try t.http.get("/hello").expectStatus(200)
                try requireEqual(response.text, "Hello, world!", "the body")
            }
        }

        """
    }
}
