/// A curl command line that repeats a recorded request, so a learner can see for themselves what
/// their server answers while `backendlings serve` runs it.
///
/// The line is for POSIX shells (sh, bash, zsh): every argument is quoted so it reaches curl exactly
/// as recorded, whatever it holds. A body with line breaks or invisible characters cannot be shown
/// on one line inside quotes, so it is piped in: `printf '…' | curl … --data-binary @-`, where the
/// printf format spells those characters as escapes.
///
/// Recorded bodies may have been trimmed by the recorder; the command sends what was recorded.
public enum CurlCommand {
    /// Where `backendlings serve` listens.
    public static let defaultBaseURL = "http://127.0.0.1:8080"

    /// Headers curl sets by itself (or that describe the connection); repeating them would only add
    /// noise, and a stale `Content-Length` would break the request.
    static let omittedHeaders: Set<String> = ["host", "content-length", "connection", "user-agent"]

    /// The command line for `request` sent to `baseURL` (scheme, host and port, no path), for
    /// example `curl -i -X POST http://127.0.0.1:8080/books -H 'Content-Type: application/json'
    /// --data-raw '{"title":"Dune"}'`.
    public static func make(for request: HTTPExchange.Request, baseURL: String = defaultBaseURL) -> String {
        var arguments: [String] = []
        let body = request.body
        let method = request.method.uppercased()
        if method == "HEAD" && body == nil {
            arguments.append("-I")
        } else {
            arguments.append("-i")
            // A body makes curl send POST unless told otherwise, so GET with a body needs `-X GET`.
            if method != "GET" || body != nil {
                arguments += ["-X", ShellQuoting.quotedIfNeeded(request.method)]
            }
        }
        let url = url(for: request.target, baseURL: baseURL)
        // curl reads `[]` and `{}` in a URL as globbing patterns unless told not to.
        if url.contains(where: { "[]{}".contains($0) }) { arguments.append("-g") }
        arguments.append(ShellQuoting.quotedIfNeeded(url))
        for header in request.headers where !omittedHeaders.contains(header.name.lowercased()) {
            // `-H 'Name:'` would remove the header; `-H 'Name;'` sends it with an empty value.
            let text = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            arguments += ["-H", ShellQuoting.quoted(text)]
        }
        guard let body else { return "curl " + arguments.joined(separator: " ") }
        if ShellQuoting.needsPrintf(body) {
            let format = ShellQuoting.quoted(ShellQuoting.printfFormat(body))
            return "printf \(format) | curl " + arguments.joined(separator: " ") + " --data-binary @-"
        }
        return "curl " + arguments.joined(separator: " ") + " --data-raw " + ShellQuoting.quoted(body)
    }

    /// Whether ``make(for:baseURL:)`` pipes the body in with printf, so a report can say why.
    public static func pipesBody(of request: HTTPExchange.Request) -> Bool {
        request.body.map(ShellQuoting.needsPrintf) ?? false
    }

    /// `baseURL` without a trailing slash, then `target`, which always starts with `/`.
    static func url(for target: String, baseURL: String) -> String {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + (target.hasPrefix("/") ? target : "/" + target)
    }
}
