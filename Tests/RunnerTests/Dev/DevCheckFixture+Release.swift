import Foundation

/// A third step of the fixture whose one learner file is not Swift: `hello03-release` asks for a
/// `Containerfile`, and its checks read it with `t.learnerFile`, as an Ops exercise's do. Its two
/// variants differ from the solution only in that file (one a whole file, one a patch), so their
/// programs compile to the solution's binary and only the folder the grader reads tells them apart.
extension DevCheckFixture {
    static let pinnedCheck = "The Containerfile starts FROM a pinned image"
    static let userCheck = "The Containerfile runs the server as a user that is not root"

    static let releaseSolution = "FROM swift:6.0-noble\nUSER app\nCMD [\"/app/server\"]\n"

    /// The changes that add `hello03-release` to the fixture.
    static var release: [String: String?] {
        let manifest = files["Lessons/pack.json"]!.replacingOccurrences(
            of: """
                          "hints": ["Look at what shout() returns.", "Return the text in capitals."]
                        }
                """,
            with: """
                          "hints": ["Look at what shout() returns.", "Return the text in capitals."]
                        },
                        {
                          "id": "hello03-release",
                          "title": "Release",
                          "path": "03-release",
                          "files": ["Containerfile"],
                          "hints": ["Start from a tagged Swift image.", "Add a USER line that is not root."]
                        }
                """)
        precondition(manifest != files["Lessons/pack.json"]!, "the fixture's pack.json changed shape")
        let variants = "Solutions/01-hello/03-release/Variants"
        return [
            "Lessons/pack.json": manifest,
            "Lessons/01-hello/03-release/README.md": lesson,
            "Lessons/01-hello/03-release/Starter/Containerfile":
                "# TODO(learner): build FROM a pinned Swift image and run as a USER that is not root.\n",
            "Solutions/01-hello/03-release/Containerfile": releaseSolution,
            "\(variants)/root/Containerfile": "FROM swift:6.0-noble\nCMD [\"/app/server\"]\n",
            "\(variants)/root/variant.json": description(
                "No USER line: the server runs as root.", caughtBy: userCheck),
            "\(variants)/latest/Containerfile.patch": """
            --- a/Containerfile
            +++ b/Containerfile
            @@ -1,3 +1,3 @@
            -FROM swift:6.0-noble
            +FROM swift:latest
             USER app
             CMD ["/app/server"]

            """,
            "\(variants)/latest/variant.json": description(
                "The base image is :latest.", caughtBy: pinnedCheck),
            "Lessons/01-hello/Tests/main.swift":
                "import GraderKit\n\nGraderMain.run([greeting, shout, release])\n",
            "Lessons/01-hello/Tests/Release.swift": """
            import GraderKit

            let release = ExerciseTests("hello03-release") {
                Check(
                    Words("\(pinnedCheck)", id: "Containerfile dimulai dari image yang dipatok"),
                    hint: Words("Write FROM swift:6.0-noble.", id: "Tulis FROM swift:6.0-noble.")
                ) { t in
                    let from = try t.learnerFile("Containerfile").split(separator: "\\n").first { $0.hasPrefix("FROM ") }
                    try require(
                        from.map { $0.contains(":") && !$0.hasSuffix(":latest") } == true,
                        Words("the FROM line is \\(from ?? "missing")", id: "baris FROM-nya \\(from ?? "tidak ada")"))
                }
                Check(Words("\(userCheck)", id: "Containerfile menjalankan server sebagai user yang bukan root")) { t in
                    let text = try t.learnerFile("Containerfile")
                    try require(
                        text.split(separator: "\\n").contains { $0.hasPrefix("USER ") && $0 != "USER root" },
                        Words("there is no USER line, so the server runs as root", id: "tidak ada baris USER, jadi server berjalan sebagai root"))
                }
            }

            """,
        ]
    }
}
