/// The explanation of one failed check: what went wrong, the request and the response, a curl line
/// to repeat it, and the hint.
///
/// The terminal report, results.json and JUnit XML all explain a failure with these same lines, so
/// they can never disagree. Lines are indented by two spaces per level relative to the first; the
/// caller indents the block as a whole.
struct FailureDetail {
    var check: CheckResult
    var baseURL: String
    var style: any TextStyle
    /// How much of the response body to show; the terminal report shrinks it to stay short.
    var responseBody = BodyPreview.response
    /// How the learner starts their server in this shell (`backendlings serve`, `swift run …`).
    var serveCommand = "backendlings serve"

    /// Lines of a check's message shown at most; a message is a sentence or two, but a check may
    /// put a long diff in it.
    static let maxMessageLines = 8

    /// The block, without a trailing blank line.
    func lines() -> [String] {
        var lines = Self.messageLines(for: check)
        if let crash = check.crash {
            lines.append("")
            lines += CrashDetail(crash: crash, style: style).lines()
        }
        if let exchange = check.exchange {
            lines.append("")
            lines += requestLines(exchange.request)
            lines += responseLines(exchange)
            lines.append("")
            lines += tryItLines(exchange.request)
        }
        if let script = check.replayScript {
            lines.append("")
            lines += replayLines(script)
        }
        if let hint = check.hint, !ReportText.trimmedLines(hint).isEmpty {
            lines.append("")
            lines += hintLines(hint)
        }
        return lines
    }

    /// What went wrong, led by the request line when there was an exchange
    /// (`GET /books?sort=year → expected …`), unless the message already starts with it.
    static func messageLines(for check: CheckResult) -> [String] {
        var text =
            check.message.flatMap { ReportText.trimmedLines($0).isEmpty ? nil : $0 }
            ?? defaultMessage(for: check.status)
        if let request = check.exchange?.request {
            let requestLine = "\(request.method) \(request.target)"
            if !text.hasPrefix(requestLine) { text = requestLine + " → " + text }
        }
        return ReportText.capped(ReportText.trimmedLines(text), limit: maxMessageLines)
    }

    /// What a skipped check says in every output when it does not say what it needed.
    static var notRunMessage: String {
        Words(
            "Not run because an earlier check failed.",
            id: "Tidak dijalankan karena pengecekan sebelumnya gagal."
        ).text
    }

    /// "not checked (needs “GET /health answers 200 OK”)", the words every output uses for a check
    /// whose precondition did not hold; `nil` for a skipped check that names no need.
    static func notCheckedPhrase(for check: CheckResult) -> String? {
        guard check.status == .skipped, let needs = check.needs, !needs.isEmpty else { return nil }
        let needed = ReportText.clean(needs)
        return Words("not checked (needs \(needed))", id: "tidak dicek (butuh \(needed))").text
    }

    /// The sentence a skipped check carries in results.json and JUnit.
    static func skippedMessage(for check: CheckResult) -> String {
        if let phrase = notCheckedPhrase(for: check) {
            return phrase.prefix(1).uppercased() + phrase.dropFirst()
                + Words(": fix the failing check first.", id: ": perbaiki dulu pengecekan yang gagal.").text
        }
        return check.message.flatMap { ReportText.trimmedLines($0).first.map(ReportText.clean) }
            ?? notRunMessage
    }

    /// For a check that failed without saying why (a bug in the hidden tests, not the learner's).
    static func defaultMessage(for status: CheckResult.Status) -> String {
        switch status {
        case .pass: return Words("Passed.", id: "Lulus.").text
        case .fail:
            return Words(
                "This check did not pass, and it did not say why.",
                id: "Pengecekan ini tidak lulus, dan tidak menyebutkan alasannya."
            ).text
        case .error:
            return Words("This check could not finish.", id: "Pengecekan ini tidak bisa selesai.").text
        case .skipped: return notRunMessage
        }
    }

    private func requestLines(_ request: HTTPExchange.Request) -> [String] {
        var lines = [
            style.bold("Request"), "  " + ReportText.clean("\(request.method) \(request.target) HTTP/1.1"),
        ]
        lines += request.headers.map { "  " + ReportText.clean("\($0.name): \($0.value)") }
        lines += BodyPreview.request.lines(request.body).map { "  " + $0 }
        return lines
    }

    private func responseLines(_ exchange: HTTPExchange) -> [String] {
        guard let response = exchange.response else {
            var problem = ReportText.trimmedLines(exchange.problem ?? "").joined(separator: " ")
            if problem.isEmpty {
                problem =
                    Words(
                        "the grader got no answer from your server.",
                        id: "grader tidak mendapat jawaban dari server kamu."
                    ).text
            }
            if let last = problem.last, !".!?".contains(last) { problem += "." }
            // The client's own words may already start "no response: …" (in either language).
            let label = Words("No response", id: "Tidak ada response").text
            let lead = ["no response", "tidak ada response"].first { problem.lowercased().hasPrefix($0) }
            let text = lead.map { label + problem.dropFirst($0.count) } ?? label + ": " + problem
            return [style.bold("Response"), "  " + style.failure(ReportText.clean(text))]
        }
        let reason = response.reason.isEmpty ? "" : " " + response.reason
        var lines = [style.bold("Response"), "  " + ReportText.clean("HTTP/1.1 \(response.status)\(reason)")]
        lines += response.headers.map { "  " + ReportText.clean("\($0.name): \($0.value)") }
        let body = responseBody.lines(response.body, omittedBytes: response.bodyBytesOmitted)
        let empty = style.dim(Words("(empty body)", id: "(body kosong)").text)
        lines += (body.isEmpty ? [empty] : body).map { "  " + $0 }
        return lines
    }

    private func tryItLines(_ request: HTTPExchange.Request) -> [String] {
        var lines = [
            Words(
                "Try it yourself (run \(style.code(serveCommand)) in another terminal):",
                id: "Coba sendiri (jalankan \(style.code(serveCommand)) di terminal lain):"
            ).text,
            "  " + CurlCommand.make(for: request, baseURL: baseURL),
        ]
        if CurlCommand.pipesBody(of: request) {
            let note = Words(
                "(printf sends the body exactly, line breaks and all.)",
                id: "(printf mengirim body persis apa adanya, termasuk baris barunya.)")
            lines.append("  " + style.dim(note.text))
        }
        return lines
    }

    /// Where the script that replays the check is, and how to use it.
    private func replayLines(_ script: String) -> [String] {
        [
            Words(
                "Replay the whole check (run \(style.code("backendlings serve --fresh")) in another terminal):",
                id:
                    "Putar ulang seluruh pengecekan (jalankan \(style.code("backendlings serve --fresh")) di terminal lain):"
            ).text,
            "  sh " + ShellQuoting.quotedIfNeeded(ReportPaths.display(script)),
        ]
    }

    private func hintLines(_ hint: String) -> [String] {
        let hintLines = ReportText.trimmedLines(hint).map(ReportText.clean)
        guard let first = hintLines.first else { return [] }
        let label = Words("Hint:", id: "Petunjuk:").text
        let indent = String(repeating: " ", count: label.count + 1)  // under the hint's first word
        return [style.warning(label) + " " + first] + hintLines.dropFirst().map { indent + $0 }
    }
}
