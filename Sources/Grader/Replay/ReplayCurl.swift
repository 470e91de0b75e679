/// One request of a replay script as a line that calls the script's `quiet` or `show` function with
/// curl's arguments: `show 'POST /tasks' -X POST "$BASE_URL"/tasks -H 'Content-Type: application/json'
/// --data-raw '{"title":"Buy milk"}'`.
///
/// curl adds headers of its own (`Accept: */*`, a form `Content-Type` for a body, `Expect:
/// 100-continue` for a large one); each is removed (`-H 'Name:'`) where the grader did not send it,
/// so the server sees the same request.
struct ReplayCurl {
    var request: ReplayRequest

    /// Bodies larger than this make curl ask `Expect: 100-continue` first.
    static let expectThreshold = 1024

    func line(quiet: Bool) -> String {
        let method = request.method.uppercased()
        let label = ShellQuoting.quoted(ReportText.clean("\(method) \(request.target)"))
        var words = [quiet ? "quiet" : "show", label]
        var body = request.body
        if body == nil && ["POST", "PUT", "PATCH"].contains(method) { body = [] }
        if method == "HEAD" && body == nil {
            words.append("-I")
        } else if method != "GET" || body != nil {
            words += ["-X", ShellQuoting.quotedIfNeeded(request.method)]
        }
        if request.target.contains(where: { "[]{}".contains($0) }) { words.append("-g") }
        if request.target.contains("/.") { words.append("--path-as-is") }
        words.append(#""$BASE_URL""# + ShellQuoting.quotedIfNeeded(request.target))
        words += headerWords(hasBody: body != nil, bodySize: body?.count ?? 0)
        guard let body else { return words.joined(separator: " ") }
        let text = String(decoding: body, as: UTF8.self)
        if Array(text.utf8) == body && !ShellQuoting.needsPrintf(text) {
            return (words + ["--data-raw", ShellQuoting.quoted(text)]).joined(separator: " ")
        }
        let format = ShellQuoting.quoted(ShellQuoting.printfFormat(bytes: body))
        return "printf \(format) | " + (words + ["--data-binary", "@-"]).joined(separator: " ")
    }

    private func headerWords(hasBody: Bool, bodySize: Int) -> [String] {
        var words: [String] = []
        var names: Set<String> = []
        for header in request.headers {
            let name = header.name.lowercased()
            if CurlCommand.omittedHeaders.contains(name) { continue }
            if name == "cookie" && request.usesCookieJar { continue }
            names.insert(name)
            let text = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            words += ["-H", ShellQuoting.quoted(text)]
        }
        if !names.contains("accept") { words += ["-H", "'Accept:'"] }
        if hasBody && !names.contains("content-type") { words += ["-H", "'Content-Type:'"] }
        if bodySize > Self.expectThreshold && !names.contains("expect") { words += ["-H", "'Expect:'"] }
        return words
    }
}
