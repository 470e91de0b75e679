import Grader
import Testing

@testable import backendlings

/// Help is compared as exact text, so any change to what a learner reads shows up as a diff here.
@Suite struct HelpTextTests {
    let parser = CommandLineParser()

    private func helpText(_ arguments: [String]) throws -> String {
        guard case .help(let text) = parser.parse(arguments) else {
            Issue.record("expected help for \(arguments), got \(parser.parse(arguments))")
            return ""
        }
        return text
    }

    @Test func mainHelp_listsGlobalOptionsAndEverySubcommand() throws {
        let expected = """
            OVERVIEW: Learn backend development by building small, real web servers in your
            terminal.

            Run 'backendlings' with no subcommand to start. The first time, it creates your
            workspace folder with every exercise in it. Then it watches your files: each
            time you save, it builds the current exercise, tests it, and tells you what to
            fix next.

            USAGE: backendlings [--pack <path>] [--workspace <path>] [--lang <code>]
                   [--poll] [<subcommand>]

            OPTIONS:
              --pack <path>           Use the lesson pack in this folder instead of the
                                      built-in lessons. You can also set BACKENDLINGS_PACK.
              --workspace <path>      Keep your exercises in this folder instead of
                                      ./workspace. You can also set BACKENDLINGS_WORKSPACE.
              --lang <code>           Speak this language: en (English) or id (Bahasa
                                      Indonesia). You can also set BACKENDLINGS_LANG, or
                                      choose once with 'backendlings lang'.
              --poll                  Look for changed files every 0.3 seconds instead of
                                      waiting for the system to report them. Use this if
                                      saving a file does not start a check (for example in
                                      WSL or on a network folder).
              --version               Show the version of backendlings.
              -h, --help              Show help information.

            SUBCOMMANDS:
              list                    Show every exercise and which ones you have finished.
              check                   Build an exercise and run its tests once.
              check-all               Check every exercise and show a summary.
              watch                   Check the current exercise each time you save a file.
              hint                    Show a hint for an exercise.
              serve                   Run your server so you can try it yourself.
              progress                Show how many exercises you have finished.
              reset                   Put an exercise back the way it was at the start.
              solution                Show the reference solution for an exercise.
              next                    Move on to the next exercise.
              goto                    Make another exercise the current one.
              lang                    Show or change the language Backendlings speaks.
              dev                     Tools for people who write lesson packs.
              help                    Show help for a command.

              See 'backendlings help <subcommand>' for detailed help.

            """
        #expect(try helpText(["--help"]) == expected)
    }

    @Test func serveHelp_showsArgumentsOwnOptionsThenGlobals() throws {
        let expected = """
            OVERVIEW: Run your server so you can try it yourself.

            Builds the exercise and runs your server until you press Ctrl-C. While it runs,
            send it requests from another terminal with curl. It prints a curl line from the
            lesson to start with, for example:

                curl -i http://127.0.0.1:<port>/books

            USAGE: backendlings serve [<exercise>] [--port <port>] [--fresh]

            ARGUMENTS:
              <exercise>              Which exercise to run, for example db01-schema. The
                                      default is the current exercise.

            OPTIONS:
              -p, --port <port>       The port your server listens on, from 1 to 65535.
              --fresh                 Start on a new, empty database (a separate file; your
                                      usual one is kept), as the checks do.
              --pack <path>           Use the lesson pack in this folder instead of the
                                      built-in lessons. You can also set BACKENDLINGS_PACK.
              --workspace <path>      Keep your exercises in this folder instead of
                                      ./workspace. You can also set BACKENDLINGS_WORKSPACE.
              --lang <code>           Speak this language: en (English) or id (Bahasa
                                      Indonesia). You can also set BACKENDLINGS_LANG, or
                                      choose once with 'backendlings lang'.
              -h, --help              Show help information.

            """
        #expect(try helpText(["serve", "--help"]) == expected)
    }

