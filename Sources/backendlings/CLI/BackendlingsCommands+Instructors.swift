import Runner

extension BackendlingsCommands {
    static let pointsFlag = OptionSpec.flag(
        "points",
        help: "End with a line 'Points <passed>/<checks>', for CI logs and graders (GitHub Classroom style).")

    static let webFlag = OptionSpec.flag(
        "web", help: "Open your progress as a web page on this machine, instead of printing it.")

    static let webPortOption = OptionSpec.value(
        "port", short: "p", valueName: "port",
        help: "With --web: the port of the page, from 0 to 65535 (default 0: any free port).")

    static let devClassroom = CommandSpec(
        name: "classroom",
        abstract: "Write a GitHub Classroom autograding workflow into a learner template repository.",
        discussion: "For instructors. Writes .github/workflows/classroom.yml into the folder: on every push "
            + "it installs Swift and the system libraries, builds backendlings, and grades each exercise "
            + "as its own autograding test worth as many points as the exercise has checks. See "
            + "Docs/INSTRUCTORS.md for the whole set-up.",
        options: [
            .value(
                "output", valueName: "folder",
                help: "The template repository to write into (default: the current folder)."),
            .value(
                "swift-version", valueName: "version",
                help:
                    "The Swift toolchain the workflow installs (default: \(ClassroomWorkflow.defaultSwiftVersion))."
            ),
        ],
        action: .run { values in
            .devClassroom(
                output: values.option("output") ?? ".", swiftVersion: values.option("swift-version"))
        }
    )
}
