/// BackendKit's startup contract: once a server listens it prints exactly
/// `Listening on http://127.0.0.1:PORT` on stdout. This is where the grader learns the port.
enum ListeningLine {
    static let prefix = "Listening on http://127.0.0.1:"
    /// How the line is named in messages to the learner.
    static let template = "Listening on http://127.0.0.1:PORT"

    /// The port in `line` if it is the listening line (a trailing `\r` is tolerated), else `nil`.
    static func port(in line: String) -> Int? {
        var text = Substring(line)
        if text.hasSuffix("\r") { text = text.dropLast() }
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(digits), (1...65535).contains(port)
        else { return nil }
        return port
    }

    /// What every attempt at the line starts with; a line that starts so but is not the exact
    /// contract line gets a verdict at once instead of the readiness deadline.
    static let attemptPrefix = "Listening on "

    /// Whether `line` looks like an attempt at the listening line.
    static func isAttempt(_ line: String) -> Bool { line.hasPrefix(attemptPrefix) }

    /// The port in a line of the contract's form, `0` included (which `port(in:)` refuses), or `nil`.
    static func announcedPort(in line: String) -> Int? {
        var text = Substring(line)
        if text.hasSuffix("\r") { text = text.dropLast() }
        guard text.hasPrefix(prefix) else { return nil }
        let digits = text.dropFirst(prefix.count)
        guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let port = Int(digits), port <= 65535
        else { return nil }
        return port
    }
}
