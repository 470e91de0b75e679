import Grader
import Runner

extension BackendlingsCommands {
    static let pointsFlag = OptionSpec.flag(
        "points",
        help: Words(
            "End with a line 'Points <passed>/<checks>', for CI logs and graders (GitHub Classroom style).",
            id:
                "Akhiri dengan baris 'Points <lulus>/<pengecekan>', untuk log CI dan grader (gaya GitHub Classroom)."
        ))

    static let webFlag = OptionSpec.flag(
        "web",
        help: Words(
            "Open your progress as a web page on this machine, instead of printing it.",
            id: "Buka progresmu sebagai halaman web di komputer ini, bukan dicetak di terminal."))

    static let webPortOption = OptionSpec.value(
        "port", short: "p", valueName: "port",
        help: Words(
            "With --web: the port of the page, from 0 to 65535 (default 0: any free port).",
            id: "Dengan --web: port halamannya, dari 0 sampai 65535 (default 0: port mana pun yang kosong)."))

    static let devClassroom = CommandSpec(
        name: "classroom",
        abstract: Words(
            english: "Write a GitHub Classroom autograding workflow into a learner template repository."),
        discussion: Words(
            english: "For instructors. Writes .github/workflows/classroom.yml into the folder: on every push "
                + "it installs Swift and the system libraries, builds backendlings, and grades each exercise "
                + "as its own autograding test worth as many points as the exercise has checks. See "
                + "Docs/INSTRUCTORS.md for the whole set-up."),
        options: [
            .value(
                "output", valueName: "folder",
                help: Words(english: "The template repository to write into (default: the current folder).")),
            .value(
                "swift-version", valueName: "version",
                help: Words(
                    english:
                        "The Swift toolchain the workflow installs (default: \(ClassroomWorkflow.defaultSwiftVersion))."
                )),
        ],
        action: .run { values in
            .devClassroom(
                output: values.option("output") ?? ".", swiftVersion: values.option("swift-version"))
        }
    )
}
