import Foundation
import Grader
import Runner

/// `backendlings progress`: a bar per module, totals, hints used, time since the start.
struct ProgressCommand {
    let app: App

    func run(json: Bool) throws -> Int32 {
        let context = try app.context()
        let pack = context.pack
        let started = try app.existingProgress(in: context)
        let progress = started ?? LearnerProgress(startedAt: Date(), current: pack.exercises.first?.id ?? "")
        if started == nil && !json {
            Console.out(
                Words(
                    "You have not started yet. Run \(app.style.code(app.command())) to create your workspace and begin.",
                    id:
                        "Kamu belum mulai. Jalankan \(app.style.code(app.command())) untuk membuat workspace-mu dan mulai."
                ).text + "\n")
            return 0
        }
        if json {
            Console.out(try Self.json(pack: pack, progress: progress, now: Date()) + "\n")
            return 0
        }
        let style = app.style
        let done = progress.doneCount(in: pack)
        let total = pack.exercises.count
        var text = style.bold(Words("Your progress", id: "Progresmu").text) + "\n\n"
        let titleWidth = pack.modules.map { $0.title(in: .current).count }.max() ?? 10
        for summary in progress.summary(for: pack) {
            let title = summary.module.title(in: .current).padding(
                toLength: titleWidth, withPad: " ", startingAt: 0)
            text +=
                "  \(title)  \(style.progressBar(completed: summary.done, total: summary.total, width: 20, broken: summary.broken))  \(summary.done)/\(summary.total)\n"
        }
        let percent = total == 0 ? 0 : done * 100 / total
        text +=
            "\n  " + Self.label(Words("Done:", id: "Selesai:"))
            + Words(
                "\(done) of \(total) exercises (\(percent)%)",
                id: "\(done) dari \(total) latihan (\(percent)%)"
            ).text
            + "\n"
        let broken = pack.exercises.filter { progress.state(of: $0.id).standing == .broken }
        if !broken.isEmpty {
            text +=
                "  " + style.warning(style.symbol(.broken)) + " "
                + Words("Failing again: ", id: "Gagal lagi: ").text
                + broken.map(\.id).joined(separator: ", ")
                + style.dim(
                    " "
                        + Words(
                            "(passed before; still counted as done)",
                            id: "(pernah lulus; tetap dihitung selesai)"
                        ).text)
                + "\n"
        }
        text += "  " + Self.label(Words("Hints used:", id: "Petunjuk:")) + "\(progress.hintsUsed)\n"
        let elapsed = Self.duration(progress.elapsed(at: Date()))
        text +=
            "  " + Self.label(Words("Started:", id: "Mulai:"))
            + Words("\(elapsed) ago", id: "\(elapsed) yang lalu").text + "\n"
        if let current = progress.currentExercise(in: pack) {
            text +=
                "  " + Self.label(Words("Current:", id: "Aktif:"))
                + "\(current.id) · \(current.title(in: .current))\n"
        }
        Console.out(text)
        return 0
    }

    /// A label padded to the column the values start in.
    static func label(_ words: Words) -> String {
        words.text.padding(toLength: max(13, words.text.count + 1), withPad: " ", startingAt: 0)
    }

    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 1 { return Words("less than a minute", id: "kurang dari semenit").text }
        if minutes < 60 {
            return Words("\(minutes) minute\(minutes == 1 ? "" : "s")", id: "\(minutes) menit").text
        }
        let hours = minutes / 60
        if hours < 48 {
            return Words(
                "\(hours) hour\(hours == 1 ? "" : "s") \(minutes % 60) min",
                id: "\(hours) jam \(minutes % 60) menit"
            ).text
        }
        return Words("\(hours / 24) days", id: "\(hours / 24) hari").text
    }

    static func json(pack: Pack, progress: LearnerProgress, now: Date) throws -> String {
        struct ModuleEntry: Encodable {
            var id: String
            var title: String
            var done: Int
            var total: Int
        }
        struct Output: Encodable {
            var formatVersion = 1
            var done: Int
            /// Of `done`, the exercises whose latest check fails.
            var failingAgain: [String]
            var total: Int
            var hintsUsed: Int
            var startedAt: Date
            var elapsedSeconds: Int
            var current: String?
            var modules: [ModuleEntry]
            var exercises: [String: ExerciseProgress]
        }
        let output = Output(
            done: progress.doneCount(in: pack),
            failingAgain: pack.exercises.filter { progress.state(of: $0.id).standing == .broken }.map(\.id),
            total: pack.exercises.count,
            hintsUsed: progress.hintsUsed,
            startedAt: progress.startedAt,
            elapsedSeconds: Int(progress.elapsed(at: now)),
            current: progress.currentExercise(in: pack)?.id,
            modules: progress.summary(for: pack).map {
                ModuleEntry(id: $0.module.id, title: $0.module.title, done: $0.done, total: $0.total)
            },
            exercises: Dictionary(
                uniqueKeysWithValues: pack.exercises.map { ($0.id, progress.state(of: $0.id)) })
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}

extension ProgressCommand {
    /// `progress`, printed or (with `--web`) served as a page.
    struct Definition: CommandDefinition {
        static let json = BackendlingsCommands.jsonFlag(Words("your progress", id: "progresmu"))
        static let web = Flag(
            "web",
            help: Words(
                "Open your progress as a web page on this machine, instead of printing it.",
                id: "Buka progresmu sebagai halaman web di komputer ini, bukan dicetak di terminal."))
        static let port = Option.integer(
            "port", short: "p", valueName: "port", in: 0...65_535,
            help: Words(
                "With --web: the port of the page, from 0 to 65535 (default 0: any free port).",
                id:
                    "Dengan --web: port halamannya, dari 0 sampai 65535 (default 0: port mana pun yang kosong)."
            ))

        static let spec = CommandSpec.command(
            Definition.self,
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
            options: [json.spec, web.spec, port.spec])

        var json: Bool
        /// Serve the progress page instead of printing; `port` nil picks a free one.
        var web: Bool
        var port: Int?

        init(json: Bool, web: Bool, port: Int?) {
            self.json = json
            self.web = web
            self.port = port
        }

        init(parsing values: ParsedValues) throws(UsageError) {
            let port = try values.value(of: Self.port)
            if let port, !values[Self.web] {
                throw UsageError(
                    .invalidValue(
                        option: Self.port.spec.usageName, value: String(port), expected: "--web with it"))
            }
            self.init(json: values[Self.json], web: values[Self.web], port: port)
        }

        var mayAskForLanguage: Bool { !json }

        func run(_ app: App) throws -> Int32 {
            if web {
                return try ProgressWebCommand(app: app).run(port: port ?? ProgressWebCommand.defaultPort)
            }
            return try ProgressCommand(app: app).run(json: json)
        }
    }
}

extension Command {
    static func progress(json: Bool, web: Bool = false, port: Int? = nil) -> Command {
        Command(ProgressCommand.Definition(json: json, web: web, port: port))
    }
}
