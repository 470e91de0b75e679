import Grader

/// The `backendlings` command tree: the root, `help`, the `dev` group, the options every command
/// accepts, and the keys several commands share. Each command declares itself in its own file
/// (a ``CommandDefinition`` in Sources/backendlings/Commands); list it below and both parsing and
/// help know it.
///
/// Help text is read by learners who are new to backends and may not be native English speakers:
/// short sentences, plain words, one idea each, an example where it helps. Every text is written in
/// English with its Indonesian beside it (see Docs/GLOSSARY.md for the terms).
enum BackendlingsCommands {
    static let packOption = OptionSpec.value(
        "pack", valueName: "path",
        help: Words(
            "Use the lesson pack in this folder instead of the built-in lessons. "
                + "You can also set BACKENDLINGS_PACK.",
            id: "Pakai paket pelajaran di folder ini, bukan pelajaran bawaan. "
                + "Bisa juga lewat BACKENDLINGS_PACK."))
    static let workspaceOption = OptionSpec.value(
        "workspace", valueName: "path",
        help: Words(
            "Keep your exercises in this folder instead of ./workspace. "
                + "You can also set BACKENDLINGS_WORKSPACE.",
            id: "Simpan latihanmu di folder ini, bukan di ./workspace. "
                + "Bisa juga lewat BACKENDLINGS_WORKSPACE."))
    static let langOption = OptionSpec.value(
        "lang", valueName: "code",
        help: Words(
            "Speak this language: en (English) or id (Bahasa Indonesia). You can also set "
                + "BACKENDLINGS_LANG, or choose once with 'backendlings lang'.",
            id: "Pakai bahasa ini: en (English) atau id (Bahasa Indonesia). Bisa juga lewat "
                + "BACKENDLINGS_LANG, atau pilih sekali dengan 'backendlings lang'."))
    /// Accepted by every command, before or after its name.
    static let global = [packOption, workspaceOption, langOption]

    static let helpOption = OptionSpec.flag(
        "help", short: "h", help: Words("Show help information.", id: "Tampilkan bantuan."))
    static let versionOption = OptionSpec.flag(
        "version", help: Words("Show the version of backendlings.", id: "Tampilkan versi backendlings."))
    static let pollFlag = Flag(
        "poll",
        help: Words(
            "Look for changed files every 0.3 seconds instead of waiting for the system to report "
                + "them. Use this if saving a file does not start a check (for example in WSL or on a "
                + "network folder).",
            id: "Cari file yang berubah setiap 0,3 detik, bukan menunggu kabar dari sistem. Pakai ini "
                + "kalau menyimpan file tidak memulai pengecekan (misalnya di WSL atau di folder "
                + "jaringan)."))

    static let root = CommandSpec.command(
        StartCommand.Definition.self,
        name: "backendlings",
        abstract: Words(
            "Learn backend development by building small, real web servers in your terminal.",
            id: "Belajar backend dengan membangun web server kecil yang sungguhan, langsung di terminal."),
        discussion: Words(
            "Run 'backendlings' with no subcommand to start. The first time, it creates your "
                + "workspace folder with every exercise in it. Then it watches your files: each time you "
                + "save, it builds the current exercise, tests it, and tells you what to fix next.",
            id: "Jalankan 'backendlings' tanpa subperintah untuk mulai. Pertama kali, ia membuat folder "
                + "workspace berisi semua latihan. Lalu ia mengawasi file-mu: setiap kali kamu menyimpan, "
                + "ia mem-build latihan yang sedang aktif, mengeceknya, dan memberi tahu apa yang perlu "
                + "kamu perbaiki berikutnya."),
        options: [pollFlag.spec, versionOption],
        subcommands: learnerCommands + [dev, helpCommand]
    )

    /// The commands a learner uses, in the order they appear in help.
    static let learnerCommands = [
        ListCommand.Definition.spec, CheckCommand.Definition.spec, CheckAllCommand.Definition.spec,
        WatchCommand.Definition.spec, HintCommand.Definition.spec, ServeCommand.Definition.spec,
        ProgressCommand.Definition.spec, ResetCommand.Definition.spec, SolutionCommand.Definition.spec,
        NavigationCommand.Next.spec, NavigationCommand.Goto.spec, LangCommand.Definition.spec,
    ]

    /// `dev`: tools for lesson-pack authors, kept out of the learner's way under one group.
    static let dev = CommandSpec(
        name: "dev",
        abstract: Words(
            "Tools for people who write lesson packs.", id: "Alat untuk penulis paket pelajaran."),
        subcommands: [
            DevCheckCommand.Definition.spec, DevMutantsCommand.Definition.spec, DevNewCommand.Definition.spec,
            DevStarterCommand.Definition.spec, DevAdoptCommand.Definition.spec,
            DevTranslationsCommand.Definition.spec, DevGradeCommand.Definition.spec,
            DevClassroomCommand.Definition.spec,
        ],
        action: .requiresSubcommand
    )

    static let helpCommand = CommandSpec(
        name: "help",
        abstract: Words("Show help for a command.", id: "Tampilkan bantuan untuk sebuah perintah."),
        arguments: [
            ArgumentSpec(
                name: "subcommand",
                help: Words(
                    "The command to explain, for example check or dev new.",
                    id: "Perintah yang mau dijelaskan, misalnya check atau dev new."),
                isOptional: true, isRepeating: true)
        ],
        action: .showHelp
    )

    /// `<exercise>` for commands where it may be left out; `purpose` completes "Which exercise to".
    static func optionalExercise(_ purpose: Words) -> Argument {
        Argument(
            "exercise",
            help: Words(
                "Which exercise to \(purpose.en), for example db01-schema. The default is the current exercise.",
                id: "Latihan yang mau \(purpose[.id]), misalnya db01-schema. Kalau tidak ditulis, latihan "
                    + "yang sedang aktif."),
            isOptional: true)
    }

    /// `<exercise>` for commands that must name one.
    static func requiredExercise(_ purpose: Words) -> Argument {
        Argument(
            "exercise",
            help: Words(
                "Which exercise to \(purpose.en), for example db01-schema.",
                id: "Latihan yang mau \(purpose[.id]), misalnya db01-schema."))
    }

    /// `--json`; `what` completes "Print ... as JSON".
    static func jsonFlag(_ what: Words) -> Flag {
        Flag(
            "json",
            help: Words(
                "Print \(what.en) as JSON, for editors and scripts.",
                id: "Tampilkan \(what[.id]) sebagai JSON, untuk editor dan skrip."))
    }
}
