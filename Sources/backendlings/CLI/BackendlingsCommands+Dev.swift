import Grader

extension BackendlingsCommands {
    /// `dev`: tools for lesson-pack authors, kept out of the learner's way under one group.
    static let dev = CommandSpec(
        name: "dev",
        abstract: Words(
            "Tools for people who write lesson packs.", id: "Alat untuk penulis paket pelajaran."),
        subcommands: [
            devCheck, devMutants, devNew, devStarter, devAdopt, devTranslations, devGrade, devClassroom,
        ],
        action: .requiresSubcommand
    )

    static let devCheck = CommandSpec(
        name: "check",
        abstract: Words(english: "Check that a lesson pack is complete and correct."),
        discussion: Words(
            english: "Reads pack.json and checks every module and exercise: the files it names exist, "
                + "every starter builds and fails its hidden tests, every reference solution passes them, "
                + "and every known-wrong variant (Solutions/<exercise>/Variants/<name>/) fails first at the "
                + "check its variant.json names."
        ),
        options: [
            jsonFlag(Words(english: "the findings")),
            .value(
                "only", valueName: "exercises",
                help: Words(
                    english:
                        "Check only these exercises, or single variants written exercise/variant (separated by commas)."
                )),
            .flag("no-variants", help: Words(english: "Do not build and grade the variants.")),
        ],
        action: .run { values in
            .devCheck(
                json: values.flag("json"),
                only: values.option("only").map { $0.split(separator: ",").map(String.init) } ?? [],
                variants: !values.flag("no-variants"))
        }
    )

    static let devMutants = CommandSpec(
        name: "mutants",
        abstract: Words(english: "Find the mistakes an exercise's hidden checks miss."),
        discussion: Words(
            english: "Applies small mechanical mistakes to the exercise's reference solution files (a status "
                + "code swapped for its neighbour, a statement dropped, a condition negated or loosened, a bound "
                + "SQL parameter pasted into the SQL, a transaction removed, a header dropped), builds and "
                + "grades each mutant, and lists the mutants every check passes. Mutants that do not compile "
                + "are not counted. The mutants are a sample (at most --max, chosen with --seed), so the same "
                + "command gives the same mutants."),
        arguments: [
            ArgumentSpec(
                name: "exercise", help: Words(english: "The id of the exercise, for example db01-schema."))
        ],
        options: [
            jsonFlag(Words(english: "every mutant and its verdict")),
            .value(
                "max", valueName: "n",
                help: Words(english: "The most mutants to build and grade (default 60).")),
            .value(
                "seed", valueName: "n",
                help: Words(english: "Which sample of mutants to take when there are more (default 1).")),
            .flag("list", help: Words(english: "Only list the mutants, without building or grading them.")),
        ],
        action: .run { values throws(UsageError) in
            .devMutants(
                exercise: try values.requiredArgument("exercise"), json: values.flag("json"),
                max: try values.integer("max", usageName: "--max <n>", in: 1...1000),
                seed: try values.integer("seed", usageName: "--seed <n>", in: 0...Int(Int32.max)).map(
                    UInt64.init),
                list: values.flag("list"))
        }
    )

    static let devNew = CommandSpec(
        name: "new",
        abstract: Words(english: "Add a new exercise to a module of the lesson pack."),
        discussion: Words(
            english: "Creates the folders and files for the exercise and adds it to pack.json."),
        arguments: [
            ArgumentSpec(
                name: "module",
                help: Words(english: "The id of the module in pack.json, for example databases.")),
            ArgumentSpec(
                name: "exercise",
                help: Words(
                    english:
                        "The id of the new exercise: lowercase letters, digits and '-', starting with a letter."
                )
            ),
        ],
        action: .run { values throws(UsageError) in
            .devNew(
                module: try values.requiredArgument("module"),
                exercise: try values.requiredArgument("exercise"))
        }
    )

    static let devStarter = CommandSpec(
        name: "starter",
        abstract: Words(english: "Write an exercise's whole starter (or its solved copy) into a folder."),
        discussion: Words(
            english: "In a module whose starters are overlays, each exercise folder holds only what is new "
                + "at that step. This writes the whole starter exactly as a learner gets it, to read it, open "
                + "it in an editor or compare it."),
        arguments: [
            ArgumentSpec(
                name: "exercise",
                help: Words(english: "The id of the exercise, for example db02-insert-fetch."))
        ],
        options: [
            .flag(
                "solved",
                help: Words(
                    english: "Write the starter with its files replaced by their reference solutions.")),
            .value(
                "output", valueName: "folder",
                help: Words(english: "Where to write it; the folder must be new or empty.")),
        ],
        action: .run { values throws(UsageError) in
            .devStarter(
                exercise: try values.requiredArgument("exercise"), solved: values.flag("solved"),
                output: values.option("output"))
        }
    )

    static let devAdopt = CommandSpec(
        name: "adopt",
        abstract: Words(english: "Turn a whole starter you edited back into the exercise's overlay."),
        discussion: Words(
            english: "The way back from `dev starter`: the learner's files and new files are kept whole, "
                + "each changed inherited file becomes a .patch, and inherited files you deleted are added to "
                + "\"removes\". The old Starter/ folder is saved under .build/backendlings/adopt-backups/ first."
        ),
        arguments: [
            ArgumentSpec(
                name: "exercise", help: Words(english: "The id of the exercise, for example api05-patch.")),
            ArgumentSpec(
                name: "folder", help: Words(english: "The folder `dev starter` wrote and you edited.")),
        ],
        action: .run { values throws(UsageError) in
            .devAdopt(
                exercise: try values.requiredArgument("exercise"),
                folder: try values.requiredArgument("folder"))
        }
    )

    static let devTranslations = CommandSpec(
        name: "translations",
        abstract: Words(
            english: "List the translations the pack still owes, or accept the ones that are up to date."),
        discussion: Words(
            english: "Every text of a language the pack declares must be translated and current: lesson "
                + "READMEs, titles and hints in pack.json, and the texts of the hidden tests. Each records the "
                + "English it was written for, so a change to the English makes it stale. --accept records "
                + "every translation that exists as current: run it after you checked them."),
        options: [
            .flag(
                "accept",
                help: Words(
                    english: "Record every existing translation as matching its English as it is now."))
        ],
        action: .run { values in .devTranslations(accept: values.flag("accept")) }
    )

    static let devGrade = CommandSpec(
        name: "grade",
        abstract: Words(english: "Grade learners' workspaces and write the results as files."),
        discussion: Words(
            english: "For instructors. Give the workspace folders you collected. Each one is graded for "
                + "every exercise (exercises a learner never started count as their starters), without "
                + "changing its progress. The output folder gets, per workspace, each exercise's report "
                + "(<exercise>.json) and Exercism results.json (<exercise>.results.json), plus summary.json, "
                + "summary.csv for a spreadsheet, and gradebook.html: the class at a glance, one page "
                + "that works offline."),
        arguments: [
            ArgumentSpec(
                name: "workspace", help: Words(english: "A learner's workspace folder."), isRepeating: true)
        ],
        options: [
            .value(
                "output", valueName: "folder",
                help: Words(english: "Where to write the results (default: ./grades).")),
            .value(
                "only", valueName: "exercises",
                help: Words(english: "Grade only these exercises (ids separated by commas).")),
        ],
        action: .run { values in
            .devGrade(
                workspaces: values.allArguments("workspace"),
                output: values.option("output") ?? "grades",
                only: values.option("only").map { $0.split(separator: ",").map(String.init) } ?? [])
        }
    )
}
