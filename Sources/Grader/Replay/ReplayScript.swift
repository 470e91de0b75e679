/// A POSIX shell script that sends again, with curl, what a grading run sent up to the end of one
/// failed check, so a learner can watch their own server answer it (`backendlings serve --fresh`).
///
/// A check often works on data that earlier checks made (api02's `DELETE /tasks/5` needs tasks 1 to
/// 5), so the script replays the earlier checks' requests too, showing only their status, and then
/// the failed check's requests with every answer in full. What a script cannot do — restart the
/// server, write to its database file, send malformed bytes — it says at that point instead.
///
/// Every value is quoted for POSIX sh (``ShellQuoting``); bodies that are not plain one-line text are
/// piped in with `printf`, so each request reaches the server byte for byte as the grader sent it.
public struct ReplayScript: Sendable {
    public var exercise: String
    /// The failed check: its number (1-based) and name.
    public var checkIndex: Int
    public var checkName: String
    /// What the check said when it failed, printed at the end to compare with.
    public var failureMessage: String?
    /// What the run did, from its start to the end of the failed check.
    public var steps: [ReplayStep]
    /// Where the script will be, for the usage lines in its header.
    public var scriptPath: String

    /// Requests a script holds at most; a run that sent more is cut, and says so.
    public static let maxRequests = 2000

    public init(
        exercise: String, checkIndex: Int, checkName: String, failureMessage: String?, steps: [ReplayStep],
        scriptPath: String
    ) {
        self.exercise = exercise
        self.checkIndex = checkIndex
        self.checkName = checkName
        self.failureMessage = failureMessage
        self.steps = steps
        self.scriptPath = scriptPath
    }

    /// The steps of the failed check itself, after its `.check` marker.
    var ownSteps: ArraySlice<ReplayStep> {
        guard let start = steps.firstIndex(of: .check(index: checkIndex, name: checkName)) else {
            return steps[...]
        }
        return steps[(start + 1)...]
    }

    /// Whether the failed check sent any request: without one there is nothing to replay.
    public var hasRequests: Bool { ownSteps.contains { if case .request = $0 { true } else { false } } }

