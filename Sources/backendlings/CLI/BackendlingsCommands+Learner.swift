extension BackendlingsCommands {
    /// The commands a learner uses, in the order they appear in help.
    static let learnerCommands = [
        list, check, checkAll, watch, hint, serve, progress, reset, solution, next, goto,
    ]

    static let list = CommandSpec(
        name: "list",
        abstract: "Show every exercise and which ones you have finished.",
        discussion: "The current exercise is marked. To work on another one, run:\n\n"
            + "    backendlings goto <exercise>",
        action: .run { _ in .list }
    )

    static let check = CommandSpec(
        name: "check",
        abstract: "Build an exercise and run its tests once.",
        discussion: "Builds your code for the exercise, starts your server, and sends it real HTTP "
            + "requests to test it. Then it shows what passed and what to fix.",
        arguments: [optionalExercise("check")],
        options: [
            jsonFlag("the result"),
            .value(
                "results-json", valueName: "file",
                help: "Also write the result as Exercism's results.json (version 3) to this file."),
            .value("junit", valueName: "file", help: "Also write the result as JUnit XML to this file."),
            pointsFlag,
        ],
        action: .run { values throws(UsageError) in
            .check(
                exercise: values.argument("exercise"), json: values.flag("json"),
                resultsJSON: values.option("results-json"), junit: values.option("junit"),
                points: values.flag("points"))
        }
    )

    static let checkAll = CommandSpec(
        name: "check-all",
        abstract: "Check every exercise and show a summary.",
        options: [jsonFlag("the results")],
        action: .run { values in .checkAll(json: values.flag("json")) }
    )

    static let watch = CommandSpec(
        name: "watch",
        abstract: "Check the current exercise each time you save a file.",
        discussion: "This is what 'backendlings' does after the first run. Keep it open in one "
            + "terminal while you edit the files in your workspace folder.",
        options: [pollOption],
        action: .run { values in .watch(poll: values.flag("poll")) }
    )

    static let hint = CommandSpec(
        name: "hint",
        abstract: "Show a hint for an exercise.",
        discussion: "Each exercise has a few hints, from a small nudge to nearly the answer.",
        arguments: [optionalExercise("get a hint for")],
        action: .run { values in .hint(exercise: values.argument("exercise")) }
    )

    static let portOption = OptionSpec.value(
        "port", short: "p", valueName: "port", help: "The port your server listens on, from 1 to 65535.")

    static let freshOption = OptionSpec.flag(
        "fresh",
        help: "Start on a new, empty database (a separate file; your usual one is kept), as the checks do.")

    static let serve = CommandSpec(
        name: "serve",
        abstract: "Run your server so you can try it yourself.",
        discussion: "Builds the exercise and runs your server until you press Ctrl-C. While it runs, "
            + "send it requests from another terminal with curl. It prints a curl line from the "
            + "lesson to start with, for example:\n\n"
            + "    curl -i http://127.0.0.1:<port>/books",
        arguments: [optionalExercise("run")],
        options: [portOption, freshOption],
        action: .run { values throws(UsageError) in
            let port = try values.integer("port", usageName: portOption.usageName, in: 1...65_535)
            return .serve(exercise: values.argument("exercise"), port: port, fresh: values.flag("fresh"))
        }
    )

    static let progress = CommandSpec(
        name: "progress",
        abstract: "Show how many exercises you have finished.",
        discussion: "With --web, it serves a page with the same and more (time spent, your latest "
            + "failure, a chart) on this machine only, and the page follows your checks as you work.",
        options: [jsonFlag("your progress"), webFlag, webPortOption],
        action: .run { values throws(UsageError) in
            let port = try values.integer("port", usageName: webPortOption.usageName, in: 0...65_535)
            if let port, !values.flag("web") {
                throw UsageError(
                    .invalidValue(
                        option: webPortOption.usageName, value: String(port), expected: "--web with it"))
            }
            return .progress(json: values.flag("json"), web: values.flag("web"), port: port)
        }
    )

    static let reset = CommandSpec(
        name: "reset",
        abstract: "Put an exercise back the way it was at the start.",
        discussion: "Your files are copied to a backup folder first, so nothing is lost. The message "
            + "tells you where the backup is.",
        arguments: [requiredExercise("reset")],
        action: .run { values throws(UsageError) in .reset(exercise: try values.requiredArgument("exercise"))
        }
    )

    static let solution = CommandSpec(
        name: "solution",
        abstract: "Show the reference solution for an exercise.",
        discussion: "Try to solve the exercise yourself first: you learn more from a failing test "
            + "than from reading the answer.",
        arguments: [requiredExercise("show the solution for")],
        options: [.flag("force", help: "Show the solution even if you have not passed the exercise yet.")],
        action: .run { values throws(UsageError) in
            .solution(exercise: try values.requiredArgument("exercise"), force: values.flag("force"))
        }
    )

    static let next = CommandSpec(
        name: "next",
        abstract: "Move on to the next exercise.",
        action: .run { _ in .next }
    )

    static let goto = CommandSpec(
        name: "goto",
        abstract: "Make another exercise the current one.",
        arguments: [requiredExercise("switch to")],
        action: .run { values throws(UsageError) in .goto(exercise: try values.requiredArgument("exercise")) }
    )
}