    @Test func devHelp_listsItsSubcommandsAndPointsToTheirHelp() throws {
        let expected = """
            OVERVIEW: Tools for people who write lesson packs.

            USAGE: backendlings dev <subcommand>

            OPTIONS:
              --pack <path>           Use the lesson pack in this folder instead of the
                                      built-in lessons. You can also set BACKENDLINGS_PACK.
              --workspace <path>      Keep your exercises in this folder instead of
                                      ./workspace. You can also set BACKENDLINGS_WORKSPACE.
              --lang <code>           Speak this language: en (English) or id (Bahasa
                                      Indonesia). You can also set BACKENDLINGS_LANG, or
                                      choose once with 'backendlings lang'.
              -h, --help              Show help information.

            SUBCOMMANDS:
              check                   Check that a lesson pack is complete and correct.
              mutants                 Find the mistakes an exercise's hidden checks miss.
              new                     Add a new exercise to a module of the lesson pack.
              starter                 Write an exercise's whole starter (or its solved copy)
                                      into a folder.
              adopt                   Turn a whole starter you edited back into the
                                      exercise's overlay.
              translations            List the translations the pack still owes, or accept
                                      the ones that are up to date.
              grade                   Grade learners' workspaces and write the results as
                                      files.
              classroom               Write a GitHub Classroom autograding workflow into a
                                      learner template repository.

              See 'backendlings help dev <subcommand>' for detailed help.

            """
        #expect(try helpText(["dev", "--help"]) == expected)
    }

    @Test func devNewHelp_listsBothRequiredArguments() throws {
        let expected = """
            OVERVIEW: Add a new exercise to a module of the lesson pack.

            Creates the folders and files for the exercise and adds it to pack.json.

            USAGE: backendlings dev new <module> <exercise>

            ARGUMENTS:
              <module>                The id of the module in pack.json, for example
                                      databases.
              <exercise>              The id of the new exercise: lowercase letters, digits
                                      and '-', starting with a letter.

            OPTIONS:
              --pack <path>           Use the lesson pack in this folder instead of the
                                      built-in lessons. You can also set BACKENDLINGS_PACK.
              --workspace <path>      Keep your exercises in this folder instead of
                                      ./workspace. You can also set BACKENDLINGS_WORKSPACE.
              --lang <code>           Speak this language: en (English) or id (Bahasa
                                      Indonesia). You can also set BACKENDLINGS_LANG, or
                                      choose once with 'backendlings lang'.
              -h, --help              Show help information.

            """
        #expect(try helpText(["dev", "new", "-h"]) == expected)
    }

