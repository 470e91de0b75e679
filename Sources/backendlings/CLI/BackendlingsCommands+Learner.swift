import Grader

extension BackendlingsCommands {
    /// The commands a learner uses, in the order they appear in help.
    static let learnerCommands = [
        list, check, checkAll, watch, hint, serve, progress, reset, solution, next, goto, lang,
    ]

    static let list = CommandSpec(
        name: "list",
        abstract: Words(
            "Show every exercise and which ones you have finished.",
            id: "Tampilkan semua latihan dan mana yang sudah kamu selesaikan."),
        discussion: Words(
            "The current exercise is marked. To work on another one, run:\n\n"
                + "    backendlings goto <exercise>",
            id: "Latihan yang sedang aktif diberi tanda. Untuk mengerjakan latihan lain, jalankan:\n\n"
                + "    backendlings goto <exercise>"),
        action: .run { _ in .list }
    )

    static let check = CommandSpec(
        name: "check",
        abstract: Words(
            "Build an exercise and run its tests once.",
            id: "Build sebuah latihan dan jalankan pengecekannya sekali."),
        discussion: Words(
            "Builds your code for the exercise, starts your server, and sends it real HTTP "
                + "requests to test it. Then it shows what passed and what to fix.",
            id: "Mem-build kode latihanmu, menyalakan server-mu, lalu mengirim request HTTP sungguhan "
                + "untuk mengeceknya. Setelah itu ia menunjukkan apa yang lulus dan apa yang perlu "
                + "diperbaiki."),
        arguments: [optionalExercise(Words("check", id: "dicek"))],
        options: [
            jsonFlag(Words("the result", id: "hasilnya")),
            .value(
                "results-json", valueName: "file",
                help: Words(
                    "Also write the result as Exercism's results.json (version 3) to this file.",
                    id: "Tulis juga hasilnya sebagai results.json Exercism (versi 3) ke file ini.")),
            .value(
                "junit", valueName: "file",
                help: Words(
                    "Also write the result as JUnit XML to this file.",
                    id: "Tulis juga hasilnya sebagai JUnit XML ke file ini.")),
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
        abstract: Words(
            "Check every exercise and show a summary.", id: "Cek semua latihan dan tampilkan ringkasannya."),
        options: [jsonFlag(Words("the results", id: "hasilnya"))],
        action: .run { values in .checkAll(json: values.flag("json")) }
    )

    static let watch = CommandSpec(
        name: "watch",
        abstract: Words(
            "Check the current exercise each time you save a file.",
            id: "Cek latihan yang aktif setiap kali kamu menyimpan file."),
        discussion: Words(
            "This is what 'backendlings' does after the first run. Keep it open in one "
                + "terminal while you edit the files in your workspace folder.",
            id: "Inilah yang dilakukan 'backendlings' setelah pertama kali dijalankan. Biarkan terbuka "
                + "di satu terminal selama kamu mengedit file di folder workspace-mu."),
        options: [pollOption],
        action: .run { values in .watch(poll: values.flag("poll")) }
    )

    static let hint = CommandSpec(
        name: "hint",
        abstract: Words("Show a hint for an exercise.", id: "Tampilkan petunjuk untuk sebuah latihan."),
        discussion: Words(
            "Each exercise has a few hints, from a small nudge to nearly the answer.",
            id: "Setiap latihan punya beberapa petunjuk, dari dorongan kecil sampai hampir jawabannya."),
        arguments: [optionalExercise(Words("get a hint for", id: "diberi petunjuk"))],
        action: .run { values in .hint(exercise: values.argument("exercise")) }
    )

    static let portOption = OptionSpec.value(
        "port", short: "p", valueName: "port",
        help: Words(
            "The port your server listens on, from 1 to 65535.",
            id: "Port tempat server-mu menunggu request, dari 1 sampai 65535."))

    static let freshOption = OptionSpec.flag(
        "fresh",
        help: Words(
            "Start on a new, empty database (a separate file; your usual one is kept), as the checks do.",
            id: "Mulai dengan database baru yang kosong (file terpisah; database biasamu tetap aman), "
                + "seperti saat pengecekan."))

    static let serve = CommandSpec(
        name: "serve",
        abstract: Words(
            "Run your server so you can try it yourself.",
            id: "Jalankan server-mu supaya bisa kamu coba sendiri."),
        discussion: Words(
            "Builds the exercise and runs your server until you press Ctrl-C. While it runs, "
                + "send it requests from another terminal with curl. It prints a curl line from the "
                + "lesson to start with, for example:\n\n"
                + "    curl -i http://127.0.0.1:<port>/books",
            id: "Mem-build latihan dan menjalankan server-mu sampai kamu menekan Ctrl-C. Selama "
                + "berjalan, kirim request dari terminal lain dengan curl. Ia menampilkan satu baris "
                + "curl dari pelajaran sebagai awal, misalnya:\n\n"
                + "    curl -i http://127.0.0.1:<port>/books"),
        arguments: [optionalExercise(Words("run", id: "dijalankan"))],
        options: [portOption, freshOption],
        action: .run { values throws(UsageError) in
            let port = try values.integer("port", usageName: portOption.usageName, in: 1...65_535)
            return .serve(exercise: values.argument("exercise"), port: port, fresh: values.flag("fresh"))
        }
    )

    static let progress = CommandSpec(
        name: "progress",
        abstract: Words(
            "Show how many exercises you have finished.",
            id: "Tampilkan berapa latihan yang sudah kamu selesaikan."),
        discussion: Words(
            "With --web, it serves a page with the same and more (time spent, your latest "
                + "failure, a chart) on this machine only, and the page follows your checks as you work.",
            id: "Dengan --web, ia menyajikan halaman berisi hal yang sama dan lebih banyak lagi (waktu "
                + "yang terpakai, kegagalan terakhirmu, grafik) hanya di komputer ini, dan halaman itu "
                + "ikut berubah setiap kali kamu mengecek."),
        options: [jsonFlag(Words("your progress", id: "progresmu")), webFlag, webPortOption],
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
        abstract: Words(
            "Put an exercise back the way it was at the start.",
            id: "Kembalikan sebuah latihan ke keadaan awalnya."),
        discussion: Words(
            "Your files are copied to a backup folder first, so nothing is lost. The message "
                + "tells you where the backup is.",
            id: "File-mu disalin dulu ke folder backup, jadi tidak ada yang hilang. Pesannya memberi "
                + "tahu di mana backup-nya."),
        arguments: [requiredExercise(Words("reset", id: "di-reset"))],
        action: .run { values throws(UsageError) in .reset(exercise: try values.requiredArgument("exercise"))
        }
    )

    static let solution = CommandSpec(
        name: "solution",
        abstract: Words(
            "Show the reference solution for an exercise.",
            id: "Tampilkan solusi acuan untuk sebuah latihan."),
        discussion: Words(
            "Try to solve the exercise yourself first: you learn more from a failing test "
                + "than from reading the answer.",
            id: "Coba selesaikan latihannya sendiri dulu: kamu belajar lebih banyak dari pengecekan "
                + "yang gagal daripada dari membaca jawabannya."),
        arguments: [requiredExercise(Words("show the solution for", id: "dilihat solusinya"))],
        options: [
            .flag(
                "force",
                help: Words(
                    "Show the solution even if you have not passed the exercise yet.",
                    id: "Tampilkan solusinya walaupun kamu belum lulus latihan ini."))
        ],
        action: .run { values throws(UsageError) in
            .solution(exercise: try values.requiredArgument("exercise"), force: values.flag("force"))
        }
    )

    static let next = CommandSpec(
        name: "next",
        abstract: Words("Move on to the next exercise.", id: "Lanjut ke latihan berikutnya."),
        action: .run { _ in .next }
    )

    static let goto = CommandSpec(
        name: "goto",
        abstract: Words(
            "Make another exercise the current one.", id: "Jadikan latihan lain sebagai latihan aktif."),
        arguments: [requiredExercise(Words("switch to", id: "dikerjakan"))],
        action: .run { values throws(UsageError) in .goto(exercise: try values.requiredArgument("exercise")) }
    )

    static let lang = CommandSpec(
        name: "lang",
        abstract: Words(
            "Show or change the language Backendlings speaks.",
            id: "Lihat atau ganti bahasa yang dipakai Backendlings."),
        discussion: Words(
            "'backendlings lang id' switches to Bahasa Indonesia and 'backendlings lang en' to "
                + "English; your workspace remembers it. --lang and BACKENDLINGS_LANG still win for "
                + "one command.",
            id: "'backendlings lang id' mengganti ke Bahasa Indonesia dan 'backendlings lang en' ke "
                + "English; workspace-mu mengingatnya. --lang dan BACKENDLINGS_LANG tetap menang "
                + "untuk satu perintah."),
        arguments: [
            ArgumentSpec(
                name: "code",
                help: Words(
                    "en or id. Leave it out to see which language is used and why.",
                    id: "en atau id. Kalau tidak ditulis, kamu melihat bahasa yang dipakai dan alasannya."),
                isOptional: true)
        ],
        action: .run { values throws(UsageError) in
            let code = values.argument("code")
            if let code, Language(code: code) == nil {
                throw UsageError(
                    .invalidValue(option: "<code>", value: code, expected: UsageError.languageChoices))
            }
            return .lang(code: code.flatMap { Language(code: $0) })
        }
    )
}