    /// The script, ending in a newline.
    public func render() -> String {
        let own = ownSteps
        let earlier = steps[..<own.startIndex]
        let earlierRequests = Self.requestCount(earlier)
        let earlierChecks = Set(
            earlier.compactMap {
                if case .check(let index, _) = $0, index != checkIndex { index } else { nil }
            })
        var lines = header(
            earlierRequests: earlierRequests, earlierChecks: earlierChecks.count,
            ownRequests: Self.requestCount(own))
        lines += Self.prelude
        var written = 0
        var quiet = true
        for step in steps {
            if step == .check(index: checkIndex, name: checkName) { quiet = false }
            switch step {
            case .check(let index, let name):
                let suffix =
                    index == checkIndex
                    ? Words(" (the check that failed)", id: " (pengecekan yang gagal)").text : ""
                lines += ["", Self.say("== \(index). " + ReportText.clean(name) + suffix)]
            case .request(let request):
                written += 1
                if written > Self.maxRequests { continue }
                lines.append(ReplayCurl(request: request).line(quiet: quiet))
            case .restart:
                lines.append("restart")
            case .note(let text):
                lines.append("note " + ShellQuoting.quoted(ReportText.clean(text)))
            case .skipped(let text):
                let skipped = Words("Skipped: ", id: "Dilewati: ").text
                lines.append("note " + ShellQuoting.quoted(skipped + ReportText.clean(text)))
            }
        }
        if written > Self.maxRequests {
            let left = written - Self.maxRequests
            lines.append(
                "note "
                    + ShellQuoting.quoted(
                        Words(
                            "Left out: the last \(left) requests (a script holds \(Self.maxRequests)).",
                            id:
                                "Tidak disertakan: \(left) request terakhir (satu script memuat \(Self.maxRequests))."
                        ).text))
        }
        lines += footer()
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(earlierRequests: Int, earlierChecks: Int, ownRequests: Int) -> [String] {
        let shown = ReportPaths.display(scriptPath)
        let exercise = ReportText.clean(exercise)
        var lines = [
            "#!/bin/sh",
            Words(
                "# Replays check \(checkIndex) of \(exercise), which failed:",
                id: "# Memutar ulang pengecekan \(checkIndex) dari \(exercise), yang gagal:"
            ).text,
            "#   " + ReportText.clean(checkName),
            "#",
        ]
        let (earlier, checks, own) = (
            Self.count(earlierRequests, "request"), Self.count(earlierChecks, "check"),
            Self.count(ownRequests, "request")
        )
        if earlierRequests > 0 {
            lines += Words(
                "# It sends what the grader sent, in the same order: first the \(earlier) of the\n"
                    + "# \(checks) before it, which made the data this check works on (only their\n"
                    + "# status is shown), then the \(own) of this check, with every answer in full.",
                id: "# Script ini mengirim apa yang dikirim grader, dengan urutan yang sama: pertama\n"
                    + "# \(earlier) dari \(checks) sebelumnya, yang membuat data untuk pengecekan ini\n"
                    + "# (hanya status-nya yang ditampilkan), lalu \(own) dari pengecekan ini, dengan\n"
                    + "# setiap jawaban ditampilkan lengkap."
            ).text.components(separatedBy: "\n")
        } else {
            lines.append(
                Words(
                    "# It sends the \(own) of this check, in order, and shows every answer in full.",
                    id:
                        "# Script ini mengirim \(own) dari pengecekan ini, berurutan, dan menampilkan setiap jawaban lengkap."
                ).text)
        }
        lines += [
            "#",
            Words(
                "#   1. In another terminal:  backendlings serve \(exercise) --fresh",
                id: "#   1. Di terminal lain:  backendlings serve \(exercise) --fresh"
            ).text,
            Words("#   2. Here:                 sh ", id: "#   2. Di sini:           sh ").text
                + ShellQuoting.quotedIfNeeded(shown),
            "#",
        ]
        lines += Words(
            "# Ids, ETags and other values your server made are sent as the grader saw them; on a fresh\n"
                + "# database they are usually the same. Another address: BASE_URL=http://127.0.0.1:8081 sh ...",
            id:
                "# Id, ETag, dan nilai lain buatan server kamu dikirim seperti yang dilihat grader; di database\n"
                + "# yang baru biasanya nilainya sama. Alamat lain: BASE_URL=http://127.0.0.1:8081 sh ..."
        ).text.components(separatedBy: "\n")
        let skipped = steps.compactMap { if case .skipped(let text) = $0 { text } else { nil } }
        if !skipped.isEmpty {
            lines += [
                "#",
                Words(
                    "# What a script cannot do, and so skips (it says so when it gets there):",
                    id:
                        "# Yang tidak bisa dilakukan script, jadi dilewati (ia memberi tahu saat sampai di sana):"
                ).text,
            ]
            lines += Array(Set(skipped)).sorted().map { "#   - " + ReportText.clean($0) }
        }
        return lines
    }

    private func footer() -> [String] {
        let everything = Words(
            "That was everything check \(checkIndex) sent.",
            id: "Itu semua yang dikirim pengecekan \(checkIndex).")
        var lines = ["", Self.say(everything.text)]
        let message = ReportText.trimmedLines(failureMessage ?? "").map(ReportText.clean)
        if !message.isEmpty {
            lines.append(Self.say(Words("The check said:", id: "Kata pengecekannya:").text))
            lines += message.prefix(FailureDetail.maxMessageLines).map { Self.say("  " + $0) }
        }
        return lines
    }

    /// The functions every script starts with, in `Language.current`.
    static var prelude: [String] {
        Language.current == .id ? indonesianPrelude : englishPrelude
    }

    static let indonesianPrelude = [
        "",
        "set -u",
        #"BASE_URL="${BASE_URL:-http://127.0.0.1:8080}""#,
        #"COOKIES="$(mktemp)" || exit 1"#,
        #"trap 'rm -f "$COOKIES"' EXIT"#,
        "",
        "# quiet LABEL ARGUMEN-CURL...: mengirim request dari pengecekan sebelumnya dan mencetak status-nya.",
        "quiet() {",
        #"    printf '  %s → ' "$1"; shift"#,
        #"    curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer"#,
        "}",
        "# show LABEL ARGUMEN-CURL...: mengirim request dari pengecekan yang gagal dan mencetak seluruh jawabannya.",
        "show() {",
        #"    printf '\n>>> %s\n' "$1"; shift"#,
        #"    curl -i -s --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer"#,
        "    echo",
        "}",
        "noanswer() { echo 'tidak ada jawaban: apakah `backendlings serve --fresh` sedang berjalan?'; }",
        "# note TEKS: sesuatu yang dilakukan grader, yang hanya bisa diceritakan script ini.",
        #"note() { printf '\n# %s\n' "$1"; }"#,
        "# restart: di sini grader me-restart server kamu, dengan database yang sama.",
        "restart() {",
        "    note 'Di sini grader me-restart server kamu (database yang sama): hentikan `backendlings serve` dengan Ctrl-C lalu jalankan lagi, tanpa --fresh.'",
        "    if [ -t 0 ]; then printf 'Tekan Enter kalau server-nya sudah berjalan lagi. '; read -r _; fi",
        "}",
    ]

    static let englishPrelude = [
        "",
        "set -u",
        #"BASE_URL="${BASE_URL:-http://127.0.0.1:8080}""#,
        #"COOKIES="$(mktemp)" || exit 1"#,
        #"trap 'rm -f "$COOKIES"' EXIT"#,
        "",
        "# quiet LABEL CURL-ARGUMENTS...: sends a request of an earlier check and prints its status.",
        "quiet() {",
        #"    printf '  %s → ' "$1"; shift"#,
        #"    curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer"#,
        "}",
        "# show LABEL CURL-ARGUMENTS...: sends a request of the failed check and prints the whole answer.",
        "show() {",
        #"    printf '\n>>> %s\n' "$1"; shift"#,
        #"    curl -i -s --max-time 10 -b "$COOKIES" -c "$COOKIES" "$@" || noanswer"#,
        "    echo",
        "}",
        "noanswer() { echo 'no answer: is `backendlings serve --fresh` running?'; }",
        "# note TEXT: something the grader did that this script can only tell you about.",
        #"note() { printf '\n# %s\n' "$1"; }"#,
        "# restart: the grader restarted your server here, on the same database.",
        "restart() {",
        "    note 'The grader restarted your server here (same database): stop `backendlings serve` with Ctrl-C and start it again, without --fresh.'",
        "    if [ -t 0 ]; then printf 'Press Enter when it runs again. '; read -r _; fi",
        "}",
    ]

    /// A line that prints `text` as it is (`echo` would read backslashes in some shells).
    static func say(_ text: String) -> String { "printf '%s\\n' " + ShellQuoting.quoted(text) }

    private static func requestCount(_ steps: ArraySlice<ReplayStep>) -> Int {
        steps.filter { if case .request = $0 { true } else { false } }.count
    }

    /// "1 request", "3 checks"; Indonesian nouns have no plural ("3 pengecekan").
    private static func count(_ number: Int, _ noun: String) -> String {
        let counted = number == 1 ? "1 \(noun)" : "\(ReportNumbers.grouped(number)) \(noun)s"
        let indonesian = noun == "check" ? "pengecekan" : noun
        return Words(counted, id: "\(ReportNumbers.grouped(number)) \(indonesian)").text
    }
}