    @Test func mainHelp_inIndonesian() throws {
        let expected = """
            RINGKASAN: Belajar backend dengan membangun web server kecil yang sungguhan,
            langsung di terminal.

            Jalankan 'backendlings' tanpa subperintah untuk mulai. Pertama kali, ia membuat
            folder workspace berisi semua latihan. Lalu ia mengawasi file-mu: setiap kali
            kamu menyimpan, ia mem-build latihan yang sedang aktif, mengeceknya, dan memberi
            tahu apa yang perlu kamu perbaiki berikutnya.

            CARA PAKAI: backendlings [--pack <path>] [--workspace <path>] [--lang <code>]
                        [--poll] [<subcommand>]

            OPSI:
              --pack <path>           Pakai paket pelajaran di folder ini, bukan pelajaran
                                      bawaan. Bisa juga lewat BACKENDLINGS_PACK.
              --workspace <path>      Simpan latihanmu di folder ini, bukan di ./workspace.
                                      Bisa juga lewat BACKENDLINGS_WORKSPACE.
              --lang <code>           Pakai bahasa ini: en (English) atau id (Bahasa
                                      Indonesia). Bisa juga lewat BACKENDLINGS_LANG, atau
                                      pilih sekali dengan 'backendlings lang'.
              --poll                  Cari file yang berubah setiap 0,3 detik, bukan
                                      menunggu kabar dari sistem. Pakai ini kalau menyimpan
                                      file tidak memulai pengecekan (misalnya di WSL atau di
                                      folder jaringan).
              --version               Tampilkan versi backendlings.
              -h, --help              Tampilkan bantuan.

            SUBPERINTAH:
              list                    Tampilkan semua latihan dan mana yang sudah kamu
                                      selesaikan.
              check                   Build sebuah latihan dan jalankan pengecekannya
                                      sekali.
              check-all               Cek semua latihan dan tampilkan ringkasannya.
              watch                   Cek latihan yang aktif setiap kali kamu menyimpan
                                      file.
              hint                    Tampilkan petunjuk untuk sebuah latihan.
              serve                   Jalankan server-mu supaya bisa kamu coba sendiri.
              progress                Tampilkan berapa latihan yang sudah kamu selesaikan.
              reset                   Kembalikan sebuah latihan ke keadaan awalnya.
              solution                Tampilkan solusi acuan untuk sebuah latihan.
              next                    Lanjut ke latihan berikutnya.
              goto                    Jadikan latihan lain sebagai latihan aktif.
              lang                    Lihat atau ganti bahasa yang dipakai Backendlings.
              dev                     Alat untuk penulis paket pelajaran.
              help                    Tampilkan bantuan untuk sebuah perintah.

              Lihat 'backendlings help <subcommand>' untuk bantuan lengkap.

            """
        let text = try Language.$bound.withValue(.id) { try helpText(["--help"]) }
        #expect(text == expected)
    }

    @Test func langHelp_saysHowToChangeTheLanguage() throws {
        let expected = """
            OVERVIEW: Show or change the language Backendlings speaks.

            'backendlings lang id' switches to Bahasa Indonesia and 'backendlings lang en'
            to English; your workspace remembers it. --lang and BACKENDLINGS_LANG still win
            for one command.

            USAGE: backendlings lang [<code>]

            ARGUMENTS:
              <code>                  en or id. Leave it out to see which language is used
                                      and why.

            OPTIONS:
              --pack <path>           Use the lesson pack in this folder instead of the
                                      built-in lessons. You can also set BACKENDLINGS_PACK.
              --workspace <path>      Keep your exercises in this folder instead of
                                      ./workspace. You can also set BACKENDLINGS_WORKSPACE.
              --lang <code>           Speak this language: en (English) or id (Bahasa
                                      Indonesia). You can also set BACKENDLINGS_LANG, or
                                      choose once with 'backendlings lang'.
              -h, --help              Show help information.

            """
        #expect(try helpText(["lang", "--help"]) == expected)
    }

    @Test func helpCommand_showsTheSameTextAsTheHelpFlag() throws {
        #expect(try helpText(["help", "serve"]) == helpText(["serve", "--help"]))
        #expect(try helpText(["help", "dev", "new"]) == helpText(["dev", "new", "--help"]))
        #expect(try helpText(["help"]) == helpText(["--help"]))
        #expect(try helpText(["-h"]) == helpText(["--help"]))
    }

    @Test func helpForTheHelpCommand_omitsGlobalOptions() throws {
        let expected = """
            OVERVIEW: Show help for a command.

            USAGE: backendlings help [<subcommand> ...]

            ARGUMENTS:
              <subcommand>            The command to explain, for example check or dev new.

            OPTIONS:
              -h, --help              Show help information.

            """
        #expect(try helpText(["help", "--help"]) == expected)
    }
}

extension HelpTextTests {
    @Test func longUsageLine_wrapsBetweenGroups_neverInsideBrackets() throws {
        let usage = try helpText(["check", "--help"]).split(separator: "\n").drop { !$0.hasPrefix("USAGE:") }
            .prefix(2)
        #expect(
            Array(usage) == [
                "USAGE: backendlings check [<exercise>] [--json] [--results-json <file>]",
                "       [--junit <file>] [--points]",
            ])
    }
}
